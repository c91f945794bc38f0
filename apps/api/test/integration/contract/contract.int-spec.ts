import type { CurrentUser } from '@jxt/contracts';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOpenApiDocument } from '../../../src/openapi/openapi-document';
import { ContractValidator, enforceContract } from '../../support/contract-validator';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

type Schema = Record<string, unknown>;

/** Every schema object of the document, with where it is. */
function* schemas(value: unknown, at = ''): Generator<[string, Schema]> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* schemas(item, `${at}/${i}`);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Schema;
    if ('type' in record || '$ref' in record || 'oneOf' in record) yield [at, record];
    for (const [key, child] of Object.entries(record)) if (key !== 'example') yield* schemas(child, `${at}/${key}`);
  }
}

describe('the HTTP contract: the OpenAPI document describes every answer, and every answer is checked against it', () => {
  let t: TestApp;
  let document: OpenAPIObject;
  let validator: ContractValidator;
  let filer: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedSongjiang(t.ownerUrl, 'c');
    filer = (await login(t.app, 'c-filer')).authorization;
    document = createOpenApiDocument(t.app);
    validator = new ContractValidator(document);
  });
  afterAll(() => t.close());

  it('is what libs/contracts/openapi.json holds (npm run contract regenerates it)', async () => {
    const served = await t.app.inject({ method: 'GET', url: '/api/docs-json' });
    const committed = JSON.parse(readFileSync(join(__dirname, '../../../../../libs/contracts/openapi.json'), 'utf8'));
    expect(served.json()).toEqual(document);
    expect(committed).toEqual(document);
  });

  it('documents a success answer of every operation: a schema, or a 204 without a body', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { responses: Record<string, { content?: unknown }> }>).map(
        ([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, responses: op.responses }),
      ),
    );
    expect(operations.length).toBeGreaterThanOrEqual(49);
    const undocumented = operations.filter(({ responses }) => {
      const success = Object.entries(responses).filter(([status]) => status.startsWith('2'));
      return (
        success.length === 0 ||
        success.some(([status, response]) => (status === '204' ? !!response.content : !response.content))
      );
    });
    expect(undocumented.map((o) => o.route)).toEqual([]);
  });

  it('has no open object anywhere: each lists its properties and refuses others, or says what its values are', () => {
    const open = [...schemas(document)]
      .filter(([, s]) => s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object')))
      .filter(([, s]) => (s.properties ? s.additionalProperties !== false : typeof s.additionalProperties !== 'object'))
      .map(([at]) => at);
    expect(open).toEqual([]);
  });

  it('passes a real answer and fails the same answer with an extra, a misspelt or a missing field', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: filer } });
    const me = response.json<CurrentUser>();
    const check = (body: unknown, status = 200, url = '/api/auth/me') =>
      validator.check('GET', url, status, 'application/json; charset=utf-8', JSON.stringify(body));

    expect(check(me)).toEqual([]);
    expect(check({ ...me, tenantId: me.tenant.id }).join()).toMatch(/must NOT have additional properties.*tenantId/);
    const { displayName, ...rest } = me;
    expect(check({ ...rest, displayname: displayName }).join()).toMatch(/must have required property 'displayName'/);
    expect(check({ ...me, roles: ['owner'] }).join()).toMatch(/\/roles\/0 must be equal to one of the allowed values/);
    expect(check({ ...me, phone: 13800000000 }).join()).toMatch(/\/phone must be string,null/);
    expect(check({}).length).toBeGreaterThan(0);
  });

  it('fails an answer whose status the operation does not document, and a route the document does not have', () => {
    const body = JSON.stringify({ statusCode: 418, error: "I'm a teapot", message: '—' });
    expect(validator.check('GET', '/api/auth/me', 418, 'application/json', body).join()).toMatch(
      /status 418 is not documented for GET \/api\/auth\/me/,
    );
    expect(validator.check('GET', '/api/not-a-route', 200, 'application/json', '{}').join()).toMatch(
      /no operation of the OpenAPI document matches/,
    );
    expect(validator.check('POST', '/api/auth/logout', 204, undefined, '{"ok":true}').join()).toMatch(
      /documented without a body, but one was sent/,
    );
    // An error keeps the ApiError shape: a 404 that is not one fails too.
    expect(validator.check('GET', '/api/not-a-route', 404, 'application/json', '{"error":"x"}').length).toBeGreaterThan(
      0,
    );
  });

  it('makes an inject whose answer breaks the contract reject, so the test that made it fails', async () => {
    // An app whose GET /api/auth/me answers an empty object: what a route without a documented schema could do.
    const broken = {
      inject: async () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{}' }),
    } as unknown as NestFastifyApplication;
    await expect(enforceContract(broken).inject({ method: 'GET', url: '/api/auth/me' })).rejects.toThrow(
      /breaks the API contract:\n {2}GET \/api\/auth\/me → 200: \(body\) must have required property 'id'/,
    );
    // The test apps are wrapped: their answers so far kept the contract.
    const answer = await t.app.inject({ method: 'GET', url: '/api/organizations', headers: { authorization: filer } });
    expect(answer.statusCode).toBe(200);
  });
});
