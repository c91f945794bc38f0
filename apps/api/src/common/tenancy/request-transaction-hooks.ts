import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../auth/session.guard';
import { prepareError } from '../http/api-exception.filter';
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
 */
export function installRequestTransactionHooks(fastify: FastifyInstance): void {
  fastify.addHook('preHandler', (request, _reply, done) => enterRequestScope(request as AuthenticatedRequest, done));
  // Callback hooks: a request without a transaction (public routes, static files) passes without a promise.
  fastify.addHook('onSend', (request, reply, payload, done) => {
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

function commitFailed(request: FastifyRequest, reply: FastifyReply, err: unknown): string {
  const body = prepareError(request, reply, err);
  void reply.header('content-type', 'application/json; charset=utf-8');
  return JSON.stringify(body);
}
