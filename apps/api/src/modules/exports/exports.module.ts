import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { ExportsController } from './exports.controller';

/** 导出: forms and 自评表 as .xlsx in the official layout (issue 13). */
@Module({
  imports: [FormsModule],
  controllers: [ExportsController],
})
export class ExportsModule {}
