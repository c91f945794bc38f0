import { Module } from '@nestjs/common';
import { FormHistoryModule } from '../form-history/form-history.module';
import { FormsModule } from '../forms/forms.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { InboxRepository } from './inbox.repository';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';

@Module({
  imports: [FormsModule, FormHistoryModule, NotificationsModule],
  controllers: [WorkflowController, InboxController],
  providers: [WorkflowService, InboxService, InboxRepository],
})
export class WorkflowModule {}
