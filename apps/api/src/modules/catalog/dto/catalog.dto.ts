import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const CODE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const CODE_MESSAGE = '代码只能用小写字母、数字和 _ . -，最长 64 位';

export class CodeListEntryDto {
  @ApiProperty({ example: 'recurring' }) @IsString() @Matches(CODE, { message: CODE_MESSAGE }) code!: string;
  @ApiProperty({ example: '经常性项目' })
  @IsString()
  @IsNotEmpty({ message: '请填写名称' })
  @MaxLength(200)
  label!: string;
}

/** PUT /api/code-lists/:list — the whole list, in display order. */
export class ReplaceCodeListDto {
  @ApiProperty({ type: [CodeListEntryDto] })
  @IsArray()
  @ArrayMinSize(1, { message: '至少需要一项' })
  @ValidateNested({ each: true })
  @Type(() => CodeListEntryDto)
  items!: CodeListEntryDto[];
}

export class TaxonomyNodeDto {
  @ApiProperty({ example: 'quantity' }) @IsString() @Matches(CODE, { message: CODE_MESSAGE }) code!: string;
  @ApiProperty({ example: '数量指标' })
  @IsString()
  @IsNotEmpty({ message: '请填写名称' })
  @MaxLength(100)
  label!: string;
  @ApiProperty({ enum: [1, 2] }) @IsInt() @IsIn([1, 2], { message: '层级只能是 1 或 2' }) level!: 1 | 2;
  @ApiProperty({ nullable: true, example: 'output' }) @IsOptional() @IsString() parentCode!: string | null;
  @ApiProperty() @IsInt() @Min(0) sortOrder!: number;
}

/** PUT /api/taxonomy/:year — the year's whole 一级/二级指标 set. */
export class ReplaceTaxonomyDto {
  @ApiProperty({ type: [TaxonomyNodeDto] })
  @IsArray()
  @ArrayMinSize(1, { message: '至少需要一项' })
  @ValidateNested({ each: true })
  @Type(() => TaxonomyNodeDto)
  nodes!: TaxonomyNodeDto[];
}
