import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type {
  ChangePasswordRequest,
  DisableTotpRequest,
  SecuritySettings,
  TotpCodeRequest,
  TotpLoginRequest,
  UpdateSecuritySettingsRequest,
} from '@jxt/contracts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@jxt/domain';

@ApiSchema({ name: 'TotpLoginRequest' })
export class TotpLoginDto implements TotpLoginRequest {
  @ApiProperty({ type: String, maxLength: 1000 })
  @IsString()
  @IsNotEmpty({ message: '缺少登录凭据，请重新登录' })
  @MaxLength(1000)
  challengeToken!: string;

  @ApiProperty({ type: String, maxLength: 40, description: '验证器上的 6 位验证码，或一个恢复码' })
  @IsString()
  @IsNotEmpty({ message: '请输入验证码' })
  @MaxLength(40)
  code!: string;
}

@ApiSchema({ name: 'ChangePasswordRequest' })
export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ type: String, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @IsNotEmpty({ message: '请输入当前密码' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty({
    type: String,
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description:
      '至少 10 个字符（或本地区安全设置的长度），含大写字母、小写字母、数字、符号中的三类，不含用户名，不是常见密码',
  })
  @IsString()
  @IsNotEmpty({ message: '请输入新密码' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `密码最多 ${PASSWORD_MAX_LENGTH} 个字符` })
  newPassword!: string;
}

@ApiSchema({ name: 'TotpCodeRequest' })
export class TotpCodeDto implements TotpCodeRequest {
  @ApiProperty({ type: String, maxLength: 40 })
  @IsString()
  @IsNotEmpty({ message: '请输入验证码' })
  @MaxLength(40)
  code!: string;
}

@ApiSchema({ name: 'DisableTotpRequest' })
export class DisableTotpDto implements DisableTotpRequest {
  @ApiPropertyOptional({ type: String, maxLength: 40, description: '当前验证码或恢复码' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  code?: string;

  @ApiPropertyOptional({ type: String, maxLength: PASSWORD_MAX_LENGTH, description: '或当前密码' })
  @IsOptional()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
}

/** The bounds of each setting (等保 2.0 level 3 asks for a lock-out and an idle time-out; none may be switched off). */
export const SECURITY_SETTING_BOUNDS = {
  maxFailuresPerUser: [3, 10],
  userDelaySeconds: [1, 600],
  userDelayMaxSeconds: [60, 86_400],
  idleTimeoutMinutes: [5, 240],
  sessionMaxHours: [1, 24],
  passwordMinLength: [PASSWORD_MIN_LENGTH, 64],
} as const;

const bounded = (name: keyof typeof SECURITY_SETTING_BOUNDS, label: string) => {
  const [min, max] = SECURITY_SETTING_BOUNDS[name];
  const message = `${label}须为 ${min}–${max} 的整数`;
  return [
    ApiProperty({ type: 'integer', minimum: min, maximum: max, description: label }),
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message }),
  ];
};
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const d of decorators) d(target, key);
  };

@ApiSchema({ name: 'UpdateSecuritySettingsRequest' })
export class UpdateSecuritySettingsDto implements UpdateSecuritySettingsRequest {
  @apply(bounded('maxFailuresPerUser', '连续登录失败多少次后开始限制'))
  maxFailuresPerUser!: number;
  @apply(bounded('userDelaySeconds', '首次等待秒数'))
  userDelaySeconds!: number;
  @apply(bounded('userDelayMaxSeconds', '最长等待秒数'))
  userDelayMaxSeconds!: number;
  @apply(bounded('idleTimeoutMinutes', '会话空闲超时（分钟）'))
  idleTimeoutMinutes!: number;
  @apply(bounded('sessionMaxHours', '会话最长有效时间（小时）'))
  sessionMaxHours!: number;
  @apply(bounded('passwordMinLength', '密码最短长度'))
  passwordMinLength!: number;
}

// The answer has no bounds: a tenant without its own row shows the process's settings, which an operator may set
// outside them (tests do).
@ApiSchema({ name: 'SecuritySettings' })
export class SecuritySettingsDto implements SecuritySettings {
  @ApiProperty({ type: 'integer' }) maxFailuresPerUser!: number;
  @ApiProperty({ type: 'integer' }) userDelaySeconds!: number;
  @ApiProperty({ type: 'integer' }) userDelayMaxSeconds!: number;
  @ApiProperty({ type: 'integer' }) idleTimeoutMinutes!: number;
  @ApiProperty({ type: 'integer' }) sessionMaxHours!: number;
  @ApiProperty({ type: 'integer' }) passwordMinLength!: number;
  @ApiProperty({ type: Boolean, description: '当前用户能否修改（财政局管理员）' }) editable!: boolean;
}
