import { BadRequestException, Injectable } from '@nestjs/common';
import {
  DEADLINE_KIND_LABELS,
  DEADLINE_KINDS,
  type Deadline,
  type InboxReason,
  type InboxResponse,
} from '@jxt/contracts';
import { tenantScope } from '../../common/tenancy/request-context';
import type { SetDeadlinesDto } from './dto/deadlines.dto';
import { InboxRepository } from './inbox.repository';

/** The inbox lists the most urgent items; the counts cover all of them. */
const INBOX_LIMIT = 200;

/**
 * 待办: what waits on the caller, by role — supervisor: submitted (and finance-returned) forms to review and
 * approved ones to 汇总报送; finance: reported forms; filer: returned forms and every unsubmitted draft of every open
 * year (ADR 0023), with its submit deadline when one is set (the most urgent first). One query; counts are aggregated
 * in SQL.
 */
@Injectable()
export class InboxService {
  constructor(private readonly rows: InboxRepository) {}

  async inbox(): Promise<InboxResponse> {
    const { user, db } = tenantScope();
    const roles = user.roles;
    const rows = await this.rows.waiting(db, user.scope, {
      supervisor: roles.includes('supervisor'),
      finance: roles.includes('finance'),
      filer: roles.includes('filer'),
      statuses: statusesFor(roles),
      limit: INBOX_LIMIT,
    });
    const counts: Record<InboxReason, number> = { to_review: 0, to_report: 0, returned: 0, draft_unsubmitted: 0 };
    Object.assign(counts, rows[0]?.reasonCounts ?? {});
    return {
      items: rows.map(({ total: _t, reasonCounts: _r, overdueCount: _o, since, ...item }) => ({
        ...item,
        since: since.toISOString(),
      })),
      counts,
      total: rows.length ? Number(rows[0].total) : 0,
      overdue: rows.length ? Number(rows[0].overdueCount) : 0,
    };
  }

  async deadlines(year: number): Promise<Deadline[]> {
    const rows = await this.rows.deadlines(tenantScope().db, year);
    return rows.map((r) => ({ year, kind: r.kind, dueDate: r.dueDate }));
  }

  /**
   * Sets, changes or clears (null or '') each deadline given; the others stay. The stages follow each other, so the
   * dates that result must too: 单位提交 ≤ 主管部门审核 ≤ 财政审核 (400 naming the later field otherwise).
   */
  async setDeadlines(year: number, dto: SetDeadlinesDto): Promise<Deadline[]> {
    const { user, db } = tenantScope();
    const result = new Map((await this.deadlines(year)).map((d) => [d.kind, d.dueDate]));
    for (const kind of DEADLINE_KINDS) {
      const value = dto[kind];
      if (value === null || value === '') result.delete(kind);
      else if (value !== undefined) result.set(kind, value);
    }
    const dated = DEADLINE_KINDS.filter((kind) => result.has(kind));
    const fields = dated.slice(1).flatMap((kind, index) => {
      const earlier = dated[index];
      return result.get(kind)! < result.get(earlier)!
        ? [
            {
              field: kind,
              message: `不能早于${DEADLINE_KIND_LABELS[earlier]}（${result.get(earlier)}）`,
              value: result.get(kind),
            },
          ]
        : [];
    });
    if (fields.length)
      throw new BadRequestException({
        message: `截止日期须按环节先后：${fields.map((f) => `${DEADLINE_KIND_LABELS[f.field]}${f.message}`).join('；')}`,
        fields,
      });
    for (const kind of DEADLINE_KINDS) {
      const value = dto[kind];
      if (value === undefined) continue;
      await this.rows.setDeadline(db, user.tenantId, year, kind, value === null || value === '' ? null : value);
    }
    return this.deadlines(year);
  }
}

/** Only the statuses some role of the caller waits on, so the index narrows the scan. */
function statusesFor(roles: readonly string[]): string[] {
  const statuses = new Set<string>();
  if (roles.includes('supervisor'))
    ['submitted', 'finance_returned', 'supervisor_approved'].forEach((s) => statuses.add(s));
  if (roles.includes('finance')) statuses.add('reported');
  if (roles.includes('filer')) ['returned', 'draft'].forEach((s) => statuses.add(s));
  return [...statuses];
}
