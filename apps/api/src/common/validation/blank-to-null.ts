/** Optional text as stored: a blank field is NULL (shown as blank and flagged by the checks), never ''. */
export function blankToNull(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}
