import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditRecord, AuditSink } from '../../common/audit/audited';
import { Db } from '../../database/access/db';
import { inTenantOnlyTransaction } from '../../database/access/tenant-transaction';
import { APP_DATA_SOURCE } from '../../database/database.module';
import { AuditEventRepository } from './audit-event.repository';

/** Writes the audit records the request hooks hand over (common/tenancy/request-transaction-hooks.ts). */
@Injectable()
export class AuditRecorder implements AuditSink {
  private readonly pool: Db;

  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly events: AuditEventRepository,
  ) {
    this.pool = Db.pool(dataSource);
  }

  recordInTransaction(db: Db, record: AuditRecord): Promise<void> {
    return this.events.insert(db, record);
  }

  async recordSeparately(record: AuditRecord): Promise<void> {
    if (!record.tenantId) return this.events.recordLogin(this.pool, record);
    await inTenantOnlyTransaction(this.dataSource, record.tenantId, (manager) =>
      this.events.insert(Db.of(manager), record),
    );
  }
}
