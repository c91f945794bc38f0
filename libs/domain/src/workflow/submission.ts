import { isBlank, toHalfWidth } from '../text';

/** Longest 填报人 and 联系电话 a 提交 records (the columns of form_event). */
export const FILER_NAME_MAX = 100;
export const FILER_PHONE_MAX = 30;

export const FILER_MESSAGES = {
  nameRequired: '请填写填报人',
  nameTooLong: `填报人最多 ${FILER_NAME_MAX} 个字`,
  phoneRequired: '请填写联系电话',
  phoneFormat:
    '联系电话格式不正确：请填写手机号（如 138 1234 5678）或带区号的固定电话（如 021-57821234，分机可写 转 123）',
} as const;

const SEP = '[-\\s]?';
/** 手机: 11 digits from 13x–19x, optionally +86, grouped 3-4-4 or not. */
const MOBILE = new RegExp(`^(?:\\+?86${SEP})?1[3-9]\\d${SEP}\\d{4}${SEP}\\d{4}$`);
/** 固定电话: optional area code 0xx / 0xxx (or in brackets), a 7–8 digit number not starting with 0 or 1, an optional extension. */
const LANDLINE = new RegExp(
  `^(?:(?:0\\d{2,3}|\\(0\\d{2,3}\\))${SEP})?[2-9]\\d{2,3}${SEP}\\d{4}(?:(?:-|\\s|转|分机)\\d{1,6})?$`,
);
/** 400/800 service numbers. */
const SERVICE = new RegExp(`^[48]00${SEP}\\d{3}${SEP}\\d{4}$`);

/** Whether the text reads as a Chinese phone number (full-width digits and brackets count as half-width). */
export function isPlausiblePhone(text: string): boolean {
  const phone = toHalfWidth(text).trim().replace(/[（]/g, '(').replace(/[）]/g, ')');
  return MOBILE.test(phone) || LANDLINE.test(phone) || SERVICE.test(phone);
}

/** What is wrong with a 提交's 填报人, or null. */
export function checkFilerName(name: string | null | undefined): string | null {
  if (isBlank(name)) return FILER_MESSAGES.nameRequired;
  return name!.trim().length > FILER_NAME_MAX ? FILER_MESSAGES.nameTooLong : null;
}

/** What is wrong with a 提交's 联系电话, or null. */
export function checkFilerPhone(phone: string | null | undefined): string | null {
  if (isBlank(phone)) return FILER_MESSAGES.phoneRequired;
  return phone!.trim().length > FILER_PHONE_MAX || !isPlausiblePhone(phone!) ? FILER_MESSAGES.phoneFormat : null;
}
