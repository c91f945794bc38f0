import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ORGANIZATION_KINDS, ROLES, type OrganizationKind, type Role } from '@jxt/contracts';

@ApiSchema({ name: 'OnboardingProblem', description: '工作簿中的一个问题：所在工作表、行（从 1 起）、列字母' })
export class OnboardingProblemDto {
  @ApiProperty({ type: String }) sheet!: string;
  @ApiProperty({ type: 'integer' }) row!: number;
  @ApiProperty({ type: String, example: 'C' }) column!: string;
  @ApiProperty({ enum: ['error', 'warning'], description: 'error 阻止导入；warning 只是提醒' })
  severity!: 'error' | 'warning';
  @ApiProperty({ type: String }) message!: string;
}

@ApiSchema({ name: 'OnboardingOrganizationRow', description: '组织表的一行及其处理方式' })
export class OnboardingOrganizationRowDto {
  @ApiProperty({ type: 'integer', description: '工作表中的行号' }) row!: number;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind', nullable: true })
  kind!: OrganizationKind | null;
  @ApiProperty({ type: String, nullable: true, description: '上级组织名称；空为本人所在的组织' })
  parentName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '单位类型代码' }) unitTypeCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '归口财政科室名称' }) divisionName!: string | null;
  @ApiProperty({
    enum: ['create', 'exists', 'error'],
    description: 'create 新建；exists 同一上级下已有同名组织，不再新建；error 本行有错误',
  })
  action!: 'create' | 'exists' | 'error';
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '已存在的组织' })
  existingId!: string | null;
}

@ApiSchema({ name: 'OnboardingUserRow', description: '用户表的一行及其处理方式' })
export class OnboardingUserRowDto {
  @ApiProperty({ type: 'integer' }) row!: number;
  @ApiProperty({ type: String, description: '用户名（小写）' }) username!: string;
  @ApiProperty({ type: String }) displayName!: string;
  @ApiProperty({ type: String }) organizationName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles!: Role[];
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({
    enum: ['create', 'exists', 'error'],
    description: 'create 新建；exists 本人管理范围内已有此用户名，不作改动；error 本行有错误',
  })
  action!: 'create' | 'exists' | 'error';
}

@ApiSchema({ name: 'OnboardingPreview', description: '批量导入的预览：不写入任何内容' })
export class OnboardingPreviewDto {
  @ApiProperty({ type: [OnboardingOrganizationRowDto] }) organizations!: OnboardingOrganizationRowDto[];
  @ApiProperty({ type: [OnboardingUserRowDto] }) users!: OnboardingUserRowDto[];
  @ApiProperty({ type: [OnboardingProblemDto], description: '所有问题，按工作表、行排列' })
  problems!: OnboardingProblemDto[];
}

@ApiSchema({ name: 'OnboardedOrganization' })
export class OnboardedOrganizationDto {
  @ApiProperty({ type: 'integer', description: '组织表中的行号' }) row!: number;
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' }) kind!: OrganizationKind;
  @ApiProperty({ type: String, format: 'uuid' }) parentId!: string;
}

@ApiSchema({ name: 'OnboardedUser' })
export class OnboardedUserDto {
  @ApiProperty({ type: 'integer', description: '用户表中的行号' }) row!: number;
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) username!: string;
  @ApiProperty({ type: String }) displayName!: string;
  @ApiProperty({ type: String, format: 'uuid' }) organizationId!: string;
  @ApiProperty({ type: String }) organizationName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles!: Role[];
  @ApiProperty({ type: String, description: '系统生成的初始密码，只在此次应答中出现；用户首次登录须修改' })
  initialPassword!: string;
}

@ApiSchema({ name: 'OnboardingResult', description: '批量导入的结果：新建的组织和用户（已存在的不在其中）' })
export class OnboardingResultDto {
  @ApiProperty({ type: [OnboardedOrganizationDto] }) organizations!: OnboardedOrganizationDto[];
  @ApiProperty({ type: [OnboardedUserDto] }) users!: OnboardedUserDto[];
}
