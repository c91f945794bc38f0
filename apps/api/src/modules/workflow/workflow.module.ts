import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';

@Module({ imports: [FormsModule], controllers: [WorkflowController], providers: [WorkflowService] })
export class WorkflowModule {}
