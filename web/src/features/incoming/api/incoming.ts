// 收文 over HTTP (/api/incoming): registration by upload, the 收文簿, one registration and 初审.
// The document a registration was read from lives in the library (/api/documents/:id).
import { get, post, queryString, upload } from '../../../lib/api-client';
import type { DocumentView, IncomingQuery, IncomingView, InstructRequest, Page, ProposalDraft, ProposeRequest, RegisterResult, ReviewRequest } from '../../../lib/api-types';

const BASE = '/api/incoming';

/** The kinds of file the server reads (src/input); others are refused before they are sent. */
export const ACCEPTED = ['.txt', '.docx', '.pdf', '.html', '.htm', '.ofd'];

/** The series (渠道) offices number their 运转号 in; the clerk may type another. */
export const SERIES_CHOICES = ['党', '政'];
/** The series the 收文簿 offers: the usual ones and 收, where the server numbers what names none. */
export const REGISTRY_SERIES = [...SERIES_CHOICES, '收'];
/** How a document arrives (来文方式); the slip's own value wins when it names one. */
export const VIA_CHOICES = ['内网', '交换系统', '纸质', '机要', '传真', '电子邮件'];

export interface RegisterOptions {
  channel?: string;
  via?: string;
  force?: boolean;
}

/** One request for all the files; each is registered, or refused with its reason, on its own. */
export const registerFiles = (files: readonly File[], options: RegisterOptions, onProgress: (sent: number) => void) =>
  upload<RegisterResult>(`${BASE}${queryString({ channel: options.channel, via: options.via, force: options.force ? 'true' : undefined })}`, files, 'file', onProgress);

export const fetchIncomingPage = (query: IncomingQuery, signal?: AbortSignal) => get<Page<IncomingView>>(BASE, { ...query }, signal);
export const fetchIncoming = (id: number, signal?: AbortSignal) => get<IncomingView>(`${BASE}/${id}`, undefined, signal);
export const reviewIncoming = (id: number, body: ReviewRequest) => post<IncomingView>(`${BASE}/${id}/review`, body);
export const fetchProposalDraft = (id: number, signal?: AbortSignal) => get<ProposalDraft>(`${BASE}/${id}/proposal-draft`, undefined, signal);
export const proposeIncoming = (id: number, body: ProposeRequest) => post<IncomingView>(`${BASE}/${id}/propose`, body);
export const instructIncoming = (id: number, body: InstructRequest) => post<IncomingView>(`${BASE}/${id}/instruct`, body);

/** The 文件批办单 as .docx and the 收文登记簿 as .xlsx (filtered as the 收文簿 is): downloaded with the session cookie. */
export const slipDocxUrl = (id: number) => `${BASE}/${id}/slip.docx`;
export const bookXlsxUrl = (query: Omit<IncomingQuery, 'limit' | 'offset'>) => `${BASE}/book.xlsx${queryString({ ...query })}`;

/** The registered document's text, from the library. */
export const fetchDocument = (id: number, signal?: AbortSignal) => get<DocumentView>(`/api/documents/${id}`, undefined, signal);
