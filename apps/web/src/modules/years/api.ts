import type { YearsResponse } from '@jxt/contracts';
import { apiFetch } from '../../api/http';

export const fetchYears = (signal?: AbortSignal) => apiFetch<YearsResponse>('/api/years', { signal });
