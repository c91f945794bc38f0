import type { ScoringJob } from '@jxt/contracts';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { JobRunner } from '../../../src/database/jobs/job-runner';
import {
  appRoleClient,
  login,
  seedSongjiang,
  startSecondApp,
  startTestApp,
  type TestApp,
} from '../../support/test-app';

/**
 * The job runner (docs/adr/0021-job-runner.md): pg-boss's schema is the owner's, the app role only reads and writes
 * its job rows; a job is sent in the transaction of the request that asked for it, carries ids only, and outlives the
 * process that queued it.
 */
describe('the job runner (pg-boss on the app database)', () => {
  let t: TestApp;
  let second: NestFastifyApplication | null = null;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedSongjiang(t.ownerUrl, 'j');
    admin = (await login(t.app, 'j-admin')).authorization;
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  const job = async (app: NestFastifyApplication, id: string) =>
    (
      await app.inject({ method: 'GET', url: `/api/scoring-jobs/${id}`, headers: { authorization: admin } })
    ).json<ScoringJob>();

  it('gives the app role no DDL in its schema: queues are made by the owner’s migration', async () => {
    const app = await appRoleClient(t.appUrl);
    try {
      await expect(app.query(`SELECT pgboss.create_queue('made-at-run-time', '{}')`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(app.query(`CREATE TABLE pgboss.made_at_run_time (id int)`)).rejects.toThrow(/permission denied/);
      const { rows } = await app.query<{ name: string }>(`SELECT name FROM pgboss.queue ORDER BY name`);
      expect(rows.map((r) => r.name)).toEqual(
        expect.arrayContaining(['deadline-reminders', 'notification-email', 'scoring']),
      );
    } finally {
      await app.end();
    }
  });

  it('keeps a job queued while no process works, and a process started later runs it', async () => {
    // The only process stops taking jobs, as at a shutdown; the request that queues the job still commits it.
    await t.app.get(JobRunner).stop();
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/scoring-jobs',
      headers: { authorization: admin },
      payload: { year: 2021 },
    });
    expect(started.statusCode).toBe(200);
    const { id } = started.json<ScoringJob>();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await job(t.app, id)).toMatchObject({ status: 'queued' });

    // Its payload holds ids only: the job tables have no row-level security.
    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ data: Record<string, string> }>(
        `SELECT data FROM pgboss.job WHERE name = 'scoring'`,
      );
      expect(rows).toHaveLength(1);
      expect(Object.keys(rows[0].data).sort()).toEqual(['jobId', 'tenantId', 'userId']);
      expect(rows[0].data.jobId).toBe(id);
    } finally {
      await owner.end();
    }

    second = await startSecondApp(t);
    let progress = await job(second, id);
    for (let i = 0; i < 200 && progress.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      progress = await job(second, id);
    }
    expect(progress).toMatchObject({ status: 'done' });
  });
});
