/**
 * How long the app's connections may take to open, or a request may wait for a free pooled one: past it the request
 * is answered 503 (common/http/database-errors.ts) instead of hanging while the database is down or restarting.
 */
export const CONNECT_TIMEOUT_MS = 5_000;
