import type { NotificationListResponse, ReminderSettings } from '@jxt/contracts';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { createApp } from '../../../src/create-app';
import { ensureAppRole } from '../../../src/database/app-role';
import { DeadlineRemindersService } from '../../../src/modules/notifications/deadline-reminders.service';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { enforceContract } from '../../support/contract-validator';
import {
  createTestDatabase,
  login,
  seedSongjiang,
  startTestApp,
  testConfig,
  type TestApp,
} from '../../support/test-app';

/** A 提交 deadline `days` days after today in China, for the year of the seed's forms. */
async function setSubmitDeadline(ownerUrl: string, tenantCode: string, days: number): Promise<string> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const { rows } = await owner.query<{ due: string }>(
      `INSERT INTO workflow_deadline (tenant_id, year, kind, due_date)
       SELECT t.id, 2021, 'submit', (now() AT TIME ZONE 'Asia/Shanghai')::date + $2::int FROM tenant t WHERE t.code = $1
       ON CONFLICT (tenant_id, year, kind) DO UPDATE SET due_date = EXCLUDED.due_date
       RETURNING to_char(due_date, 'YYYY-MM-DD') AS due`,
      [tenantCode, days],
    );
    return rows[0].due;
  } finally {
    await owner.end();
  }
}

async function ownerCount(ownerUrl: string, sql: string): Promise<number> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    return Number((await owner.query<{ n: string }>(sql)).rows[0].n);
  } finally {
    await owner.end();
  }
}

const listOf = async (app: NestFastifyApplication, authorization: string) =>
  (
    await app.inject({ method: 'GET', url: '/api/notifications?pageSize=100', headers: { authorization } })
  ).json<NotificationListResponse>();

describe('截止提醒: the scheduled reminder run', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ REMINDER_CRON: '' }); // run by hand here; the schedule is the next test's
    tenant = await seedSongjiang(t.ownerUrl, 'r');
    await seedSongjiang(t.ownerUrl, 'q');
    for (const who of ['r-filer', 'r-supervisor', 'r-admin', 'q-filer'])
      auth[who] = (await login(t.app, who)).authorization;
  });
  afterAll(() => t.close());

  it('reminds the filers of every unsubmitted form on the set days, once per form, deadline and day', async () => {
    const due = await setSubmitDeadline(t.ownerUrl, 'r-songjiang', 3);
    await setSubmitDeadline(t.ownerUrl, 'q-songjiang', 10); // not a reminder day of the default 7, 3, 1, 0
    const reminders = t.app.get(DeadlineRemindersService);
    const first = await reminders.run();
    const filer = await listOf(t.app, auth['r-filer']);
    const forms = tenant.forms.map((f) => f.id).sort();
    expect(first).toBe(forms.length);
    expect(filer.items.map((i) => i.formId).sort()).toEqual(forms);
    expect(filer.items[0]).toMatchObject({
      kind: 'deadline_reminder',
      actorName: null,
      message: expect.stringMatching(new RegExp(`^“.+”2021年绩效目标表尚未提交，距提交截止日期（${due}）还有 3 天$`)),
    });
    // A second run the same day (a retry, another process) adds nothing.
    expect(await reminders.run()).toBe(0);
    expect((await listOf(t.app, auth['r-filer'])).total).toBe(forms.length);
    expect((await listOf(t.app, auth['r-supervisor'])).total).toBe(0);
    expect((await listOf(t.app, auth['q-filer'])).total).toBe(0);
  });

  it('takes the tenant’s own days from 截止提醒 settings, set by the admin only and checked by field', async () => {
    const get = () =>
      t.app.inject({ method: 'GET', url: '/api/reminder-settings', headers: { authorization: auth['r-admin'] } });
    expect((await get()).json<ReminderSettings>()).toEqual({ daysBefore: [7, 3, 1, 0], isDefault: true });
    const put = (who: string, daysBefore: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/reminder-settings',
        headers: { authorization: auth[who] },
        payload: { daysBefore },
      });
    expect((await put('r-filer', [5])).statusCode).toBe(403);
    const bad = await put('r-admin', [5, 61]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ fields: { field: string }[] }>().fields[0].field).toMatch(/^daysBefore/);
    expect((await put('r-admin', [2, 5, 5])).json<ReminderSettings>()).toEqual({
      daysBefore: [5, 2],
      isDefault: false,
    });

    // 5 days before: a new reminder per form (a new day), and the 3-day one is not sent again.
    await setSubmitDeadline(t.ownerUrl, 'r-songjiang', 5);
    expect(await t.app.get(DeadlineRemindersService).run()).toBe(tenant.forms.length);
    const after = await listOf(t.app, auth['r-filer']);
    expect(after.items.filter((i) => i.message.includes('还有 5 天'))).toHaveLength(tenant.forms.length);
  });
});

describe('截止提醒 scheduled across two API processes', () => {
  const apps: NestFastifyApplication[] = [];
  let ownerUrl: string;
  let drop: () => Promise<void>;

  afterAll(async () => {
    for (const app of apps) await app.close();
    await drop?.();
  });

  it('runs once per due time however many processes are up', async () => {
    const db = await createTestDatabase();
    ({ ownerUrl, drop } = db);
    const tenant = await seedSongjiang(ownerUrl, 's');
    await setSubmitDeadline(ownerUrl, 's-songjiang', 1);
    // Due every minute, checked every second by each process: both see it due at once.
    const overrides = { REMINDER_CRON: '* * * * *', JOB_CRON_MONITOR_SECONDS: '1' };
    const configs = [testConfig(overrides), testConfig(overrides)];
    const appUrl = await ensureAppRole(ownerUrl, configs[0]);
    const since = Date.now();
    const started = await Promise.all(
      configs.map(async (config) =>
        enforceContract(await createApp({ config, appDatabaseUrl: appUrl, logger: false })),
      ),
    );
    apps.push(...started);

    const reminders = `SELECT count(*) AS n FROM notification WHERE kind = 'deadline_reminder'`;
    for (let i = 0; i < 200 && (await ownerCount(ownerUrl, reminders)) === 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    // Both processes keep checking for a while: still one run, one message per form.
    await new Promise((r) => setTimeout(r, 4000));
    expect(await ownerCount(ownerUrl, reminders)).toBe(tenant.forms.length);
    const runs = await ownerCount(
      ownerUrl,
      `SELECT count(*) AS n FROM (SELECT id FROM pgboss.job WHERE name = 'deadline-reminders'
                                  UNION ALL SELECT id FROM pgboss.archive WHERE name = 'deadline-reminders') j`,
    );
    // One run per due time (a minute here): each process checks every second, so without the schedule's singleton
    // there would be dozens.
    const minutes = Math.floor(Date.now() / 60_000) - Math.floor(since / 60_000) + 1;
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(runs).toBeLessThanOrEqual(minutes);
    const filer = await login(apps[1], 's-filer');
    expect((await listOf(apps[1], filer.authorization)).total).toBe(tenant.forms.length);
  });
});
