import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditEventRepository } from './audit-event.repository';
import { AuditRecorder } from './audit-recorder';
import { AuditService } from './audit.service';

/** 日志: the audit log, its recorder (used by the request hooks) and its reading routes. */
@Module({
  controllers: [AuditController],
  providers: [AuditEventRepository, AuditRecorder, AuditService],
  exports: [AuditRecorder],
})
export class AuditModule {}
