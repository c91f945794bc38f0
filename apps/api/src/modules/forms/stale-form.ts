import { ConflictException } from '@nestjs/common';

/** The 409 for a stale rowVersion: who changed the form, when, and what to do. */
export function staleFormConflict(
  current: { row_version: number; updated_at: Date; updated_by_name: string | null },
  sent: number,
): ConflictException {
  const who = current.updated_by_name ?? '其他用户';
  const when = current.updated_at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return new ConflictException({
    message: `${who} 已于 ${when} 修改了此表（版本 ${current.row_version}，你的版本 ${sent}），请重新加载后再操作。`,
    currentRowVersion: current.row_version,
    updatedBy: current.updated_by_name,
    updatedAt: current.updated_at.toISOString(),
  });
}
