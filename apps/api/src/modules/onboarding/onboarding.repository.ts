import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/access/db';
import { inScope, type Scope } from '../../database/access/scope';
import { sql } from '../../database/access/statement';

/** A user name the tenant already has: `inScope` when its user sits in the caller's subtree (the import leaves it). */
export interface TakenUsernameRow {
  username: string;
  inScope: boolean;
}

// Row-level security limits this to the caller's tenant; a name of another tenant is refused at the insert (409).
const TAKEN = sql<TakenUsernameRow, [usernames: string[], scope: readonly string[]]>(
  'onboarding.takenUsernames',
  `SELECT lower(u.username) AS username, ${inScope('o.path', 2)} AS "inScope"
   FROM app_user u JOIN organization o ON o.id = u.organization_id WHERE lower(u.username) = ANY($1::text[])`,
);

@Injectable()
export class OnboardingRepository {
  /** Which of `usernames` (lower case) the tenant already has, and whether each is inside the caller's scope. */
  takenUsernames(db: Db, scope: Scope, usernames: string[]): Promise<TakenUsernameRow[]> {
    return usernames.length ? db.rows(TAKEN, [usernames, scope.patterns]) : Promise.resolve([]);
  }
}
