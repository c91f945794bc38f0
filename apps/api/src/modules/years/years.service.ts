import { Injectable } from '@nestjs/common';
import type { YearsResponse } from '@jxt/contracts';
import { tenantScope } from '../../common/tenancy/request-context';
import { YearRepository } from './year.repository';

/**
 * The years with data: forms and 自评表 in the caller's scope (the organisation path of the form), the tenant's
 * taxonomy and 评分规则 versions.
 */
@Injectable()
export class YearsService {
  constructor(private readonly yearRows: YearRepository) {}

  async years(): Promise<YearsResponse> {
    const { user, db } = tenantScope();
    return { years: await this.yearRows.summaries(db, user.scope) };
  }
}
