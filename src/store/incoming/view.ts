// A registration as the CLI (--json) and the API show it: the slip's fields named as the gold
// routing slip names them (fromUnit, docNumber, title, secrecy, urgency, receivedOn, channel …,
// proposal), `serial` the 运转号 as printed, and the registration's own facts around them.
import type { Selectable } from 'kysely';
import type { RoutingProposal } from '../../types.ts';
import type { IncomingKind, IncomingState } from '../../workflow/incoming.ts';
import type { IncomingDocumentTable } from '../schema.ts';

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
}

export function toView(r: Selectable<IncomingDocumentTable>): IncomingView {
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
  };
}
