import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { OpenYearResponse, YearSummary, YearsResponse } from '@jxt/contracts';
import { tenantScope } from '../../common/tenancy/request-context';
import { YearRepository, type YearSummaryRow } from './year.repository';

/**
 * 年度 (ADR 0023): the tenant's fiscal years with what they hold — forms and 自评表 in the caller's scope (the
 * organisation path of the form), the tenant's taxonomy and 评分规则 versions — and the admin's 开启新年度 and 关闭年度.
 */
@Injectable()
export class YearsService {
  constructor(private readonly yearRows: YearRepository) {}

  async years(): Promise<YearsResponse> {
    const { user, db } = tenantScope();
    return { years: (await this.yearRows.summaries(db, user.scope)).map(toSummary) };
  }

  /**
   * 开启新年度: the year after the latest becomes open, with the year before's taxonomy, 功能分类科目, latest 评分规则
   * and deadlines (one year on) copied where it has none of its own. A year already open is left as it is
   * (`changed: false`); a closed one opens again without copying anything.
   */
  async open(year: number): Promise<OpenYearResponse> {
    const { user, db } = tenantScope();
    const existing = await this.yearRows.fiscalYear(db, year);
    let changed = false;
    if (existing?.status === 'closed') {
      changed = await this.yearRows.setStatus(db, year, 'closed', 'open', null);
    } else if (!existing) {
      const latest = await this.yearRows.latestFiscalYear(db);
      if (latest !== null && year !== latest + 1) {
        throw new ConflictException({
          message: `只能开启 ${latest + 1} 年度（最近开启的是 ${latest} 年度）`,
          fields: [{ field: 'year', message: `只能开启 ${latest + 1} 年度`, value: year }],
        });
      }
      changed = await this.yearRows.insertFiscalYear(db, user.tenantId, year, user.displayName);
      if (changed) await this.yearRows.copyFromYearBefore(db, year, { id: user.userId, name: user.displayName });
    }
    return { year: await this.summary(year), changed };
  }

  /** 关闭年度: the year's drafts leave 待办; its forms stay readable. Only an open year can be closed. */
  async close(year: number): Promise<YearSummary> {
    const { user, db } = tenantScope();
    const existing = await this.yearRows.fiscalYear(db, year);
    if (!existing) throw new NotFoundException(`${year} 年度未开启过，无法关闭`);
    if (!(await this.yearRows.setStatus(db, year, 'open', 'closed', user.displayName)))
      throw new ConflictException(`${year} 年度已关闭`);
    return this.summary(year);
  }

  private async summary(year: number): Promise<YearSummary> {
    const { user, db } = tenantScope();
    const row = (await this.yearRows.summaries(db, user.scope)).find((r) => r.year === year);
    if (!row) throw new NotFoundException(`没有 ${year} 年度`);
    return toSummary(row);
  }
}

function toSummary({ openedAt, closedAt, ...row }: YearSummaryRow): YearSummary {
  return { ...row, openedAt: openedAt?.toISOString() ?? null, closedAt: closedAt?.toISOString() ?? null };
}
