const CHINA_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/**
 * The date of a moment in China time as the parts a form prints (填报日期 …年…月…日), whatever the machine's or the
 * browser's time zone; null for a text that is no moment. The print page and the .xlsx export both use it.
 */
export function chinaDateParts(iso: string): { year: string; month: string; day: string } | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = CHINA_DATE.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => String(Number(parts.find((p) => p.type === type)?.value));
  return { year: part('year'), month: part('month'), day: part('day') };
}
