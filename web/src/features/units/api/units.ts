import { get } from '../../../lib/api-client';
import type { Collective, DirectoryUnit } from '../../../lib/api-types';

export const fetchUnits = (q: string | undefined, signal?: AbortSignal) => get<DirectoryUnit[]>('/api/units', { q, limit: 1000 }, signal);
export const fetchCollectives = (signal?: AbortSignal) => get<Collective[]>('/api/collectives', undefined, signal);
