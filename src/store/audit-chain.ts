// Verifying the audit chain (audit.ts writes it): every event, in id order, must name the hash
// of the event before it and hash to its own, and the last must be the head that audit_chain
// records. The first place where that fails is reported, with what most likely happened there:
// an event changed, deleted, inserted or moved. Tampering by someone who can also recompute
// every later hash and the head is not caught here: for that, note the head hash this reports
// (duban audit verify prints it) somewhere the database's users cannot reach, and compare.
//
// Reading needs no transaction: the head is read first and the events up to it are checked;
// events written meanwhile lie after that head and are checked against the head read again.
import type { Kysely, Transaction } from 'kysely';
import { chainHash } from './audit.ts';
import { GENESIS_V1, type ChainedFieldsV1 } from './migrations/audit-chain-v1.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type ChainBreakKind = 'changed' | 'deleted' | 'inserted' | 'swapped' | 'head';

export interface ChainBreak {
  /** The event where the chain breaks (null when the head record itself is gone). */
  id: number | null;
  kind: ChainBreakKind;
  /** What happened there, in Chinese, for a person. */
  reason: string;
}

export interface ChainVerdict {
  ok: boolean;
  /** Events checked (all of them when ok). */
  count: number;
  /** The hash of the last event checked: the chain's head when ok (GENESIS for an empty chain). */
  head: string;
  firstBad?: ChainBreak;
}

type Row = ChainedFieldsV1 & { id: number; prev_hash: string | null; hash: string | null };

const PAGE = 2000;
/** How often the head is read again while writers keep appending before the check stops at the last head read. */
const HEAD_ROUNDS = 5;

const n = (v: number | string | null): number | null => (v === null ? null : Number(v));

async function readHead(db: Db): Promise<{ lastId: number | null; hash: string; length: number } | undefined> {
  const h = await db.selectFrom('audit_chain').select(['last_id', 'hash', 'length']).where('id', '=', 1).executeTakeFirst();
  return h && { lastId: n(h.last_id), hash: h.hash, length: Number(h.length) };
}

