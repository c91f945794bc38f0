import { Module } from '@nestjs/common';
import { DeadlineRemindersService } from './deadline-reminders.service';
import { NotificationMailer } from './notification-mailer';
import { NotificationRepository } from './notification.repository';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { ReminderSettingsController } from './reminder-settings.controller';

/** 消息提醒: messages to the next actor of each step, the deadline reminders, each user's list. */
@Module({
  controllers: [NotificationsController, ReminderSettingsController],
  providers: [NotificationsService, DeadlineRemindersService, NotificationMailer, NotificationRepository],
  exports: [NotificationsService],
})
export class NotificationsModule {}
