import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { GoalForm, ProjectListResponse } from '@jxt/contracts';

/** Bearer headers of the three people who take a form through approval. */
export interface ApprovalChain {
  filer: string;
  supervisor: string;
  finance: string;
}

/**
 * Takes a form the way the people do: 提交 (with 填报人 and 联系电话), 主管部门 审核通过 and 汇总报送, finance 审核 优.
 * Throws with the API's answer when a step is refused.
 */
export async function approveThroughFinance(
  app: NestFastifyApplication,
  formId: string,
  chain: ApprovalChain,
  reviewResult = 'excellent',
): Promise<GoalForm> {
  const steps: [keyof ApprovalChain, Record<string, unknown>][] = [
    ['filer', { action: 'submit', filerName: '测试填报人', filerPhone: '021-57820101' }],
    ['supervisor', { action: 'approve' }],
    ['supervisor', { action: 'report' }],
    ['finance', { action: 'approve', reviewResult, comment: '同意' }],
  ];
  let form = (
    await app.inject({ method: 'GET', url: `/api/forms/${formId}`, headers: { authorization: chain.filer } })
  ).json<GoalForm>();
  for (const [who, body] of steps) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/forms/${formId}/transitions`,
      headers: { authorization: chain[who] },
      payload: { ...body, rowVersion: form.rowVersion },
    });
    if (response.statusCode !== 200)
      throw new Error(`${String(body.action)} by ${who}: ${response.statusCode} ${response.body}`);
    form = response.json<GoalForm>();
  }
  return form;
}

/** Every form of a year the caller's list shows, read whole (GET /api/forms/:id), in the list's order. */
export async function formsOfYear(
  app: NestFastifyApplication,
  authorization: string,
  year = 2021,
): Promise<GoalForm[]> {
  const list = (
    await app.inject({ method: 'GET', url: `/api/projects?year=${year}`, headers: { authorization } })
  ).json<ProjectListResponse>();
  const forms: GoalForm[] = [];
  for (const item of list.items)
    forms.push(
      (
        await app.inject({ method: 'GET', url: `/api/forms/${item.formId}`, headers: { authorization } })
      ).json<GoalForm>(),
    );
  return forms;
}
