import { QueryFailedError } from 'typeorm';
import { APPEND_ONLY_SQLSTATE, LOCKED_REVISION_SQLSTATE } from '../../database/sqlstate';

/** How the API answers a database error: a status and a sentence, and whether the client should try again. */
export interface DatabaseAnswer {
  statusCode: number;
  message: string;
  /** Seconds for a Retry-After header: the same request may succeed a little later. */
  retryAfter?: number;
}

/** The message of a database that cannot be reached (every route, not only /api/health). */
export const DATABASE_UNAVAILABLE = '数据库暂不可用，请稍后重试';

/**
 * Errors of another transaction's timing, not of the request: a deadlock, a serialisation failure, a lock not
 * available at once. The conflict retry re-runs such a request (conflict-retry.interceptor.ts); what is left is
 * answered 409 with Retry-After.
 */
const TRANSIENT_SQLSTATES = new Set(['40P01', '40001', '55P03']);

/**
 * A connection that could not be made or was lost: the server is down, restarting, or refusing connections
 * (SQLSTATE class 08, 57P01–57P03 shutdown, 53300 too many connections), or the socket failed. pg reports some of
 * these only by message, without a code.
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const CONNECTION_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'connection error and is not queryable',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end on the pool',
];

/** The SQLSTATE or system error code of an error from pg, TypeORM or the socket, if it has one. */
export function errorCode(error: unknown): string | undefined {
  const inner = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  if (typeof inner !== 'object' || inner === null) return undefined;
  const { code, errors } = inner as { code?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  // Node's AggregateError of a connect to every address of a host name: the first code says it.
  if (Array.isArray(errors)) return errors.map(errorCode).find((c) => c !== undefined);
  return undefined;
}

function messageOf(error: unknown): string {
  const inner = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  return inner instanceof Error ? inner.message : '';
}

export function isTransientConflict(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && TRANSIENT_SQLSTATES.has(code);
}

export function isConnectionFailure(error: unknown): boolean {
  const code = errorCode(error);
  if (code !== undefined && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  const message = messageOf(error);
  return CONNECTION_MESSAGES.some((m) => message.includes(m));
}

/**
 * The answer for an error of the database, or undefined when it is not one we can name (the filter then answers
 * 500 with a request id and logs the code). Input the validation should have refused but did not still becomes a
 * 400 here, never a 500.
 */
export function databaseAnswer(error: unknown): DatabaseAnswer | undefined {
  if (isConnectionFailure(error)) return { statusCode: 503, message: DATABASE_UNAVAILABLE, retryAfter: 5 };
  if (!(error instanceof QueryFailedError)) return undefined;
  const code = errorCode(error);
  if (code === undefined) return undefined;
  if (TRANSIENT_SQLSTATES.has(code))
    return { statusCode: 409, message: '数据正被他人同时修改，请稍后重试', retryAfter: 1 };
  // A statement cancelled by statement_timeout or an operator: the database is too busy for now.
  if (code === '57014') return { statusCode: 503, message: '数据库繁忙，请稍后重试', retryAfter: 5 };
  if (code === '23505') return { statusCode: 409, message: '与已有记录重复（编码或名称已被使用）' };
  if (code === '23503') return { statusCode: 409, message: '该记录仍被其他数据引用，或引用的记录不存在' };
  // Our triggers' refusals: a locked revision, an append-only table. Both are conflicts with the record's state.
  if (code === LOCKED_REVISION_SQLSTATE) return { statusCode: 409, message: '已锁定的版本不能修改' };
  if (code === APPEND_ONLY_SQLSTATE) return { statusCode: 409, message: '历史记录只能追加，不能修改或删除' };
  // Row-level security refused a row of another tenant: to the caller it does not exist.
  if (code === '42501') return { statusCode: 404, message: '记录不存在或无权访问' };
  // Class 22 (data exception: bad text, number out of range, NUL byte, …), a NOT NULL or CHECK refusal, and a
  // value or statement too large: input the validation let through.
  if (code.startsWith('22') || code === '23502' || code === '23514')
    return { statusCode: 400, message: '输入格式不正确或超出允许范围' };
  if (code === '54000' || code === '54001') return { statusCode: 400, message: '输入的内容太大' };
  return undefined;
}
