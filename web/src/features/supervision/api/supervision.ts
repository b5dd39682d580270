// 督查督办 over HTTP (/api/supervision). Every write answers the item or ledger as it now is;
// a 409 means someone changed it first: the page shows the server's message and loads again.
import { get, upload, patch, post, queryString } from '../../../lib/api-client';
import type {
  Approvals,
  ClaimRequest,
  DirectoryUnit,
  DocumentView,
  DecideRequest,
  ExtensionRequest,
  ExtensionView,
  IssueRequest,
  ItemDetail,
  ItemPatch,
  ItemQuery,
  ItemView,
  LedgerDetail,
  LedgerSummary,
  MergeRequest,
  NewItem,
  OpenLedger,
  Page,
  ReasonRequest,
  ReportRequest,
  SplitRequest,
  VerifyRequest,
  Workbench,
} from '../../../lib/api-types';

const BASE = '/api/supervision';

/** GET /items's query with its numbers as numbers (the schema coerces them from the address). */
export type ItemFilter = Omit<ItemQuery, 'ledgerId' | 'limit' | 'offset'> & { ledgerId?: number; limit?: number; offset?: number };

export const fetchLedgers = (signal?: AbortSignal) => get<LedgerSummary[]>(`${BASE}/ledgers`, undefined, signal);
export const fetchLedger = (id: number, signal?: AbortSignal) => get<LedgerDetail>(`${BASE}/ledgers/${id}`, undefined, signal);
export const openLedger = (body: OpenLedger) => post<LedgerDetail>(`${BASE}/ledgers`, body);
export const addItem = (ledgerId: number, body: NewItem) => post<ItemView>(`${BASE}/ledgers/${ledgerId}/items`, body);
export const mergeItems = (ledgerId: number, body: MergeRequest) => post<ItemView>(`${BASE}/ledgers/${ledgerId}/merge`, body);
export const issueLedger = (ledgerId: number, body: IssueRequest = {}) => post<LedgerDetail>(`${BASE}/ledgers/${ledgerId}/issue`, body);

/** The ledger as .xlsx, filtered as the page is (the browser downloads it with the session cookie). */
export const ledgerXlsxUrl = (ledgerId: number, filters: Omit<ItemFilter, 'ledgerId' | 'limit' | 'offset'> = {}) =>
  `${BASE}/ledgers/${ledgerId}/ledger.xlsx${queryString({ ...filters })}`;

export const fetchItems = (query: ItemFilter, signal?: AbortSignal) => get<Page<ItemView>>(`${BASE}/items`, { ...query }, signal);
export const fetchItem = (id: number, signal?: AbortSignal) => get<ItemDetail>(`${BASE}/items/${id}`, undefined, signal);
export const patchItem = (id: number, body: ItemPatch) => patch<ItemView>(`${BASE}/items/${id}`, body);
export const splitItem = (id: number, body: SplitRequest) => post<ItemView[]>(`${BASE}/items/${id}/split`, body);
export const dropItem = (id: number, body: ReasonRequest) => post<ItemView>(`${BASE}/items/${id}/drop`, body);
export const terminateItem = (id: number, body: ReasonRequest) => post<ItemView>(`${BASE}/items/${id}/terminate`, body);
export const signItem = (id: number) => post<ItemView>(`${BASE}/items/${id}/sign`);
/** 报送进展: with attachments, one multipart request (the report and its files are one write). */
export const reportItem = (id: number, body: ReportRequest, files: readonly File[] = [], onProgress: (sent: number) => void = () => {}) => {
  if (files.length === 0) return post<ItemView>(`${BASE}/items/${id}/reports`, body);
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (v !== undefined && v !== null) fields[k] = String(v);
  return upload<ItemView>(`${BASE}/items/${id}/reports/upload`, files, 'file', onProgress, fields).promise;
};

/** A report's attachment (the browser downloads it with the session cookie). */
export const attachmentUrl = (id: number) => `${BASE}/attachments/${id}`;
export const claimItem = (id: number, body: ClaimRequest) => post<ItemView>(`${BASE}/items/${id}/claim`, body);
export const verifyItem = (id: number, body: VerifyRequest) => post<ItemView>(`${BASE}/items/${id}/verify`, body);
export const askExtension = (id: number, body: ExtensionRequest) => post<ExtensionView>(`${BASE}/items/${id}/extensions`, body);
export const decideExtension = (id: number, body: DecideRequest) => post<ExtensionView>(`${BASE}/extensions/${id}/decide`, body);

export const fetchWorkbench = (signal?: AbortSignal) => get<Workbench>(`${BASE}/workbench`, undefined, signal);
export const fetchApprovals = (signal?: AbortSignal) => get<Approvals>(`${BASE}/approvals`, undefined, signal);

/** The directory's canonical names, for choosing a unit as one types. */
export const searchDirectory = (q: string, signal?: AbortSignal) => get<DirectoryUnit[]>('/api/units', { q: q || undefined, limit: 20 }, signal);
/** The source document of a ledger, from the library. */
export const fetchSourceDocument = (id: number, signal?: AbortSignal) => get<DocumentView>(`/api/documents/${id}`, undefined, signal);
