// The rules of 督查督办 and the working-day calendar, as the 规则与日历 page reads and writes them.
import { get, request } from '../../../lib/api-client';
import type { CalendarYears, NoticeBody, NoticeResult, RulesEdit, RulesView } from '../../../lib/api-types';

export const fetchRules = (signal?: AbortSignal) => get<RulesView>('/api/supervision/rules', undefined, signal);
export const saveRules = (body: RulesEdit) => request<RulesView>('/api/supervision/rules', { method: 'PUT', body });
export const fetchCalendarYears = (signal?: AbortSignal) => get<CalendarYears>('/api/calendar/years', undefined, signal);
export const importNotice = (body: NoticeBody) => request<NoticeResult>('/api/calendar/notices', { method: 'POST', body });

/** A file's bytes as base64, for the notice import (the server reads it as it reads any document). */
export async function fileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
