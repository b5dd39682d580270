import { get, patch, post } from '../../../lib/api-client';
import type { DirectoryUnit, Ok, PolicyTable, SessionView, UserCreate, UserUpdate, UserView } from '../../../lib/api-types';

export const fetchUsers = (signal?: AbortSignal) => get<UserView[]>('/api/admin/users', undefined, signal);
export const createUser = (body: UserCreate) => post<UserView>('/api/admin/users', body);
export const updateUser = (id: number, body: UserUpdate) => patch<UserView>(`/api/admin/users/${id}`, body);
export const resetPassword = (id: number, password: string) => post<Ok>(`/api/admin/users/${id}/password`, { password });
export const unlockUser = (id: number) => post<UserView>(`/api/admin/users/${id}/unlock`);

export const fetchSessions = (signal?: AbortSignal) => get<SessionView[]>('/api/admin/sessions', undefined, signal);
export const revokeSession = (id: string) => post<Ok>(`/api/admin/sessions/${encodeURIComponent(id)}/revoke`);

export const fetchPolicy = (signal?: AbortSignal) => get<PolicyTable>('/api/auth/policy', undefined, signal);
/** Canonical unit names for the 所属单位 of a 承办单位 account. */
export const searchUnits = (q: string, signal?: AbortSignal) => get<DirectoryUnit[]>('/api/units', { q: q || undefined, limit: 30 }, signal);
