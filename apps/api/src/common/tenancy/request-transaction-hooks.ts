import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../auth/session.guard';
import { prepareError } from '../http/api-exception.filter';
import { auditRecordOf, auditRouteOf, type AuditRecord, type AuditRoute, type AuditSink } from '../audit/audited';
import { enterRequestScope } from './request-context';

const logger = new Logger('RequestTransaction');

/**
 * The request transaction's life, as three Fastify hooks instead of a Nest interceptor (which made Nest bind two
 * async resources per request and run it through rxjs; docs/adr/0013-session-cache-and-request-transaction.md):
 *
 * - preHandler: the rest of the request (Nest's guard, pipes and handler) runs inside the request's async-local
 *   scope, which the session guard fills in with the user and the transaction it opened;
 * - onSend: every answer passes here before it leaves, a handler's result and an exception filter's error alike:
 *   a success (status < 400) commits, anything else rolls back. A failed COMMIT turns the answer into the error
 *   the exception filter would have sent, so a client never sees a success that was not stored;
 * - onResponse: whatever is still open (a request that ended another way) is rolled back and its connection
 *   released, so a connection never leaks.
 *
 * An audited request (common/audit/audited.ts) is recorded in onSend too, before its answer leaves: a stored change
 * in its own transaction before the COMMIT (no change without its record; a record that cannot be written fails the
 * request), a refused or failed one after the ROLLBACK in a short transaction of its own.
 */
export function installRequestTransactionHooks(fastify: FastifyInstance, audit?: AuditSink): void {
  fastify.addHook('preHandler', (request, _reply, done) => enterRequestScope(request as AuthenticatedRequest, done));
  // Callback hooks: a request without a transaction (public routes, static files) passes without a promise.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const rule = audit ? auditRouteOf(request as AuthenticatedRequest) : null;
    if (audit && rule) {
      finishAudited(request as AuthenticatedRequest, reply, payload, rule, audit).then(
        (answer) => done(null, answer),
        (err: unknown) => done(err as Error),
      );
      return;
    }
    const tx = (request as AuthenticatedRequest).tx;
    if (!tx || tx.isFinished) return done(null, payload);
    if (reply.statusCode >= 400) {
      tx.rollback().then(
        () => done(null, payload),
        (err: unknown) => {
          logger.error(`rollback failed: ${err instanceof Error ? err.message : String(err)}`);
          done(null, payload);
        },
      );
      return;
    }
    tx.commit().then(
      () => done(null, payload),
      (err: unknown) => done(null, commitFailed(request, reply, err)),
    );
  });
  fastify.addHook('onResponse', (request, _reply, done) => {
    const tx = (request as AuthenticatedRequest).tx;
    if (!tx || tx.isFinished) return done();
    tx.rollback().then(
      () => done(),
      () => done(),
    );
  });
}

async function finishAudited(
  request: AuthenticatedRequest,
  reply: FastifyReply,
  payload: unknown,
  rule: AuditRoute,
  audit: AuditSink,
): Promise<unknown> {
  const tx = request.tx && !request.tx.isFinished ? request.tx : null;
  let answer = payload;
  if (tx && reply.statusCode < 400) {
    const record = auditRecordOf(request, reply, payload, rule);
    try {
      if (record) await audit.recordInTransaction(tx.db, record);
      await tx.commit();
      return answer;
    } catch (err) {
      if (!tx.isFinished) await tx.rollback().catch(() => undefined);
      answer = commitFailed(request, reply, err);
    }
  } else if (tx) {
    await tx.rollback().catch((err: unknown) => {
      logger.error(`rollback failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  }
  const record = auditRecordOf(request, reply, answer, rule);
  if (record) await audit.recordSeparately(record).catch((err: unknown) => auditRecordLost(record, err));
  return answer;
}

/** The app log keeps a record the database refused, whole, at error level: it is never dropped silently. */
function auditRecordLost(record: AuditRecord, err: unknown): void {
  logger.error(
    `audit record not stored (${err instanceof Error ? err.message : String(err)}): ${JSON.stringify(record)}`,
  );
}

function commitFailed(request: FastifyRequest, reply: FastifyReply, err: unknown): string {
  const body = prepareError(request, reply, err);
  void reply.header('content-type', 'application/json; charset=utf-8');
  return JSON.stringify(body);
}
