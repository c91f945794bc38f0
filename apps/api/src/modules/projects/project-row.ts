import type { Project, ProjectContinuity } from '@jxt/contracts';

/** A project with the header of one of its form revisions, as selected with PROJECT_COLUMNS. */
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

/** SQL that is true when the form `f` is a locked revision (libs/domain LOCKED_STATUSES). */
export const FORM_IS_LOCKED = `f.status IN ('finance_approved', 'rejected')`;

/**
 * The project's identity (`p`) with the header of its form revision `f`, and the unit's name (`o`) as the form
 * prints it: the name when it was locked, the current name while it is open.
 */
export const PROJECT_COLUMNS = `p.id, p.organization_id, CASE WHEN ${FORM_IS_LOCKED} THEN f.locked_organization_name ELSE o.name END AS organization_name,
  p.code, f.project_name AS name, f.category_code, f.continuity, f.function_class_code, f.printed_department, f.printed_implementing_unit,
  to_char(f.planned_start, 'YYYY-MM-DD') AS planned_start, to_char(f.planned_end, 'YYYY-MM-DD') AS planned_end`;

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
