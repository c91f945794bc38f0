import { BadRequestException } from '@nestjs/common';

/** A budget year from a path or query parameter, or a 400 naming the field. */
export function parseYear(year: string, field = 'year'): number {
  const value = Number(year);
  if (!Number.isInteger(value) || value < 2000 || value > 2100) {
    throw new BadRequestException({
      message: `${field} 必须是年份`,
      fields: [{ field, message: '必须是 2000–2100 之间的年份', value: year }],
    });
  }
  return value;
}
