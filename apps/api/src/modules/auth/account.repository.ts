import { Injectable } from '@nestjs/common';
import type { Role } from '@jxt/contracts';
import type { Db } from '../../database/access/db';
import { sql } from '../../database/access/statement';
import type { UserEntity } from '../../database/entities/user.entity';

/** A user's own sign-in state, read in their tenant's transaction (their own row: no organisation scope applies). */
export type AccountRow = Pick<
  UserEntity,
  'username' | 'passwordHash' | 'demoAccount' | 'passwordChangeRequired' | 'totpSecret' | 'totpPendingSecret'
> & { roles: Role[]; totpLastStep: string | null; recoveryCodesLeft: number };

const ACCOUNT = sql<AccountRow, [userId: string]>(
  'account.get',
  `SELECT username, password_hash AS "passwordHash", roles, demo_account AS "demoAccount",
     password_change_required AS "passwordChangeRequired", totp_secret AS "totpSecret",
     totp_pending_secret AS "totpPendingSecret", totp_last_step::text AS "totpLastStep",
     cardinality(totp_recovery_codes) AS "recoveryCodesLeft"
   FROM app_user WHERE id = $1 AND NOT disabled`,
);

// The user's own choice: no change required any more.
const SET_PASSWORD = sql<object, [userId: string, hash: string]>(
  'account.setPassword',
  `UPDATE app_user SET password_hash = $2, password_change_required = false, updated_at = now() WHERE id = $1`,
);

const SET_PENDING_TOTP = sql<object, [userId: string, sealed: string]>(
  'account.setPendingTotp',
  `UPDATE app_user SET totp_pending_secret = $2, updated_at = now() WHERE id = $1`,
);

// Enrolment confirmed with a code of `step`: the pending secret becomes the secret; the code may not serve again.
const CONFIRM_TOTP = sql<Pick<UserEntity, 'id'>, [userId: string, sealed: string, step: string, recovery: string[]]>(
  'account.confirmTotp',
  `UPDATE app_user SET totp_secret = $2, totp_pending_secret = NULL, totp_last_step = $3::bigint,
     totp_recovery_codes = $4, updated_at = now()
   WHERE id = $1 AND totp_pending_secret = $2 RETURNING id`,
);

// A code is used once: only a step later than the last accepted one moves the mark (atomic under races).
const CLAIM_STEP = sql<Pick<UserEntity, 'id'>, [userId: string, step: string]>(
  'account.claimTotpStep',
  `UPDATE app_user SET totp_last_step = $2::bigint
   WHERE id = $1 AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $2::bigint) RETURNING id`,
);

const USE_RECOVERY_CODE = sql<Pick<UserEntity, 'id'>, [userId: string, hash: string]>(
  'account.useRecoveryCode',
  `UPDATE app_user SET totp_recovery_codes = array_remove(totp_recovery_codes, $2)
   WHERE id = $1 AND totp_secret IS NOT NULL AND $2 = ANY (totp_recovery_codes) RETURNING id`,
);

const DISABLE_TOTP = sql<object, [userId: string]>(
  'account.disableTotp',
  `UPDATE app_user SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL,
     totp_recovery_codes = '{}', updated_at = now() WHERE id = $1`,
);

/** app_user as its own user changes it: password, second factor. */
@Injectable()
export class AccountRepository {
  get(db: Db, userId: string): Promise<AccountRow | undefined> {
    return db.one(ACCOUNT, [userId]);
  }

  async setPassword(db: Db, userId: string, hash: string): Promise<void> {
    await db.run(SET_PASSWORD, [userId, hash]);
  }

  async setPendingTotp(db: Db, userId: string, sealed: string): Promise<void> {
    await db.run(SET_PENDING_TOTP, [userId, sealed]);
  }

  async confirmTotp(db: Db, userId: string, sealed: string, step: number, recovery: string[]): Promise<boolean> {
    return (await db.rows(CONFIRM_TOTP, [userId, sealed, String(step), recovery])).length > 0;
  }

  async claimStep(db: Db, userId: string, step: number): Promise<boolean> {
    return (await db.rows(CLAIM_STEP, [userId, String(step)])).length > 0;
  }

  async useRecoveryCode(db: Db, userId: string, hash: string): Promise<boolean> {
    return (await db.rows(USE_RECOVERY_CODE, [userId, hash])).length > 0;
  }

  async disableTotp(db: Db, userId: string): Promise<void> {
    await db.run(DISABLE_TOTP, [userId]);
  }
}
