import { BadRequestException, ConflictException, ForbiddenException, type HttpException } from '@nestjs/common';
import type { FieldIssue } from '@jxt/contracts';

/** A workflow's refusal (libs/domain: decideTransition, decideEvaluationTransition). */
export interface Refusal {
  reason: string;
  message: string;
  issues?: FieldIssue[];
}

/** Which request field a refusal is about, for the 400's `fields` (the form marks it). */
const FIELD_OF_REASON: Readonly<Record<string, string>> = {
  comment_required: 'comment',
  review_result_required: 'reviewResult',
  review_result_not_for_action: 'reviewResult',
  adjustments_not_allowed: 'adjustments',
};

/**
 * The HTTP answer to a refused step, the same for every workflow: not yours to take → 403, not in this state → 409,
 * something missing or wrong in the request → 400 naming the field, an incomplete form → 400 listing each issue.
 */
export function transitionRefusal(refusal: Refusal): HttpException {
  switch (refusal.reason) {
    case 'role_not_allowed':
    case 'own_submission':
      return new ForbiddenException(refusal.message);
    case 'not_allowed_in_status':
      return new ConflictException(refusal.message);
    case 'incomplete':
      return new BadRequestException({
        message: refusal.message + '：' + (refusal.issues ?? []).map((i) => i.message).join('；'),
        fields: (refusal.issues ?? []).map((i) => ({ field: i.field, message: i.message })),
      });
    default: {
      const field = FIELD_OF_REASON[refusal.reason];
      return new BadRequestException({
        message: refusal.message,
        fields: field ? [{ field, message: refusal.message }] : [],
      });
    }
  }
}
