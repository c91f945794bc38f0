import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ROLES, type CreateUserRequest, type Role, type UpdateUserRequest, type User } from '@jxt/contracts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@jxt/domain';
import { IsPhone } from '../../../common/validation/is-filer';

const PASSWORD_RULES =
  '管理员设置的密码，用户首次登录须修改。至少 10 个字符（或本地区安全设置的长度），含大写字母、小写字母、数字、符号中的三类，不含用户名，不是常见密码';

/** Login names: also checked by the tenant:create command. */
export const USERNAME_PATTERN = /^[A-Za-z0-9._@-]{2,64}$/;

const ROLE_MESSAGE = `角色必须是 ${ROLES.join('、')} 之一`;

@ApiSchema({ name: 'User' })
export class UserDto implements User {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) username!: string;
  @ApiProperty({ type: String }) displayName!: string;
  @ApiProperty({ type: String, nullable: true, description: '联系电话（提交表单时作为联系电话的建议值）' }) phone!:
    string | null;
  @ApiProperty({ type: String, format: 'uuid' }) organizationId!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles!: Role[];
  @ApiProperty({ type: Boolean }) disabled!: boolean;
  @ApiProperty({ type: Boolean, description: '密码由管理员设置（初始或重置），用户尚未修改' })
  passwordChangeRequired!: boolean;
}

@ApiSchema({ name: 'CreatedUser', description: '新建的用户；未指定密码时附上系统生成的初始密码（只显示这一次）' })
export class CreatedUserDto extends UserDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: '系统生成的初始密码，只在此次应答中出现；用户首次登录须修改。管理员自己指定密码时为 null',
  })
  initialPassword!: string | null;
}

@ApiSchema({ name: 'ResetPasswordResponse' })
export class ResetPasswordResponseDto {
  @ApiProperty({ type: String, description: '系统生成的新密码，只在此次应答中出现；用户下次登录须修改' })
  password!: string;
}

@ApiSchema({ name: 'CreateUserRequest' })
export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ type: String, pattern: USERNAME_PATTERN.source })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: '用户名只能用 2–64 个字母、数字或 . _ @ -' })
  username!: string;

  @ApiProperty({ type: String, maxLength: 100 })
  @IsString()
  @IsNotEmpty({ message: '请填写姓名' })
  @MaxLength(100)
  displayName!: string;

  @ApiPropertyOptional({
    type: String,
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: `${PASSWORD_RULES}。不填则由系统生成初始密码（在应答的 initialPassword 中，只显示一次）`,
  })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `密码至少 ${PASSWORD_MIN_LENGTH} 个字符` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '联系电话（提交表单时作为联系电话的建议值）',
    example: '021-57821234',
  })
  @IsPhone({ optional: true })
  phone?: string | null;

  @ApiProperty({ type: String, format: 'uuid' }) @IsUUID('all', { message: '组织编号无效' }) organizationId!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1, { message: '至少选择一个角色' })
  @IsIn([...ROLES], { each: true, message: ROLE_MESSAGE })
  roles!: Role[];
}

@ApiSchema({ name: 'UpdateUserRequest' })
export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ type: String, maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: '请填写姓名' })
  @MaxLength(100)
  displayName?: string;
  @ApiPropertyOptional({
    type: String,
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: `重置密码。${PASSWORD_RULES}`,
  })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `密码至少 ${PASSWORD_MIN_LENGTH} 个字符` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: '联系电话；空白或 null 清除' })
  @IsPhone({ optional: true })
  phone?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '组织编号无效' })
  organizationId?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role', isArray: true, minItems: 1 })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: '至少选择一个角色' })
  @IsIn([...ROLES], { each: true, message: ROLE_MESSAGE })
  roles?: Role[];

  @ApiPropertyOptional({ type: Boolean }) @IsOptional() @IsBoolean() disabled?: boolean;
}
