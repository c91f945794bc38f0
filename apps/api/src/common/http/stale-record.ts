import { ConflictException } from '@nestjs/common';

/**
 * The 409 for a stale rowVersion of a form or a 自评表: who changed it, when, and what to do.
 */
export function staleRecordConflict(
  current: { rowVersion: number; updatedAt: Date; updatedByName: string | null },
  sent: number,
): ConflictException {
  const who = current.updatedByName ?? '其他用户';
  const when = current.updatedAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return new ConflictException({
    message: `${who} 已于 ${when} 修改了此表（版本 ${current.rowVersion}，你的版本 ${sent}），请重新加载后再操作。`,
    currentRowVersion: current.rowVersion,
    updatedBy: current.updatedByName,
    updatedAt: current.updatedAt.toISOString(),
  });
}
