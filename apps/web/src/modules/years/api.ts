import { api } from '../../api/client';

export const fetchYears = (signal?: AbortSignal) => api.get('/api/years', { signal });
