import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { FormsModule } from '../forms/forms.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ProjectRecordsModule } from '../project-records/project-records.module';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

@Module({
  imports: [OrganizationsModule, CatalogModule, FormsModule, ProjectRecordsModule],
  controllers: [ProjectsController],
  providers: [ProjectsService],
  exports: [ProjectsService],
})
export class ProjectsModule {}
