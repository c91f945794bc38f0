import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { CodeListItem, TaxonomyNode, TaxonomyNodeInput } from '@jxt/contracts';
import { EachIsObject, INT4_MAX } from '../../../common/validation/nested';

const CODE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const CODE_MESSAGE = '代码只能用小写字母、数字和 _ . -，最长 64 位';

@ApiSchema({ name: 'CodeListItem', description: '代码表中的一项' })
export class CodeListItemDto implements CodeListItem {
  @ApiProperty({ type: String, example: 'project_category' }) list!: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: '按年度管理的代码表（功能分类科目）的年度；全租户通用的为空',
  })
  year!: number | null;
  @ApiProperty({ type: String, example: 'recurring' }) code!: string;
  @ApiProperty({ type: String, example: '经常性项目' }) label!: string;
  @ApiProperty({ type: 'integer' }) sortOrder!: number;
}

@ApiSchema({ name: 'CodeListEntry' })
export class CodeListEntryDto {
  @ApiProperty({ type: String, example: 'recurring' })
  @IsString()
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;
  @ApiProperty({ type: String, example: '经常性项目' })
  @IsString()
  @IsNotEmpty({ message: '请填写名称' })
  @MaxLength(200)
  label!: string;
}

/** PUT /api/code-lists/:list — the whole list, in display order. */
@ApiSchema({ name: 'ReplaceCodeListRequest' })
export class ReplaceCodeListDto {
  @ApiProperty({ type: [CodeListEntryDto] })
  @IsArray()
  @ArrayMinSize(1, { message: '至少需要一项' })
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => CodeListEntryDto)
  items!: CodeListEntryDto[];
}

/** 一级/二级指标 of a year's taxonomy as sent to replace it (`retired` left out: in use). */
@ApiSchema({ name: 'TaxonomyNodeInput' })
export class TaxonomyNodeInputDto implements TaxonomyNodeInput {
  @ApiProperty({ type: String, example: 'quantity' })
  @IsString()
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;
  @ApiProperty({ type: String, example: '数量指标' })
  @IsString()
  @IsNotEmpty({ message: '请填写名称' })
  @MaxLength(100)
  label!: string;
  @ApiProperty({ type: 'integer', enum: [1, 2] }) @IsInt() @IsIn([1, 2], { message: '层级只能是 1 或 2' }) level!:
    1 | 2;
  @ApiProperty({ type: String, nullable: true, example: 'output', description: '二级指标的一级指标代码；一级为 null' })
  @IsOptional()
  @IsString()
  parentCode!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: INT4_MAX }) @IsInt() @Min(0) @Max(INT4_MAX) sortOrder!: number;
  @ApiProperty({
    type: Boolean,
    required: false,
    description: '停用：不再供新的指标选用，已使用它的表照常显示和校验；不填为启用',
  })
  @IsOptional()
  @IsBoolean({ message: '只能是 true 或 false' })
  retired?: boolean;
}

/** 一级/二级指标 of a year's taxonomy as read (by the admin's page, the editor and every form). */
@ApiSchema({ name: 'TaxonomyNode' })
export class TaxonomyNodeDto implements TaxonomyNode {
  @ApiProperty({ type: String, example: 'quantity' }) code!: string;
  @ApiProperty({ type: String, example: '数量指标' }) label!: string;
  @ApiProperty({ type: 'integer', enum: [1, 2] }) level!: 1 | 2;
  @ApiProperty({ type: String, nullable: true, example: 'output', description: '二级指标的一级指标代码；一级为 null' })
  parentCode!: string | null;
  @ApiProperty({ type: 'integer' }) sortOrder!: number;
  @ApiProperty({ type: Boolean, description: '已停用：不再供新的指标选用，已使用它的表照常显示和校验' })
  retired!: boolean;
}

/** PUT /api/taxonomy/:year — the year's whole 一级/二级指标 set. */
@ApiSchema({ name: 'ReplaceTaxonomyRequest' })
export class ReplaceTaxonomyDto {
  @ApiProperty({ type: [TaxonomyNodeInputDto] })
  @IsArray()
  @ArrayMinSize(1, { message: '至少需要一项' })
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => TaxonomyNodeInputDto)
  nodes!: TaxonomyNodeInputDto[];
}
