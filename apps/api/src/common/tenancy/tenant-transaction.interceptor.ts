import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/session.guard';
import { runInTenantScope } from './request-context';

/**
 * Runs every authenticated handler inside the transaction the session check opened (tenant and user
 * already set), commits it when the handler succeeds and rolls it back when anything throws.
 * Public routes have no transaction.
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const { user, tx } = request;
    if (!user || !tx) return next.handle();
    return from(
      (async () => {
        try {
          const result = await runInTenantScope({ user, manager: tx.manager }, () =>
            lastValueFrom(next.handle(), { defaultValue: undefined }),
          );
          await tx.commit();
          return result;
        } catch (err) {
          await tx.rollback();
          throw err;
        }
      })(),
    );
  }
}
