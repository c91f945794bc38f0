import type {
  AssignDepartmentsRequest,
  CreateOrganizationRequest,
  OnboardingPreview,
  OnboardingResult,
  UpdateOrganizationRequest,
} from '@jxt/contracts';
import { api } from '../../api/client';
import { apiFetch } from '../../api/http';

export const fetchOrganizations = (signal?: AbortSignal) => api.get('/api/organizations', { signal });

export const postOrganization = (body: CreateOrganizationRequest) => api.post('/api/organizations', { body });

export const patchOrganization = (id: string, body: UpdateOrganizationRequest) =>
  api.patch('/api/organizations/{id}', { path: { id }, body });

export const deleteOrganization = (id: string) => api.delete('/api/organizations/{id}', { path: { id } });

export const fetchFinanceDivisions = (signal?: AbortSignal) => api.get('/api/finance-divisions', { signal });

export const putFinanceDivision = (id: string, body: AssignDepartmentsRequest) =>
  api.put('/api/finance-divisions/{id}', { path: { id }, body });

/** 批量导入: the template workbook (组织, 用户, 说明), downloaded by a plain link (the session cookie goes along). */
export const ONBOARDING_TEMPLATE_URL = '/api/onboarding/template.xlsx';

function workbookForm(file: File): FormData {
  const body = new FormData();
  body.append('file', file, file.name);
  return body;
}

/**
 * 批量导入's two steps, each with the same file as multipart field `file` (the typed client sends JSON only): the
 * preview writes nothing; the confirm writes everything or nothing. The answers are the OpenAPI document's
 * OnboardingPreview and OnboardingResult (the API's tests check the real ones against it).
 */
export const postOnboardingPreview = async (file: File) =>
  (await apiFetch('/api/onboarding/preview', { method: 'POST', body: workbookForm(file) })) as OnboardingPreview;

export const postOnboardingConfirm = async (file: File) =>
  (await apiFetch('/api/onboarding/confirm', { method: 'POST', body: workbookForm(file) })) as OnboardingResult;
