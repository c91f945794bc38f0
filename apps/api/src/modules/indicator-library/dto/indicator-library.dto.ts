import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  LIBRARY_TIERS,
  ORGANIZATION_KINDS,
  SUGGESTION_REASONS,
  type SuggestionReason,
  type CreateLibraryEntryRequest,
  type LibraryEntry,
  type LibraryEntryFromFormRequest,
  type LibraryEntryRequest,
  type LibraryListResponse,
  type LibraryTier,
  type OrganizationKind,
} from '@jxt/contracts';

const CODE = /^[A-Za-z0-9_.-]+$/;

/** GET /api/indicator-library: the entries the caller sees, matching the words. */
export class LibraryQueryDto {
  @ApiPropertyOptional({
    type: String,
    maxLength: 100,
    description: '检索词：指标名称或指标解释中的中文，或名称的拼音首字母（如 gzmyd → 公众满意度）',
    example: 'gzmyd',
  })
  @IsOptional()
  @IsString({ message: '检索词必须是文本' })
  @MaxLength(100, { message: '检索词最多 100 个字符' })
  q?: string;

  @ApiPropertyOptional({ type: String, maxLength: 64, description: '二级指标代码', example: 'service_satisfaction' })
  @IsOptional()
  @IsString({ message: '二级指标代码必须是文本' })
  @MaxLength(64, { message: '二级指标代码最多 64 个字符' })
  level2?: string;

  @ApiPropertyOptional({ enum: LIBRARY_TIERS, enumName: 'LibraryTier', description: '只看某一层级' })
  @IsOptional()
  @IsIn([...LIBRARY_TIERS], { message: '层级须为 common、department 或 unit' })
  tier?: LibraryTier;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 2000,
    maximum: 2100,
    description: 'usageCount 所计的年度；不填为有填报表的最新年度',
    example: 2021,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '年度须为整数' })
  @Min(2000, { message: '年度须在 2000–2100 之间' })
  @Max(2100, { message: '年度须在 2000–2100 之间' })
  year?: number;

  @ApiPropertyOptional({ type: Boolean, description: '含已停用的指标（指标库维护页用；填报时不提供停用指标）' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'includeRetired 只能是 true 或 false' })
  includeRetired?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码必须是整数' })
  @Min(1, { message: '页码至少为 1' })
  @Max(100000, { message: '页码过大' })
  page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数必须是整数' })
  @Min(1, { message: '每页至少 1 条' })
  @Max(200, { message: '每页最多 200 条' })
  pageSize?: number;
}

@ApiSchema({ name: 'LibraryEntryRequest', description: '指标库条目的内容（新增或修改）' })
export class LibraryEntryContentDto implements LibraryEntryRequest {
  @ApiProperty({ type: String, minLength: 1, maxLength: 200, description: '三级指标名称', example: '公众满意度' })
  @IsString({ message: '请填写指标名称' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(1, { message: '请填写指标名称' })
  @MaxLength(200, { message: '指标名称最多 200 个字符' })
  name!: string;

  @ApiProperty({ type: String, maxLength: 64, description: '一级指标代码', example: 'satisfaction' })
  @IsString({ message: '请选择一级指标' })
  @Matches(CODE, { message: '一级指标代码只能含字母、数字、_ . -' })
  @MaxLength(64, { message: '一级指标代码最多 64 个字符' })
  level1Code!: string;

  @ApiProperty({ type: String, maxLength: 64, description: '二级指标代码', example: 'service_satisfaction' })
  @IsString({ message: '请选择二级指标' })
  @Matches(CODE, { message: '二级指标代码只能含字母、数字、_ . -' })
  @MaxLength(64, { message: '二级指标代码最多 64 个字符' })
  level2Code!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50, description: '典型指标性质', example: '定量' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString({ message: '指标性质必须是文本' })
  @MaxLength(50, { message: '指标性质最多 50 个字符' })
  nature?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50, description: '典型度量单位', example: '%' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString({ message: '度量单位必须是文本' })
  @MaxLength(50, { message: '度量单位最多 50 个字符' })
  measureUnit?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 200,
    description: '典型年度指标值（年度指标值的写法，如 >=90%、及时、是）',
    example: '>=90%',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString({ message: '典型指标值必须是文本' })
  @MaxLength(200, { message: '典型指标值最多 200 个字符' })
  valueForm?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, description: '指标解释' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString({ message: '指标解释必须是文本' })
  @MaxLength(2000, { message: '指标解释最多 2000 个字符' })
  definition?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, description: '计算方法（有则填）' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString({ message: '计算方法必须是文本' })
  @MaxLength(2000, { message: '计算方法最多 2000 个字符' })
  calculationMethod?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: 50, description: '适用的功能分类科目代码；空为不限' })
  @IsOptional()
  @IsArray({ message: '功能分类科目须为列表' })
  @ArrayMaxSize(50, { message: '功能分类科目最多 50 个' })
  @Matches(/^\d{3,7}$/, { each: true, message: '功能分类科目代码为 3–7 位数字' })
  functionClassCodes?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 20, description: '适用的项目类型（如 信息化、公共服务）' })
  @IsOptional()
  @IsArray({ message: '项目类型须为列表' })
  @ArrayMaxSize(20, { message: '项目类型最多 20 个' })
  @IsString({ each: true, message: '项目类型须为文本' })
  @MinLength(1, { each: true, message: '项目类型不能为空' })
  @MaxLength(30, { each: true, message: '每个项目类型最多 30 个字符' })
  projectTags?: string[];
}

