import { BadRequestException, Injectable } from '@nestjs/common';
import type { FinanceDivisionAssignment } from '@jxt/contracts';
import { tenantScope } from '../../common/tenancy/request-context';
import { OrganizationRepository, type FinanceDivisionRow } from './organization.repository';
import { OrganizationsService } from './organizations.service';

/** 财政科室分工: which 主管部门 each finance division reviews (set by the admin). */
@Injectable()
export class FinanceDivisionsService {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly rows: OrganizationRepository,
  ) {}

  list(): Promise<FinanceDivisionRow[]> {
    const { user, db } = tenantScope();
    return this.rows.financeDivisions(db, user.scope);
  }

  async assign(divisionId: string, departmentIds: string[]): Promise<FinanceDivisionAssignment> {
    const { user, db } = tenantScope();
    const division = await this.organizations.findInScope(divisionId);
    if (division.kind !== 'finance_division') throw new BadRequestException('只能给财政科室分配主管部门');
    const unique = [...new Set(departmentIds)];
    const found = await this.rows.departmentsAmong(db, user.scope, unique);
    const missing = unique.filter((id) => !found.includes(id));
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
    await this.rows.replaceAssignments(db, user.scope, user.tenantId, divisionId, unique);
    return { divisionId, departmentIds: unique };
  }
}
