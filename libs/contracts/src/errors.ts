/** Body of every 4xx answer: a message a person can read, and for 400s one entry per bad field. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  fields?: FieldError[];
}

export interface FieldError {
  /** Dotted path of the field in the request body, e.g. `funds.totalAmount` or `indicators.year.0.children.1.indicators.2.rawValue`. */
  field: string;
  message: string;
  /** The text the user sent, kept so the form can show it back. */
  value?: unknown;
}

/** A check of the form's content (docs/domain.md §2–§3). Warnings never block a save. */
export interface FieldIssue {
  field: string;
  /** An error blocks what the check was run for (a save for checkForm; 提交 for checkSubmission and checkEvaluation); a warning never does. */
  severity: 'error' | 'warning';
  /**
   * Set on an error that is a required field still empty: it blocks 提交 like any error, but while the draft is being
   * filled in it is a to-do, not a mistake (a fresh 自评表 is all to-dos, not a wall of red).
   */
  blank?: true;
  code: string;
  message: string;
}
