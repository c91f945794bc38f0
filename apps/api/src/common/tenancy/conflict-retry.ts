import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { defer, lastValueFrom, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/session.guard';
import { errorCode, isTransientConflict } from '../http/database-errors';

/** Tries of a request whose transaction lost a deadlock or a serialisation check; then the filter answers 409. */
export const CONFLICT_ATTEMPTS = 3;

const logger = new Logger('ConflictRetry');

/**
 * Runs the route again, pipes and handler, in a fresh transaction when the database chose it as the victim of a
 * deadlock (40P01) or refused it for serialisation (40001, 55P03): the transaction is rolled back and begun again on
 * the same connection with the same tenant and user, so nothing of the failed try remains. At most
 * CONFLICT_ATTEMPTS tries, a short random pause between them; what is left is answered 409 with Retry-After
 * (api-exception.filter.ts). Only on routes whose handler does nothing outside the transaction (no job started,
 * no cookie set): a Nest interceptor per route, so reads keep the path without one (ADR 0013, ADR 0016).
 */
@Injectable()
export class ConflictRetryInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return defer(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          // Each subscription of handle() runs the pipes and the handler again.
          return await lastValueFrom(next.handle(), { defaultValue: undefined });
        } catch (err) {
          const { tx, user } = request;
          if (!isTransientConflict(err) || attempt >= CONFLICT_ATTEMPTS || !tx || !user) throw err;
          logger.warn(
            `request ${request.id} ${request.method} ${request.url}: ${errorCode(err)}, try ${attempt + 1} of ${CONFLICT_ATTEMPTS}`,
          );
          await tx.restart(user.tenantId, user.userId);
          await sleep(10 * attempt + Math.random() * 40);
        }
      }
    });
  }
}

/** A write route that is run again after a deadlock or a serialisation failure (ConflictRetryInterceptor). */
export const RetryOnConflict = () => UseInterceptors(ConflictRetryInterceptor);
