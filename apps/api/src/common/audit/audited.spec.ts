import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../tenancy/request-context';
import { auditDetail, auditRouteOf, type AuditedRequest } from './audited';

const request = (method: string, roles: string[] | null, audited = false) =>
  ({
    method,
    auditUser: roles ? ({ roles } as unknown as AuthUser) : undefined,
    auditRoute: audited ? { type: 'user.update' } : undefined,
  }) as unknown as FastifyRequest & AuditedRequest;

describe('which requests the audit log records', () => {
  it('records every call of a marked route, whoever calls it and whatever the method', () => {
    expect(auditRouteOf(request('POST', ['filer'], true))).toEqual({ type: 'user.update' });
    expect(auditRouteOf(request('PATCH', null, true))).toEqual({ type: 'user.update' });
  });

  it("records an admin's unmarked writes as admin.write", () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
      expect(auditRouteOf(request(method, ['filer', 'admin']))).toEqual({ type: 'admin.write' });
  });

  it("records nothing for a read, nor for a non-admin's unmarked write (the hot paths)", () => {
    expect(auditRouteOf(request('GET', ['admin']))).toBeNull();
    expect(auditRouteOf(request('HEAD', ['admin']))).toBeNull();
    expect(auditRouteOf(request('PUT', ['filer', 'auditor']))).toBeNull();
    expect(auditRouteOf(request('POST', null))).toBeNull();
  });
});

describe('the request kept with a record', () => {
  it('leaves out passwords, secrets, tokens and one-time codes, at any depth', () => {
    expect(
      auditDetail({
        username: 'u',
        password: 'p',
        newPassword: 'n',
        totpCode: '123456',
        nested: { clientSecret: 's', accessToken: 't', roles: ['admin'] },
      }),
    ).toEqual({ username: 'u', nested: { roles: ['admin'] } });
  });

  it('keeps only the size of a large body, and nothing of a body that is no object', () => {
    expect(auditDetail({ text: 'x'.repeat(5000) })).toEqual({ truncated: true, size: 5011 });
    expect(auditDetail('text')).toBeNull();
    expect(auditDetail(null)).toBeNull();
  });
});
