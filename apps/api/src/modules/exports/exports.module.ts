import { Module } from '@nestjs/common';
import { EvaluationsModule } from '../evaluations/evaluations.module';
import { FormsModule } from '../forms/forms.module';
import { ExportsController } from './exports.controller';

/** 导出: forms and 自评表 as .xlsx in the official layout (issue 13). */
@Module({
  imports: [FormsModule, EvaluationsModule],
  controllers: [ExportsController],
})
export class ExportsModule {}
