import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (the generator drops and re-adds a column whose length changes, which would lose the history):
 * evaluation_event's status columns take the width form_event's have, now that both tables share their columns.
 */
export class WidenEvaluationEventStatus1795787000000 implements MigrationInterface {
  name = 'WidenEvaluationEventStatus1795787000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE evaluation_event ALTER COLUMN from_status TYPE varchar(30), ALTER COLUMN to_status TYPE varchar(30)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE evaluation_event ALTER COLUMN from_status TYPE varchar(20), ALTER COLUMN to_status TYPE varchar(20)`,
    );
  }
}
