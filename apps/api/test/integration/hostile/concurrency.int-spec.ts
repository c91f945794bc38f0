import type { FormHistoryEntry, GoalForm } from '@jxt/contracts';
import { toSaveRequest } from '@jxt/domain';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { login, seedSongjiang, startSecondApp, startTestApp, type TestApp } from '../../support/test-app';

/**
 * Concurrent writers on the rowVersion-guarded routes, over two API processes sharing one database
 * (docs/security.md, "Concurrency"): in every round several filers save the same form at once from the same
 * rowVersion. Exactly one may win; the others must get 409 and change nothing. A lost update is a save answered
 * 200 whose text is not what the form then holds, or a round that leaves more or fewer than one save in the
 * history. The round count and the figures are printed for the security document.
 */
const ROUNDS = Number(process.env.CONCURRENCY_ROUNDS ?? 100);
const WRITERS = 6;
const UNIT = '上海市松江区科技创新服务中心（上海市松江区大数据中心）';

describe('concurrent saves and transitions over two API processes', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let formId: string;
  const filers: { app: NestFastifyApplication; authorization: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    second = await startSecondApp(t);
    const extra = [2, 3].map((n) => ({
      username: `c-filer${n}`,
      displayName: `填报人${n}`,
      roles: ['filer' as const],
      organization: UNIT,
    }));
    const tenant = await seedSongjiang(t.ownerUrl, 'c', extra);
    formId = tenant.forms[0].id;
    const names = ['c-filer', 'c-filer2', 'c-filer3'];
    for (const [index, name] of names.entries()) {
      const app = index % 2 === 0 ? t.app : second;
      const { authorization } = await login(app, name);
      filers.push({ app, authorization }, { app: index % 2 === 0 ? second : t.app, authorization });
    }
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const read = async (): Promise<GoalForm> =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/forms/${formId}`,
        headers: { authorization: filers[0].authorization },
      })
    ).json<GoalForm>();
  const saves = async (): Promise<number> =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/forms/${formId}/history`,
        headers: { authorization: filers[0].authorization },
      })
    )
      .json<FormHistoryEntry[]>()
      .filter((entry) => entry.kind === 'save').length;

  it('lets exactly one writer of each round win, refuses the others with 409, and loses no update', async () => {
    const statuses = new Map<number, number>();
    const lost: string[] = [];
    let operations = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const form = await read();
      const savesBefore = await saves();
      const request = toSaveRequest(form);
      const answers = await Promise.all(
        filers.slice(0, WRITERS).map(({ app, authorization }, writer) =>
          app.inject({
            method: 'PUT',
            url: `/api/forms/${formId}`,
            headers: { authorization },
            payload: { ...request, annualGoal: `第${round}轮，写入者${writer}` },
          }),
        ),
      );
      operations += answers.length;
      answers.forEach((a) => statuses.set(a.statusCode, (statuses.get(a.statusCode) ?? 0) + 1));
      const winners = answers.flatMap((a, writer) => (a.statusCode === 200 ? [writer] : []));
      const after = await read();
      if (winners.length !== 1) lost.push(`round ${round}: ${winners.length} writers answered 200`);
      else if (after.annualGoal !== `第${round}轮，写入者${winners[0]}`)
        lost.push(`round ${round}: the form holds ${after.annualGoal}, not the winner's text`);
      if (after.rowVersion !== form.rowVersion + 1) lost.push(`round ${round}: rowVersion ${after.rowVersion}`);
      if ((await saves()) !== savesBefore + 1) lost.push(`round ${round}: not exactly one save in the history`);
    }

    // The same race on a transition: a submit from every writer at once, one of which may pass.
    const form = await read();
    const submits = await Promise.all(
      filers.slice(0, WRITERS).map(({ app, authorization }) =>
        app.inject({
          method: 'POST',
          url: `/api/forms/${formId}/transitions`,
          headers: { authorization },
          payload: { action: 'submit', filerName: 'c 填报人', filerPhone: '021-57820101', rowVersion: form.rowVersion },
        }),
      ),
    );
    operations += submits.length;
    submits.forEach((a) => statuses.set(a.statusCode, (statuses.get(a.statusCode) ?? 0) + 1));
    const submitted = submits.filter((a) => a.statusCode === 200).length;

    const figures = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${n}×${s}`);
    console.log(
      `[concurrency] ${operations} concurrent operations over two API processes (${ROUNDS} rounds of ${WRITERS} saves, ` +
        `${WRITERS} submits): ${figures.join(', ')}; lost updates ${lost.length}`,
    );
    expect(lost).toEqual([]);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(submitted).toBe(1);
    expect((await read()).status).not.toBe('draft');
  });
});
