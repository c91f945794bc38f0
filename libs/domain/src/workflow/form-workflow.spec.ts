import {
  FORM_ACTIONS,
  FORM_STATUSES,
  ROLES,
  type FormAction,
  type FormStatus,
  type ReviewResult,
  type Role,
} from '@jxt/contracts';
import { availableActions, decideTransition, FORM_TRANSITIONS, isEditable, isLocked } from './form-workflow';

/**
 * The workflow of docs/domain.md §5 written out by hand, one line per allowed (state, action, role):
 * the rules in form-workflow.ts must allow exactly these and refuse every other combination.
 */
const ALLOWED: [FormStatus, FormAction, Role, FormStatus][] = [
  ['draft', 'submit', 'filer', 'submitted'],
  ['returned', 'submit', 'filer', 'submitted'],
  ['submitted', 'withdraw', 'filer', 'draft'],
  ['submitted', 'approve', 'supervisor', 'supervisor_approved'],
  ['submitted', 'return', 'supervisor', 'returned'],
  ['supervisor_approved', 'report', 'supervisor', 'reported'],
  ['supervisor_approved', 'return', 'supervisor', 'returned'],
  ['finance_returned', 'approve', 'supervisor', 'supervisor_approved'],
  ['finance_returned', 'return', 'supervisor', 'returned'],
  ['reported', 'approve', 'finance', 'finance_approved'],
  ['reported', 'return', 'finance', 'finance_returned'],
  ['reported', 'reject', 'finance', 'rejected'],
  ['finance_approved', 'reopen', 'filer', 'draft'],
];

/** What each allowed step needs to go through: a comment and/or the review result of its path. */
function needs(status: FormStatus, action: FormAction, role: Role): { comment?: string; reviewResult?: ReviewResult } {
  if (role === 'finance')
    return { comment: '意见', reviewResult: action === 'approve' ? 'good' : action === 'return' ? 'fair' : 'poor' };
  if (action === 'return' || action === 'reopen') return { comment: '意见' };
  return {};
}

const combinations = FORM_STATUSES.flatMap((status) =>
  FORM_ACTIONS.flatMap((action) => ROLES.map((role) => [status, action, role] as const)),
);

describe('form workflow: every state × action × role', () => {
  it.each(combinations)('%s + %s by %s', (status, action, role) => {
    const allowed = ALLOWED.find(([s, a, r]) => s === status && a === action && r === role);
    const decision = decideTransition({
      status,
      action,
      roles: [role],
      actorId: 'u1',
      submittedBy: 'someone-else',
      ...needs(status, action, role),
    });
    if (allowed) {
      expect(decision).toMatchObject({ ok: true, rule: { to: allowed[3] } });
    } else {
      const anyRoleMay = ALLOWED.some(([s, a]) => s === status && a === action);
      expect(decision).toMatchObject({ ok: false, reason: anyRoleMay ? 'role_not_allowed' : 'not_allowed_in_status' });
    }
  });

  it('has no rule the hand-written table does not list', () => {
    expect(FORM_TRANSITIONS.map((t) => [t.from, t.action, t.roles.join('+'), t.to]).sort()).toEqual(
      ALLOWED.map(([s, a, r, to]) => [s, a, r, to]).sort(),
    );
  });

  it.each(FORM_STATUSES.flatMap((status) => ROLES.map((role) => [status, role] as const)))(
    'offers %s to %s exactly the allowed buttons',
    (status, role) => {
      const expected = ALLOWED.filter(([s, , r]) => s === status && r === role).map(([, a]) => a);
      expect(availableActions(status, [role]).sort()).toEqual([...new Set(expected)].sort());
    },
  );
});

