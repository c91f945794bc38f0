import type { BatchTransitionResponse, FormHistoryEntry, GoalForm } from '@jxt/contracts';
import { Client } from 'pg';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

const FILER = { filerName: 'r 填报人', filerPhone: '021-57820101' };

/**
 * A request that loses a deadlock is run again in a fresh transaction (issue 11: deadlocks are retried inside the
 * request). Another session holds one form of a batch and then asks for the other, which the batch already holds:
 * PostgreSQL breaks the cycle by failing the batch (its wait began first). The batch must still answer 200, each
 * form moved once, its failed try leaving nothing behind.
 */
describe('a request that loses a deadlock is retried', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'r');
    for (const name of ['filer', 'supervisor']) auth[name] = (await login(t.app, `r-${name}`)).authorization;
  });
  afterAll(() => t.close());

  const getForm = async (id: string) =>
    (
      await t.app.inject({ method: 'GET', url: `/api/forms/${id}`, headers: { authorization: auth.filer } })
    ).json<GoalForm>();

  /** Waits until a connection of the app waits for a row lock. */
  async function appWaitsForLock(observer: Client): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const { rows } = await observer.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = 'jixiaotong-api' AND wait_event_type = 'Lock'`,
      );
      if (rows[0].waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the batch never waited for the lock');
  }

  it('answers 200 after the deadlock, each form moved once', async () => {
    const [a, b] = [tenant.forms[0].id, tenant.forms[1].id].sort();
    for (const id of [a, b]) {
      const submitted = await t.app.inject({
        method: 'POST',
        url: `/api/forms/${id}/transitions`,
        headers: { authorization: auth.filer },
        payload: { action: 'submit', rowVersion: (await getForm(id)).rowVersion, ...FILER },
      });
      expect(submitted.statusCode).toBe(200);
    }
    const forms = await Promise.all([a, b].map(async (id) => ({ id, rowVersion: (await getForm(id)).rowVersion })));

    const other = new Client({ connectionString: t.ownerUrl });
    const observer = new Client({ connectionString: t.ownerUrl });
    await Promise.all([other.connect(), observer.connect()]);
    try {
      // The other session holds b, and waits long before it looks for a deadlock itself: the batch is the victim.
      await other.query(`BEGIN; SET LOCAL deadlock_timeout = '60s'`);
      await other.query('SELECT id FROM goal_form WHERE id = $1 FOR UPDATE', [b]);
      const batch = t.app.inject({
        method: 'POST',
        url: '/api/forms/batch-transitions',
        headers: { authorization: auth.supervisor },
        payload: { action: 'approve', forms },
      });
      await appWaitsForLock(observer); // the batch holds a and waits for b
      // Now the other session asks for a: a cycle. The batch's try fails with 40P01 and rolls back, releasing a.
      await other.query('SELECT id FROM goal_form WHERE id = $1 FOR UPDATE', [a]);
      await other.query('COMMIT');

      const response = await batch;
      expect(response.statusCode).toBe(200);
      expect(response.json<BatchTransitionResponse>()).toMatchObject({ succeeded: 2, failed: 0 });
    } finally {
      await other.end();
      await observer.end();
    }

    for (const id of [a, b]) {
      expect((await getForm(id)).status).toBe('supervisor_approved');
      const history = await t.app.inject({
        method: 'GET',
        url: `/api/forms/${id}/history`,
        headers: { authorization: auth.filer },
      });
      const approvals = history.json<FormHistoryEntry[]>().filter((e) => e.action === 'approve');
      expect(approvals).toHaveLength(1);
    }
  });
});
