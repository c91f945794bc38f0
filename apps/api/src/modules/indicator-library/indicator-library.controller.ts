import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import {
  CreateLibraryEntryDto,
  FormSuggestionsResponseDto,
  LibraryEntryContentDto,
  LibraryEntryDto,
  LibraryEntryFromFormDto,
  LibraryListResponseDto,
  LibraryQueryDto,
} from './dto/indicator-library.dto';
import { IndicatorLibraryService } from './indicator-library.service';

// Writes name the roles that curate some tier; which tier at which organisation is the service's check (403).
const CURATORS = ['admin', 'finance', 'supervisor', 'filer'] as const;

@ApiTags('indicator-library 指标库')
@ApiBearerAuth()
@Controller('indicator-library')
export class IndicatorLibraryController {
  constructor(private readonly library: IndicatorLibraryService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: '检索指标库：本人可见的共性、行业/部门与个性指标（中文或拼音首字母），附本年度使用该指标的项目数',
  })
  @ApiOkResponse({ type: LibraryListResponseDto })
  @ApiErrorResponses(400, 401)
  list(@Query() query: LibraryQueryDto): Promise<LibraryListResponseDto> {
    return this.library.list(query);
  }

  @Post()
  @Roles(...CURATORS)
  @ApiOperation({ summary: '新增指标库条目（归本人所在组织；须拥有该层级）' })
  @ApiCreatedResponse({ type: LibraryEntryDto })
  @ApiErrorResponses(400, 401, 403, 409)
  create(@Body() dto: CreateLibraryEntryDto): Promise<LibraryEntryDto> {
    return this.library.create(dto);
  }

  @Post('from-form')
  @Roles(...CURATORS)
  @ApiOperation({ summary: '加入指标库：把填报表中的一条指标加入本单位的个性指标（名称、分类、指标值、指标解释照录）' })
  @ApiCreatedResponse({ type: LibraryEntryDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  fromForm(@Body() dto: LibraryEntryFromFormDto): Promise<LibraryEntryDto> {
    return this.library.fromForm(dto.formId, dto.indicatorId);
  }

  @Put(':id')
  @Roles(...CURATORS)
  @ApiOperation({ summary: '修改指标库条目（本组织的、本人拥有该层级）' })
  @ApiOkResponse({ type: LibraryEntryDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  update(@Param('id', idParam()) id: string, @Body() dto: LibraryEntryContentDto): Promise<LibraryEntryDto> {
    return this.library.update(id, dto);
  }

  @Post(':id/retire')
  @Roles(...CURATORS)
  @ApiOperation({ summary: '停用：保留供已用它的填报表，不再提供新用' })
  @ApiOkResponse({ type: LibraryEntryDto })
  @ApiErrorResponses(401, 403, 404)
  @HttpCode(200)
  retire(@Param('id', idParam()) id: string): Promise<LibraryEntryDto> {
    return this.library.setRetired(id, true);
  }

  @Post(':id/restore')
  @Roles(...CURATORS)
  @ApiOperation({ summary: '启用已停用的条目' })
  @ApiOkResponse({ type: LibraryEntryDto })
  @ApiErrorResponses(401, 403, 404, 409)
  @HttpCode(200)
  restore(@Param('id', idParam()) id: string): Promise<LibraryEntryDto> {
    return this.library.setRetired(id, false);
  }
}

/** 推荐指标 of a form, beside the form's own routes (issue 14 point 2). */
@ApiTags('indicator-library 指标库')
@ApiBearerAuth()
@Controller('forms')
export class FormSuggestionsController {
  constructor(private readonly library: IndicatorLibraryService) {}

  @Get(':id/suggestions')
  @Authenticated()
  @ApiOperation({
    summary:
      '为填报表推荐指标：按缺少的二级指标、功能分类科目、名称与目标用词排序的指标库条目，及相似项目的指标（本人范围外的项目只计数）',
  })
  @ApiOkResponse({ type: FormSuggestionsResponseDto })
  @ApiErrorResponses(401, 404)
  suggestions(@Param('id', idParam()) id: string): Promise<FormSuggestionsResponseDto> {
    return this.library.suggestions(id);
  }
}