describe('form workflow: what a step needs', () => {
  const base = { actorId: 'u1', submittedBy: 'u2' };

  it('refuses a return without a comment, and a blank one', () => {
    expect(decideTransition({ ...base, status: 'submitted', action: 'return', roles: ['supervisor'] })).toMatchObject({
      ok: false,
      reason: 'comment_required',
    });
    expect(
      decideTransition({ ...base, status: 'submitted', action: 'return', roles: ['supervisor'], comment: '  ' }),
    ).toMatchObject({ ok: false, reason: 'comment_required' });
    expect(
      decideTransition({
        ...base,
        status: 'submitted',
        action: 'return',
        roles: ['supervisor'],
        comment: '请补充满意度指标',
      }).ok,
    ).toBe(true);
  });

  it('lets nobody approve a form they submitted', () => {
    const own = { actorId: 'u1', submittedBy: 'u1' };
    expect(decideTransition({ ...own, status: 'submitted', action: 'approve', roles: ['supervisor'] })).toMatchObject({
      ok: false,
      reason: 'own_submission',
    });
    expect(
      decideTransition({
        ...own,
        status: 'reported',
        action: 'approve',
        roles: ['finance'],
        reviewResult: 'excellent',
      }),
    ).toMatchObject({ ok: false, reason: 'own_submission' });
  });

  it("takes finance's path from the review result: 优/良 approve, 中 returns, 差 rejects", () => {
    const finance = { ...base, status: 'reported' as const, roles: ['finance'] as Role[], comment: '意见' };
    expect(decideTransition({ ...finance, action: 'approve', reviewResult: 'excellent' })).toMatchObject({
      ok: true,
      rule: { to: 'finance_approved' },
    });
    expect(decideTransition({ ...finance, action: 'approve', reviewResult: 'good' })).toMatchObject({
      ok: true,
      rule: { to: 'finance_approved' },
    });
    expect(decideTransition({ ...finance, action: 'approve', reviewResult: 'fair' })).toMatchObject({
      ok: false,
      reason: 'review_result_not_for_action',
    });
    expect(decideTransition({ ...finance, action: 'approve' })).toMatchObject({
      ok: false,
      reason: 'review_result_required',
    });
    expect(decideTransition({ ...finance, action: 'reject', reviewResult: 'poor' })).toMatchObject({
      ok: true,
      rule: { to: 'rejected' },
    });
    expect(decideTransition({ ...finance, action: 'return', reviewResult: 'poor' })).toMatchObject({
      ok: false,
      reason: 'review_result_not_for_action',
    });
    expect(
      decideTransition({
        ...base,
        status: 'submitted',
        action: 'approve',
        roles: ['supervisor'],
        reviewResult: 'good',
      }),
    ).toMatchObject({
      ok: false,
      reason: 'review_result_not_for_action',
    });
  });

  it('refuses to submit a form whose checks report errors, listing them by field', () => {
    const issues = [
      { field: 'funds.totalAmount', severity: 'error' as const, code: 'x', message: '项目资金总额不等于…' },
      { field: 'project.printedImplementingUnit', severity: 'warning' as const, code: 'y', message: '实施单位未填写' },
    ];
    const decision = decideTransition({ ...base, status: 'draft', action: 'submit', roles: ['filer'], issues });
    expect(decision).toMatchObject({ ok: false, reason: 'incomplete', issues: [{ field: 'funds.totalAmount' }] });
    expect(
      decideTransition({ ...base, status: 'draft', action: 'submit', roles: ['filer'], issues: [issues[1]] }).ok,
    ).toBe(true);
  });

  it('opens a new revision on 调整 and lets the unit edit only drafts and returned forms', () => {
    expect(
      decideTransition({
        ...base,
        status: 'finance_approved',
        action: 'reopen',
        roles: ['filer'],
        comment: '调整年度资金',
      }),
    ).toMatchObject({
      ok: true,
      rule: { createsRevision: true, to: 'draft' },
    });
    expect(FORM_STATUSES.filter(isEditable)).toEqual(['draft', 'returned']);
  });

  it('locks a revision for good once finance approved or rejected it, and no transition leaves those states but 调整', () => {
    expect(FORM_STATUSES.filter(isLocked)).toEqual(['finance_approved', 'rejected']);
    // 调整 does not change the locked revision: it creates a new one.
    expect(FORM_TRANSITIONS.filter((t) => isLocked(t.from)).every((t) => t.createsRevision)).toBe(true);
  });
});
