import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Organization } from '@jxt/contracts';
import { Authenticated, Roles } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { CreateOrganizationDto, UpdateOrganizationDto } from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations 组织')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @Authenticated()
  list(): Promise<Organization[]> {
    return this.organizations.list();
  }

  @Post()
  @Roles('admin')
  create(@Body() dto: CreateOrganizationDto): Promise<Organization> {
    return this.organizations.create(dto);
  }

  @Patch(':id')
  @Roles('admin')
  update(@Param('id', idParam()) id: string, @Body() dto: UpdateOrganizationDto): Promise<Organization> {
    return this.organizations.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  remove(@Param('id', idParam()) id: string): Promise<void> {
    return this.organizations.remove(id);
  }
}
