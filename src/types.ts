// The parse contract (SPEC "The parse contract"): what `duban parse FILE --json` prints.
// Every string here is simplified Chinese; `line` fields are 1-based line numbers of the
// original input, so a reader can always go back to the source.

export type FileKind = 'gazette' | 'compilation' | 'document' | 'routed-document';

export interface ParseWarning {
  code: string;
  message: string;
  line?: number;
}

export interface TocEntry {
  /** The TOC group the entry sits under (市政府文件, 人事任免 …), null when there is none. */
  section: string | null;
  title: string;
  page: number | null;
  line: number;
}

export interface IssueInfo {
  title: string;
  year: number | null;
  number: number | null;
  cumulative: number | null;
  /** Printed date as given: YYYY-MM-DD, or YYYY-MM when the day is not printed. */
  printed: string | null;
  publisher: string | null;
  toc: TocEntry[];
}

export interface Unit {
  name: string;
  canonical: string | null;
}

export interface Deadline {
  kind: 'date' | 'ongoing' | 'relative' | 'recurring' | 'within-year';
  date?: string;
  text: string;
}

export interface Target {
  text: string;
  value?: number;
  unit?: string;
  op?: string;
}

export interface Task {
  text: string;
  path: string[];
  leads: Unit[];
  responsible: Unit[];
  cooperating: Unit[];
  deadline: Deadline | null;
  targets: Target[];
  /** Original line of the clause (or table row) that closes the task. */
  line: number;
  /** True for a row of a table (indicator table, decision list). */
  table?: true;
}

export interface OutlineNode {
  /** The numbering as printed, normalised: 一、 （一） 1. （1） 第一章 第一条 1.1 … */
  label: string;
  heading: string;
  line: number;
  children: OutlineNode[];
}

export interface DocumentRecord {
  docNumber: string | null;
  title: string;
  issuer: string[];
  date: string | null;
  recipients: string[];
  publicity: string | null;
  attachments: string[];
  /** Distribution notes: （此件发至…）, 抄送：… */
  distribution: string[];
  /** Compilation headings the document sits under (三、华东, （一）上海), outermost first. */
  groups: string[];
  outline: OutlineNode[];
  tasks: Task[];
  /** First and last original line of the document. */
  line: number;
  endLine: number;
}

export type AppointmentAction = 'appoint' | 'remove' | 'second';

export interface Appointment {
  batch: string | null;
  person: string;
  action: AppointmentAction;
  post: string;
  probation?: true;
  retired?: string;
  years?: number;
  /** Remarks of the batch that are not decisions (以上同志任职时间从…起计算, …待履行法律程序后再对外公布). */
  notes?: string[];
  line: number;
}

export interface ChronicleEntry {
  date: string;
  endDate?: string;
  text: string;
  line: number;
}

export interface RoutingProposal {
  submitTo: string[];
  circulateTo: string[];
  approveBy: string[];
  lead: string | null;
  cooperating: string[];
  action: string | null;
  /** Further lead units when the proposal names more than one (请A、B牵头); `lead` holds the first. */
  coLeads?: string[];
  text: string;
}

export interface RoutingSlip {
  serial: string | null;
  fromUnit: string | null;
  receivedOn: string | null;
  urgency: string | null;
  docNumber: string | null;
  secrecy: string | null;
  channel: string | null;
  title: string | null;
  leaderInstruction: string | null;
  officeOpinion: string | null;
  handler: string | null;
  reviewer: string | null;
  office: string | null;
  phone: string | null;
  /** A bare date written into the 承办人 cell (7.21): the day the handler drafted the proposal, YYYY-MM-DD. */
  handledOn?: string;
  proposal: RoutingProposal | null;
  line: number;
}

/**
 * Where every original line went. A non-blank line is either dropped as layout (page markers,
 * running headers, the foreign-script cover line, table rules), inside a region, or listed as
 * unplaced (and warned about).
 */
export interface LineAccount {
  lineCount: number;
  dropped: { reason: string; lines: number[] }[];
  regions: { kind: string; line: number; endLine: number }[];
  unplaced: number[];
}

export interface ParseResult {
  source: string;
  kind: FileKind;
  issue: IssueInfo | null;
  documents: DocumentRecord[];
  appointments: Appointment[];
  chronicle: ChronicleEntry[];
  routingSlip: RoutingSlip | null;
  warnings: ParseWarning[];
  accounting: LineAccount;
}
