// 收文 over HTTP (/api/incoming): registration by upload, the 收文簿, one registration, 初审, 拟办,
// 批示 and 传阅 (the clerk's side and the recipient's).
// The document a registration was read from lives in the library (/api/documents/:id).
import { get, post, queryString, upload } from '../../../lib/api-client';
import type {
  CirculatedItem,
  CirculateRequest,
  DirectoryUnitChoice,
  DocumentView,
  IncomingQuery,
  IncomingView,
  InstructRequest,
  LeaderChoice,
  Page,
  ProposalDraft,
  ProposeRequest,
  RecipientUser,
  RegisterResult,
  ReviewRequest,
} from '../../../lib/api-types';

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

/** 传阅, the clerk's side: send to people and units, remind one recipient, recall from one. */
export const circulateIncoming = (id: number, body: CirculateRequest) => post<IncomingView>(`${BASE}/${id}/circulate`, body);
export const remindRecipient = (id: number, rid: number, version: number) => post<IncomingView>(`${BASE}/${id}/circulation/${rid}/remind`, { version });
export const recallRecipient = (id: number, rid: number, version: number) => post<IncomingView>(`${BASE}/${id}/circulation/${rid}/recall`, { version });
export const fetchRecipientUsers = (signal?: AbortSignal) => get<{ users: RecipientUser[] }>(`${BASE}/recipients`, undefined, signal);
/** The directory's canonical units (what a 传阅 to a unit names), searched as one types. */
export const searchDirectoryUnits = (q: string, signal?: AbortSignal) => get<DirectoryUnitChoice[]>('/api/directory/units', { q: q || undefined, limit: 30 }, signal);

/** 传阅, the recipient's side: what reached me or my unit, opening it (已读) and marking it 已阅. */
export const fetchCirculatedToMe = (signal?: AbortSignal) => get<{ items: CirculatedItem[] }>(`${BASE}/circulated-to-me`, undefined, signal);
export const openCirculated = (id: number) => post<IncomingView>(`${BASE}/${id}/circulation/open`);
export const markCirculatedRead = (id: number) => post<IncomingView>(`${BASE}/${id}/circulation/read`);

/** 批示: what waits for the signed-in leader, and the leaders a 批示 may be passed on to. */
export const fetchAwaitingMe = (signal?: AbortSignal) => get<{ items: IncomingView[] }>(`${BASE}/awaiting-me`, undefined, signal);
export const fetchLeaderChoices = (signal?: AbortSignal) => get<{ leaders: LeaderChoice[] }>(`${BASE}/leaders`, undefined, signal);
