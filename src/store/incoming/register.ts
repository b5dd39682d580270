// 签收 and 登记: a received file becomes a registration with its 运转号.
//   1. The file is read and parsed as any input (src/input, the pipeline), and stored in the
//      library through the import (src/store/import.ts: its refusals stand — a classified
//      document, 密级 秘密/机密/绝密, is refused here as the library refuses it; a document the
//      library holds already is linked, not stored again).
//   2. The registration is filled from the document's routing slip when it carries one (seed
//      002's 文件批办单), from the document for what the slip leaves empty (fields.ts), and from
//      the clerk's choices (series, 来文方式) and today (收文日期) for the rest.
//   3. In one transaction: the same document registered before (same 文号 and 发文机关, or the same
//      text) is refused unless forced, the 运转号 is taken from its series (serials.ts), the row and
//      its audit event are written.
// The library import commits before the registration's transaction: a registration that then
// fails leaves the document in the library (where a later registration finds it), never a
// registration without its document.
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Clock } from '../../calendar/clock.ts';
import { DEFAULT_LIMITS, type InputLimits } from '../../input/limits.ts';
import { InputError, readBytes } from '../../input/read.ts';
import { parseText } from '../../pipeline.ts';
import type { ParseWarning } from '../../types.ts';
import { DEFAULT_SERIES, normalizeSeries, parseSerialLabel, serialLabel } from '../../workflow/incoming.ts';
import { recordAudit, type Actor } from '../audit.ts';
import type { Dialect } from '../dialect.ts';
import { finishImports, importBytes, uploadPath, type ImportStatus } from '../import.ts';
import type { Store } from '../open.ts';
import type { Database } from '../schema.ts';
import { IncomingError } from './errors.ts';
import { matchKey, registeredDocument, registrationFields } from './fields.ts';
import { takeSerial } from './serials.ts';
import { toView, type IncomingView } from './view.ts';

export interface RegisterOptions {
  actor: Actor;
  clock: Clock;
  /** The 运转号 series (党, 政 …); else the slip's, else DEFAULT_SERIES. */
  series?: string | null;
  /** 来文方式 when the slip names none (内网, 纸质, 交换系统 …). */
  channel?: string | null;
  /** Register a document registered before anyway, linked to the first registration. */
  force?: boolean;
  limits?: InputLimits;
}

export interface ReceivedFile {
  bytes: Buffer;
  name: string;
  /** The path the library knows the file by (the command line's absolute path); an upload's by default. */
  path?: string;
}

export interface Registration {
  incoming: IncomingView;
  /** What the library made of the file: imported, or already there (unchanged, duplicate). */
  library: ImportStatus;
  warnings: ParseWarning[];
}

