import { applyDecorators } from '@nestjs/common';
import {
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSchema,
  type OpenAPIObject,
  type OperationObject,
} from '@nestjs/swagger';
import type { ApiError, FieldError, FieldIssue } from '@jxt/contracts';
import { ANY_VALUE } from './normalize-document';

@ApiSchema({ name: 'FieldError', description: 'One bad field of a request.' })
export class FieldErrorDto implements FieldError {
  @ApiProperty({
    type: String,
    description: '请求体中字段的路径，如 `funds.totalAmount`、`indicators.year.0.children.1.indicators.2.rawValue`',
  })
  field!: string;
  @ApiProperty({ type: String }) message!: string;
  @ApiPropertyOptional({ ...ANY_VALUE, description: '用户所发送的值（表单据此回显）' }) value?: unknown;
}

@ApiSchema({
  name: 'ApiError',
  description: 'Body of every answer that is not 2xx (common/http/api-exception.filter).',
})
export class ApiErrorDto implements ApiError {
  @ApiProperty({ type: 'integer', example: 400 }) statusCode!: number;
  @ApiProperty({ type: String, example: 'Bad Request' }) error!: string;
  @ApiProperty({ type: String, description: '给人看的说明' }) message!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: '400：每个有问题的字段一项' }) fields?: FieldErrorDto[];
  @ApiPropertyOptional({
    type: String,
    description: '5xx：本次请求的编号（与响应头 X-Request-Id 相同，也记在服务器日志中），报告问题时请提供',
  })
  requestId?: string;
  @ApiPropertyOptional({
    enum: ['password_change_required', 'totp_enrolment_required', 'organization_in_use'],
    description:
      '403：会话受限，须先修改初始密码或启用双因素认证（TOTP）；409 organization_in_use：组织仍有下级、用户或项目，不能删除，可以停用',
  })
  code?: 'password_change_required' | 'totp_enrolment_required' | 'organization_in_use';
}

@ApiSchema({ name: 'FieldIssue', description: 'A check of the content (docs/domain.md §2–§3); warnings never block.' })
export class FieldIssueDto implements FieldIssue {
  @ApiProperty({ type: String }) field!: string;
  @ApiProperty({ enum: ['error', 'warning'], description: 'error 阻止所检查的操作（保存或提交），warning 从不阻止' })
  severity!: 'error' | 'warning';
  @ApiPropertyOptional({ type: Boolean, enum: [true], description: '尚未填写的必填项（待办，而非错误）' })
  blank?: true;
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) message!: string;
  @ApiPropertyOptional({
    enum: ['完整性', '相关性', '适当性', '可行性'],
    description: '绩效目标表的检查所属审核要点（财预〔2015〕88号）',
  })
  group?: '完整性' | '相关性' | '适当性' | '可行性';
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: '请求有误：message 说明，fields 列出每个有问题的字段',
  401: '未登录、会话已失效，或用户名密码错误',
  403: '无权执行此操作',
  404: '记录不存在或无权访问',
  409: '与记录当前状态冲突（rowVersion 过期、重复、已锁定……）',
  410: '文件已过期并已删除（批量导出的文件保留 EXPORT_TTL_HOURS 小时）',
  413: '请求体太大',
  414: '路径参数太长',
  415: '请求体不是 JSON',
  429: '登录失败次数过多，请稍后再试',
  500: '服务器内部错误：requestId 为请求编号',
  503: '数据库暂不可用（Retry-After 为建议的重试秒数）',
};

/** The error answers of a route, each an ApiError. */
export function ApiErrorResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        type: ApiErrorDto,
        description: ERROR_DESCRIPTIONS[status] ?? 'ApiError',
        ...(status === 429 && {
          headers: { 'Retry-After': { description: '多少秒后可再试', schema: { type: 'integer', minimum: 1 } } },
        }),
      }),
    ),
  );
}

const API_ERROR_REF = { $ref: '#/components/schemas/ApiError' };

/**
 * The answers any operation may give besides its own (added where a route does not document them itself): 400 for
 * input refused before the route (a NUL byte, JSON nested too deep, bad JSON), 500 with a request id, 503 when the
 * database cannot be reached; a write may meet a concurrent change (409) and a body may be too large or not JSON;
 * a path parameter may be too long (414); a signed-in route may meet a restricted session (403 with its `code`).
 */
export function addCommonErrors(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const [method, operation] of Object.entries(item as Record<string, OperationObject>)) {
      if (!['get', 'put', 'post', 'patch', 'delete'].includes(method)) continue;
      const statuses = [400, 500, 503];
      if (method !== 'get') statuses.push(409, 413, 415);
      if (path.includes('{')) statuses.push(414);
      // Any signed-in route refuses a restricted session (a forced password change, an admin's TOTP enrolment).
      if (operation.security?.length) statuses.push(403);
      for (const status of statuses) {
        operation.responses[status] ??= {
          description: ERROR_DESCRIPTIONS[status],
          content: { 'application/json': { schema: API_ERROR_REF } },
        };
      }
      operation.responses = Object.fromEntries(
        Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)),
      ) as OperationObject['responses'];
    }
  }
  return document;
}
