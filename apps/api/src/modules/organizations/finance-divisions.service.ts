import { BadRequestException, Injectable } from '@nestjs/common';
import type { FinanceDivisionAssignment } from '@jxt/contracts';
import { tenantScope } from '../../common/tenancy/request-context';
import { queryRows } from '../../common/tenancy/sql';
import { OrganizationsService } from './organizations.service';

/** 财政科室分工: which 主管部门 each finance division reviews (set by the admin). */
@Injectable()
export class FinanceDivisionsService {
  constructor(private readonly organizations: OrganizationsService) {}

  async list(): Promise<(FinanceDivisionAssignment & { name: string })[]> {
    const { user, manager } = tenantScope();
    return queryRows<FinanceDivisionAssignment & { name: string }>(
      manager,
      `SELECT o.id AS "divisionId", o.name, coalesce(array_agg(a.department_id) FILTER (WHERE a.department_id IS NOT NULL), '{}') AS "departmentIds"
       FROM organization o LEFT JOIN finance_division_assignment a ON a.division_id = o.id
       WHERE o.kind = 'finance_division' AND o.path LIKE ANY($1::text[]) GROUP BY o.id, o.name, o.sort_order ORDER BY o.sort_order, o.name`,
      [user.scopePatterns],
    );
  }

  async assign(divisionId: string, departmentIds: string[]): Promise<FinanceDivisionAssignment> {
    const { user, manager } = tenantScope();
    const division = await this.organizations.findInScope(divisionId);
    if (division.kind !== 'finance_division') throw new BadRequestException('只能给财政科室分配主管部门');
    const unique = [...new Set(departmentIds)];
    const found = await queryRows<{ id: string }>(
      manager,
      `SELECT id FROM organization WHERE id = ANY($1::uuid[]) AND kind = 'department'`,
      [unique],
    );
    const missing = unique.filter((id) => !found.some((row) => row.id === id));
    if (missing.length) {
      throw new BadRequestException({
        message: '只能分配本租户的主管部门',
        fields: missing.map((id) => ({
          field: `departmentIds.${departmentIds.indexOf(id)}`,
          message: '不是主管部门',
          value: id,
        })),
      });
    }
    await queryRows(manager, `DELETE FROM finance_division_assignment WHERE division_id = $1`, [divisionId]);
    await queryRows(
      manager,
      `INSERT INTO finance_division_assignment (tenant_id, division_id, department_id) SELECT $1, $2, unnest($3::uuid[])`,
      [user.tenantId, divisionId, unique],
    );
    return { divisionId, departmentIds: unique };
  }
}
