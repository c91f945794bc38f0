import type { FormFieldChange, Role } from '@jxt/contracts';
import type { HistoryEventColumns } from './history-event.columns';
import type { AuthUser } from '../tenancy/request-context';

/** The columns the append-only histories share (form_event, evaluation_event): who did what, when, from which state. */
export interface HistoryEventRow<Action extends string, Status extends string> {
  id: string;
  kind: 'transition' | 'save';
  action: Action | null;
  from_status: Status | null;
  to_status: Status | null;
  actor_name: string;
  actor_roles: Role[];
  actor_organization_name: string;
  comment: string | null;
  changes: FormFieldChange[] | null;
  row_version: number;
  created_at: Date;
}

/** One history row as the API answers it. */
export function toHistoryEntry<Action extends string, Status extends string>(r: HistoryEventRow<Action, Status>) {
  return {
    id: r.id,
    kind: r.kind,
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    actorName: r.actor_name,
    actorRoles: r.actor_roles,
    actorOrganizationName: r.actor_organization_name,
    comment: r.comment,
    changes: r.changes,
    rowVersion: r.row_version,
    at: r.created_at.toISOString(),
  };
}

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
