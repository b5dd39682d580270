import { get } from '../../../lib/api-client';
import type { Stats } from '../../../lib/api-types';

export const fetchStats = (signal?: AbortSignal) => get<Stats>('/api/stats', undefined, signal);
