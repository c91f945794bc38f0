import { Module } from '@nestjs/common';
import { EvaluationsModule } from '../evaluations/evaluations.module';
import { FormsModule } from '../forms/forms.module';
import { BulkExportsController } from './bulk-exports.controller';
import { BulkExportsService } from './bulk-exports.service';
import { ExportJobRepository } from './export-job.repository';
import { ExportsController } from './exports.controller';

/** 导出: forms and 自评表 as .xlsx in the official layout, one at a time or in bulk as a background job (issue 13). */
@Module({
  imports: [FormsModule, EvaluationsModule],
  controllers: [ExportsController, BulkExportsController],
  providers: [BulkExportsService, ExportJobRepository],
})
export class ExportsModule {}
