import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ProjectDetail, ProjectListItem, ProjectListResponse } from '@jxt/contracts';
import { Authenticated, Roles } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import {
  CreateProjectDto,
  ListProjectsQueryDto,
  ProjectDetailDto,
  ProjectListItemDto,
  ProjectListResponseDto,
  UpdateProjectDto,
} from './dto/project.dto';
import { CarryForwardDto, CarryForwardResponseDto } from './dto/carry-forward.dto';
import { ProjectsService } from './projects.service';
import { RetryOnConflict } from '../../common/tenancy/conflict-retry';

@ApiTags('projects 项目')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: '项目列表：本人可见范围内、有该年度绩效目标表的项目（分页）' })
  @ApiOkResponse({ type: ProjectListResponseDto })
  @ApiErrorResponses(400, 401)
  list(@Query() query: ListProjectsQueryDto): Promise<ProjectListResponse> {
    return this.projects.list(query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: '读取项目（含最近一年绩效目标表的表头）及其各张表单' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrorResponses(401, 404)
  get(@Param('id', idParam()) id: string): Promise<ProjectDetail> {
    return this.projects.get(id);
  }

  @Post()
  @Roles('filer')
  @ApiOperation({ summary: '新建项目及其首个年度的空白绩效目标表' })
  @ApiCreatedResponse({ type: ProjectListItemDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  create(@Body() dto: CreateProjectDto): Promise<ProjectListItem> {
    return this.projects.create(dto);
  }

  @Post('carry-forward')
  @HttpCode(200)
  @Roles('filer')
  @ApiOperation({
    summary: '结转到下一年度：单位（含内设机构）每个延续项目由上一年度已审核版本生成下一年度草稿，逐个返回结果',
  })
  @ApiOkResponse({ type: CarryForwardResponseDto })
  @ApiErrorResponses(400, 401, 403, 404)
  carryForward(@Body() dto: CarryForwardDto): Promise<CarryForwardResponseDto> {
    return this.projects.carryForward(dto);
  }

  @Patch(':id')
  @Roles('filer')
  @ApiOperation({ summary: '修改项目编码（表头其余各项随表单保存）' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  @RetryOnConflict()
  update(@Param('id', idParam()) id: string, @Body() dto: UpdateProjectDto): Promise<ProjectDetail> {
    return this.projects.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('filer')
  @ApiOperation({ summary: '删除仍为草稿的项目及其表单' })
  @ApiNoContentResponse({ description: '已删除' })
  @ApiErrorResponses(401, 403, 404, 409)
  remove(@Param('id', idParam()) id: string): Promise<void> {
    return this.projects.remove(id);
  }
}
