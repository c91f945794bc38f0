import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Project, ProjectListItem, ProjectListResponse } from '@jxt/contracts';
import { Authenticated, Roles } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { CreateProjectDto, ListProjectsQueryDto, UpdateProjectDto } from './dto/project.dto';
import { ProjectsService } from './projects.service';

@ApiTags('projects 项目')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @Authenticated()
  list(@Query() query: ListProjectsQueryDto): Promise<ProjectListResponse> {
    return this.projects.list(query);
  }

  @Get(':id')
  @Authenticated()
  get(@Param('id', idParam()) id: string): Promise<Project> {
    return this.projects.get(id);
  }

  @Post()
  @Roles('filer')
  create(@Body() dto: CreateProjectDto): Promise<ProjectListItem> {
    return this.projects.create(dto);
  }

  @Patch(':id')
  @Roles('filer')
  update(@Param('id', idParam()) id: string, @Body() dto: UpdateProjectDto): Promise<Project> {
    return this.projects.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('filer')
  remove(@Param('id', idParam()) id: string): Promise<void> {
    return this.projects.remove(id);
  }
}
