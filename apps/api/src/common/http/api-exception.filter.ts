import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import type { ApiError } from '@jxt/contracts';
import { APPEND_ONLY_SQLSTATE, LOCKED_REVISION_SQLSTATE } from '../../database/sqlstate';

/** Every error leaves as an ApiError; database constraint errors become 4xx with a sentence, not a 500. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = toApiError(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const retryAfter = retryAfterOf(exception);
    if (retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
    void reply.status(body.statusCode).send(body);
  }
}

/** Whole seconds to wait, when the exception says (a 429 of the login limits: `retryAfter` in its response). */
function retryAfterOf(exception: unknown): number | undefined {
  if (!(exception instanceof HttpException)) return undefined;
  const response = exception.getResponse();
  const value = typeof response === 'object' ? (response as { retryAfter?: unknown }).retryAfter : undefined;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** The ApiError an exception leaves as (also for a COMMIT that fails after the handler: request-transaction-hooks.ts). */
export function toApiError(exception: unknown): ApiError {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const payload =
      typeof response === 'string' ? { message: response } : (response as Partial<ApiError> & { message?: unknown });
    const message = Array.isArray(payload.message)
      ? payload.message.join('；')
      : String(payload.message ?? exception.message);
    return {
      statusCode: status,
      error: HttpStatus[status] ?? 'Error',
      message,
      ...(payload.fields ? { fields: payload.fields } : {}),
    };
  }
  if (exception instanceof QueryFailedError) {
    const code = (exception.driverError as { code?: string } | undefined)?.code;
    if (code === '23505')
      return { statusCode: 409, error: 'Conflict', message: '与已有记录重复（编码或名称已被使用）' };
    if (code === '23503')
      return { statusCode: 409, error: 'Conflict', message: '该记录仍被其他数据引用，或引用的记录不存在' };
    if (code === '22P02' || code === '22007' || code === '22008')
      return { statusCode: 400, error: 'Bad Request', message: '输入格式不正确' };
    // Our triggers' refusals: a locked revision, an append-only table. Both are conflicts with the record's state.
    if (code === LOCKED_REVISION_SQLSTATE)
      return { statusCode: 409, error: 'Conflict', message: '已锁定的版本不能修改' };
    if (code === APPEND_ONLY_SQLSTATE)
      return { statusCode: 409, error: 'Conflict', message: '历史记录只能追加，不能修改或删除' };
    // Row-level security refused a row of another tenant: to the caller it does not exist.
    if (code === '42501') return { statusCode: 404, error: 'Not Found', message: '记录不存在或无权访问' };
  }
  return { statusCode: 500, error: 'Internal Server Error', message: '服务器内部错误，请稍后重试' };
}
