import { Client } from 'pg';
import type {
  ApiError,
  Evaluation,
  EvaluationHistoryEntry,
  EvaluationInboxResponse,
  EvaluationListResponse,
  GoalForm,
  QualitativeBandCode,
  SaveEvaluationRequest,
  SaveScoringPolicyResponse,
  ScoringJob,
  ScoringPolicy,
} from '@jxt/contracts';
import { DEFAULT_SCORING_POLICY } from '@jxt/domain';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

/** 网络信息系统运行与维护: 15 indicators (5 是/否, 3 quantitative, 7 qualitative), 年度资金申请总额 8,927,300.00. */
const NETWORK_FORM = 2;

describe('self-evaluation (绩效自评): opened from an approved form, scored by the tenant policy, reviewed and finalised', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'e', [
      { username: 'e-reviewer', displayName: 'e 复核人', roles: ['reviewer'], organization: '松江区财政局' },
    ]);
    await seedSongjiang(t.ownerUrl, 'x');
    for (const name of ['filer', 'supervisor', 'finance', 'admin', 'reviewer'])
      auth[name] = (await login(t.app, `e-${name}`)).authorization;
    auth.otherTenant = (await login(t.app, 'x-filer')).authorization;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: auth[who] }, ...(payload ? { payload } : {}) });
  const getForm = async (id: string) => (await call('GET', `/api/forms/${id}`, 'filer')).json<GoalForm>();
  const getEvaluation = async (id: string, who = 'filer') =>
    (await call('GET', `/api/evaluations/${id}`, who)).json<Evaluation>();

  async function approve(formId: string): Promise<void> {
    const steps: [string, Record<string, unknown>][] = [
      ['filer', { action: 'submit', filerName: 'e 填报人', filerPhone: '021-57820101' }],
      ['supervisor', { action: 'approve' }],
      ['supervisor', { action: 'report' }],
      ['finance', { action: 'approve', reviewResult: 'excellent', comment: '同意' }],
    ];
    for (const [who, body] of steps) {
      const response = await call('POST', `/api/forms/${formId}/transitions`, who, {
        ...body,
        rowVersion: (await getForm(formId)).rowVersion,
      });
      expect(response.statusCode).toBe(200);
    }
  }

  /** What a unit types for the network project: every target met, qualitative ones self-scored at 90 %. */
  function filledIn(e: Evaluation, over: Partial<SaveEvaluationRequest> = {}): SaveEvaluationRequest {
    return {
      rowVersion: e.rowVersion,
      funds: { annualBudget: '8,927,300.00', executedAmount: '8,480,935.00' },
      actualGoal: '系统全年稳定运行，完成资金模板修改和专家库开发。',
      indicators: e.indicators.map((i) => ({
        id: i.id,
        actualValue:
          i.target.kind === 'boolean'
            ? i.target.value
              ? '是'
              : '否'
            : i.target.kind === 'quantitative'
              ? `${i.target.value}${i.target.unit ?? ''}`
              : `${i.rawTarget}（已达成）`,
        selfShare: i.target.kind === 'qualitative' ? '0.9' : null,
        deviationReason: null,
      })),
      ...over,
    };
  }

  let evaluationId: string;

  it('opens only from a finance-approved form, copies its indicators and targets, and once per project and year', async () => {
    const formId = tenant.forms[NETWORK_FORM].id;
    const early = await call('POST', `/api/forms/${formId}/evaluation`, 'filer');
    expect(early.statusCode).toBe(409);
    expect(early.json<ApiError>().message).toBe('只有财政已审核的绩效目标表才能开展绩效自评');

    await approve(formId);
    const inbox = async (who: string) =>
      (await call('GET', '/api/evaluation-inbox', who)).json<EvaluationInboxResponse>();
    expect((await inbox('filer')).items).toEqual([
      expect.objectContaining({
        evaluationId: null,
        formId,
        reason: 'to_evaluate',
        projectName: '网络信息系统运行与维护',
      }),
    ]);
    expect((await inbox('reviewer')).total).toBe(0);
    expect((await call('POST', `/api/forms/${formId}/evaluation`, 'supervisor')).statusCode).toBe(403);
    const created = await call('POST', `/api/forms/${formId}/evaluation`, 'filer');
    expect(created.statusCode).toBe(200);
    const evaluation = created.json<Evaluation>();
    evaluationId = evaluation.id;
    expect(evaluation).toMatchObject({
      status: 'draft',
      year: 2021,
      projectName: '网络信息系统运行与维护',
      funds: { initialBudget: '8927300.00', annualBudget: '8927300.00', executedAmount: null },
      policy: { version: 1, policy: DEFAULT_SCORING_POLICY },
    });
    expect(evaluation.expectedGoal).toBe((await getForm(formId)).annualGoal);
    // Opening it is in the history, but it is nobody's comment.
    expect(evaluation.latestComment).toBeNull();
    expect(
      evaluation.indicators.map((i) => `${i.level1Label}/${i.level2Label}/${i.name}/${i.rawTarget}`).slice(0, 2),
    ).toEqual([
      '产出指标/数量指标/全年度是否有重大的网站中断事故/否',
      '产出指标/数量指标/全年核心网络及安全、服务器存储运行是否稳定正常/是',
    ]);
    expect(evaluation.indicators).toHaveLength(15);
    // Weights split each 一级指标 and add up to 100 with the budget's 10.
    const weights = evaluation.indicators.reduce((sum, i) => sum + Number(i.scored.weight) * 100, 0) / 100;
    expect(weights + Number(evaluation.score.budget.weight)).toBe(100);

    const again = (await call('POST', `/api/forms/${formId}/evaluation`, 'filer')).json<Evaluation>();
    expect(again.id).toBe(evaluationId);
    expect((await getForm(formId)).evaluationId).toBe(evaluationId);
  });

  it('refuses bad input by field, keeping the value, and saves nothing', async () => {
    const e = await getEvaluation(evaluationId);
    const badMoney = await call(
      'PUT',
      `/api/evaluations/${evaluationId}`,
      'filer',
      filledIn(e, { funds: { annualBudget: '8927300.00', executedAmount: '八百万' } }),
    );
    expect(badMoney.statusCode).toBe(400);
    expect(badMoney.json<ApiError>().fields).toEqual([
      expect.objectContaining({ field: 'funds.executedAmount', value: '八百万' }),
    ]);

    const request = filledIn(e);
    const quantitative = e.indicators.findIndex((i) => i.target.kind === 'quantitative');
    request.indicators[quantitative].selfShare = '0.9';
    const shareOnNumber = await call('PUT', `/api/evaluations/${evaluationId}`, 'filer', request);
    expect(shareOnNumber.statusCode).toBe(400);
    expect(shareOnNumber.json<ApiError>().fields).toEqual([
      expect.objectContaining({ field: `indicators.${quantitative}.selfShare`, value: '0.9' }),
    ]);
    const twice = filledIn(e);
    twice.indicators.push({ ...twice.indicators[0], actualValue: '是' });
    const duplicate = await call('PUT', `/api/evaluations/${evaluationId}`, 'filer', twice);
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json<ApiError>().fields).toEqual([
      expect.objectContaining({ field: `indicators.${twice.indicators.length - 1}.id`, message: '同一指标出现了两次' }),
    ]);
    expect((await getEvaluation(evaluationId)).rowVersion).toBe(e.rowVersion);
  });

  it('scores each indicator with its rule, the budget execution and the total, and records what a save changed', async () => {
    const e = await getEvaluation(evaluationId);
    const request = filledIn(e);
    const complaints = e.indicators.findIndex((i) => i.name === '投诉率');
    request.indicators[complaints].actualValue = '0.5%';
    const saved = await call('PUT', `/api/evaluations/${evaluationId}`, 'filer', request);
    expect(saved.statusCode).toBe(200);
    const after = saved.json<Evaluation>();
    expect(after.rowVersion).toBe(e.rowVersion + 1);
    expect(after.funds).toMatchObject({ annualBudget: '8927300.00', executedAmount: '8480935.00' });
    expect(after.score.budget).toMatchObject({
      rate: '95.00',
      score: '9.50',
      rule: '预算执行率：min(8480935.00 / 8927300.00, 1) × 10',
    });
    expect(after.indicators[complaints].scored).toMatchObject({
      score: '0.00',
      rule: '等于：A=0，B=0.5 > 0 → 0',
      needsReason: true,
      reasonMissing: true,
    });
    const firstQualitative = after.indicators.find((i) => i.target.kind === 'qualitative')!;
    expect(firstQualitative.scored.rule).toMatch(/^定性（自评）：达成年度指标 90% × /);
    expect(after.issues.map((i) => i.field)).toEqual([`indicators.${complaints}.deviationReason`]);

    const history = (await call('GET', `/api/evaluations/${evaluationId}/history`, 'filer')).json<
      EvaluationHistoryEntry[]
    >();
    expect(history.map((h) => h.kind)).toEqual(['transition', 'save']);
    expect(history[1].changes).toContainEqual({
      field: `indicators.${complaints}.actualValue`,
      label: '实际完成值：投诉率',
      before: null,
      after: '0.5%',
    });
  });

  it('refuses to submit while a 偏差原因 is missing, then submits and locks the unit out', async () => {
    let e = await getEvaluation(evaluationId);
    const refused = await call('POST', `/api/evaluations/${evaluationId}/transitions`, 'filer', {
      action: 'submit',
      rowVersion: e.rowVersion,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ApiError>().fields?.map((f) => f.field)).toEqual([
      expect.stringMatching(/^indicators\.\d+\.deviationReason$/),
    ]);

    const request = filledIn(e);
    const complaints = e.indicators.findIndex((i) => i.name === '投诉率');
    request.indicators[complaints] = {
      ...request.indicators[complaints],
      actualValue: '0.5%',
      deviationReason: '一起服务投诉，已整改并建立回访制度',
    };
    e = (await call('PUT', `/api/evaluations/${evaluationId}`, 'filer', request)).json<Evaluation>();
    const submitted = await call('POST', `/api/evaluations/${evaluationId}/transitions`, 'filer', {
      action: 'submit',
      rowVersion: e.rowVersion,
    });
    expect(submitted.statusCode).toBe(200);
    e = submitted.json<Evaluation>();
    expect(e.status).toBe('submitted');
    const waiting = (await call('GET', '/api/evaluation-inbox', 'reviewer')).json<EvaluationInboxResponse>();
    expect(waiting).toMatchObject({
      total: 1,
      counts: { to_review: 1 },
      items: [{ evaluationId, reason: 'to_review', status: 'submitted' }],
    });
    expect((await call('GET', '/api/evaluation-inbox', 'filer')).json<EvaluationInboxResponse>().total).toBe(0);
    expect((await call('PUT', `/api/evaluations/${evaluationId}`, 'filer', filledIn(e))).statusCode).toBe(409);
    expect((await call('PUT', `/api/evaluations/${evaluationId}`, 'reviewer', filledIn(e))).statusCode).toBe(403);
    const stale = await call('POST', `/api/evaluations/${evaluationId}/transitions`, 'reviewer', {
      action: 'review',
      rowVersion: e.rowVersion - 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('复核: the reviewer adjusts a qualitative score inside a band and must say why; then 定稿 locks it', async () => {
    let e = await getEvaluation(evaluationId, 'reviewer');
    const qualitative = e.indicators.find((i) => i.name === '信息化程度')!;
    const quantitative = e.indicators.find((i) => i.name === '项目验收合格率')!;
    const act = (body: object) =>
      call('POST', `/api/evaluations/${evaluationId}/transitions`, 'reviewer', { rowVersion: e.rowVersion, ...body });

    const noReason = await act({
      action: 'review',
      adjustments: [{ indicatorId: qualitative.id, share: '0.7', reason: ' ' }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ApiError>().fields).toEqual([expect.objectContaining({ field: 'adjustments.0.reason' })]);
    const onNumber = await act({
      action: 'review',
      adjustments: [{ indicatorId: quantitative.id, share: '0.7', reason: '偏高' }],
    });
    expect(onNumber.json<ApiError>().fields).toEqual([expect.objectContaining({ field: 'adjustments.0.share' })]);
    expect((await act({ action: 'return' })).json<ApiError>().fields).toEqual([
      expect.objectContaining({ field: 'comment' }),
    ]);

    const before = Number(e.score.total);
    const reviewed = await act({
      action: 'review',
      adjustments: [{ indicatorId: qualitative.id, share: '0.7', reason: '信息化提升缺少量化佐证' }],
      comment: '复核完成',
    });
    expect(reviewed.statusCode).toBe(200);
    e = reviewed.json<Evaluation>();
    const adjusted = e.indicators.find((i) => i.id === qualitative.id)!;
    expect(adjusted).toMatchObject({
      selfShare: '0.9000',
      reviewerShare: '0.7000',
      reviewerReason: '信息化提升缺少量化佐证',
    });
    expect(adjusted.scored.rule).toMatch(/^定性（复核）：部分达成并具有一定效果 70% × /);
    // The reviewer's reason stands for the lowered score: the locked unit owes no 偏差原因 for it.
    expect(adjusted.scored).toMatchObject({ needsReason: false, reasonMissing: false });
    expect(Number(e.score.total)).toBeCloseTo(before - 0.2 * Number(adjusted.scored.weight), 2);

    const finalised = await act({ action: 'finalise' });
    expect(finalised.statusCode).toBe(200);
    e = finalised.json<Evaluation>();
    // 7 qualitative indicators self-scored at 90 %, one at 70 % after 复核, 投诉率 missed, 95 % of the budget spent.
    expect(e).toMatchObject({ status: 'final', score: { total: '88.80', grade: '良' } });
    expect((await act({ action: 'return', comment: '再看看' })).statusCode).toBe(409);
    expect((await call('PUT', `/api/evaluations/${evaluationId}`, 'filer', filledIn(e))).statusCode).toBe(409);

    const history = (await call('GET', `/api/evaluations/${evaluationId}/history`, 'filer')).json<
      EvaluationHistoryEntry[]
    >();
    expect(
      history.filter((h) => h.kind === 'transition').map((h) => `${h.action}:${h.fromStatus}→${h.toStatus}`),
    ).toEqual(['null:null→draft', 'submit:draft→submitted', 'review:submitted→reviewed', 'finalise:reviewed→final']);
    expect(history.find((h) => h.action === 'review')).toMatchObject({
      actorName: 'e 复核人',
      comment: '复核完成',
      changes: [
        {
          label: '复核调整：信息化程度',
          before: '达成年度指标 90%',
          after: '部分达成并具有一定效果 70%（信息化提升缺少量化佐证）',
        },
      ],
    });
  });

  it('keeps a final evaluation on its policy version while a new version re-scores the others in the background', async () => {
    // A second evaluation, left in draft: it follows the policy.
    const draftFormId = tenant.forms[1].id;
    await approve(draftFormId);
    const draft = (await call('POST', `/api/forms/${draftFormId}/evaluation`, 'filer')).json<Evaluation>();
    await call('PUT', `/api/evaluations/${draft.id}`, 'filer', filledIn(draft));
    const final = await getEvaluation(evaluationId);

    const wrong: ScoringPolicy = {
      ...DEFAULT_SCORING_POLICY,
      level1Weights: { output: '50', benefit: '30', satisfaction: '20' },
    };
    const refused = await call('PUT', '/api/scoring-policies/2021', 'admin', { policy: wrong, baseVersion: 1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ApiError>().message).toBe('权重合计应为 100，现为 110');
    expect(
      (await call('PUT', '/api/scoring-policies/2021', 'filer', { policy: DEFAULT_SCORING_POLICY })).statusCode,
    ).toBe(403);

    // Integers only, and 满意度 weighs 20 taken from 产出.
    const strict: ScoringPolicy = {
      ...DEFAULT_SCORING_POLICY,
      level1Weights: { output: '40', benefit: '30', satisfaction: '20' },
      indicatorDecimals: 0,
      totalDecimals: 0,
    };
    const saved = await call('PUT', '/api/scoring-policies/2021', 'admin', { policy: strict, baseVersion: 1 });
    expect(saved.statusCode).toBe(200);
    const { version, job } = saved.json<SaveScoringPolicyResponse>();
    expect(version).toMatchObject({ version: 2, createdByName: 'e 管理员' });
    expect(job).toMatchObject({ policyVersion: 2, total: 1 });
    expect(
      (await call('PUT', '/api/scoring-policies/2021', 'admin', { policy: strict, baseVersion: 1 })).statusCode,
    ).toBe(409);

    let progress: ScoringJob = job;
    for (let i = 0; i < 200 && !['done', 'failed'].includes(progress.status); i++) {
      await new Promise((r) => setTimeout(r, 25));
      progress = (await call('GET', `/api/scoring-jobs/${job.id}`, 'admin')).json<ScoringJob>();
    }
    expect(progress).toMatchObject({ status: 'done', done: 1, total: 1 });

    const rescored = await getEvaluation(draft.id);
    expect(rescored.policy.version).toBe(2);
    expect(rescored.score.total).toMatch(/^\d+$/);
    const list = (await call('GET', '/api/evaluations?year=2021', 'reviewer')).json<EvaluationListResponse>();
    expect(
      list.items.map((i) => [i.projectName, i.policyVersion, i.total === rescored.score.total || i.status === 'final']),
    ).toEqual([
      ['项目服务管理', 2, true],
      ['网络信息系统运行与维护', 1, true],
    ]);
    const stillFinal = await getEvaluation(evaluationId);
    expect(stillFinal.policy).toMatchObject({ version: 1, finalEvaluations: 1 });
    expect(stillFinal.score).toEqual(final.score);
  });

  it('退回 after 复核 hands the scores back to the unit: the adjustments go, and the history keeps them', async () => {
    const list = (await call('GET', '/api/evaluations?year=2021&status=draft', 'filer')).json<EvaluationListResponse>();
    const id = list.items.find((i) => i.projectName === '项目服务管理')!.id;
    let e = await getEvaluation(id);
    e = (
      await call('POST', `/api/evaluations/${id}/transitions`, 'filer', { action: 'submit', rowVersion: e.rowVersion })
    ).json<Evaluation>();
    expect(e.status).toBe('submitted');
    const informatisation = e.indicators.find((i) => i.name === '信息化程度')!;
    e = (
      await call('POST', `/api/evaluations/${id}/transitions`, 'reviewer', {
        action: 'review',
        rowVersion: e.rowVersion,
        adjustments: [{ indicatorId: informatisation.id, share: '0.6', reason: '缺少佐证' }],
      })
    ).json<Evaluation>();
    expect(e.indicators.find((i) => i.id === informatisation.id)).toMatchObject({ reviewerShare: '0.6000' });
    const returned = await call('POST', `/api/evaluations/${id}/transitions`, 'reviewer', {
      action: 'return',
      rowVersion: e.rowVersion,
      comment: '请补充信息化程度的佐证材料',
    });
    expect(returned.statusCode).toBe(200);
    e = returned.json<Evaluation>();
    expect(e).toMatchObject({
      status: 'returned',
      latestComment: { action: 'return', comment: '请补充信息化程度的佐证材料' },
    });
    expect(e.indicators.find((i) => i.id === informatisation.id)).toMatchObject({
      selfShare: '0.9000',
      reviewerShare: null,
      reviewerReason: null,
    });
    const history = (await call('GET', `/api/evaluations/${id}/history`, 'filer')).json<EvaluationHistoryEntry[]>();
    expect(history.at(-1)).toMatchObject({
      action: 'return',
      changes: [{ label: '撤销复核调整：信息化程度', before: '部分达成并具有一定效果 60%', after: null }],
    });
    // The unit may edit it again.
    expect((await call('PUT', `/api/evaluations/${id}`, 'filer', filledIn(e))).statusCode).toBe(200);
  });

  it('reports a job whose process died as interrupted, and re-scores on request', async () => {
    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    let jobId: string;
    try {
      const { rows } = await owner.query<{ id: string }>(
        `INSERT INTO scoring_job (tenant_id, year, policy_id, policy_version, status, total, done, created_by, created_at, started_at, heartbeat_at)
         SELECT p.tenant_id, 2021, p.id, p.version, 'running', 10, 3, u.id, now() - interval '5 minutes', now() - interval '5 minutes', now() - interval '4 minutes'
         FROM scoring_policy p JOIN app_user u ON u.username = 'e-admin' WHERE p.year = 2021 ORDER BY p.version DESC LIMIT 1 RETURNING id`,
      );
      jobId = rows[0].id;
    } finally {
      await owner.end();
    }
    const job = (await call('GET', `/api/scoring-jobs/${jobId}`, 'admin')).json<ScoringJob>();
    expect(job).toMatchObject({ status: 'failed', done: 3, error: expect.stringContaining('重新评分已中断') });
    expect(
      (await call('GET', '/api/scoring-jobs?year=2021', 'admin')).json<ScoringJob[]>().find((j) => j.id === jobId),
    ).toMatchObject({ status: 'failed' });

    const again = await call('POST', '/api/scoring-jobs', 'admin', { year: 2021 });
    expect(again.statusCode).toBe(200);
    let progress = again.json<ScoringJob>();
    for (let i = 0; i < 200 && progress.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      progress = (await call('GET', `/api/scoring-jobs/${progress.id}`, 'admin')).json<ScoringJob>();
    }
    expect(progress).toMatchObject({ status: 'done', policyVersion: 2, total: 1, done: 1 });
  });

  it('shows each unit only its own evaluations, and none of another tenant', async () => {
    expect((await call('GET', `/api/evaluations/${evaluationId}`, 'otherTenant')).statusCode).toBe(404);
    expect((await call('GET', '/api/evaluations', 'otherTenant')).json<EvaluationListResponse>().total).toBe(0);
    expect((await call('GET', `/api/evaluations/${evaluationId}`, 'supervisor')).statusCode).toBe(200);
  });

  it('keeps the 完成档次 picked at every shared edge: 部分达成 at 80 % reads back as 部分达成, through 复核 and 定稿', async () => {
    // 市民服务: five qualitative indicators, one per pick at the edges of the default bands (80–100, 60–80, 0–60).
    const formId = tenant.forms[0].id;
    await approve(formId);
    let e = (await call('POST', `/api/forms/${formId}/evaluation`, 'filer')).json<Evaluation>();
    const qualitative = e.indicators.filter((i) => i.target.kind === 'qualitative').map((i) => i.id);
    const picks: [QualitativeBandCode, string, string][] = [
      ['achieved', '0.8', '达成年度指标'],
      ['partly', '0.8', '部分达成并具有一定效果'],
      ['partly', '0.6', '部分达成并具有一定效果'],
      ['missed', '0.6', '未达成且效果较差'],
      ['achieved', '1', '达成年度指标'],
    ];
    expect(qualitative).toHaveLength(picks.length);
    const request = filledIn(e);
    request.indicators = request.indicators.map((input) => {
      const k = qualitative.indexOf(input.id);
      if (k < 0) return input;
      return {
        ...input,
        selfBand: picks[k][0],
        selfShare: picks[k][1],
        deviationReason: picks[k][0] === 'achieved' ? null : '部分工作顺延至下年',
      };
    });
    const saved = await call('PUT', `/api/evaluations/${e.id}`, 'filer', request);
    expect(saved.statusCode).toBe(200);
    const readBack = (evaluation: Evaluation) =>
      qualitative.map((id) => {
        const i = evaluation.indicators.find((x) => x.id === id)!;
        return [i.selfBand, Number(i.selfShare).toString(), i.scored.rule.replace(/ \d.*$/, '')];
      });
    const expected = picks.map(([band, share, label]) => [band, share, `定性（自评）：${label}`]);
    expect(readBack(saved.json<Evaluation>())).toEqual(expected);
    e = await getEvaluation(e.id);
    expect(readBack(e)).toEqual(expected);
    expect(e.issues).toEqual([]);

    // The history names the band picked, and a save of the same values records nothing ("1.0000 → 1" was noise).
    let history = (await call('GET', `/api/evaluations/${e.id}/history`, 'filer')).json<EvaluationHistoryEntry[]>();
    const name = (id: string) => e.indicators.find((i) => i.id === id)!.name;
    expect(history.at(-1)!.changes).toContainEqual({
      field: expect.stringMatching(/selfBand$/),
      label: `完成档次：${name(qualitative[1])}`,
      before: null,
      after: '部分达成并具有一定效果',
    });
    expect(history.at(-1)!.changes).toContainEqual({
      field: expect.stringMatching(/selfShare$/),
      label: `自评得分比例：${name(qualitative[4])}`,
      before: null,
      after: '100%',
    });
    const events = history.length;
    const again = await call('PUT', `/api/evaluations/${e.id}`, 'filer', { ...request, rowVersion: e.rowVersion });
    expect(again.statusCode).toBe(200);
    history = (await call('GET', `/api/evaluations/${e.id}/history`, 'filer')).json<EvaluationHistoryEntry[]>();
    expect(history).toHaveLength(events);
    e = again.json<Evaluation>();

    // A client that sends a share alone gets the first band that holds it (as every share read before bands were kept);
    // a share outside the band picked is a check that blocks 提交.
    const shareOnly = filledIn(e, {
      indicators: request.indicators.map((input) =>
        input.id === qualitative[1] ? { ...input, selfBand: undefined } : input,
      ),
    });
    expect(readBack((await call('PUT', `/api/evaluations/${e.id}`, 'filer', shareOnly)).json<Evaluation>())[1]).toEqual(
      ['achieved', '0.8', '定性（自评）：达成年度指标'],
    );
    e = await getEvaluation(e.id);
    const outside = filledIn(e, {
      indicators: request.indicators.map((input) =>
        input.id === qualitative[1] ? { ...input, selfShare: '0.85' } : input,
      ),
    });
    e = (await call('PUT', `/api/evaluations/${e.id}`, 'filer', outside)).json<Evaluation>();
    expect(e.issues).toEqual([
      expect.objectContaining({
        field: expect.stringMatching(/selfShare$/),
        message: expect.stringMatching(/^三级指标「.+」：得分比例应在 60%–80% 之间$/),
      }),
    ]);
    e = (
      await call('PUT', `/api/evaluations/${e.id}`, 'filer', { ...request, rowVersion: e.rowVersion })
    ).json<Evaluation>();
    expect(readBack(e)).toEqual(expected);

    // 复核 at an edge: the reviewer lowers 达成 80 % to 部分达成 80 % (same share, other band), and must stay inside it.
    e = (
      await call('POST', `/api/evaluations/${e.id}/transitions`, 'filer', {
        action: 'submit',
        rowVersion: e.rowVersion,
      })
    ).json<Evaluation>();
    expect(e.status).toBe('submitted');
    const review = (adjustments: object[]) =>
      call('POST', `/api/evaluations/${e.id}/transitions`, 'reviewer', {
        action: 'review',
        rowVersion: e.rowVersion,
        adjustments,
      });
    const outsideBand = await review([
      { indicatorId: qualitative[0], share: '0.81', band: 'partly', reason: '佐证不足' },
    ]);
    expect(outsideBand.statusCode).toBe(400);
    expect(outsideBand.json<ApiError>().fields).toEqual([
      expect.objectContaining({
        field: 'adjustments.0.share',
        message: `${name(qualitative[0])}：得分比例应在 60%–80% 之间`,
      }),
    ]);
    const reviewed = await review([{ indicatorId: qualitative[0], share: '0.8', band: 'partly', reason: '佐证不足' }]);
    expect(reviewed.statusCode).toBe(200);
    e = reviewed.json<Evaluation>();
    expect(e.indicators.find((i) => i.id === qualitative[0])).toMatchObject({
      reviewerBand: 'partly',
      reviewerShare: '0.8000',
      selfBand: 'achieved',
    });
    expect(e.indicators.find((i) => i.id === qualitative[0])!.scored.rule).toMatch(
      /^定性（复核）：部分达成并具有一定效果 80% × /,
    );
    history = (await call('GET', `/api/evaluations/${e.id}/history`, 'filer')).json<EvaluationHistoryEntry[]>();
    expect(history.at(-1)!.changes).toEqual([
      {
        field: expect.any(String),
        label: `复核调整：${name(qualitative[0])}`,
        before: '达成年度指标 80%',
        after: '部分达成并具有一定效果 80%（佐证不足）',
      },
    ]);
    e = (
      await call('POST', `/api/evaluations/${e.id}/transitions`, 'reviewer', {
        action: 'finalise',
        rowVersion: e.rowVersion,
      })
    ).json<Evaluation>();
    expect(e.status).toBe('final');
    expect(readBack(await getEvaluation(e.id))).toEqual([
      ['achieved', '0.8', '定性（复核）：部分达成并具有一定效果'],
      ...expected.slice(1),
    ]);
  });

  it('keeps policy versions and the history append-only in the database, even for the owner', async () => {
    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    try {
      await expect(owner.query(`UPDATE scoring_policy SET policy = '{}'::jsonb`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`DELETE FROM evaluation_event`)).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
  });
});
