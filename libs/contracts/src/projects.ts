import type { FormStatus, ProjectContinuity } from './labels';

/**
 * The header of a 绩效目标填报表 (项目表头). Each form revision owns its own copy; the project keeps only its
 * identity (code, owning unit).
 */
export interface ProjectHeader {
  /** 项目编码: stable code, unique in the tenant. */
  code: string;
  /** 项目名称 */
  name: string;
  /** 项目类别 code from the tenant's `project_category` list (经常性项目 …). */
  categoryCode: string | null;
  /** 新增/延续 */
  continuity: ProjectContinuity | null;
  /** 功能分类科目 code, e.g. `2060103`. */
  functionClassCode: string | null;
  /** 主管部门 exactly as printed on the form (may differ from the organisation tree, may be blank). */
  printedDepartment: string | null;
  /** 实施单位 exactly as printed (often blank). */
  printedImplementingUnit: string | null;
  /** 计划开始日期 / 计划完成日期, ISO dates; a project may span years. */
  plannedStart: string | null;
  plannedEnd: string | null;
}

/** A project (项目) with the header of one of its forms (the year's, in lists). */
export interface Project extends ProjectHeader {
  id: string;
  organizationId: string;
  organizationName: string;
}

export interface ProjectListItem extends Project {
  year: number;
  /** The id of this project's form for the requested year. */
  formId: string;
  formStatus: FormStatus;
  /** 年度资金申请总额 of that form, decimal string. */
  annualAmount: string | null;
}

export interface ProjectListResponse {
  items: ProjectListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CreateProjectRequest extends ProjectHeader {
  organizationId: string;
  /** The year of the first goal form, created empty with the project. */
  year: number;
}

/**
 * PATCH /api/projects/:id changes the project's identity only. What a form prints (项目名称 …) is changed through
 * that form (PUT /api/forms/:id), under its rowVersion, lock and history.
 */
export interface UpdateProjectRequest {
  code?: string;
}