async function eventsAfter(db: Db, after: number | null, upTo: number | null, limit: number): Promise<Row[]> {
  let q = db.selectFrom('audit_events').select(['id', 'at', 'actor', 'actor_id', 'ip', 'action', 'entity', 'entity_id', 'before', 'after', 'prev_hash', 'hash']);
  if (after !== null) q = q.where('id', '>', after);
  if (upTo !== null) q = q.where('id', '<=', upTo);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

const what = (r: Row) => `${r.at} ${r.actor} ${r.action}`;

/** Why the event `row` does not link to `prev` (the event before it, null for the first). */
async function brokenLink(db: Db, prev: Row | null, row: Row): Promise<ChainBreak> {
  if (row.prev_hash === GENESIS_V1 && prev !== null) {
    // `row` starts the chain: the events before it were put there afterwards.
    const first = await db.selectFrom('audit_events').select('id').orderBy('id').executeTakeFirstOrThrow();
    const id = Number(first.id);
    return { id, kind: 'inserted', reason: `第 ${id} 号事件不在审计链上（链从第 ${row.id} 号开始）：它是绕过督办插入的` };
  }
  const linked = await db.selectFrom('audit_events').select('id').where('hash', '=', row.prev_hash).orderBy('id').executeTakeFirst();
  if (linked !== undefined && Number(linked.id) > row.id)
    return { id: row.id, kind: 'swapped', reason: `第 ${row.id} 号事件（${what(row)}）在链上接在第 ${Number(linked.id)} 号之后：事件的次序被调换过` };
  if (linked !== undefined) {
    // The chain skips from `linked` to `row`: the events between them were put there afterwards.
    const first = await db.selectFrom('audit_events').select('id').where('id', '>', Number(linked.id)).orderBy('id').executeTakeFirstOrThrow();
    const id = Number(first.id);
    return { id, kind: 'inserted', reason: `第 ${id} 号事件不在审计链上（链从第 ${Number(linked.id)} 号直接接到第 ${row.id} 号）：它是绕过督办插入的` };
  }
  if (chainHash(row.prev_hash!, row) !== row.hash)
    return { id: row.id, kind: 'changed', reason: `第 ${row.id} 号事件（${what(row)}）的链接与内容都与哈希不符：事件被改动过` };
  // The event itself is intact; what it follows is not there any more.
  const gap = prev === null ? row.id > 1 : row.id > prev.id + 1;
  if (prev === null)
    return { id: row.id, kind: 'deleted', reason: `第 ${row.id} 号事件之前的事件被删除了：它是现存的第一条，却不是链的开头` };
  return gap
    ? { id: row.id, kind: 'deleted', reason: `第 ${prev.id} 号与第 ${row.id} 号事件之间的事件被删除了（或第 ${prev.id} 号被改动后重算了哈希）` }
    : { id: prev.id, kind: 'changed', reason: `第 ${prev.id} 号事件（${what(prev)}）被改动后重算了哈希，与其后第 ${row.id} 号事件记下的不符` };
}

/** Checks the whole chain; the first break found, in id order. */
export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  let head = await readHead(db);
  if (head === undefined) return { ok: false, count: 0, head: GENESIS_V1, firstBad: { id: null, kind: 'head', reason: '审计链的链头记录（audit_chain）不见了：数据库被绕过督办改动过' } };
  let prev: Row | null = null;
  let count = 0;
  const broken = (firstBad: ChainBreak): ChainVerdict => ({ ok: false, count, head: prev?.hash ?? GENESIS_V1, firstBad });

  for (let round = 0; ; round++) {
    // The events up to the head as read.
    for (;;) {
      const rows = await eventsAfter(db, prev?.id ?? null, head.lastId ?? 0, PAGE);
      for (const row of rows) {
        if (row.prev_hash === null || row.hash === null)
          return broken({ id: row.id, kind: 'inserted', reason: `第 ${row.id} 号事件（${what(row)}）没有链哈希：它不是督办写入的，是直接插入数据库的` });
        if (row.prev_hash !== (prev?.hash ?? GENESIS_V1)) return broken(await brokenLink(db, prev, row));
        if (chainHash(row.prev_hash, row) !== row.hash) return broken({ id: row.id, kind: 'changed', reason: `第 ${row.id} 号事件（${what(row)}）的内容与其哈希不符：事件被改动过` });
        prev = row;
        count++;
      }
      if (rows.length < PAGE) break;
    }
    // The last event checked must be the head.
    const lastId = prev?.id ?? null;
    if (lastId !== head.lastId) {
      if (head.lastId !== null && (lastId === null || lastId < head.lastId))
        return broken({ id: head.lastId, kind: 'deleted', reason: `链尾的事件被删除了：链头记录的最后一条是第 ${head.lastId} 号，现存的到第 ${lastId ?? 0} 号为止` });
      return broken({ id: lastId, kind: 'head', reason: '审计链的链头记录被改动过，与现存的事件不符' });
    }
    if ((prev?.hash ?? GENESIS_V1) !== head.hash || count !== head.length) {
      if (prev !== null && (prev.hash !== head.hash))
        return broken({ id: prev.id, kind: 'changed', reason: `第 ${prev.id} 号事件（${what(prev)}）被改动后重算了哈希，与链头记录的不符` });
      return broken({ id: lastId, kind: 'head', reason: `审计链的链头记录了 ${head.length} 条事件，现存 ${count} 条：链头记录或事件被改动过` });
    }
    // Events after the head: written since it was read (then the head has moved past them), or
    // put there behind Duban's back.
    const beyond = await eventsAfter(db, head.lastId, null, 1);
    if (beyond.length === 0) return { ok: true, count, head: head.hash };
    const again = await readHead(db);
    if (again === undefined) return broken({ id: null, kind: 'head', reason: '审计链的链头记录（audit_chain）不见了：数据库被绕过督办改动过' });
    if (again.lastId === null || again.lastId < beyond[0]!.id) {
      const row = beyond[0]!;
      return broken({ id: row.id, kind: 'inserted', reason: `第 ${row.id} 号事件（${what(row)}）在链头之后，不在审计链上：它是绕过督办插入的` });
    }
    if (round + 1 >= HEAD_ROUNDS) return { ok: true, count, head: head.hash }; // writers keep appending: checked up to the last head read
    head = again;
  }
}

