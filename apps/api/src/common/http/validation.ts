import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FieldError } from '@jxt/contracts';

// class-validator's English defaults, said in Chinese for the people filing forms.
const MESSAGES: Record<string, string> = {
  isNotEmpty: '不能为空',
  isString: '必须是文本',
  isInt: '必须是整数',
  isBoolean: '必须是是/否',
  isArray: '必须是列表',
  isUuid: '不是有效的编号',
  isIn: '不是允许的取值',
  isEnum: '不是允许的取值',
  isDateString: '必须是 YYYY-MM-DD 格式的日期',
  isISO8601: '必须是 YYYY-MM-DD 格式的日期',
  maxLength: '太长',
  minLength: '太短',
  min: '太小',
  max: '太大',
  arrayMinSize: '至少需要一项',
  whitelistValidation: '不是可接受的字段',
  nestedValidation: '格式不正确',
  isObject: '必须是对象',
};

function describe(constraint: string, fallback: string): string {
  // Our own decorators (IsMoney, …) already speak Chinese; keep their message.
  return /[\u4e00-\u9fff]/.test(fallback) ? fallback : (MESSAGES[constraint] ?? fallback);
}

/** Flattens nested class-validator errors into one entry per bad field, with its dotted path and the sent value. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const messages = Object.entries(error.constraints).map(([name, text]) => describe(name, text));
      out.push({ field, message: messages.join('；'), value: error.value });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** A 400 naming each bad field; `message` says what is wrong when no field can be named (e.g. the body itself). */
export function badRequestForFields(fields: FieldError[], message?: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message:
      message ?? `有 ${fields.length} 处输入需要修改：` + fields.map((f) => `${f.field} ${f.message}`).join('；'),
    ...(fields.length ? { fields } : {}),
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => badRequestForFields(flattenValidationErrors(errors)),
  });
}

/**
 * A body the API built itself (e.g. from an imported sheet) checked as the route's DTO is at the edge: the same
 * class-validator rules, a 400 naming each bad field.
 */
export async function validateAsDto<T extends object>(type: new () => T, plain: object): Promise<T> {
  const body = plainToInstance(type, plain);
  const errors = await validate(body, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw badRequestForFields(flattenValidationErrors(errors));
  return body;
}
