import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';

@Module({
  imports: [FormsModule],
  controllers: [WorkflowController, InboxController],
  providers: [WorkflowService, InboxService],
})
export class WorkflowModule {}
