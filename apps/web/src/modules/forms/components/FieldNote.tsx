import type { FieldIssue } from '@jxt/contracts';

export interface FieldNoteProps {
  id?: string;
  /** The server's message for this input (400), shown first. */
  serverError?: string;
  /** Live checks of this input (checkFunds, checkHeader …). */
  issues?: readonly FieldIssue[];
}

/**
 * The messages of one input, beside it: errors in red, warnings in orange. Nothing when there is none. A field that is
 * only still empty (`blank`) gets no message here: the input's placeholder says what goes in, and the checks panel and
 * the edit bar count the to-dos.
 */
export function FieldNote({ id, serverError, issues: all = [] }: FieldNoteProps) {
  // The server's message already says what the live error would: show one of them.
  const issues = (serverError ? all.filter((issue) => issue.severity !== 'error') : all).filter(
    (issue) => !issue.blank,
  );
  if (!serverError && issues.length === 0) return null;
  return (
    <div id={id} className="field-note" role={serverError ? 'alert' : undefined}>
      {serverError && <div className="field-note-error">{serverError}</div>}
      {issues.map((issue) => (
        <div
          key={issue.code + issue.message}
          className={issue.severity === 'error' ? 'field-note-error' : 'field-note-warning'}
        >
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
  serverError || issues?.some(isMistake)
    ? 'error'
    : issues?.some((issue) => issue.severity === 'warning')
      ? 'warning'
      : undefined;
