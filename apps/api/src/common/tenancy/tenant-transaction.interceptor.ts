import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { APP_DATA_SOURCE } from '../../database/database.module';
import type { AuthenticatedRequest } from '../auth/session.guard';
import { inTenantTransaction } from './tenant-transaction';

/** Wraps every authenticated handler in its tenant transaction; public routes run without one. */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  constructor(@Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const user = request.user;
    if (!user) return next.handle();
    return from(inTenantTransaction(this.dataSource, user, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
