import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { ApiError } from '@jxt/contracts';
import { databaseAnswer, errorCode } from './database-errors';

const logger = new Logger('ApiExceptionFilter');

/** Every error leaves as an ApiError; database errors become 4xx or 503 with a sentence, anything else a 500. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), exception);
  }
}

/** An error's answer: the ApiError, and how long to wait before trying again when that may help. */
export interface ErrorAnswer {
  body: ApiError;
  retryAfter?: number;
}

/**
 * The answer an exception leaves as (the filter's, and a COMMIT's that fails after the handler:
 * request-transaction-hooks.ts). A 5xx carries the request's id, which the log line has too.
 */
export function errorAnswer(exception: unknown, requestId?: string): ErrorAnswer {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const payload =
      typeof response === 'string'
        ? { message: response }
        : (response as Partial<ApiError> & { message?: unknown; retryAfter?: unknown });
    const message = Array.isArray(payload.message)
      ? payload.message.join('；')
      : String(payload.message ?? exception.message);
    const body: ApiError = {
      statusCode: status,
      error: HttpStatus[status] ?? 'Error',
      message,
      ...(payload.fields ? { fields: payload.fields } : {}),
      ...(payload.code ? { code: payload.code } : {}),
    };
    const retryAfter = retryAfterOf(payload);
    return { body: withRequestId(body, requestId), ...(retryAfter !== undefined ? { retryAfter } : {}) };
  }
  const known = databaseAnswer(exception);
  if (known) {
    const body: ApiError = {
      statusCode: known.statusCode,
      // The reason phrase ('Conflict', 'Service Unavailable'), as these answers always said.
      error: STATUS_CODES[known.statusCode] ?? 'Error',
      message: known.message,
    };
    return { body: withRequestId(body, requestId), ...(known.retryAfter ? { retryAfter: known.retryAfter } : {}) };
  }
  const message = requestId
    ? `服务器内部错误，请稍后重试；如仍失败，请把请求编号 ${requestId} 告知管理员`
    : '服务器内部错误，请稍后重试';
  return { body: withRequestId({ statusCode: 500, error: 'Internal Server Error', message }, requestId) };
}

/** Whole seconds to wait, when the exception says so (a 429 of the login limits: `retryAfter` in its response). */
function retryAfterOf(payload: { retryAfter?: unknown }): number | undefined {
  const value = payload.retryAfter;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** The ApiError alone (tests, and callers that send no headers). */
export function toApiError(exception: unknown): ApiError {
  return errorAnswer(exception).body;
}

function withRequestId(body: ApiError, requestId: string | undefined): ApiError {
  return body.statusCode >= 500 && requestId ? { ...body, requestId } : body;
}

/**
 * Logs what the operator needs for a 5xx (request id, route, SQLSTATE or error code, stack) and sets the answer's
 * status and Retry-After on `reply`; returns the body to send.
 */
export function prepareError(request: FastifyRequest, reply: FastifyReply, exception: unknown): ApiError {
  const { body, retryAfter } = errorAnswer(exception, request.id);
  if (body.statusCode >= 500) {
    const code = errorCode(exception);
    const where = `${body.statusCode} request ${request.id} ${request.method} ${request.url}${code ? ` code ${code}` : ''}`;
    // An unknown error with its stack; a database that cannot be reached in one line per request.
    if (body.statusCode === 500)
      logger.error(
        `${where}: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`,
      );
    else logger.warn(`${where}: ${exception instanceof Error ? exception.message : String(exception)}`);
  }
  void reply.status(body.statusCode);
  if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
  return body;
}

function sendError(request: FastifyRequest, reply: FastifyReply, exception: unknown): void {
  void reply.send(prepareError(request, reply, exception));
}
