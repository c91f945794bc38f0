import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  ORGANIZATION_KINDS,
  ROLES,
  type CurrentUser,
  type LoginChallengeResponse,
  type LoginResponse,
  type SessionRestriction,
  type TotpEnrolment,
  type TotpRecoveryCodes,
  type OrganizationKind,
  type Role,
  type SessionSummary,
} from '@jxt/contracts';

@ApiSchema({ name: 'CurrentUserTenant' })
export class CurrentUserTenantDto {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) name!: string;
}

@ApiSchema({ name: 'CurrentUserOrganization' })
export class CurrentUserOrganizationDto {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' }) kind!: OrganizationKind;
}

@ApiSchema({ name: 'CurrentUser' })
export class CurrentUserDto implements CurrentUser {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) username!: string;
  @ApiProperty({ type: String }) displayName!: string;
  @ApiProperty({ type: String, nullable: true, description: '联系电话：提交时作为联系电话的建议值' }) phone!:
    string | null;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles!: Role[];
  @ApiProperty({ type: CurrentUserTenantDto }) tenant!: CurrentUserTenantDto;
  @ApiProperty({ type: CurrentUserOrganizationDto }) organization!: CurrentUserOrganizationDto;
  @ApiProperty({
    enum: ['password_change', 'totp_enrolment'],
    enumName: 'SessionRestriction',
    nullable: true,
    description: '会话受限：须先修改初始密码（password_change）或启用双因素认证（totp_enrolment）；null 表示不受限',
  })
  restriction!: SessionRestriction | null;
  @ApiProperty({ type: Boolean, description: '是否已启用双因素认证（TOTP）' }) totpEnabled!: boolean;
  @ApiProperty({ type: Boolean, description: '是否必须启用双因素认证（管理员）' }) totpRequired!: boolean;
}

@ApiSchema({ name: 'LoginChallengeResponse', description: '202：密码正确，尚需验证码（POST /api/auth/login/totp）' })
export class LoginChallengeResponseDto implements LoginChallengeResponse {
  @ApiProperty({ type: String, description: '五分钟内有效，随验证码一并提交' }) challengeToken!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
}

@ApiSchema({ name: 'TotpEnrolment' })
export class TotpEnrolmentDto implements TotpEnrolment {
  @ApiProperty({ type: String, description: 'Base32 密钥（无法扫码时手工输入）' }) secret!: string;
  @ApiProperty({ type: String, description: 'otpauth:// URI，即二维码的内容' }) otpauthUri!: string;
}

@ApiSchema({ name: 'TotpRecoveryCodes' })
export class TotpRecoveryCodesDto implements TotpRecoveryCodes {
  @ApiProperty({ type: [String], description: '一次性恢复码，只显示这一次' }) recoveryCodes!: string[];
}

@ApiSchema({ name: 'LoginResponse' })
export class LoginResponseDto implements LoginResponse {
  @ApiProperty({ type: String }) accessToken!: string;
  @ApiProperty({ type: String, description: '以 Cookie 登录时，写操作须在 X-CSRF-Token 头中带回' }) csrfToken!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: CurrentUserDto }) user!: CurrentUserDto;
}

@ApiSchema({ name: 'SessionSummary' })
export class SessionSummaryDto implements SessionSummary {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) lastSeenAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ type: Boolean, description: '是否为发出本请求的会话' }) current!: boolean;
}