@ApiSchema({ name: 'CreateLibraryEntryRequest', description: '新增指标库条目，归属于本人所在组织的该层级' })
export class CreateLibraryEntryDto extends LibraryEntryContentDto implements CreateLibraryEntryRequest {
  @ApiProperty({
    enum: LIBRARY_TIERS,
    enumName: 'LibraryTier',
    description:
      'common 共性指标（财政局管理员或财政审核人），department 行业/部门指标（主管部门审核人或管理员），unit 个性指标（本单位填报人或管理员）',
  })
  @IsIn([...LIBRARY_TIERS], { message: '层级须为 common、department 或 unit' })
  tier!: LibraryTier;
}

@ApiSchema({ name: 'LibraryEntryFromFormRequest', description: '把填报表中的一条指标加入本单位的个性指标库' })
export class LibraryEntryFromFormDto implements LibraryEntryFromFormRequest {
  @ApiProperty({ type: String, format: 'uuid' })
  @IsUUID('all', { message: '表单编号格式不正确' })
  formId!: string;

  @ApiProperty({ type: String, format: 'uuid', description: '表中指标的 id' })
  @IsUUID('all', { message: '指标编号格式不正确' })
  indicatorId!: string;
}

@ApiSchema({ name: 'LibraryEntry', description: '指标库中的一条指标' })
export class LibraryEntryDto implements LibraryEntry {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, example: '公众满意度' }) name!: string;
  @ApiProperty({ enum: LIBRARY_TIERS, enumName: 'LibraryTier' }) tier!: LibraryTier;
  @ApiProperty({ type: Boolean, description: '共享指标（共性或行业/部门），非某一单位的个性指标' }) shared!: boolean;
  @ApiProperty({ type: String, format: 'uuid', description: '所属组织（共性指标为财政局）' }) organizationId!: string;
  @ApiProperty({ type: String }) organizationName!: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' }) organizationKind!: OrganizationKind;
  @ApiProperty({ type: String, example: 'satisfaction' }) level1Code!: string;
  @ApiProperty({ type: String, example: 'service_satisfaction' }) level2Code!: string;
  @ApiProperty({ type: String, nullable: true, description: '典型指标性质' }) nature!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '典型度量单位' }) measureUnit!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '度量单位（同 measureUnit，契约中的字段名）' })
  unit!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '典型年度指标值', example: '>=90%' })
  valueForm!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '指标解释' }) definition!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '计算方法' }) calculationMethod!: string | null;
  @ApiProperty({ type: [String], description: '适用的功能分类科目代码' }) functionClassCodes!: string[];
  @ApiProperty({ type: [String], description: '适用的项目类型' }) projectTags!: string[];
  @ApiProperty({ type: 'integer', description: '本年度使用同名指标的项目数（全租户计数，不含任何单位的数据）' })
  usageCount!: number;
  @ApiProperty({ type: Boolean, description: '本人可修改、停用（本人拥有该层级）' }) editable!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '停用时间；停用的指标不再提供' })
  retiredAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

@ApiSchema({ name: 'LibraryListResponse' })
export class LibraryListResponseDto implements LibraryListResponse {
  @ApiProperty({ type: [LibraryEntryDto] }) items!: LibraryEntryDto[];
  @ApiProperty({ type: 'integer', description: '符合条件的条数' }) total!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
}

@ApiSchema({ name: 'SuggestionExample', description: '本人可见范围内的相似项目中的用法（范围外的项目只计数）' })
export class SuggestionExampleDto {
  @ApiProperty({ type: String, format: 'uuid', description: '该项目本年度的填报表' }) formId!: string;
  @ApiProperty({ type: String }) projectName!: string;
  @ApiProperty({ type: String, description: '该表的年度指标值', example: '>=90%' }) value!: string;
  @ApiProperty({ type: String, nullable: true, description: '度量单位' }) unit!: string | null;
}

@ApiSchema({ name: 'FormSuggestion', description: '为某张填报表推荐的一条指标' })
export class FormSuggestionDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: '指标库条目；null 为仅见于本人范围内相似项目的指标',
  })
  id!: string | null;
  @ApiProperty({ enum: ['library', 'project'], description: 'library 指标库，project 相似项目' })
  source!: 'library' | 'project';
  @ApiProperty({ type: String, example: '公众满意度' }) name!: string;
  @ApiProperty({ type: String, example: 'satisfaction' }) level1Code!: string;
  @ApiProperty({ type: String, example: 'service_satisfaction' }) level2Code!: string;
  @ApiProperty({ type: String, nullable: true, description: '典型年度指标值', example: '>=90%' })
  valueForm!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '度量单位' }) unit!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '指标解释' }) definition!: string | null;
  @ApiProperty({ type: Boolean, description: '共享指标（共性或行业/部门）' }) shared!: boolean;
  @ApiProperty({ type: 'integer', description: '使用该指标的相似项目数（同功能分类科目或名称、目标相近；全租户计数）' })
  usedBy!: number;
  @ApiProperty({
    type: [SuggestionExampleDto],
    description: '本人可见范围内的相似项目及其指标值；范围外的只计入 usedBy',
  })
  examples!: SuggestionExampleDto[];
  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...SUGGESTION_REASONS] },
    description:
      '推荐理由，主要的在前：goalSentence 对应尚无指标的年度总目标，missingSlot 补齐缺少的二级指标，functionClass 同功能分类科目，words 与项目名称、目标相近，similarProjects 相似项目在用',
  })
  reasons!: SuggestionReason[];
  @ApiProperty({ type: Number, description: '排序分（越大越靠前）' }) score!: number;
}

@ApiSchema({ name: 'FormSuggestionsResponse' })
export class FormSuggestionsResponseDto {
  @ApiProperty({ type: [FormSuggestionDto] }) items!: FormSuggestionDto[];
  @ApiProperty({ type: 'integer' }) total!: number;
}
