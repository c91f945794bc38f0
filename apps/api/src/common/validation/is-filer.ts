import { registerDecorator, type ValidationOptions } from 'class-validator';
import { checkFilerName, checkFilerPhone, isBlank } from '@jxt/domain';

function fromCheck(
  name: string,
  check: (value: string | null | undefined) => string | null,
  blankAllowed: boolean,
  options?: ValidationOptions,
) {
  const problem = (value: unknown): string | null => {
    if (value !== null && value !== undefined && typeof value !== 'string') return '必须是文本';
    if (blankAllowed && isBlank(value as string | null | undefined)) return null;
    return check(value as string | null | undefined);
  };
  return (object: object, propertyName: string) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => problem(value) === null,
        defaultMessage: (args) => problem(args?.value) ?? '',
      },
    });
}

/** 填报人: required, at most 100 characters (the same rule the SPA's 提交 dialog applies). */
export function IsFilerName(options?: ValidationOptions) {
  return fromCheck('isFilerName', checkFilerName, false, options);
}

/**
 * 联系电话: a Chinese mobile number or a landline (area code, extension), as libs/domain's isPlausiblePhone reads it.
 * `optional`: a blank or null value passes (a profile without a phone); otherwise it is required.
 */
export function IsPhone({ optional = false }: { optional?: boolean } = {}, options?: ValidationOptions) {
  return fromCheck('isPhone', checkFilerPhone, optional, options);
}
