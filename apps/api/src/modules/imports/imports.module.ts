import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { ImportRepository } from './import.repository';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** 导入: .xlsx workbooks of 绩效目标填报表 read into a preview (issue 13 points 2–3); nothing written yet. */
@Module({
  imports: [CatalogModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportRepository],
})
export class ImportsModule {}
