import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  ORGANIZATION_KINDS,
  ROLES,
  type CurrentUser,
  type LoginResponse,
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
