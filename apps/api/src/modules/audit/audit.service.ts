import { Injectable } from '@nestjs/common';
import { AUDIT_EVENT_TYPE_LABELS, type AuditEventType } from '@jxt/contracts';
import { tenantScope } from '../../common/tenancy/request-context';
import { AuditEventRepository, type AuditEventFilter, type AuditEventRow } from './audit-event.repository';
import type { AuditEventDto, AuditEventListResponseDto, AuditEventQueryDto } from './dto/audit-event.dto';

/** The most rows one CSV download carries (newest first); narrow the time range for more. */
export const AUDIT_CSV_MAX_ROWS = 50_000;

const CSV_COLUMNS: [header: string, value: (e: AuditEventDto) => string][] = [
  ['时间', (e) => shanghaiTime(e.at)],
  ['事件', (e) => AUDIT_EVENT_TYPE_LABELS[e.eventType] ?? e.eventType],
  ['结果', (e) => (e.status < 400 ? '成功' : '失败')],
  ['状态码', (e) => String(e.status)],
  ['用户名', (e) => e.username ?? ''],
  ['姓名', (e) => e.displayName ?? ''],
  ['所属组织', (e) => e.organizationName ?? ''],
  ['客户端地址', (e) => e.ip ?? ''],
  ['操作对象', (e) => e.targetType ?? ''],
  ['对象编号', (e) => e.targetId ?? ''],
  ['请求', (e) => (e.method && e.route ? `${e.method} ${e.route}` : '')],
  ['请求编号', (e) => e.requestId ?? ''],
  ['客户端', (e) => e.userAgent ?? ''],
  ['详情', (e) => (e.detail ? JSON.stringify(e.detail) : '')],
];

/** 日志: reading the audit log (admin and 审计管理员), scoped to the tenant and the reader's subtree. */
@Injectable()
export class AuditService {
  constructor(private readonly events: AuditEventRepository) {}

  async list(query: AuditEventQueryDto): Promise<AuditEventListResponseDto> {
    const { user, db } = tenantScope();
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const rows = await this.events.page(db, user.scope, toFilter(query), pageSize, (page - 1) * pageSize);
    return { items: rows.map(toDto), total: rows.length ? Number(rows[0].total) : 0, page, pageSize };
  }

  /** UTF-8 with a byte-order mark (Excel and WPS then read the Chinese right), one line per record. */
  async csv(query: AuditEventQueryDto): Promise<string> {
    const { user, db } = tenantScope();
    const rows = await this.events.export(db, user.scope, toFilter(query), AUDIT_CSV_MAX_ROWS);
    const lines = [
      CSV_COLUMNS.map(([header]) => header),
      ...rows.map(toDto).map((e) => CSV_COLUMNS.map(([, v]) => v(e))),
    ];
    return '\uFEFF' + lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }
}

function toFilter(q: AuditEventQueryDto): AuditEventFilter {
  return {
    userId: q.userId ?? null,
    user: q.user?.trim() || null,
    eventType: q.eventType ?? null,
    from: q.from ? new Date(q.from) : null,
    to: q.to ? new Date(q.to) : null,
    outcome: q.outcome ?? null,
  };
}

function toDto(row: Omit<AuditEventRow, 'total'>): AuditEventDto {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    eventType: row.eventType as AuditEventType,
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    method: row.method,
    route: row.route,
    targetType: row.targetType,
    targetId: row.targetId,
    status: row.status,
    requestId: row.requestId,
    ip: row.ip,
    userAgent: row.userAgent,
    detail: row.detail,
  };
}

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function shanghaiTime(iso: string): string {
  return new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false });
}
