import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, registerDecorator, ValidateNested, type ValidationOptions } from 'class-validator';

/** The largest PostgreSQL `integer` (int4): the bound of every integer a request may send for such a column. */
export const INT4_MAX = 2_147_483_647;

const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every item of an array is an object (not a list, text, number or null). class-validator's ValidateNested takes a
 * list inside a list for one more list and checks nothing in `[[]]`; this names the first item that is not an object.
 */
export function EachIsObject(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'eachIsObject',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => !Array.isArray(value) || value.every(isPlainObject),
        defaultMessage: (args) => {
          const index = (args?.value as unknown[]).findIndex((item) => !isPlainObject(item));
          return `第 ${index + 1} 项（${propertyName}.${index}）必须是对象，不能是列表、文本、数字或 null`;
        },
      },
    });
}

/**
 * A required nested object of class `type`: present, an object (a list or null is refused, not taken for an empty
 * object) and valid field by field. `missing` is the message when it is absent.
 */
export function NestedObject(type: () => new () => object, missing = '不能为空') {
  return applyDecorators(
    IsDefined({ message: missing }),
    IsObject({ message: '必须是对象' }),
    ValidateNested(),
    Type(type),
  );
}
