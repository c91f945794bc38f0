import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateOrganizationRequest, UpdateOrganizationRequest } from '@jxt/contracts';
import {
  deleteOrganization,
  fetchFinanceDivisions,
  fetchOrganizations,
  patchOrganization,
  postOnboardingConfirm,
  postOnboardingPreview,
  postOrganization,
  putFinanceDivision,
} from './api';
import { adminOrganizationKeys } from './query-keys';
import { codeListQuery } from '../forms/queries';

export function useAdminOrganizations() {
  return useQuery({ queryKey: adminOrganizationKeys.all, queryFn: ({ signal }) => fetchOrganizations(signal) });
}

/** 单位类型, under the code list's one key: the 代码表 screen's save refreshes it. */
export function useUnitTypes() {
  return useQuery(codeListQuery('unit_type'));
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

/** 批量导入's preview: reads the file, writes nothing. */
export function useOnboardingPreview() {
  return useMutation({ mutationFn: postOnboardingPreview });
}

/** 批量导入's confirm: new organisations and users, so the tree, the users and the 财政科室 list are read again. */
export function useOnboardingConfirm() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: postOnboardingConfirm, onSuccess: refresh });
}
