import type { FormFieldChange } from '@jxt/contracts';
import type { HistoryEventColumns } from './history-event.columns';
import type { AuthUser } from '../tenancy/request-context';

/** Columns and values of the acting user, copied into a history row so it reads as it was after users move. */
export const ACTOR_COLUMNS = 'actor_id, actor_name, actor_roles, actor_organization_id, actor_organization_name';
export const actorValues = (user: AuthUser): unknown[] => [
  user.userId,
  user.displayName,
  user.roles,
  user.organizationId,
  user.organizationName,
];

/** A history row as repositories select it (HISTORY_COLUMNS), typed from the entity columns. */
export type HistoryRow<Action extends string, Status extends string> = Pick<
  HistoryEventColumns<Action, Status>,
  | 'id'
  | 'kind'
  | 'action'
  | 'fromStatus'
  | 'toStatus'
  | 'actorName'
  | 'actorRoles'
  | 'actorOrganizationName'
  | 'comment'
  | 'rowVersion'
  | 'createdAt'
> & { changes: FormFieldChange[] | null };

/** Selects a HistoryRow from a history table aliased `e`. */
export const HISTORY_COLUMNS = `e.id, e.kind, e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.actor_name AS "actorName",
  e.actor_roles AS "actorRoles", e.actor_organization_name AS "actorOrganizationName", e.comment, e.changes,
  e.row_version AS "rowVersion", e.created_at AS "createdAt"`;

/** One history row as the API answers it. */
export function toHistory<Action extends string, Status extends string>(r: HistoryRow<Action, Status>) {
  const { createdAt, ...rest } = r;
  return { ...rest, at: createdAt.toISOString() };
}
