import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;

/**
 * Spread into an ApiProperty whose value may be any JSON (e.g. what a user sent): Nest has no such type and writes
 * `type: object` for `unknown`, so the normalizer turns a schema with this title into one that allows anything.
 */
export const ANY_VALUE = { title: 'AnyValue' } as const;

const isObject = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Turns the document @nestjs/swagger builds (OpenAPI 3.0, `nullable: true`) into OpenAPI 3.1, whose schemas are JSON
 * Schema 2020-12: the same text then types the SPA (openapi-typescript) and checks real answers (ajv) with one
 * meaning. Two rules on the way:
 * - `nullable` becomes `null` in the type (or a `{ type: 'null' }` branch beside a reference), so null is allowed
 *   exactly where a DTO says so;
 * - every object schema that lists its properties gets `additionalProperties: false` unless it says otherwise:
 *   requests already refuse unknown fields (ValidationPipe forbidNonWhitelisted), and an answer with a field the
 *   document does not name (a typo, a leaked column) fails the integration tests.
 */
export function normalizeDocument(document: OpenAPIObject): OpenAPIObject {
  // Through JSON, as the document is served and written: keys Nest left undefined disappear here too.
  const copy = JSON.parse(JSON.stringify(document)) as OpenAPIObject & Schema;
  copy.openapi = '3.1.0';
  for (const schema of Object.values(copy.components?.schemas ?? {})) normalizeSchema(schema as Schema);
  for (const item of Object.values(copy.paths)) {
    for (const operation of Object.values(item as Schema)) {
      if (!isObject(operation)) continue;
      for (const parameter of (operation.parameters as Schema[] | undefined) ?? []) {
        if (isObject(parameter.schema)) normalizeSchema(parameter.schema);
      }
      const bodies = [operation.requestBody, ...Object.values((operation.responses as Schema | undefined) ?? {})];
      for (const body of bodies) {
        if (!isObject(body) || !isObject(body.content)) continue;
        for (const media of Object.values(body.content)) {
          if (isObject(media) && isObject(media.schema)) normalizeSchema(media.schema);
        }
      }
    }
  }
  return copy;
}

export function normalizeSchema(schema: Schema): void {
  if (schema.title === ANY_VALUE.title) {
    for (const key of Object.keys(schema)) if (key !== 'title' && key !== 'description') delete schema[key];
    return;
  }
  if (isObject(schema.properties)) Object.values(schema.properties).forEach((s) => normalizeSchema(s as Schema));
  if (isObject(schema.items)) normalizeSchema(schema.items);
  if (isObject(schema.additionalProperties)) normalizeSchema(schema.additionalProperties);
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((s) => isObject(s) && normalizeSchema(s));
  }

  if (schema.nullable === true) {
    delete schema.nullable;
    const allOf = schema.allOf as Schema[] | undefined;
    if (allOf?.length === 1 && !schema.properties) {
      // Nest writes a nullable reference as { type: 'object', nullable: true, allOf: [{ $ref }] }.
      delete schema.allOf;
      delete schema.type;
      schema.oneOf = [allOf[0], { type: 'null' }];
    } else if (Array.isArray(schema.oneOf)) {
      schema.oneOf = [...(schema.oneOf as Schema[]), { type: 'null' }];
    } else if (typeof schema.type === 'string') {
      schema.type = [schema.type, 'null'];
      if (Array.isArray(schema.enum)) schema.enum = [...(schema.enum as unknown[]), null];
    } else {
      throw new Error(`nullable schema without a type: ${JSON.stringify(schema)}`);
    }
  } else if (schema.nullable === false) {
    delete schema.nullable;
  }

  // Nest writes `type: 'object'` beside a `$ref` given to @ApiProperty: the reference alone says what the value is
  // (with it, the type reads as an open object).
  if (typeof schema.$ref === 'string' && schema.type === 'object') delete schema.type;

  if (isObject(schema.properties) && !('additionalProperties' in schema)) schema.additionalProperties = false;
}
