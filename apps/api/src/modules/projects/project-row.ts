import type { Project, ProjectContinuity } from '@jxt/contracts';

/** A project row as selected with PROJECT_COLUMNS (joined to its organisation `o`). */
export interface ProjectRow {
  id: string;
  organization_id: string;
  organization_name: string;
  code: string;
  name: string;
  category_code: string | null;
  continuity: ProjectContinuity | null;
  function_class_code: string | null;
  printed_department: string | null;
  printed_implementing_unit: string | null;
  planned_start: string | null;
  planned_end: string | null;
}

export const PROJECT_COLUMNS = `p.id, p.organization_id, o.name AS organization_name, p.code, p.name, p.category_code, p.continuity,
  p.function_class_code, p.printed_department, p.printed_implementing_unit,
  to_char(p.planned_start, 'YYYY-MM-DD') AS planned_start, to_char(p.planned_end, 'YYYY-MM-DD') AS planned_end`;

export function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    code: row.code,
    name: row.name,
    categoryCode: row.category_code,
    continuity: row.continuity,
    functionClassCode: row.function_class_code,
    printedDepartment: row.printed_department,
    printedImplementingUnit: row.printed_implementing_unit,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
  };
}
