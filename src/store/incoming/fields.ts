// What a registration is filled with, read from the parsed file: the routing slip a routed
// document carries (seed 002) first, the document itself for what the slip leaves empty, the
// clerk's choices and today for the rest. Pure: a parse result and its text in, fields out.
import { isFragment } from '../recognised.ts';
import { documentBodies } from '../derive.ts';
import { identityKey, identityLetters, textFingerprint } from '../identity.ts';
import type { DocumentRecord, ParseResult, RoutingProposal } from '../../types.ts';
import { headUrgency } from '../../workflow/incoming.ts';

export interface RegistrationFields {
  fromUnit: string | null;
  docNumber: string | null;
  title: string;
  secrecy: string | null;
  urgency: string | null;
  receivedOn: string | null;
  channel: string | null;
  signedOn: string | null;
  openness: string | null;
  attachments: string[];
  leaderInstruction: string | null;
  officeOpinion: string | null;
  handler: string | null;
  reviewer: string | null;
  office: string | null;
  phone: string | null;
  proposal: RoutingProposal | null;
  /** The 运转号 the slip already carries (（党）198号), for the register to adopt. */
  slipSerial: string | null;
}

export interface RegisteredDocument {
  /** Position of the registered document among the file's documents. */
  index: number;
  record: DocumentRecord;
  /** How the library knows it (identity.ts), to find the stored row. */
  identityKey: string | null;
  textFingerprint: string | null;
}

/** The document a registration is about: the file's first that is not a fragment (a stray head line such as 特急 parses as one). */
export function registeredDocument(text: string, result: ParseResult): RegisteredDocument | null {
  const index = result.documents.findIndex((d) => !isFragment(d));
  if (index < 0) return null;
  const record = result.documents[index]!;
  const body = documentBodies(text, result.documents)[index] ?? '';
  return { index, record, identityKey: identityKey(record), textFingerprint: textFingerprint(body) };
}

/** The lines above a document's title and a little below it: where 份号, 密级 and 紧急程度 are printed. */
function headOf(text: string, record: DocumentRecord): string[] {
  const lines = text.split('\n');
  const end = Math.min(lines.length, record.line + 2);
  return lines.slice(Math.max(0, end - 30), end);
}

export function registrationFields(text: string, result: ParseResult, doc: RegisteredDocument): RegistrationFields {
  const slip = result.routingSlip;
  const d = doc.record;
  const pick = <T>(fromSlip: T | null | undefined, fromDoc: T | null): T | null => (fromSlip !== null && fromSlip !== undefined ? fromSlip : fromDoc);
  return {
    fromUnit: pick(slip?.fromUnit, d.issuer.length > 0 ? d.issuer.join('、') : null),
    docNumber: pick(slip?.docNumber, d.docNumber),
    title: pick(slip?.title, d.title.trim() === '' ? null : d.title) ?? '（无标题）',
    secrecy: slip?.secrecy ?? null,
    urgency: pick(slip?.urgency, headUrgency(headOf(text, d))),
    receivedOn: slip?.receivedOn ?? null,
    channel: slip?.channel ?? null,
    signedOn: d.date,
    openness: d.publicity,
    attachments: d.attachments,
    leaderInstruction: slip?.leaderInstruction ?? null,
    officeOpinion: slip?.officeOpinion ?? null,
    handler: slip?.handler ?? null,
    reviewer: slip?.reviewer ?? null,
    office: slip?.office ?? null,
    phone: slip?.phone ?? null,
    proposal: slip?.proposal ?? null,
    slipSerial: slip?.serial ?? null,
  };
}

/**
 * 文号 | 发文机关, normalised: what makes two registrations one document when their texts differ
 * (a scan and the electronic copy). The document's own issuers are used when it names them (the
 * slip's 来文单位 may be the sender's office rather than the issuer), else the 来文单位. Null
 * without a 文号: a title and a sender alone name many documents.
 */
export function matchKey(docNumber: string | null, record: DocumentRecord, fromUnit: string | null): string | null {
  const number = docNumber === null ? '' : identityLetters(docNumber);
  if (number === '') return null;
  const issuers = record.issuer.length > 0 ? [...new Set(record.issuer.map(identityLetters))].sort() : fromUnit === null ? [] : [identityLetters(fromUnit)];
  return `${number}|${issuers.join('、')}`;
}
