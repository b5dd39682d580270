// The office's reports over HTTP: the 调度表, the 月通报 (preview, publish, the published ones) and
// the year's 考核. The downloads are plain links: the browser sends the session cookie with them.
import { get, post, queryString } from '../../../lib/api-client';
import type { BulletinView, Dispatch, PublishedBulletin, Scores } from '../../../lib/api-types';

const BASE = '/api/supervision';

export interface DispatchFilter {
  /** YYYY-MM, or YYYY-MM-H1 / YYYY-MM-H2 for a half-monthly round. */
  period: string;
  lead?: string;
}

export const fetchDispatch = (q: DispatchFilter, signal?: AbortSignal) => get<Dispatch>(`${BASE}/dispatch`, { period: q.period, lead: q.lead }, signal);
export const dispatchXlsxUrl = (q: DispatchFilter) => `${BASE}/dispatch.xlsx${queryString({ period: q.period, lead: q.lead })}`;

export const fetchBulletins = (signal?: AbortSignal) => get<PublishedBulletin[]>(`${BASE}/bulletins`, undefined, signal);
export const fetchBulletin = (month: string, signal?: AbortSignal) => get<BulletinView>(`${BASE}/bulletins/${month}`, undefined, signal);
export const publishBulletin = (month: string) => post<BulletinView>(`${BASE}/bulletins/${month}/publish`);
export const bulletinDocxUrl = (month: string) => `${BASE}/bulletins/${month}.docx`;

export const fetchScores = (year: number, signal?: AbortSignal) => get<Scores>(`${BASE}/scores`, { year: String(year) }, signal);
export const scoresXlsxUrl = (year: number) => `${BASE}/scores.xlsx${queryString({ year: String(year) })}`;
