import { BadRequestException, Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CODE_LISTS, type CodeListItem, type TaxonomyNode } from '@jxt/contracts';
import { parseYear } from '../../common/http/year-param';
import { Authenticated, Roles } from '../../common/auth/access.decorators';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { CodeListItemDto, ReplaceCodeListDto, ReplaceTaxonomyDto, TaxonomyNodeDto } from './dto/catalog.dto';
import { CatalogService } from './catalog.service';
import { Audited } from '../../common/audit/audited';

@ApiTags('catalog 代码表与指标体系')
@ApiBearerAuth()
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('code-lists')
  @Authenticated()
  @ApiOperation({ summary: '本租户的代码表（项目类别、资金来源、单位类型、功能分类科目）' })
  @ApiQuery({ name: 'list', required: false, enum: CODE_LISTS, enumName: 'CodeListName' })
  @ApiQuery({
    name: 'year',
    required: false,
    type: 'integer',
    example: 2021,
    description: '按年度管理的代码表（功能分类科目）取该年度的版本；不填取最新年度的版本',
  })
  @ApiOkResponse({ type: [CodeListItemDto] })
  @ApiErrorResponses(400, 401)
  codeLists(@Query('list') list?: string, @Query('year') year?: string): Promise<CodeListItem[]> {
    if (list !== undefined) assertCodeList(list);
    return this.catalog.codeLists(list, year === undefined ? undefined : parseYear(year));
  }

  @Get('taxonomy')
  @Authenticated()
  @ApiOperation({ summary: '本年度的指标体系（一级、二级指标）' })
  @ApiQuery({ name: 'year', required: true, type: 'integer', example: 2021 })
  @ApiOkResponse({ type: [TaxonomyNodeDto] })
  @ApiErrorResponses(400, 401)
  taxonomy(@Query('year') year: string): Promise<TaxonomyNode[]> {
    return this.catalog.taxonomy(parseYear(year));
  }

  @Put('code-lists/:list')
  @Audited('code_list.update', { target: 'code_list' })
  @Roles('admin')
  @ApiOperation({ summary: '替换整张代码表（按显示顺序）；功能分类科目按年度替换该年度的版本' })
  @ApiParam({ name: 'list', enum: CODE_LISTS, enumName: 'CodeListName' })
  @ApiQuery({
    name: 'year',
    required: false,
    type: 'integer',
    example: 2021,
    description: '功能分类科目必填，其他代码表不填',
  })
  @ApiOkResponse({ type: [CodeListItemDto] })
  @ApiErrorResponses(400, 401, 403, 409)
  replaceCodeList(
    @Param('list') list: string,
    @Body() dto: ReplaceCodeListDto,
    @Query('year') year?: string,
  ): Promise<CodeListItem[]> {
    assertCodeList(list);
    return this.catalog.replaceCodeList(list, year === undefined ? null : parseYear(year), dto);
  }

  @Put('taxonomy/:year')
  @Audited('taxonomy.update', { target: 'taxonomy' })
  @Roles('admin')
  @ApiOperation({ summary: '替换本年度的整套指标体系' })
  @ApiParam({ name: 'year', type: 'integer', example: 2021 })
  @ApiOkResponse({ type: [TaxonomyNodeDto] })
  @ApiErrorResponses(400, 401, 403, 409)
  replaceTaxonomy(@Param('year') year: string, @Body() dto: ReplaceTaxonomyDto): Promise<TaxonomyNode[]> {
    return this.catalog.replaceTaxonomy(parseYear(year), dto);
  }
}

function assertCodeList(list: string): void {
  if (!(CODE_LISTS as readonly string[]).includes(list)) {
    throw new BadRequestException({
      message: `list 必须是 ${CODE_LISTS.join('、')} 之一`,
      fields: [{ field: 'list', message: '不是允许的取值', value: list }],
    });
  }
}
