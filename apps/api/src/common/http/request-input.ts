import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import type { FieldError } from '@jxt/contracts';
import { badRequestForFields } from './validation';

/** The largest request body (bytes). */
export const BODY_LIMIT = 2 * 1024 * 1024;

/**
 * How deep a JSON body may nest. The deepest request the API takes (a form's indicator tree) nests 8 levels; a
 * body of thousands would overflow the stack of the validation before any check could refuse it.
 */
export const MAX_JSON_DEPTH = 32;

const NUL_MESSAGE = '不能包含空字符（U+0000）';
const SURROGATE_MESSAGE = '包含无效的 Unicode 字符（不成对的代理项）';
/** A quick test for what PostgreSQL cannot store in text or jsonb: NUL, and surrogates (valid only in pairs). */
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why PostgreSQL would refuse `text`, or null when it takes it. */
export function textProblem(text: string): string | null {
  if (!SUSPECT.test(text)) return null;
  if (text.includes('\u0000')) return NUL_MESSAGE;
  return LONE_SURROGATE.test(text) ? SURROGATE_MESSAGE : null;
}

/**
 * The first string (or object key) in `value` that PostgreSQL cannot store, as a field error with its dotted path
 * (`indicators.year.0.children.1.name`); `root` names a string given alone. Walks with its own stack, not by
 * recursion, whatever the depth.
 */
export function findBadText(value: unknown, root: string): FieldError | undefined {
  const at = (path: string, key: string) => (path ? `${path}.${key}` : key);
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      const message = textProblem(current);
      if (message) return { field: path || root, message };
      continue;
    }
    if (typeof current !== 'object' || current === null || Buffer.isBuffer(current)) continue;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], at(path, String(i))]);
      continue;
    }
    const entries = Object.entries(current);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      const message = textProblem(key);
      if (message) return { field: at(path, key), message };
      stack.push([child, at(path, key)]);
    }
  }
  return undefined;
}

/** True when the JSON text opens more than `limit` objects or arrays inside each other (one pass, no parsing). */
export function jsonNestsDeeperThan(text: Buffer | string, limit: number): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Fastify's own refusals before any route (a path with a malformed %-escape, a path parameter over 100 characters),
 * answered as ApiErrors like every other refusal (FastifyAdapter's `frameworkErrors`).
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const statusCode = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  void reply
    .code(statusCode)
    .header('x-request-id', request.id)
    .send({
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      message: statusCode === 414 ? '路径参数太长' : '路径不是有效的 URL 编码',
    });
}

/**
 * Input checks every route gets before any guard, pipe or handler (issue 11: no input reaches the database in a
 * form it cannot store, no body can overflow the stack):
 * - JSON bodies nested deeper than MAX_JSON_DEPTH are refused at parsing (400), then parsed by Fastify's own
 *   parser (secure-json-parse: `__proto__` and `constructor.prototype` refused); form bodies as before;
 * - a NUL byte or an unpaired surrogate in any string or key of the body, the query string or the path is a
 *   400 naming the field (login included: its guard runs after this);
 * - every answer carries X-Request-Id, the id Fastify logs the request with (a 5xx body quotes it too).
 * Called by createApp before the routes are registered.
 */
export function installInputChecks(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  const json = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT }, (request, body, done) => {
    if (jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) {
      done(badRequestForFields([], `JSON 嵌套过深（最多 ${MAX_JSON_DEPTH} 层）`), undefined);
      return;
    }
    // Bad JSON, an empty body, `__proto__`: a 400 in the API's words instead of the parser's. (The default parser
    // answers through `done` and returns nothing: its type allows a promise.)
    void json(request as FastifyRequest, body.toString(), (err, value) =>
      err ? done(badRequestForFields([], '请求体不是有效的 JSON'), undefined) : done(null, value),
    );
  });
  // Registering a parser replaces Nest's defaults: forms are parsed as Nest parsed them (flat, no nesting).
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit: BODY_LIMIT }, (_request, body, done) =>
    done(null, parseQueryString(body.toString())),
  );

  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('preValidation', (request: FastifyRequest, _reply, done) => {
    const bad =
      findBadText(request.params, 'params') ?? findBadText(request.query, 'query') ?? findBadText(request.body, 'body');
    done(bad ? badRequestForFields([bad]) : undefined);
  });
}
