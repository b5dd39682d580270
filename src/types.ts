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
  /**
   * YYYY-MM-DD. date: the day as written (3月底前 → the month's last day, year from the document
   * when the text omits it); within-year: 12-31; relative: computed from the document's date on
   * the official calendar. Absent when it cannot be known (no year, calendar not covering the year).
   */
  date?: string;
  /** The deadline's words as written, normalised: 3月底前, 收到通知后10个工作日内, 每季度25日前. */
  text: string;
  /** relative: the length of the period (5个工作日内 → 5). */
  amount?: number;
  /** relative: what `amount` counts; working days follow the official calendar with 调休. */
  unit?: 'day' | 'working-day' | 'week' | 'month' | 'year' | 'hour';
  /** relative: by how much the period may be extended (60日内，可延长60日 → 60), in `unit`. */
  extension?: number;
  /** relative: the event the period runs from when the text names one (收到通知后… → 收到通知). */
  from?: string;
  /** recurring: when each due date falls; expandRecurring turns it into dates. */
  rule?: {
    every: 'day' | 'working-day' | 'week' | 'half-month' | 'month' | 'quarter' | 'half-year' | 'year';
    /** Month inside the period: of the year (每年4月30日前 → 4), of the quarter (1–3), of the half-year (1–6). */
    month?: number;
    /** Day of that month; 'last' for 月底/月末/下旬. */
    day?: number | 'last';
    /** The n-th working day of the month instead of a day (每月前5个工作日, 每月结束后5个工作日内). */
    workingDay?: number;
    /** week: ISO weekday, 1 = Monday … 7 = Sunday. */
    weekday?: number;
    /** Time of day, HH:MM (每天上午10时前 → 10:00). */
    time?: string;
    /** The text says 左右: a usual day rather than a due day. */
    approximate?: true;
    /** The due day follows an event, not the calendar (每月在自治区反馈数据后次日): it has no dates of its own. */
    event?: string;
  };
  /** Why `date` is a guess or missing (year taken across a year end, no calendar for the year …), in Chinese, for a warning. */
  uncertain?: string;
}

export interface Target {
  text: string;
  value?: number;
  unit?: string;
  /**
   * How the value bounds what counts as done, as the words say: 达到/不低于/以上 '>=', 超过 '>',
   * 不超过/以内/以下 '<=', 低于 '<', 左右 '='. Absent when the text names no direction (a bare
   * table cell: whether 9% is a floor or a ceiling depends on the indicator).
   */
  op?: '>=' | '<=' | '=' | '>' | '<';
  /** Upper end of a range (10~15次 → value 10, upper 15). */
  upper?: number;
  /** The value is a change, not a level: 增长/提高/递增 → 'increase', 下降/减少 → 'decrease'. */
  change?: 'increase' | 'decrease';
  /** The change is per year (年均增长, 逐年递增, 年递增). */
  perYear?: true;
  /** A rank (排名不低于第5位): smaller is better, so op is read on the rank number ('<=' 5). */
  rank?: true;
  /** The year the target is for, when the sentence names it (到2025年，…). */
  year?: number;
}

export interface Task {
  text: string;
  path: string[];
  leads: Unit[];
  responsible: Unit[];
  cooperating: Unit[];
  /**
   * Persons the clause names beside the units (责任领导：张某、李某; 牵头市领导：…), as written.
   * Present only when the text names some. Not stored in the library yet (the task tables have no
   * column for it): `duban parse --json` shows it, and a ledger item is drafted without it.
   */
  leaders?: string[];
  deadline: Deadline | null;
  targets: Target[];
  /** Original line of the clause (or table row) that closes the task. */
  line: number;
  /** True for a row of a table (indicator table, decision list). */
  table?: true;
  /** For a routed document: the receiving office's units that take the task up. */
  receiverUnits?: string[];
}

export interface Duty {
  /** The lead department(s) of the row the duty comes from. */
  lead: Unit[];
  /** The department(s) the duty binds. */
  units: Unit[];
  role: 'lead' | 'cooperating';
  text: string;
  /** A deadline the duty's text sets (usually recurring: 每月3日前). */
  deadline: Deadline | null;
  line: number;
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
  /** Standing duties from a table of 职责分工 (lead and cooperating departments' ongoing duties). */
  duties: Duty[];
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
  /**
   * The receiving office's own units for the tasks of the routed document, as its unit mapping
   * gives them (the city's 市委组织部 → the zone's 党群工作部): a draft the clerk compares with the
   * proposal. Null when the directory knows no receiver for this slip.
   */
  plan?: ReceiverAssignment | null;
  line: number;
}

export interface ReceiverAssignment {
  receiver: string;
  /** The receiver's units, each once, in the order the tasks name the sender's units. */
  units: string[];
  /** Sender's units (as written) the receiver has no unit for: left to the office. */
  unmapped: string[];
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
