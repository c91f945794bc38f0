import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { EvaluationsModule } from '../evaluations/evaluations.module';
import { FormHistoryModule } from '../form-history/form-history.module';
import { FormsModule } from '../forms/forms.module';
import { ProjectsModule } from '../projects/projects.module';
import { ImportRepository } from './import.repository';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { UploadedWorkbookService } from './uploaded-workbook.service';

/** 导入: .xlsx workbooks of 绩效目标填报表 read into a stored preview, then confirmed in one transaction (issue 13 points 2–3). */
@Module({
  imports: [CatalogModule, EvaluationsModule, FormHistoryModule, FormsModule, ProjectsModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportRepository, UploadedWorkbookService],
  exports: [UploadedWorkbookService],
})
export class ImportsModule {}
