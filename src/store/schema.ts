// Row types of the store, as Kysely sees them. The same columns on SQLite and PostgreSQL:
// dates are ISO text (YYYY-MM-DD; chronicle days without a year are --MM-DD, which no date
// type holds), JSON is text, flags are 0/1 integers — so both dialects return the same values
// and no code branches on what the driver hands back.
import type { ColumnType, Generated } from 'kysely';

/** Text holding JSON; written and read as a string, parsed by the caller that needs it. */
export type Json = string;

export interface SourceFileTable {
  id: Generated<number>;
  /** Absolute path the file was imported from: the identity for re-import. */
  path: string;
  name: string;
  /** SHA-256 of the file's bytes, hex. */
  content_hash: string;
  /** txt | docx | pdf | html | ofd */
  format: string;
  /** gazette | compilation | document | routed-document */
  kind: string;
  size: number;
  imported_at: string;
  warnings: Json;
  /** The routing slip of a routed document (the incoming workflow will give it a table of its own). */
  routing_slip: Json | null;
}

export interface IssueTable {
  id: Generated<number>;
  source_file_id: number;
  title: string;
  year: number | null;
  number: number | null;
  cumulative: number | null;
  printed: string | null;
  publisher: string | null;
  toc: Json;
}

export interface DocumentTable {
  id: Generated<number>;
  source_file_id: number;
  issue_id: number | null;
  /** Position of the document in its file, from 0. */
  seq: number;
  doc_number: string | null;
  title: string;
  /** Title without punctuation and spaces: what a 《title》 reference is matched against. */
  title_key: string;
  /** Key of the text a cover notice issues (关于印发《X》的通知 → X), null otherwise. */
  issued_title_key: string | null;
  /** 文种 at the end of the title (通知, 意见 …). */
  doc_kind: string | null;
  /** 文种 of the issued text (方案 of 关于印发…方案的通知). */
  issued_kind: string | null;
  issuers: Json;
  /** Issuers joined with 、 for filtering. */
  issuer_text: string;
  date: string | null;
  year: number | null;
  recipients: Json;
  publicity: string | null;
  attachments: Json;
  distribution: Json;
  groups: Json;
  outline: Json;
  /** The document's text, reflowed into paragraphs (one per line). */
  body: string;
  line: number;
  end_line: number;
  valid_from: string | null;
  valid_until: string | null;
  /** 1 when the title says 暂行 or 试行. */
  provisional: number;
  /** The sentence validity was read from, for the reader to check. */
  validity_note: string | null;
  /** public: may appear in the public library; internal: signed-in users only (src/classify). */
  access: ColumnType<string, string | undefined, string>;
  /** Why, in Chinese; null where the index rebuild decided it from stored fields (rows older than import-time access). */
  access_reason: ColumnType<string | null, string | null | undefined, string | null>;
  topic: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON list: the topic first, then up to two more. */
  topics: ColumnType<Json, Json | undefined, Json>;
  /** 1 for a 惠企政策 (measures that give enterprises money, tax or fee relief …). */
  preferential: ColumnType<number, number | undefined, number>;
  /** 文号|发文机关|成文日期|标题, normalised (src/store/identity.ts); null when the document has too little to be known by. */
  identity_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** SHA-256 of the normalised text (src/store/identity.ts); null for an empty text. */
  text_fingerprint: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A later copy of a stored document, not stored itself: where it came from and what matched. */
export interface DocumentDuplicateTable {
  id: Generated<number>;
  /** The stored document the copy repeats. */
  document_id: number;
  /** The copy's file when that file is stored (it also held new documents); null when it is not. */
  source_file_id: number | null;
  path: string;
  name: string;
  /** SHA-256 of the copy's file. */
  content_hash: string;
  /** Position of the copy among the documents of its file, from 0. */
  seq: number;
  doc_number: string | null;
  title: string;
  /** identity (文号, 机关, 日期, 标题) | text (normalised text) | bytes (the same file) */
  matched_by: string;
  recorded_at: string;
}

export interface TaskTable {
  id: Generated<number>;
  document_id: number;
  seq: number;
  text: string;
  path: Json;
  deadline_kind: string | null;
  deadline_date: string | null;
  deadline_text: string | null;
  deadline: Json | null;
  targets: Json;
  /** extracted → (workflow) confirmed, in-progress, done … */
  status: ColumnType<string, string | undefined, string>;
  /** Original line of the clause (or table row) that closes the task. */
  line: ColumnType<number | null, number | null | undefined, number | null>;
  /** JSON: the persons named beside the units (责任领导), as written; '[]' when none (0023). */
  leaders: ColumnType<Json, Json | undefined, Json>;
}

export interface TaskUnitTable {
  id: Generated<number>;
  task_id: number;
  /** lead | responsible | cooperating */
  role: string;
  seq: number;
  /** As written, with the implied level prefix. */
  name: string;
  canonical: string | null;
  unit_id: number | null;
}

export interface UnitTable {
  id: Generated<number>;
  name: string;
  level: string | null;
  parent_id: number | null;
  jurisdiction: string | null;
}

export interface UnitAliasTable {
  id: Generated<number>;
  unit_id: number;
  alias: string;
}

export interface AppointmentTable {
  id: Generated<number>;
  source_file_id: number;
  seq: number;
  batch: string | null;
  person: string;
  action: string;
  post: string;
  probation: number;
  retired: string | null;
  years: number | null;
  notes: Json;
  line: number;
}

export interface ChronicleTable {
  id: Generated<number>;
  source_file_id: number;
  seq: number;
  date: string;
  end_date: string | null;
  text: string;
  line: number;
}

export interface DocumentLinkTable {
  id: Generated<number>;
  from_document_id: number;
  seq: number;
  /** cites | implements | repeals | continues */
  relation: string;
  target_doc_number: string | null;
  target_title: string | null;
  target_title_key: string | null;
  /** The document referred to, when it is in the store; null while unresolved. */
  to_document_id: number | null;
  context: string;
}

export interface AuditEventTable {
  id: Generated<number>;
  /** ISO instant (UTC, with Z). */
  at: string;
  /** The user's name, or what acted without one: import (the command line), system. */
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  before: Json | null;
  after: Json | null;
  /** The user's id when a signed-in user acted. */
  actor_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The client's address, for actions through the server. */
  ip: ColumnType<string | null, string | null | undefined, string | null>;
  /** The hash of the event before this one in the chain (migration 0016; audit-chain-v1.ts). */
  prev_hash: ColumnType<string | null, string | null | undefined, string | null>;
  /** SHA-256(prev_hash + the event's canonical form); null only while recordAudit writes it. */
  hash: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The audit chain's head, one row (id 1): its last event, that event's hash and the chain's length. */
export interface AuditChainTable {
  id: number;
  last_id: number | null;
  hash: string;
  length: number;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  /** argon2id hash string (src/auth/passwords.ts). */
  password_hash: string;
  /** JSON list of roles (src/auth/policy.ts ROLES). */
  roles: Json;
  /** Canonical unit of the directory a unit user acts for. */
  unit: string | null;
  must_change_password: number;
  disabled: number;
  /** Failed sign-ins since the last success; the account locks at the setting's limit. */
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 (hex) of the cookie's token: the token itself is never stored. */
  token_hash: string;
  /** What the administration page and the audit trail call the session. */
  public_id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** The absolute end (created_at + the absolute timeout). */
  expires_at: string;
  revoked_at: string | null;
  /** logout | revoked | password | disabled */
  revoked_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

/** One searchable thing: a document, a task, an appointment or a chronicle entry. */
export interface SearchEntryTable {
  id: Generated<number>;
  /** document | task | appointment | chronicle */
  kind: string;
  source_file_id: number;
  document_id: number | null;
  /** Id of the row in the kind's own table. */
  ref_id: number;
  title: string;
  date: string | null;
  year: number | null;
  doc_kind: string | null;
  issued_kind: string | null;
  issuer_text: string;
  /** Units the entry names, |-separated with a leading and trailing | (filter by unit). */
  units: string;
  /** 1 when the entry may appear in the public library (its document, or its gazette, is public). */
  public: ColumnType<number, number | undefined, number>;
}

/**
 * What search ranks an entry by (rank.ts), in a table of its own so that search_entries rows stay
 * small (fts-pg.ts reads one row per match before it picks the candidates).
 */
export interface RankTextTable {
  entry_id: number;
  /** What ranking weighs most: a document's title and 文号, a person and post, a chronicle date; tasks have none. */
  rank_title: string;
  /** What ranking reads: a document's first RANK_CHARS characters, the whole text of other entries. */
  rank_text: string;
}

/** Facts about the store as a whole: index_format (index-format.ts). */
export interface StoreMetaTable {
  key: string;
  value: string;
}

// 督查督办 (migration 0013). See src/workflow/types.ts for what the values mean.
export interface SupervisionLedgerTable {
  id: Generated<number>;
  title: string;
  /** document | instruction | meeting */
  source_kind: string;
  /** No foreign key: a re-import that replaces the document finds the ledger by document_key. */
  document_id: number | null;
  /** The document's identity (文号 + 发文机关 + 成文日期 + title, or its text's fingerprint). */
  document_key: string | null;
  /** For a 领导批示件 or 会议议定事项: where it comes from (who, which meeting, when). */
  source_note: string | null;
  /** draft | issued */
  state: string;
  created_at: string;
  created_by: string;
  issued_at: string | null;
  updated_at: string;
}

export interface SupervisionItemTable {
  id: Generated<number>;
  ledger_id: number;
  /** Stable across re-imports of the source (see src/workflow/keys.ts). */
  key: string;
  seq: number;
  text: string;
  /** The measure's text as the source had it at 立项; a re-import that changes it flags the item. */
  source_text: string | null;
  /** JSON: the outline path of the measure. */
  source_path: Json;
  source_line: number | null;
  source_task_id: number | null;
  /** ItemState */
  state: string;
  deadline: string | null;
  original_deadline: string | null;
  deadline_text: string | null;
  /** JSON: Target[] */
  targets: Json;
  /** JSON: ReportCycle */
  cycle: Json;
  issued_on: string | null;
  claimed_on: string | null;
  done_on: string | null;
  /** The latest opinion: why it was returned, dropped or terminated. */
  state_note: string | null;
  /** Why the item needs review (its measure changed in the source), null when it does not. */
  review_note: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped by every write: a command that loaded an older version refuses to overwrite. */
  version: ColumnType<number, number | undefined, number>;
  /** JSON: the 责任领导 of the measure, as written; '[]' when none (0023). */
  leaders: ColumnType<Json, Json | undefined, Json>;
}

export interface SupervisionItemUnitTable {
  id: Generated<number>;
  item_id: number;
  /** lead | responsible | cooperating */
  role: string;
  seq: number;
  name: string;
  canonical: string | null;
  signed_at: string | null;
  signed_by: string | null;
  /** Set when an edit took the unit off the item (the row stays). */
  removed_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SupervisionReportTable {
  id: Generated<number>;
  item_id: number;
  unit: string;
  period: string | null;
  submitted_at: string;
  submitted_by: string;
  progress: string;
  problems: string;
  coordination: string;
  next_steps: string;
  percent: number;
}

export interface SupervisionAttachmentTable {
  id: Generated<number>;
  report_id: number;
  name: string;
  media_type: string;
  bytes: number;
  sha256: string;
  content: Uint8Array;
}

export interface SupervisionExtensionTable {
  id: Generated<number>;
  item_id: number;
  unit: string;
  requested_at: string;
  requested_by: string;
  asked: string;
  reason: string;
  previous_deadline: string | null;
  /** approved | refused, null while pending */
  decision: string | null;
  decided_at: string | null;
  decided_by: string | null;
  opinion: string | null;
}

export interface SupervisionNoticeTable {
  id: Generated<number>;
  item_id: number;
  /** 提醒单 | 催办单 | 督办单 | 移交函 */
  kind: string;
  year: number;
  seq: number;
  number: string;
  unit: string;
  date: string;
  deadline: string;
  /** JSON: string[] */
  copied_to: Json;
  issued_at: string;
  read_at: string | null;
  mailed_at: string | null;
}

export interface SupervisionBulletinTable {
  id: Generated<number>;
  /** YYYY-MM */
  month: string;
  year: number;
  /** 第N期 within the year. */
  seq: number;
  published_at: string;
  published_by: string;
  /** JSON: the bulletin as published; later changes leave it alone. */
  snapshot: Json;
}

export interface SupervisionRuleTable {
  key: string;
  /** JSON */
  value: Json;
  updated_at: string;
  updated_by: string;
}

export interface SupervisionTickTable {
  /** The working day the scheduler ran for. */
  day: string;
  ran_at: string;
  notices: number;
}

export interface OfficeLeaderTable {
  id: Generated<number>;
  name: string;
  /** 区委副书记、区长 … */
  title: string;
  seq: number;
  /** JSON: string[], the areas of work the leader oversees (分管领域). */
  areas: Json;
  /** JSON: string[], canonical units the leader oversees (分管单位). */
  units: Json;
  active: ColumnType<number, number | undefined, number>;
  updated_at: string;
}

export interface Database {
  source_files: SourceFileTable;
  issues: IssueTable;
  documents: DocumentTable;
  document_duplicates: DocumentDuplicateTable;
  tasks: TaskTable;
  task_units: TaskUnitTable;
  units: UnitTable;
  unit_aliases: UnitAliasTable;
  appointments: AppointmentTable;
  chronicle_entries: ChronicleTable;
  document_links: DocumentLinkTable;
  audit_events: AuditEventTable;
  audit_chain: AuditChainTable;
  search_entries: SearchEntryTable;
  rank_texts: RankTextTable;
  store_meta: StoreMetaTable;
  users: UserTable;
  sessions: SessionTable;
  supervision_ledgers: SupervisionLedgerTable;
  supervision_items: SupervisionItemTable;
  supervision_item_units: SupervisionItemUnitTable;
  supervision_reports: SupervisionReportTable;
  supervision_attachments: SupervisionAttachmentTable;
  supervision_extensions: SupervisionExtensionTable;
  supervision_notices: SupervisionNoticeTable;
  supervision_bulletins: SupervisionBulletinTable;
  supervision_rules: SupervisionRuleTable;
  supervision_ticks: SupervisionTickTable;
  office_leaders: OfficeLeaderTable;
  incoming_documents: IncomingDocumentTable;
  incoming_serials: IncomingSerialTable;
  incoming_instructions: IncomingInstructionTable;
  incoming_circulations: IncomingCirculationTable;
  incoming_reminders: IncomingReminderTable;
  incoming_assignments: IncomingAssignmentTable;
  incoming_urges: IncomingUrgeTable;
  unit_mailboxes: UnitMailboxTable;
  notice_mail: NoticeMailTable;
  calendar_arrangements: CalendarArrangementTable;
  incoming_archive_settings: IncomingArchiveSettingsTable;
  incoming_archive_counters: IncomingArchiveCounterTable;
  incoming_archives: IncomingArchiveTable;
}

// Imported holiday arrangements (migration 0017): one row per import, the one in force per year has replaced_at null.
export interface CalendarArrangementTable {
  id: Generated<number>;
  year: number;
  /** JSON: [{ name, days: ['YYYY-MM-DD', …] }] */
  holidays: Json;
  /** JSON: [{ date, name }] */
  workdays: Json;
  /** The notice's text as read. */
  source_text: string;
  file_name: string | null;
  document_id: number | null;
  imported_at: string;
  imported_by: string;
  /** When a newer import of the year replaced this one; null while in force. */
  replaced_at: string | null;
}

// 收文登记 (migration 0015). See src/workflow/incoming.ts for what the values mean.
export interface IncomingDocumentTable {
  id: Generated<number>;
  /** The 运转号 series: 党, 政 … */
  series: string;
  /** The year of the series (of received_on). */
  year: number;
  /** The 运转号 within series and year, from 1. */
  serial: number;
  /** The 运转号 as printed on the slip: （党）198号. */
  serial_label: string;
  /** 来文方式 (内网, 纸质, 交换系统 …). */
  channel: string | null;
  from_unit: string | null;
  doc_number: string | null;
  title: string;
  secrecy: string | null;
  urgency: string | null;
  /** 收文日期 (YYYY-MM-DD). */
  received_on: string;
  /** 签收: the instant the registration was made. */
  received_at: string;
  /** 成文日期 of the document. */
  signed_on: string | null;
  /** 公开属性. */
  openness: string | null;
  /** JSON: string[] */
  attachments: ColumnType<Json, Json | undefined, Json>;
  leader_instruction: string | null;
  office_opinion: string | null;
  handler: string | null;
  reviewer: string | null;
  office: string | null;
  phone: string | null;
  /** JSON: RoutingProposal, null until there is one. */
  proposal: Json | null;
  /** 办件 | 阅件, set at 初审. */
  kind: string | null;
  /** IncomingState */
  state: string;
  /** Why it was returned to the sender (退回), or the note of the latest review. */
  state_note: string | null;
  /** The document in the library; no foreign key (a re-import may replace it). */
  document_id: number | null;
  file_name: string;
  /** SHA-256 of the registered file. */
  file_hash: string;
  /** 文号 | 发文机关, normalised: one of the two keys a second registration is caught by. */
  match_key: string | null;
  /** The document's text fingerprint (src/store/identity.ts): the other key. */
  fingerprint: string | null;
  /** The first registration of the same document, when this one was registered anyway. */
  duplicate_of: number | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  /** Bumped by every write: a command that loaded an older version refuses to overwrite. */
  version: ColumnType<number, number | undefined, number>;
  /** JSON: SubmittedProposal (src/workflow/instruct.ts), the 拟办意见 the clerk submitted (migration 0018). */
  submitted_proposal: ColumnType<Json | null, Json | null | undefined, Json | null>;
  /** The 督办 ledger its 分办 opened from the document (migration 0021). */
  ledger_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** 办结: when, by whom, with the office's note (migration 0021). */
  concluded_at: ColumnType<string | null, string | null | undefined, string | null>;
  concluded_by: ColumnType<string | null, string | null | undefined, string | null>;
  conclusion: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IncomingSerialTable {
  series: string;
  year: number;
  /** The last 运转号 given in the series and year. */
  last: number;
}

// 批示 and 传阅 (migration 0018). See src/workflow/instruct.ts for what the values mean.
export interface IncomingInstructionTable {
  id: Generated<number>;
  incoming_id: number;
  /** The submitted 拟办 this turn belongs to, from 1. */
  round: number;
  /** Order of the turn within its round. */
  seq: number;
  /** InstructionMode: sequence | parallel */
  mode: string;
  /** The leader's user name. */
  leader: string;
  /** The leader's display name when the turn was made. */
  leader_name: string;
  /** StepState: waiting | pending | done | cancelled */
  state: string;
  /** StepAction: instruct | circle | pass | return, once done. */
  action: string | null;
  text: string | null;
  /** The leader who passed the document on to this one. */
  passed_from: string | null;
  created_at: string;
  acted_at: string | null;
}

export interface IncomingCirculationTable {
  id: Generated<number>;
  incoming_id: number;
  /** user | unit */
  recipient_kind: string;
  /** A user name, or a canonical unit of the directory. */
  recipient: string;
  recipient_name: string;
  /** RecipientState: unread | opened | read */
  state: string;
  sent_at: string;
  sent_by: string;
  opened_at: string | null;
  opened_by: string | null;
  read_at: string | null;
  read_by: string | null;
  recalled_at: string | null;
  recalled_by: string | null;
}

export interface IncomingReminderTable {
  id: Generated<number>;
  circulation_id: number;
  at: string;
  by: string;
}

// 分办, 承办 and 催办 (migration 0021). See src/workflow/assignment.ts for what the values mean.
export interface IncomingAssignmentTable {
  id: Generated<number>;
  incoming_id: number;
  /** Order within the 分办: the 主办 unit first. */
  seq: number;
  /** A canonical unit of the directory. */
  unit: string;
  /** AssignmentRole: lead | cooperate */
  role: string;
  /** AssignmentState: pending | accepted | replied */
  state: string;
  /** YYYY-MM-DD */
  deadline: string;
  /** DeadlineSource: given | document | default */
  deadline_source: string;
  assigned_at: string;
  assigned_by: string;
  accepted_at: string | null;
  accepted_by: string | null;
  replied_at: string | null;
  replied_by: string | null;
  reply: string | null;
}

export interface IncomingUrgeTable {
  id: Generated<number>;
  assignment_id: number;
  at: string;
  by: string;
  /** The scheduler's 催办: auto:<assignment id>, unique; null for the office's own. */
  auto_key: string | null;
}

// Mail of 督办文书 (migration 0020).
export interface UnitMailboxTable {
  id: Generated<number>;
  /** The canonical unit. */
  unit: string;
  /** Null: the unit gets no mail (an address was removed). */
  address: string | null;
  set_at: string;
  set_by: string;
  /** Set when a newer row replaced this one; the current row has null. */
  replaced_at: string | null;
}

export interface NoticeMailTable {
  id: Generated<number>;
  notice_id: number;
  address: string;
  attempted_at: string;
  /** 1 sent, 0 refused or failed. */
  sent: number;
  /** Why it failed (Chinese), from the mailer. */
  error: string | null;
}

// 归档 of incoming documents (migration 0022). See src/workflow/archive.ts for what the values mean.
export interface IncomingArchiveSettingsTable {
  id: Generated<number>;
  /** 全宗号. */
  fonds_code: string;
  /** 全宗名称. */
  fonds_name: string;
  /** JSON: { code, name }[], the 机构（问题） classes; [] when the office does not use the level. */
  units: ColumnType<Json, Json | undefined, Json>;
  /** JSON: { 办件, 阅件, 退回 } → Retention. */
  defaults: Json;
  set_at: string;
  set_by: string;
  /** Set when newer settings replaced these; the row in force has null. */
  replaced_at: string | null;
}

export interface IncomingArchiveCounterTable {
  fonds_code: string;
  year: number;
  /** Retention: 永久 | 30年 | 10年 */
  retention: string;
  /** '' when the office has no 机构（问题） level. */
  unit_code: string;
  /** The last 件号 given. */
  last: number;
}

export interface IncomingArchiveTable {
  id: Generated<number>;
  incoming_id: number;
  fonds_code: string;
  year: number;
  retention: string;
  /** '' when the office has no 机构（问题） level. */
  unit_code: string;
  /** 件号. */
  item: number;
  /** 档号 as printed: X001-WS·2026-D30-0012. */
  code: string;
  /** 责任者: the 来文单位. */
  responsible: string | null;
  doc_number: string | null;
  /** 题名. */
  title: string;
  /** 日期 (YYYY-MM-DD): 成文日期, else 收文日期. */
  doc_date: string;
  secrecy: string | null;
  pages: number | null;
  note: string | null;
  /** The settings row in force when it was filed. */
  settings_id: number;
  archived_at: string;
  archived_by: string;
}
