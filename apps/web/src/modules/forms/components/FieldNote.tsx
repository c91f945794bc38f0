import type { FieldIssue } from '@jxt/contracts';

export interface FieldNoteProps {
  id?: string;
  /** The server's message for this input (400), shown first. */
  serverError?: string;
  /** Live checks of this input (checkFunds, checkHeader …). */
  issues?: readonly FieldIssue[];
}

/** How a message looks: a mistake in red, a field still to fill in (blocks 提交 only) muted, a warning in orange. */
const noteClass = (issue: FieldIssue) => (issue.severity === 'warning' ? 'field-note-warning' : issue.blank ? 'field-note-todo' : 'field-note-error');

/** The messages of one input, beside it: errors in red, to-dos muted, warnings in orange. Nothing when there is none. */
export function FieldNote({ id, serverError, issues: all = [] }: FieldNoteProps) {
  // The server's message already says what the live error would: show one of them.
  const issues = serverError ? all.filter((issue) => issue.severity !== 'error') : all;
  if (!serverError && issues.length === 0) return null;
  return (
    <div id={id} className="field-note" role={serverError ? 'alert' : undefined}>
      {serverError && <div className="field-note-error">{serverError}</div>}
      {issues.map((issue) => (
        <div key={issue.code + issue.message} className={noteClass(issue)}>
          {issue.message}
        </div>
      ))}
    </div>
  );
}

/** The issues of each field path. */
export function issuesByField(issues: readonly FieldIssue[]): Map<string, FieldIssue[]> {
  const map = new Map<string, FieldIssue[]>();
  for (const issue of issues) map.set(issue.field, [...(map.get(issue.field) ?? []), issue]);
  return map;
}

/** A mistake to correct: an error that is not merely a field still to fill in. */
export const isMistake = (issue: FieldIssue) => issue.severity === 'error' && !issue.blank;

/** The input's outline: red for the server's refusal or a mistake, orange for a warning; none for a field that is only still empty. */
export const statusOf = (serverError: string | undefined, issues: readonly FieldIssue[] | undefined) =>
  serverError || issues?.some(isMistake) ? 'error' : issues?.some((issue) => issue.severity === 'warning') ? 'warning' : undefined;
