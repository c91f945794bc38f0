/** Date and time as people here write them: 2021/3/5 14:02:07. */
export const formatTime = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('zh-CN', { hour12: false });
};

export const formatDate = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString('zh-CN');
};

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The date of a moment in China time as its parts (填报日期 …年…月…日), whatever the browser's time zone; null if unreadable. */
export function chinaDateParts(iso: string): { year: string; month: string; day: string } | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = CHINA_DATE.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => String(Number(parts.find((p) => p.type === type)?.value));
  return { year: part('year'), month: part('month'), day: part('day') };
}
