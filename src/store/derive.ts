// What the store keeps of one parsed file, computed before any database work so the transaction
// that writes it is short: document bodies, kinds, validity, references and search texts.
// Pure: text and ParseResult in, plain records out.
import { classifyFile, type DocumentClass } from '../classify/index.ts';
import { identityKey, textFingerprint } from './identity.ts';
import { addCalendarDays, daysInMonth, isIsoDate, lastDayOfMonth, type IsoDate } from '../calendar/iso-date.ts';
import { extractReferences, issuedTitle, titleKey, type DocumentReference } from '../links/extract.ts';
import { readValidity, type Validity } from '../links/validity.ts';
import { prepare } from '../parse/prepare.ts';
import type { Appointment, ChronicleEntry, DocumentRecord, ParseResult, Task, Unit } from '../types.ts';
import { reflow } from '../text/reflow.ts';
import { DOC_TYPE_END } from '../text/markers.ts';
import type { TextLine } from '../text/lines.ts';

export interface DerivedDocument {
  record: DocumentRecord;
  body: string;
  titleKey: string;
  issuedTitleKey: string | null;
  docKind: string | null;
  issuedKind: string | null;
  validity: Validity;
  references: DocumentReference[];
  /** Access, topics, 惠企 (src/classify). */
  classification: DocumentClass;
  /** What the document is known by apart from its file (identity.ts). */
  identityKey: string | null;
  textFingerprint: string | null;
}

export interface DerivedFile {
  result: ParseResult;
  documents: DerivedDocument[];
}

/** The 文种 a title ends with (通知, 意见, 方案 …), or null. */
export function kindOfTitle(title: string): string | null {
  return DOC_TYPE_END.exec(title.replace(/[》”"）)\s]+$/, ''))?.[1] ?? null;
}

/**
 * Each document's text: the cleaned lines of its span (page markers and running headers gone),
 * reflowed into paragraphs, one per line. The parser keeps line numbers, not text, so the text
 * is rebuilt from the same cleaned lines it read.
 */
export function documentBodies(raw: string, documents: readonly DocumentRecord[]): string[] {
  if (documents.length === 0) return [];
  return bodiesFromLines(prepare(raw).lines, documents);
}

/** The bodies of `documents` from the cleaned lines they were parsed from (a whole file's, or a window's: src/parse/windows.ts). */
export function bodiesFromLines(lines: readonly TextLine[], documents: readonly DocumentRecord[]): string[] {
  const bodies: string[] = [];
  let at = 0;
  for (const doc of documents) {
    // Documents come in file order; a cursor keeps this linear in the number of lines.
    while (at > 0 && lines[at - 1]!.line >= doc.line) at--;
    while (at < lines.length && lines[at]!.line < doc.line) at++;
    const span: TextLine[] = [];
    let k = at;
    while (k < lines.length && lines[k]!.line <= doc.endLine) span.push(lines[k++]!);
    bodies.push(reflow(span).map((p) => p.text).join('\n'));
  }
  return bodies;
}

export function deriveFile(raw: string, result: ParseResult): DerivedFile {
  const bodies = documentBodies(raw, result.documents);
  const classes = classifyFile(raw, result, bodies);
  return { result, documents: result.documents.map((record, i) => deriveDocument(record, bodies[i] ?? '', classes[i]!)) };
}

/** One document's derived record, its classification given. */
export function deriveDocument(record: DocumentRecord, body: string, classification: DocumentClass): DerivedDocument {
  const issued = issuedTitle(record.title);
  return {
    record,
    body,
    titleKey: titleKey(record.title),
    issuedTitleKey: issued === null ? null : titleKey(issued),
    docKind: kindOfTitle(record.title),
    issuedKind: issued === null ? null : kindOfTitle(issued),
    validity: readValidity({ title: issued ?? record.title, date: record.date, body }),
    references: extractReferences({ docNumber: record.docNumber, title: record.title, body }),
    classification,
    identityKey: identityKey(record),
    textFingerprint: textFingerprint(body),
  };
}

const ACTION_WORD: Record<Appointment['action'], string> = { appoint: '任', remove: '免去', second: '挂职' };

/** How an appointment reads in search results: 马力蛟 任 市水务局副局长（试用期一年）. */
export function appointmentText(a: Appointment): string {
  const extra = [a.probation ? '试用期' : null, a.retired ? `退休时间${a.retired}` : null, a.years ? `挂职${a.years}年` : null].filter((x) => x !== null);
  return `${a.person} ${ACTION_WORD[a.action]} ${a.post}${extra.length > 0 ? `（${extra.join('，')}）` : ''}`;
}

function chineseDate(iso: string): string {
  const m = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1] === '-' ? '' : `${m[1]}年`}${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * The day a chronicle date stands for. The parser keeps a 29 February the year does not have
 * (with a warning), so the days past a month's end run on into the next month: 2023-02-29 stands
 * for 03-01. Null when the text is no date.
 */
function chronicleDay(date: string): IsoDate | null {
  if (isIsoDate(date)) return date;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return null;
  return addCalendarDays(lastDayOfMonth(year, month), day - daysInMonth(year, month));
}

/**
 * The date line a chronicle entry is found by: 2023年7月14日, and for a range every day of it
 * (7月3日 7月4日 …, at most a month), so a question about one day finds the entries that cover it.
 */
export function chronicleDateText(e: ChronicleEntry): string {
  const first = chineseDate(e.date);
  if (!e.endDate || !/^\d{4}-/.test(e.date) || !/^\d{4}-/.test(e.endDate)) return first;
  const start = chronicleDay(e.date);
  if (start === null) return first;
  const days: string[] = [first];
  for (let i = 1; i <= 31; i++) {
    const iso = addCalendarDays(start, i);
    if (iso > e.endDate) break;
    days.push(chineseDate(iso));
  }
  return days.join(' ');
}

/** All units a task names, in the |a|b| form the search filter matches. */
export function unitsField(units: readonly Unit[]): string {
  const names = new Set<string>();
  for (const u of units) {
    names.add(u.name);
    if (u.canonical) names.add(u.canonical);
  }
  return names.size === 0 ? '' : `|${[...names].join('|')}|`;
}

export function taskUnits(task: Task): Unit[] {
  return [...task.leads, ...task.responsible, ...task.cooperating];
}
