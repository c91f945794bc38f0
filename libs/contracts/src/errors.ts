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

/** A check of the form's content (domain.md §2–§3). Warnings never block a save. */
export interface FieldIssue {
  field: string;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}
