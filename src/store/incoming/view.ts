// A registration as the CLI (--json) and the API show it: the slip's fields named as the gold
// routing slip names them (fromUnit, docNumber, title, secrecy, urgency, receivedOn, channel …,
// proposal), `serial` the 运转号 as printed, and the registration's own facts around them.
import type { Selectable } from 'kysely';
import type { RoutingProposal } from '../../types.ts';
import type { IncomingKind, IncomingState } from '../../workflow/incoming.ts';
import { pendingLeaders, type Step, type SubmittedProposal } from '../../workflow/instruct.ts';
import { circulating, circulationHolders, type RecipientKind, type RecipientState } from '../../workflow/circulation.ts';
import type { AssignmentRole, AssignmentState, DeadlineSource } from '../../workflow/assignment.ts';
import type { IncomingDocumentTable } from '../schema.ts';
import type { ArchiveRecordView } from './archive-view.ts';

/** One leader's turn of 批示, with its times: the core's turn (workflow/instruct.ts) as stored, so with its id. */
export type InstructionStepView = Omit<Step, 'id'> & { id: number };

/** One recipient of a 传阅: 未读 → 已读 (opened) → 已阅 (marked), with times, reminders, recall. */
export interface CirculationView {
  id: number;
  kind: RecipientKind;
  recipient: string;
  name: string;
  state: RecipientState;
  sentAt: string;
  sentBy: string;
  openedAt: string | null;
  openedBy: string | null;
  readAt: string | null;
  readBy: string | null;
  recalledAt: string | null;
  recalledBy: string | null;
  reminders: { at: string; by: string }[];
}

/** One unit a registration is assigned to (分办): 待承办 → 承办中 (签收) → 已答复, with its deadline and its 催办. */
export interface AssignmentView {
  id: number;
  /** A canonical unit of the directory. */
  unit: string;
  role: AssignmentRole;
  state: AssignmentState;
  deadline: string;
  deadlineSource: DeadlineSource;
  assignedAt: string;
  assignedBy: string;
  acceptedAt: string | null;
  acceptedBy: string | null;
  repliedAt: string | null;
  repliedBy: string | null;
  reply: string | null;
  /** Every 催办, the office's and the scheduler's (auto). */
  urges: { at: string; by: string; auto: boolean }[];
}

/** What happened after 初审: the submitted 拟办, the leaders' turns, the 传阅, the 分办 (progress.ts loads it). */
export interface IncomingProgress {
  instructions: InstructionStepView[];
  circulation: CirculationView[];
  /** Its 归档 record, once filed (src/store/incoming/archive.ts). */
  archive?: ArchiveRecordView | null;
  assignments: AssignmentView[];
}

export const NO_PROGRESS: IncomingProgress = { instructions: [], circulation: [], assignments: [] };

export interface IncomingView {
  id: number;
  /** 运转号 as printed: （党）198号. */
  serial: string;
  series: string;
  year: number;
  serialNumber: number;
  fromUnit: string | null;
  receivedOn: string;
  urgency: string | null;
  docNumber: string | null;
  secrecy: string | null;
  /** 来文方式 (内网, 纸质 …). */
  channel: string | null;
  title: string;
  leaderInstruction: string | null;
  officeOpinion: string | null;
  handler: string | null;
  reviewer: string | null;
  office: string | null;
  phone: string | null;
  proposal: RoutingProposal | null;
  /** 成文日期. */
  signedOn: string | null;
  /** 公开属性. */
  openness: string | null;
  attachments: string[];
  kind: IncomingKind | null;
  state: IncomingState;
  /** Why it was returned, or the note of 初审. */
  stateNote: string | null;
  documentId: number | null;
  fileName: string;
  duplicateOf: number | null;
  /** 签收: when it was registered (an instant). */
  receivedAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
  /** The 拟办意见 the clerk submitted (the slip's own is `proposal`). */
  submittedProposal: SubmittedProposal | null;
  /** Every leader's turn, of every round, in order. */
  instructions: InstructionStepView[];
  /** Every recipient of its 传阅, recalled ones included. */
  circulation: CirculationView[];
  /** 传阅中: a recipient not recalled has not marked it 已阅. */
  circulating: boolean;
  /** Who holds it now: the leaders whose turn it is while it waits for 批示, else the recipients of its 传阅 who have not marked it 已阅, and, once assigned, the units that have not replied. */
  holders: string[];
  /** 归档: its 档号 and 保管期限 once filed, else null. */
  archive: ArchiveRecordView | null;
  /** The units it is assigned to (分办), the 主办 unit first. */
  assignments: AssignmentView[];
  /** The 督办 ledger its 分办 opened from the document's measures, or null. */
  ledgerId: number | null;
  /** 办结: when and by whom, with the office's note. */
  concludedAt: string | null;
  concludedBy: string | null;
  conclusion: string | null;
}

export function toView(r: Selectable<IncomingDocumentTable>, progress: IncomingProgress = NO_PROGRESS): IncomingView {
  const state = r.state as IncomingState;
  return {
    id: r.id,
    serial: r.serial_label,
    series: r.series,
    year: r.year,
    serialNumber: r.serial,
    fromUnit: r.from_unit,
    receivedOn: r.received_on,
    urgency: r.urgency,
    docNumber: r.doc_number,
    secrecy: r.secrecy,
    channel: r.channel,
    title: r.title,
    leaderInstruction: r.leader_instruction,
    officeOpinion: r.office_opinion,
    handler: r.handler,
    reviewer: r.reviewer,
    office: r.office,
    phone: r.phone,
    proposal: r.proposal === null ? null : (JSON.parse(r.proposal) as RoutingProposal),
    signedOn: r.signed_on,
    openness: r.openness,
    attachments: JSON.parse(r.attachments) as string[],
    kind: r.kind as IncomingKind | null,
    state: r.state as IncomingState,
    stateNote: r.state_note,
    documentId: r.document_id,
    fileName: r.file_name,
    duplicateOf: r.duplicate_of,
    receivedAt: r.received_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    version: r.version,
    submittedProposal: r.submitted_proposal === null || r.submitted_proposal === undefined ? null : (JSON.parse(r.submitted_proposal) as SubmittedProposal),
    instructions: progress.instructions,
    circulation: progress.circulation,
    circulating: circulating(progress.circulation),
    holders: state === 'proposed' ? pendingLeaders(progress.instructions) : [...new Set([...circulationHolders(progress.circulation), ...(state === 'assigned' ? progress.assignments.filter((a) => a.state !== 'replied').map((a) => a.unit) : [])])],
    archive: progress.archive ?? null,
    assignments: progress.assignments,
    ledgerId: r.ledger_id ?? null,
    concludedAt: r.concluded_at ?? null,
    concludedBy: r.concluded_by ?? null,
    conclusion: r.conclusion ?? null,
  };
}
