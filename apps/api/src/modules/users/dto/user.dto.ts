import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { ROLES, type CreateUserRequest, type Role, type UpdateUserRequest } from '@jxt/contracts';
import { IsPhone } from '../../../common/validation/is-filer';

/** Login names: also checked by the tenant:create command. */
export const USERNAME_PATTERN = /^[A-Za-z0-9._@-]{2,64}$/;

const ROLE_MESSAGE = `角色必须是 ${ROLES.join('、')} 之一`;

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty()
  @IsString()
  @Matches(USERNAME_PATTERN, { message: '用户名只能用 2–64 个字母、数字或 . _ @ -' })
  username!: string;

  @ApiProperty() @IsString() @IsNotEmpty({ message: '请填写姓名' }) @MaxLength(100) displayName!: string;

  @ApiProperty() @IsString() @MinLength(8, { message: '密码至少 8 个字符' }) @MaxLength(200) password!: string;

  @ApiPropertyOptional({ description: '联系电话（提交表单时作为联系电话的建议值）', example: '021-57821234' })
  @IsPhone({ optional: true })
  phone?: string | null;

  @ApiProperty() @IsUUID('all', { message: '组织编号无效' }) organizationId!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: '至少选择一个角色' })
  @IsIn([...ROLES], { each: true, message: ROLE_MESSAGE })
  roles!: Role[];
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: '请填写姓名' })
  @MaxLength(100)
  displayName?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(8, { message: '密码至少 8 个字符' })
  @MaxLength(200)
  password?: string;
  @ApiPropertyOptional({ description: '联系电话；空白或 null 清除' }) @IsPhone({ optional: true }) phone?:
    string | null;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: '组织编号无效' }) organizationId?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: '至少选择一个角色' })
  @IsIn([...ROLES], { each: true, message: ROLE_MESSAGE })
  roles?: Role[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean() disabled?: boolean;
}
