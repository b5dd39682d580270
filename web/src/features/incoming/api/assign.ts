// 分办 and 承办 over HTTP: the 分办 form's starting values and the 分办, 催办 and 办结 (the clerk);
// 我的承办, 签收 and 答复 (a unit user, for their own unit). Units are offered from the directory.
import { get, post } from '../../../lib/api-client';
import type { AssignDraft, AssignedList, AssignRequest, DirectoryUnit, IncomingView } from '../../../lib/api-types';

const BASE = '/api/incoming';

export const fetchAssignDraft = (id: number, signal?: AbortSignal) => get<AssignDraft>(`${BASE}/${id}/assign-draft`, undefined, signal);
export const assignIncoming = (id: number, body: AssignRequest) => post<IncomingView>(`${BASE}/${id}/assign`, body);
export const urgeAssignment = (id: number, aid: number, version: number) => post<IncomingView>(`${BASE}/${id}/assignments/${aid}/urge`, { version });
export const concludeIncoming = (id: number, note: string | null, version: number) => post<IncomingView>(`${BASE}/${id}/conclude`, { note, version });
export const fetchAssignedToMe = (signal?: AbortSignal) => get<AssignedList>(`${BASE}/assigned-to-me`, undefined, signal);
export const acceptAssignment = (id: number, aid: number, version: number) => post<IncomingView>(`${BASE}/${id}/assignments/${aid}/accept`, { version });
export const replyAssignment = (id: number, aid: number, text: string, version: number) => post<IncomingView>(`${BASE}/${id}/assignments/${aid}/reply`, { text, version });

/** Units of the directory whose names contain q, for the unit pickers. */
export const searchUnits = (q: string, signal?: AbortSignal) => get<DirectoryUnit[]>('/api/units', { q: q || undefined, limit: 30 }, signal);
