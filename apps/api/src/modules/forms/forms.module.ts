import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { FormHistoryModule } from '../form-history/form-history.module';
import { ProjectRecordsModule } from '../project-records/project-records.module';
import { FormRepository } from './form.repository';
import { FormsController } from './forms.controller';
import { FormsService } from './forms.service';

@Module({
  imports: [CatalogModule, FormHistoryModule, ProjectRecordsModule],
  controllers: [FormsController],
  providers: [FormsService, FormRepository],
  exports: [FormsService],
})
export class FormsModule {}
