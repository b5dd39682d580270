// 归档 over HTTP (/api/incoming/archive…): what is ready to file, filing one, the filed ones, the
// 归档文件目录 (.xlsx, downloaded with the session cookie), and the office's settings.
import { get, post, put, queryString } from '../../../lib/api-client';
import type { ArchivedItem, ArchiveReadyList, ArchiveRequest, ArchiveSettingsRequest, ArchiveSettingsState, IncomingView, Page, Retention } from '../../../lib/api-types';

/** The 保管期限 in the order DA/T 22 lists them. */
export const RETENTIONS: Retention[] = ['永久', '30年', '10年'];

export const fetchReady = (signal?: AbortSignal) => get<ArchiveReadyList>('/api/incoming/archive/ready', undefined, signal);
export const archiveIncoming = (id: number, body: ArchiveRequest) => post<IncomingView>(`/api/incoming/${id}/archive`, body);
export const fetchArchived = (query: { year?: number; retention?: Retention; limit?: number; offset?: number }, signal?: AbortSignal) => get<Page<ArchivedItem>>('/api/incoming/archive', { ...query }, signal);
export const catalogueXlsxUrl = (year: number, retention?: Retention) => `/api/incoming/archive.xlsx${queryString({ year, retention })}`;
export const fetchArchiveSettings = (signal?: AbortSignal) => get<ArchiveSettingsState>('/api/incoming/archive-settings', undefined, signal);
export const saveArchiveSettings = (body: ArchiveSettingsRequest) => put<ArchiveSettingsState>('/api/incoming/archive-settings', body);
