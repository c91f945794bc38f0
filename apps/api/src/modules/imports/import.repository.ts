import { Injectable } from '@nestjs/common';
import type { FormStatus } from '@jxt/contracts';
import type { Db } from '../../database/access/db';
import { inScope, type Scope } from '../../database/access/scope';
import { sql } from '../../database/access/statement';

/** A project a sheet would go to, with its newest revision of the sheet's year (null when it has none). */
export interface ImportMatchRow {
  projectId: string;
  code: string;
  organizationName: string;
  formId: string | null;
  revision: number | null;
  status: FormStatus | null;
  rowVersion: number | null;
}

const MATCH_COLUMNS = `p.id AS "projectId", p.code, o.name AS "organizationName",
       f.id AS "formId", f.revision, f.status, f.row_version AS "rowVersion"`;
const YEAR_FORM = `LEFT JOIN LATERAL (SELECT g.id, g.revision, g.status, g.row_version FROM goal_form g
                   WHERE g.project_id = p.id AND g.year = $3 ORDER BY g.revision DESC LIMIT 1) f ON true`;

const BY_CODE = sql<ImportMatchRow, [code: string, scope: readonly string[], year: number | null]>(
  'imports.matchByCode',
  `SELECT ${MATCH_COLUMNS}
   FROM project p JOIN organization o ON o.id = p.organization_id ${YEAR_FORM}
   WHERE p.code = $1 AND ${inScope('o.path', 2)}`,
);

// A name is unique per unit and year (docs/domain.md §2): the newest project of the unit that printed it.
const BY_NAME_IN_UNIT = sql<
  ImportMatchRow,
  [organizationId: string, scope: readonly string[], year: number | null, name: string]
>(
  'imports.matchByNameInUnit',
  `SELECT ${MATCH_COLUMNS}
   FROM project p JOIN organization o ON o.id = p.organization_id ${YEAR_FORM}
   WHERE p.organization_id = $1 AND ${inScope('o.path', 2)}
     AND EXISTS (SELECT 1 FROM goal_form n WHERE n.project_id = p.id AND lower(btrim(n.project_name)) = lower(btrim($4)))
   ORDER BY (f.id IS NULL), (SELECT max(n.year) FROM goal_form n WHERE n.project_id = p.id) DESC
   LIMIT 1`,
);

// 导入 of a past 自评表 (docs/domain.md §4.1): the draft just saved becomes an approved revision marked imported, in
// one UPDATE (the lock trigger then copies what it prints from elsewhere, as at any approval).
const APPROVE_IMPORTED = sql<{ rowVersion: number }, [formId: string, userId: string]>(
  'imports.approveImported',
  `UPDATE goal_form SET status = 'finance_approved', origin = 'imported', row_version = row_version + 1, updated_at = now(),
     updated_by = $2, status_changed_at = now()
   WHERE id = $1 AND status = 'draft' RETURNING row_version AS "rowVersion"`,
);

/** A stored preview as its creator reads or confirms it. */
export interface ImportBatchRow {
  id: string;
  preview: unknown;
  expired: boolean;
  confirmedAt: Date | null;
}

const INSERT_BATCH = sql<{ id: string }, [tenantId: string, userId: string, preview: string, ttlHours: number]>(
  'imports.insertBatch',
  `INSERT INTO import_batch (tenant_id, created_by, expires_at, preview)
   VALUES ($1, $2, now() + make_interval(hours => $4), $3::jsonb) RETURNING id`,
);

// Expired batches are kept one more period, so that a late confirm hears "expired" rather than "not found".
const DELETE_EXPIRED = sql<object, [ttlHours: number]>(
  'imports.deleteExpired',
  `DELETE FROM import_batch WHERE expires_at < now() - make_interval(hours => $1)`,
);

// Only the creator's: anyone else's id reads as no batch at all.
const BATCH_COLUMNS = `id, preview, expires_at <= now() AS expired, confirmed_at AS "confirmedAt"`;
const BATCH_OF_CREATOR = sql<ImportBatchRow, [id: string, userId: string]>(
  'imports.batchOfCreator',
  `SELECT ${BATCH_COLUMNS} FROM import_batch WHERE id = $1 AND created_by = $2`,
);
const LOCK_BATCH_OF_CREATOR = sql<ImportBatchRow, [id: string, userId: string]>(
  'imports.lockBatchOfCreator',
  `SELECT ${BATCH_COLUMNS} FROM import_batch WHERE id = $1 AND created_by = $2 FOR UPDATE`,
);

const MARK_CONFIRMED = sql<object, [id: string, result: string]>(
  'imports.markConfirmed',
  `UPDATE import_batch SET confirmed_at = now(), result = $2::jsonb WHERE id = $1`,
);

/** Finds the project an imported sheet belongs to (inside the caller's scope); keeps the previews (import_batch). */
@Injectable()
export class ImportRepository {
  async insertBatch(db: Db, tenantId: string, userId: string, preview: object, ttlHours: number): Promise<string> {
    await db.run(DELETE_EXPIRED, [ttlHours]);
    const row = await db.one(INSERT_BATCH, [tenantId, userId, JSON.stringify(preview), ttlHours]);
    return row!.id;
  }

  batchOfCreator(db: Db, id: string, userId: string): Promise<ImportBatchRow | undefined> {
    return db.one(BATCH_OF_CREATOR, [id, userId]);
  }

  /** The batch under a row lock: two confirms of one batch are serialised, and the second sees it confirmed. */
  lockBatchOfCreator(db: Db, id: string, userId: string): Promise<ImportBatchRow | undefined> {
    return db.one(LOCK_BATCH_OF_CREATOR, [id, userId]);
  }

  async markConfirmed(db: Db, id: string, result: object): Promise<void> {
    await db.run(MARK_CONFIRMED, [id, JSON.stringify(result)]);
  }

  /** Approves the imported draft `formId` as a past year's record; undefined when it is no draft. */
  async approveImported(db: Db, formId: string, userId: string): Promise<number | undefined> {
    return (await db.one(APPROVE_IMPORTED, [formId, userId]))?.rowVersion;
  }

  byCode(db: Db, scope: Scope, code: string, year: number | null): Promise<ImportMatchRow | undefined> {
    return db.one(BY_CODE, [code, scope.patterns, year]);
  }

  byNameInUnit(
    db: Db,
    scope: Scope,
    organizationId: string,
    name: string,
    year: number | null,
  ): Promise<ImportMatchRow | undefined> {
    return db.one(BY_NAME_IN_UNIT, [organizationId, scope.patterns, year, name]);
  }
}
