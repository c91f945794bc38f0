import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OpenYearResponse, YearSummary } from '@jxt/contracts';
import type { ApiRequestError } from '../../api/http';
import { postCloseYear, postOpenYear } from './api';

/** After opening or closing a year everything year-bound may read differently (years, 待办, deadlines, taxonomy). */
function useAfterYearChange() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}

export function useOpenYear() {
  const onSuccess = useAfterYearChange();
  return useMutation<OpenYearResponse, ApiRequestError | Error, number>({ mutationFn: postOpenYear, onSuccess });
}

export function useCloseYear() {
  const onSuccess = useAfterYearChange();
  return useMutation<YearSummary, ApiRequestError | Error, number>({ mutationFn: postCloseYear, onSuccess });
}
