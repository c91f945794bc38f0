/** The server's messages of a refused save, by field path: an editor clears a field's message when it is edited. */
export function withoutError(errors: Record<string, string>, path: string): Record<string, string> {
  if (!(path in errors)) return errors;
  const next = { ...errors };
  delete next[path];
  return next;
}
