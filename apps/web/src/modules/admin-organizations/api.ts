import type { AssignDepartmentsRequest, CreateOrganizationRequest, UpdateOrganizationRequest } from '@jxt/contracts';
import { api } from '../../api/client';

export const fetchOrganizations = (signal?: AbortSignal) => api.get('/api/organizations', { signal });

export const postOrganization = (body: CreateOrganizationRequest) => api.post('/api/organizations', { body });

export const patchOrganization = (id: string, body: UpdateOrganizationRequest) =>
  api.patch('/api/organizations/{id}', { path: { id }, body });

export const deleteOrganization = (id: string) => api.delete('/api/organizations/{id}', { path: { id } });

export const fetchFinanceDivisions = (signal?: AbortSignal) => api.get('/api/finance-divisions', { signal });

export const putFinanceDivision = (id: string, body: AssignDepartmentsRequest) =>
  api.put('/api/finance-divisions/{id}', { path: { id }, body });
