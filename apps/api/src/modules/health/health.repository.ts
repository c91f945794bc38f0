import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/access/db';
import { sql } from '../../database/access/statement';

const PING = sql<object, []>('health.ping', `SELECT 1`);

/** The health check's one statement: does the database answer? (No table, no tenant.) */
@Injectable()
export class HealthRepository {
  async ping(db: Db): Promise<void> {
    await db.rows(PING, []);
  }
}
