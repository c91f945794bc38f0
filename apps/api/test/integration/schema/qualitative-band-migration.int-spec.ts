import type { QueryRunner } from 'typeorm';
import { DEFAULT_SCORING_POLICY } from '@jxt/domain';
import { StoreQualitativeBand1795983642040 } from '../../../src/database/migrations/1795983642040-StoreQualitativeBand';
import { migratedUpTo, type MigrationScratch } from '../../support/migration-scratch';

/**
 * The migration that keeps the 完成档次 beside each share gives existing shares the band they show today: the first
 * band of their evaluation's policy version that holds them — on final 自评表 too, which stay locked afterwards.
 */
describe('migration StoreQualitativeBand: every share gets the band it showed', () => {
  let scratch: MigrationScratch;
  let q: QueryRunner;
  beforeAll(async () => {
    scratch = await migratedUpTo(StoreQualitativeBand1795983642040);
    q = scratch.q;
  });
  afterAll(() => scratch.close());

  it('reads 80 % as 达成 and 60 % as 部分达成 under the default bands, leaves a share in no band without one, and keeps final ones locked', async () => {
    const [{ id: tenant }] = await q.query(`INSERT INTO tenant (code, name) VALUES ('b', '档次区') RETURNING id`);
    const [{ id: unit }] = await q.query(
      `INSERT INTO organization (tenant_id, kind, name, path, sort_order) VALUES ($1, 'unit', '单位', '/u/', 1) RETURNING id`,
      [tenant],
    );
    // A later version leaves a gap between 未达成 (0–50 %) and 部分达成 (60–80 %).
    const gap = {
      ...DEFAULT_SCORING_POLICY,
      qualitativeBands: DEFAULT_SCORING_POLICY.qualitativeBands.map((b) =>
        b.code === 'missed' ? { ...b, max: '0.5' } : b,
      ),
    };
    const [{ id: v1 }] = await q.query(
      `INSERT INTO scoring_policy (tenant_id, year, version, policy) VALUES ($1, 2021, 1, $2) RETURNING id`,
      [tenant, DEFAULT_SCORING_POLICY],
    );
    const [{ id: v2 }] = await q.query(
      `INSERT INTO scoring_policy (tenant_id, year, version, policy) VALUES ($1, 2021, 2, $2) RETURNING id`,
      [tenant, gap],
    );

    /** One project with an approved form and a 自评表 scored by `policy`, with one indicator per [self, reviewer] share. */
    async function evaluation(
      code: string,
      policy: string,
      shares: [string | null, string | null][],
      final: boolean,
    ): Promise<string[]> {
      const [{ id: project }] = await q.query(
        `INSERT INTO project (tenant_id, organization_id, code) VALUES ($1, $2, $3) RETURNING id`,
        [tenant, unit, code],
      );
      const [{ id: form }] = await q.query(
        `INSERT INTO goal_form (tenant_id, project_id, year, revision, status, project_name) VALUES ($1, $2, 2021, 1, 'draft', $3) RETURNING id`,
        [tenant, project, code],
      );
      const [{ id: evaluationId }] = await q.query(
        `INSERT INTO self_evaluation (tenant_id, form_id, project_id, year, policy_id) VALUES ($1, $2, $3, 2021, $4) RETURNING id`,
        [tenant, form, project, policy],
      );
      const ids: string[] = [];
      for (const [i, [self, reviewer]] of shares.entries()) {
        const [{ id }] = await q.query(
          `INSERT INTO evaluation_indicator (tenant_id, evaluation_id, level1_code, level1_label, level2_code, level2_label, sort_order, name, raw_value,
             target_kind, self_share, reviewer_share)
           VALUES ($1, $2, 'benefit', '效益指标', 'social', '社会效益指标', $3, $4, '提升', 'qualitative', $5, $6) RETURNING id`,
          [tenant, evaluationId, i, `指标${i}`, self, reviewer],
        );
        ids.push(id);
      }
      if (final) await q.query(`UPDATE self_evaluation SET status = 'final' WHERE id = $1`, [evaluationId]);
      return ids;
    }
    const finalRows = await evaluation(
      'B-1',
      v1,
      [
        ['1', null],
        ['0.8', '0.8'],
        ['0.6', '0.6'],
        ['0', null],
        [null, null],
      ],
      true,
    );
    const draftRows = await evaluation(
      'B-2',
      v2,
      [
        ['0.55', null],
        ['0.5', '0.7'],
      ],
      false,
    );

    await scratch.migrateRest();

    const bands = async (ids: string[]) =>
      (await q.query(`SELECT id, self_band, reviewer_band FROM evaluation_indicator WHERE id = ANY($1::uuid[])`, [ids]))
        .sort((a: { id: string }, b: { id: string }) => ids.indexOf(a.id) - ids.indexOf(b.id))
        .map((r: { self_band: string | null; reviewer_band: string | null }) => [r.self_band, r.reviewer_band]);
    expect(await bands(finalRows)).toEqual([
      ['achieved', null],
      ['achieved', 'achieved'],
      ['partly', 'partly'],
      ['missed', null],
      [null, null],
    ]);
    expect(await bands(draftRows)).toEqual([
      [null, null],
      ['missed', 'partly'],
    ]);
    // The lock stands again once the migration is done.
    await expect(
      q.query(`UPDATE evaluation_indicator SET self_band = 'partly' WHERE id = $1`, [finalRows[1]]),
    ).rejects.toThrow(/final self_evaluation/);
  });
});
