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
}

const MATCH_COLUMNS = `p.id AS "projectId", p.code, o.name AS "organizationName",
       f.id AS "formId", f.revision, f.status`;
const YEAR_FORM = `LEFT JOIN LATERAL (SELECT g.id, g.revision, g.status FROM goal_form g
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

/** Finds the project an imported sheet belongs to; reads only, inside the caller's scope. */
@Injectable()
export class ImportRepository {
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
