import { get } from '../../../lib/api-client';
import type { ChronicleEntry } from '../../../lib/api-types';

export const fetchChronicle = (query: { from?: string; to?: string; limit?: number }, signal?: AbortSignal) =>
  get<ChronicleEntry[]>('/api/chronicle', { ...query, limit: query.limit ?? 1000 }, signal);