/** Locks the registration's keys on PostgreSQL (two registrations of one document at once: the second sees the first). */
async function lockKeys(trx: Transaction<Database>, dialect: Dialect, keys: readonly (string | null)[]): Promise<void> {
  if (dialect !== 'postgres') return;
  const locks = [...new Set(keys.filter((k): k is string => k !== null).map((k) => BigInt.asIntN(64, BigInt(`0x${createHash('sha256').update(`incoming:${k}`).digest('hex').slice(0, 16)}`))))]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map(String);
  if (locks.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(k) FROM (SELECT k FROM unnest(${locks}::bigint[]) AS k ORDER BY k) AS ordered`.execute(trx);
}

export function duplicateMessage(first: IncomingView): string {
  return `该公文已登记：运转号 ${first.serial}，收文日期 ${first.receivedOn}，《${first.title}》；未重复登记。如确需再次登记（如同一公文经另一渠道再次来文），请强制登记（命令行 --force）`;
}

export async function registerIncoming(store: Store, file: ReceivedFile, options: RegisterOptions): Promise<Registration> {
  const { actor, clock } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  let series: string | null = null;
  if (options.series !== undefined && options.series !== null) {
    series = normalizeSeries(options.series);
    if (series === null) throw new IncomingError('invalid', `运转号系列“${options.series}”无效：应为一至六个汉字，如 党、政`);
  }

  let text: string;
  try {
    text = (await readBytes(file.bytes, file.name, limits)).text;
  } catch (e) {
    if (e instanceof InputError) throw new IncomingError('unreadable', e.message);
    throw e;
  }
  const result = parseText(text, file.name);
  const path = file.path ?? uploadPath(file.bytes, file.name);
  const imported = await importBytes(store, { bytes: file.bytes, name: file.name, path }, clock, { actor, limits });
  if (imported.status === 'failed') throw new IncomingError('unreadable', imported.message ?? '文件无法读取');
  if (imported.status === 'refused') throw new IncomingError('refused', `不予登记：${imported.message ?? ''}`);
  await finishImports(store, [imported]);

  const doc = registeredDocument(text, result);
  if (doc === null) throw new IncomingError('refused', '不予登记：文件中没有可登记的公文（没有标题、发文字号、发文机关或成文日期）');
  const fields = registrationFields(text, result, doc);
  const slipSerial = fields.slipSerial === null ? null : parseSerialLabel(fields.slipSerial);
  series ??= slipSerial?.series ?? DEFAULT_SERIES;
  const receivedOn = fields.receivedOn ?? clock.today();
  const year = Number(receivedOn.slice(0, 4));
  const key = matchKey(fields.docNumber, doc.record, fields.fromUnit);
  const fingerprint = doc.textFingerprint;
  const warnings: ParseWarning[] = [...result.warnings];
  const hash = createHash('sha256').update(file.bytes).digest('hex');

  const incoming = await store.db.transaction().execute(async (trx) => {
    await lockKeys(trx, store.dialect, [key, fingerprint]);
    const stored = await storedDocumentId(trx, doc.identityKey, fingerprint);
    const first = await firstRegistration(trx, key, fingerprint);
    if (first !== null && options.force !== true) throw new IncomingError('duplicate', duplicateMessage(first), first);
    const wanted = slipSerial !== null && slipSerial.series === series ? slipSerial.serial : null;
    const taken = await takeSerial(trx, series, year, wanted);
    if (taken.wantedTaken) {
      warnings.push({ code: 'incoming-serial-taken', message: `批办单上的运转号 ${fields.slipSerial} 已被另一份收文使用，已改编为 ${serialLabel(series, taken.serial)}` });
    }
    const now = clock.now().toISOString();
    const row = await trx
      .insertInto('incoming_documents')
      .values({
        series,
        year,
        serial: taken.serial,
        serial_label: serialLabel(series, taken.serial),
        channel: fields.channel ?? (options.channel?.trim() || null),
        from_unit: fields.fromUnit,
        doc_number: fields.docNumber,
        title: fields.title,
        secrecy: fields.secrecy,
        urgency: fields.urgency,
        received_on: receivedOn,
        received_at: now,
        signed_on: fields.signedOn,
        openness: fields.openness,
        attachments: JSON.stringify(fields.attachments),
        leader_instruction: fields.leaderInstruction,
        office_opinion: fields.officeOpinion,
        handler: fields.handler,
        reviewer: fields.reviewer,
        office: fields.office,
        phone: fields.phone,
        proposal: fields.proposal === null ? null : JSON.stringify(fields.proposal),
        kind: null,
        state: 'registered',
        state_note: null,
        document_id: stored,
        file_name: file.name,
        file_hash: hash,
        match_key: key,
        fingerprint,
        duplicate_of: first === null ? null : (first.duplicateOf ?? first.id),
        created_at: now,
        created_by: actor.name,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = toView(row);
    await recordAudit(trx, { at: clock.now(), actor, action: 'incoming-register', entity: 'incoming_document', entityId: view.id, before: null, after: view });
    return view;
  });
  return { incoming, library: imported.status, warnings };
}

/** The library's row of the registered document (the first stored copy, as the import links copies to it). */
async function storedDocumentId(trx: Transaction<Database>, identity: string | null, fingerprint: string | null): Promise<number | null> {
  for (const [column, value] of [['identity_key', identity], ['text_fingerprint', fingerprint]] as const) {
    if (value === null) continue;
    const row = await trx.selectFrom('documents').select('id').where(column, '=', value).orderBy('id').limit(1).executeTakeFirst();
    if (row) return row.id;
  }
  return null;
}

/** The first live registration of the same document (a returned one does not count: the sender sends it again). */
async function firstRegistration(trx: Transaction<Database>, key: string | null, fingerprint: string | null): Promise<IncomingView | null> {
  if (key === null && fingerprint === null) return null;
  const row = await trx
    .selectFrom('incoming_documents')
    .selectAll()
    .where('state', '!=', 'returned')
    .where((eb) => eb.or([...(key === null ? [] : [eb('match_key', '=', key)]), ...(fingerprint === null ? [] : [eb('fingerprint', '=', fingerprint)])]))
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row ? toView(row) : null;
}
