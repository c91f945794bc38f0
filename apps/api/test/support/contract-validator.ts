import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { InjectOptions, LightMyRequestResponse as InjectResponse } from 'fastify';
import { createOpenApiDocument } from '../../src/openapi/openapi-document';

type Schema = Record<string, unknown>;

interface Operation {
  method: string;
  path: string;
  pattern: RegExp;
  /** Path parameters in the template: fewer means more literal, so it wins a tie (`/forms/batch-transitions`). */
  params: number;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

const REF_PREFIX = '#/components/schemas/';
const CONTRACT_ID = 'contract';

/** `#/components/schemas/X` → `contract#/$defs/X`, so the components can live in one ajv schema. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) =>
      key === '$ref' && typeof child === 'string' && child.startsWith(REF_PREFIX)
        ? [key, `${CONTRACT_ID}#/$defs/${child.slice(REF_PREFIX.length)}`]
        : [key, rewriteRefs(child)],
    ),
  );
}

/**
 * Checks real answers against the OpenAPI document the app itself serves: the status must be documented for the
 * operation, and the body must match that status's schema (objects are closed, so an extra or misspelt field fails).
 * A request to no documented operation must be answered 404 with an ApiError.
 */
export class ContractValidator {
  private readonly ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  private readonly operations: Operation[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: OpenAPIObject) {
    this.ajv.addKeyword('example'); // an OpenAPI annotation, not a JSON Schema keyword
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: CONTRACT_ID, $defs: rewriteRefs(document.components?.schemas ?? {}) as Schema });
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, Operation['responses'] | object>)) {
        if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
        const segments = path
          .split('/')
          .map((s) => (s.startsWith('{') ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')));
        this.operations.push({
          method: method.toUpperCase(),
          path,
          pattern: new RegExp(`^${segments.join('/')}$`),
          params: (path.match(/\{/g) ?? []).length,
          responses: (operation as { responses: Operation['responses'] }).responses,
        });
      }
    }
    this.operations.sort((a, b) => a.params - b.params);
  }

  /** The problems of one answer, empty when it keeps the contract. */
  check(method: string, url: string, statusCode: number, contentType: string | undefined, body: string): string[] {
    const path = url.split('?')[0];
    if (!path.startsWith('/api/') || path.startsWith('/api/docs')) return [];
    const operation = this.operations.find((op) => op.method === method && op.pattern.test(path));
    const where = `${method} ${path} → ${statusCode}`;
    if (!operation) {
      if (statusCode !== 404) return [`${where}: no operation of the OpenAPI document matches this request`];
      return this.validate(where, 'ApiError', { $ref: `${REF_PREFIX}ApiError` }, contentType, body);
    }
    const response = operation.responses[String(statusCode)];
    if (!response) {
      return [
        `${where}: status ${statusCode} is not documented for ${operation.method} ${operation.path} ` +
          `(documented: ${Object.keys(operation.responses).join(', ')})`,
      ];
    }
    // A download documented as a file (the audit log's CSV, a form's .xlsx, a bulk export's .xlsx or .zip) is checked
    // for its type only: one of those documented.
    const fileTypes = Object.keys(response.content ?? {}).filter((type) => type !== 'application/json');
    if (fileTypes.length)
      return fileTypes.some((type) => contentType?.startsWith(type))
        ? []
        : [`${where}: expected ${fileTypes.join(' or ')}, got ${contentType ?? 'no content type'}`];
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return body.length === 0 ? [] : [`${where}: documented without a body, but one was sent`];
    return this.validate(where, `${operation.method} ${operation.path} ${statusCode}`, schema, contentType, body);
  }

  private validate(
    where: string,
    key: string,
    schema: Schema,
    contentType: string | undefined,
    body: string,
  ): string[] {
    if (!contentType?.startsWith('application/json'))
      return [`${where}: expected JSON, got ${contentType ?? 'no content type'}`];
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(rewriteRefs(schema) as Schema);
      this.compiled.set(key, validate);
    }
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      return [`${where}: the body is not JSON`];
    }
    if (validate(data)) return [];
    return (validate.errors ?? []).map(
      (e) =>
        `${where}: ${e.instancePath || '(body)'} ${e.message}` +
        (e.keyword === 'additionalProperties' ? ` (${JSON.stringify(e.params)})` : ''),
    );
  }
}

let shared: ContractValidator | undefined;

/**
 * Makes every `app.inject` of a test check its answer against the contract: a mismatch rejects the inject, so the
 * test fails with the path, the status and what differs. The document is the one the app serves at /api/docs-json
 * (built once per test file); CI also checks that libs/contracts/openapi.json is that same document.
 */
export function enforceContract(app: NestFastifyApplication): NestFastifyApplication {
  shared ??= new ContractValidator(createOpenApiDocument(app));
  const validator = shared;
  const inject = app.inject.bind(app) as (options: InjectOptions | string) => Promise<InjectResponse>;
  const checked = async (options: InjectOptions | string): Promise<InjectResponse> => {
    const response = await inject(options);
    const request: InjectOptions = typeof options === 'string' ? { method: 'GET', url: options } : options;
    const target = request.url ?? request.path;
    const url = typeof target === 'string' ? target : String(target?.pathname ?? '');
    const problems = validator.check(
      String(request.method ?? 'GET').toUpperCase(),
      url,
      response.statusCode,
      response.headers['content-type'] as string | undefined,
      response.body,
    );
    if (problems.length) throw new Error(`the answer breaks the API contract:\n  ${problems.join('\n  ')}`);
    return response;
  };
  // Nest's application object is itself a proxy that refuses new properties: wrap it instead.
  return new Proxy(app, {
    get: (target, property, receiver) => (property === 'inject' ? checked : Reflect.get(target, property, receiver)),
  });
}
