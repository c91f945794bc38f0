import {
  EVALUATION_ACTIONS,
  EVALUATION_STATUSES,
  ROLES,
  type EvaluationAction,
  type EvaluationStatus,
  type Role,
} from '@jxt/contracts';
import {
  availableEvaluationActions,
  decideEvaluationTransition,
  EVALUATION_TRANSITIONS,
  isEvaluationEditable,
} from './evaluation-workflow';

/** docs/domain.md §5's self-evaluation flow written out by hand: exactly these steps are allowed. */
const ALLOWED: [EvaluationStatus, EvaluationAction, Role, EvaluationStatus][] = [
  ['draft', 'submit', 'filer', 'submitted'],
  ['returned', 'submit', 'filer', 'submitted'],
  ['submitted', 'withdraw', 'filer', 'draft'],
  ['submitted', 'return', 'reviewer', 'returned'],
  ['submitted', 'review', 'reviewer', 'reviewed'],
  ['reviewed', 'return', 'reviewer', 'returned'],
  ['reviewed', 'finalise', 'reviewer', 'final'],
];

const combinations = EVALUATION_STATUSES.flatMap((s) =>
  EVALUATION_ACTIONS.flatMap((a) => ROLES.map((r) => [s, a, r] as const)),
);

describe('self-evaluation workflow: every state × action × role', () => {
  it.each(combinations)('%s + %s by %s', (status, action, role) => {
    const allowed = ALLOWED.find(([s, a, r]) => s === status && a === action && r === role);
    const decision = decideEvaluationTransition({
      status,
      action,
      roles: [role],
      actorId: 'u1',
      submittedBy: 'u2',
      comment: '意见',
    });
    if (allowed) expect(decision).toMatchObject({ ok: true, rule: { to: allowed[3] } });
    else
      expect(decision).toMatchObject({
        ok: false,
        reason: ALLOWED.some(([s, a]) => s === status && a === action) ? 'role_not_allowed' : 'not_allowed_in_status',
      });
  });

  it('has no rule the hand-written table does not list', () => {
    expect(EVALUATION_TRANSITIONS.map((t) => [t.from, t.action, t.roles.join('+'), t.to]).sort()).toEqual(
      ALLOWED.map(([s, a, r, to]) => [s, a, r, to]).sort(),
    );
  });

  it('offers each role exactly its buttons, and nothing on a final evaluation', () => {
    expect(availableEvaluationActions('submitted', ['reviewer']).sort()).toEqual(['return', 'review']);
    expect(availableEvaluationActions('draft', ['filer'])).toEqual(['submit']);
    for (const role of ROLES) expect(availableEvaluationActions('final', [role])).toEqual([]);
    expect(EVALUATION_STATUSES.filter(isEvaluationEditable)).toEqual(['draft', 'returned']);
  });
});

describe('self-evaluation workflow: what a step needs', () => {
  const base = { actorId: 'u1', submittedBy: 'u2' };
  it('needs a comment to return', () => {
    expect(
      decideEvaluationTransition({ ...base, status: 'submitted', action: 'return', roles: ['reviewer'], comment: ' ' }),
    ).toMatchObject({ ok: false, reason: 'comment_required' });
  });
  it('takes adjustments only with 复核', () => {
    expect(
      decideEvaluationTransition({
        ...base,
        status: 'submitted',
        action: 'review',
        roles: ['reviewer'],
        adjustmentCount: 2,
      }).ok,
    ).toBe(true);
    expect(
      decideEvaluationTransition({
        ...base,
        status: 'reviewed',
        action: 'finalise',
        roles: ['reviewer'],
        adjustmentCount: 1,
      }),
    ).toMatchObject({ ok: false, reason: 'adjustments_not_allowed' });
  });
  it('lets nobody review or finalise what they submitted', () => {
    const own = { actorId: 'u1', submittedBy: 'u1', roles: ['reviewer', 'filer'] as Role[] };
    expect(decideEvaluationTransition({ ...own, status: 'submitted', action: 'review' })).toMatchObject({
      ok: false,
      reason: 'own_submission',
    });
    expect(decideEvaluationTransition({ ...own, status: 'reviewed', action: 'finalise' })).toMatchObject({
      ok: false,
      reason: 'own_submission',
    });
  });
  it('refuses to submit with errors, listing them; warnings do not block', () => {
    const issues = [
      {
        field: 'indicators.0.deviationReason',
        severity: 'error' as const,
        code: 'reason_required',
        message: '请填写偏差原因',
      },
      { field: 'funds.executedAmount', severity: 'warning' as const, code: 'over_budget', message: '超预算' },
    ];
    expect(
      decideEvaluationTransition({ ...base, status: 'draft', action: 'submit', roles: ['filer'], issues }),
    ).toMatchObject({
      ok: false,
      reason: 'incomplete',
      issues: [{ field: 'indicators.0.deviationReason' }],
    });
    expect(
      decideEvaluationTransition({ ...base, status: 'draft', action: 'submit', roles: ['filer'], issues: [issues[1]] })
        .ok,
    ).toBe(true);
  });
});
