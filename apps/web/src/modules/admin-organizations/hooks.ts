import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CodeListName, CreateOrganizationRequest, UpdateOrganizationRequest } from '@jxt/contracts';
import {
  deleteOrganization,
  fetchCodeList,
  fetchFinanceDivisions,
  fetchOrganizations,
  patchOrganization,
  postOrganization,
  putFinanceDivision,
} from './api';
import { adminOrganizationKeys } from './query-keys';

export function useAdminOrganizations() {
  return useQuery({ queryKey: adminOrganizationKeys.all, queryFn: ({ signal }) => fetchOrganizations(signal) });
}

export function useUnitTypes() {
  const list: CodeListName = 'unit_type';
  return useQuery({
    queryKey: adminOrganizationKeys.codeList(list),
    queryFn: ({ signal }) => fetchCodeList(list, signal),
    staleTime: 10 * 60_000,
  });
}

export function useFinanceDivisions() {
  return useQuery({
    queryKey: adminOrganizationKeys.financeDivisions,
    queryFn: ({ signal }) => fetchFinanceDivisions(signal),
  });
}

/** Every organisation change refreshes the tree, the users (停用 disables them) and the 财政科室 list. */
function useRefresh() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: adminOrganizationKeys.all }),
      client.invalidateQueries({ queryKey: ['users'] }),
      client.invalidateQueries({ queryKey: adminOrganizationKeys.financeDivisions }),
    ]);
}

export function useCreateOrganization() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: CreateOrganizationRequest) => postOrganization(body), onSuccess: refresh });
}

export function useUpdateOrganization() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UpdateOrganizationRequest }) => patchOrganization(id, change),
    onSuccess: refresh,
  });
}

export function useDeleteOrganization() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => deleteOrganization(id), onSuccess: refresh });
}

export function useAssignDepartments() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ divisionId, departmentIds }: { divisionId: string; departmentIds: string[] }) =>
      putFinanceDivision(divisionId, { departmentIds }),
    onSuccess: refresh,
  });
}
