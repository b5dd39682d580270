// 领导分管表 over HTTP (/api/admin/office-leaders): read the table, save it whole (a leader left out
// is made inactive on the server, never deleted).
import { get, put } from '../../../lib/api-client';
import type { DirectoryUnitChoice, OfficeLeader, OfficeLeadersSave } from '../../../lib/api-types';

export const fetchOfficeLeaders = (signal?: AbortSignal) => get<OfficeLeader[]>('/api/admin/office-leaders', undefined, signal);
export const saveOfficeLeaders = (leaders: OfficeLeadersSave['leaders']) => put<OfficeLeader[]>('/api/admin/office-leaders', { leaders });
/** The directory's canonical units (a 分管单位 must be one), searched by name or alias. */
export const searchDirectoryUnits = (q: string, signal?: AbortSignal) => get<DirectoryUnitChoice[]>('/api/directory/units', { q: q || undefined, limit: 30 }, signal);
