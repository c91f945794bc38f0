import { BadRequestException, Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CODE_LISTS, type CodeListItem, type TaxonomyNode } from '@jxt/contracts';
import { parseYear } from '../../common/http/year-param';
import { Authenticated, Roles } from '../../common/auth/access.decorators';
import { ReplaceCodeListDto, ReplaceTaxonomyDto } from './dto/catalog.dto';
import { CatalogService } from './catalog.service';

@ApiTags('catalog 代码表与指标体系')
@ApiBearerAuth()
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('code-lists')
  @Authenticated()
  @ApiQuery({ name: 'list', required: false, enum: CODE_LISTS })
  codeLists(@Query('list') list?: string): Promise<CodeListItem[]> {
    if (list !== undefined) assertCodeList(list);
    return this.catalog.codeLists(list);
  }

  @Get('taxonomy')
  @Authenticated()
  @ApiQuery({ name: 'year', required: true, example: 2021 })
  taxonomy(@Query('year') year: string): Promise<TaxonomyNode[]> {
    return this.catalog.taxonomy(parseYear(year));
  }

  @Put('code-lists/:list')
  @Roles('admin')
  replaceCodeList(@Param('list') list: string, @Body() dto: ReplaceCodeListDto): Promise<CodeListItem[]> {
    assertCodeList(list);
    return this.catalog.replaceCodeList(list, dto);
  }

  @Put('taxonomy/:year')
  @Roles('admin')
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
