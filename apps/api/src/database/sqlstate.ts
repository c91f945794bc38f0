/**
 * SQLSTATEs raised by our own triggers (class "JX"), so the API can tell their refusals from PostgreSQL's.
 * The migrations raise them; common/http/api-exception.filter.ts answers each with its status and sentence.
 */

/** A write to a locked revision's content (a finance-approved or rejected form, a final 自评表): 409. */
export const LOCKED_REVISION_SQLSTATE = 'JX001';

/** An UPDATE, DELETE or TRUNCATE on an append-only table (form and 自评 history, scoring policy versions): 409. */
export const APPEND_ONLY_SQLSTATE = 'JX002';
