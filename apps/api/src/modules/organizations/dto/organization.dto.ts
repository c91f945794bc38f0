import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import {
  ORGANIZATION_KINDS,
  type CreateOrganizationRequest,
  type OrganizationKind,
  type UpdateOrganizationRequest,
} from '@jxt/contracts';

export class CreateOrganizationDto implements CreateOrganizationRequest {
  @ApiProperty() @IsUUID('all', { message: '上级组织编号无效' }) parentId!: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn([...ORGANIZATION_KINDS], { message: '组织类型必须是 finance_bureau、department、unit 或 internal' })
  kind!: OrganizationKind;

  @ApiProperty() @IsString() @IsNotEmpty({ message: '请填写组织名称' }) @MaxLength(200) name!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) unitTypeCode?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) sortOrder?: number;
}

export class UpdateOrganizationDto implements UpdateOrganizationRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: '上级组织编号无效' }) parentId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: '请填写组织名称' })
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) unitTypeCode?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) sortOrder?: number;
}
