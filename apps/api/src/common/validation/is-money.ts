import { registerDecorator, type ValidationOptions } from 'class-validator';
import { parseMoney } from '@jxt/domain';

/** A yuan amount as a decimal string (numeric(18,2)): the same rule the SPA applies while typing. Null is allowed. */
export function IsMoney(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isMoney',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) =>
          value === null || value === undefined || (typeof value === 'string' && parseMoney(value).ok),
        defaultMessage: (args) => {
          const value = args?.value;
          if (typeof value !== 'string') return '金额必须以文本形式填写（如 "213500.00"），不能是数字';
          const parsed = parseMoney(value);
          return parsed.ok ? '' : parsed.message;
        },
      },
    });
}
