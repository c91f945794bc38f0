import { BadRequestException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { SecuritySettings, UpdateSecuritySettingsRequest } from '@jxt/contracts';
import { PASSWORD_MIN_LENGTH } from '@jxt/domain';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { Db } from '../../database/access/db';
import { tenantScope } from '../../common/tenancy/request-context';
import { SecuritySettingRepository, type SecuritySettingRow } from './security-setting.repository';

/** The idle time-out without a row (the session lookup's SQL says 30 too: migration SecondFactorAndSecuritySettingsAccess). */
export const DEFAULT_IDLE_TIMEOUT_MINUTES = 30;

/**
 * 安全设置 (等保 2.0 level 3): a tenant's lock-out and session time-out, and the password's minimum length. Read by
 * every admin; changed only by an admin of the 财政局, since they bind every user of the tenant.
 */
@Injectable()
export class SecuritySettingsService {
  constructor(
    private readonly settings: SecuritySettingRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The process's settings: what a tenant without its own row gets. */
  defaults(): SecuritySettingRow {
    const limits = this.config.loginRateLimits;
    return {
      maxFailuresPerUser: limits.maxFailuresPerUser,
      userDelaySeconds: limits.userDelaySeconds,
      userDelayMaxSeconds: limits.userDelayMaxSeconds,
      idleTimeoutMinutes: DEFAULT_IDLE_TIMEOUT_MINUTES,
      sessionMaxHours: this.config.sessionTtlHours,
      passwordMinLength: PASSWORD_MIN_LENGTH,
    };
  }

  /** The tenant's settings in a transaction set to it. */
  async of(db: Db): Promise<SecuritySettingRow> {
    return (await this.settings.get(db)) ?? this.defaults();
  }

  async read(): Promise<SecuritySettings> {
    const { user, db } = tenantScope();
    return { ...(await this.of(db)), editable: mayEdit(user.roles, user.organizationKind) };
  }

  async update(dto: UpdateSecuritySettingsRequest): Promise<SecuritySettings> {
    const { user, db } = tenantScope();
    if (!mayEdit(user.roles, user.organizationKind)) throw new ForbiddenException('只有财政局的管理员可以修改安全设置');
    if (dto.userDelayMaxSeconds < dto.userDelaySeconds) {
      const message = '最长等待时间不能短于首次等待时间';
      throw new BadRequestException({
        message,
        fields: [{ field: 'userDelayMaxSeconds', message, value: dto.userDelayMaxSeconds }],
      });
    }
    const saved = await this.settings.save(db, user.tenantId, dto, user.userId);
    return { ...saved!, editable: true };
  }
}

const mayEdit = (roles: readonly string[], kind: string) => roles.includes('admin') && kind === 'finance_bureau';
