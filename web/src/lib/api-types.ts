// The types of the HTTP API, exactly as the contract (contract-api.md, issue 10) writes them.
// Every import of an API type goes through this file: it will be replaced by re-exports of the
// server's shared zod schemas, and then nothing else has to change.
export type Role = 'admin' | 'clerk' | 'leader' | 'supervisor' | 'unit';
// labels: admin 管理员, clerk 收文员, leader 领导, supervisor 督查室, unit 承办单位
export type Permission =
  | 'library.read'      // search, documents, outline, tasks, units, appointments, chronicle, stats
  | 'library.import'    // POST /api/imports
  | 'users.manage'      // /api/admin/users…
  | 'sessions.manage'   // /api/admin/sessions…
  | 'audit.read'        // /api/admin/audit
  | 'account.self';     // own password, sign out
// Default policy: every role has library.read and account.self; admin has everything;
// clerk and supervisor also library.import; leader and unit nothing more.

export interface SessionUser { id: number; username: string; displayName: string; roles: Role[];
  unit: string | null /* canonical unit name, for role unit */; mustChangePassword: boolean }
export interface Me { user: SessionUser; permissions: Permission[]; csrfToken: string;
  /** ISO instant when the session ends at the latest (absolute timeout) */ expiresAt: string;
  idleMinutes: number; publicLibrary: boolean /* whether /public is open */ }

export type Validity = 'valid' | 'expired' | 'repealed' | 'pending';
// labels: valid 现行有效, expired 已失效, repealed 已废止, pending 尚未施行; provisional=true adds 试行
export type Access = 'public' | 'internal'; // internal: 不予公开 / 依申请公开 / 内部 or unmarked non-gazette

export interface DocumentSummary { id: number; docNumber: string | null; title: string; issuer: string[];
  date: string | null; kind: string | null /* 文种 */; validity: Validity; provisional: boolean;
  topic: string | null; access: Access; source: string /* file name */ }
export interface Page<T> { items: T[]; total: number }

export interface LinkView { relation: 'cites' | 'implements' | 'repeals' | 'continues'; docNumber: string | null;
  title: string | null; documentId: number | null /* null when the target is not in the store */; context: string }
export interface DocumentView extends DocumentSummary {
  recipients: string[]; publicity: string | null; attachments: string[]; distribution: string[]; groups: string[];
  validFrom: string | null; validUntil: string | null; validityNote: string | null /* the sentence validity was read from */;
  repealedBy: { documentId: number; docNumber: string | null; title: string }[];
  topics: string[] /* topic first, then secondary ones */; preferential: boolean /* 惠企政策 */;
  body: string /* reflowed paragraphs, one per line (\n) */;
  line: number; endLine: number /* original lines of the source file */;
  links: LinkView[] /* what this document refers to */; referencedBy: LinkView[] /* who refers to it */ }
export interface OutlineNode { label: string; heading: string; line: number; children: OutlineNode[] }
export interface UnitRef { name: string; canonical: string | null }
export interface Deadline { kind: 'date' | 'ongoing' | 'relative' | 'recurring' | 'within-year'; date?: string; text: string }
export interface TaskView { id: number; text: string; path: string[]; line: number | null;
  leads: UnitRef[]; responsible: UnitRef[]; cooperating: UnitRef[]; deadline: Deadline | null;
  targets: { text: string }[]; status: string }

export type SearchKind = 'document' | 'task' | 'appointment' | 'chronicle';
export interface SearchHit { kind: SearchKind; id: number; documentId: number | null; docNumber: string | null;
  title: string; date: string | null; score: number;
  snippet: string /* HTML-escaped text with <mark>…</mark> around matches: safe to inject as HTML */;
  source: string }
export interface Facet { value: string; count: number }
export interface SearchResult { hits: SearchHit[]; total: number /* matches counted, up to a cap */;
  totalCapped: boolean /* true: "more than total" */;
  facets: { kind: Facet[]; issuer: Facet[]; year: Facet[]; type: Facet[]; unit: Facet[]; validity: Facet[]; topic: Facet[] } }

export interface Stats { documents: number; tasks: number; appointments: number; chronicle: number; units: number;
  byKind: Facet[]; byYear: Facet[]; byIssuer: Facet[]; byTopic: Facet[]; latest: DocumentSummary[] }

export interface Appointment { id: number; batch: string | null; person: string; action: 'appoint' | 'remove' | 'second';
  post: string; probation: boolean; retired: string | null; years: number | null; notes: string[];
  source: string; documentId: number | null; date: string | null }
export interface ChronicleEntry { id: number; date: string /* YYYY-MM-DD */; endDate: string | null; text: string; source: string }

export interface DirectoryUnit { name: string /* canonical */; aliases: string[]; level: string | null;
  jurisdiction: string | null; category: string | null; tasks: number /* tasks naming it in the store */ }
export interface Collective { name: string /* 各旗县市区 */; jurisdiction: string; members: string[] }

export interface ImportOutcome { name: string; status: 'imported' | 'replaced' | 'unchanged' | 'failed' | 'refused';
  message?: string /* Chinese: why it failed / was refused, or what it duplicates */;
  documents?: number; tasks?: number; appointments?: number; chronicle?: number;
  warnings: { code: string; message: string; line?: number }[]; documentIds: number[] }

export interface UserView { id: number; username: string; displayName: string; roles: Role[]; unit: string | null;
  disabled: boolean; mustChangePassword: boolean; lockedUntil: string | null; lastLoginAt: string | null; createdAt: string }
export interface SessionView { id: string /* public id, not the cookie */; userId: number; username: string;
  createdAt: string; lastSeenAt: string; expiresAt: string; ip: string | null; userAgent: string | null; current: boolean }
export interface AuditEvent { id: number; at: string /* ISO instant */; actor: string /* username or 'system' */;
  action: string /* login, login-failed, logout, user-create, user-update, password-reset, session-revoke, import, read, … */;
  entity: string; entityId: number | null; before: unknown; after: unknown; ip: string | null }
export interface PolicyTable { roles: { role: Role; label: string }[];
  permissions: { permission: Permission; label: string; roles: Role[] }[] }

// Shapes the contract writes inline in its table of routes, named here so pages can share them.
export interface ErrorBody { error: string }
export interface Ok { ok: true }
export interface LoginRequest { username: string; password: string }
export interface PasswordChange { currentPassword: string; newPassword: string }
export interface UserCreate { username: string; displayName: string; roles: Role[]; unit?: string; password: string }
export interface UserUpdate { displayName?: string; roles?: Role[]; unit?: string | null; disabled?: boolean }
export interface PasswordReset { password: string }
export interface PublicStats { documents: number; byTopic: Facet[]; preferential: number; latest: DocumentSummary[] }
/** Query of GET /api/search and GET /api/public/search. */
export interface SearchQuery { q: string; kind?: SearchKind[]; issuer?: string; year?: string; type?: string; unit?: string;
  validity?: Validity; topic?: string; limit?: number; offset?: number }
