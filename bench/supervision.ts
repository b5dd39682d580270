// Supervision benchmark (issue 11: a tick ≤ 2 s, a bulletin ≤ 1 s at 10,000 items across 200
// units), on SQLite and PostgreSQL. The rows are written directly (as the commands would leave
// them): 10,000 open or finished items, deadlines spread over 2026, each with a lead unit, a
// responsible or cooperating unit, a monthly reporting cycle and a few reports. Measured: one
// day's tick (the previous working day already ticked), a catch-up tick over ten working days,
// October's bulletin (computed from every item, scores included), and the ledger page as the
// server answers it (listItems: filtered, ordered, paged, lights computed; p50 and p95 over the
// filters people use, the office's and a unit user's).
//
//   node --import tsx bench/supervision.ts [--items 10000] [--units 200] [--only sqlite|postgres] [--pg URL]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { addCalendarDays } from '../src/calendar/index.ts';
import { manualClock } from '../src/calendar/clock.ts';
import { openStore, type Store } from '../src/store/open.ts';
import type { Database } from '../src/store/schema.ts';
import { monthBulletin } from '../src/store/supervision-bulletin.ts';
import { loadRules } from '../src/store/supervision-rules.ts';
import { listItems, type ItemFilter, type ReadContext } from '../src/store/supervision/read.ts';
import { lightsBy } from '../src/workflow/lights.ts';
import { runTick } from '../src/store/supervision-tick.ts';
import { addWorkdays } from '../src/workflow/days.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const ITEMS = Number(option('--items') ?? 10_000);
const UNITS = Number(option('--units') ?? 200);
const ONLY = option('--only');
const PG_URL = option('--pg') ?? process.env.DUBAN_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

async function admin(text: string) {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** A small deterministic generator, so both engines get the same rows. */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

async function fill(db: Kysely<Database>) {
  const rnd = random(7);
  const unit = (i: number) => `测试单位${String(i).padStart(3, '0')}`;
  const at = '2026-01-05T01:00:00.000Z';
  const { id: ledger } = await db
    .insertInto('supervision_ledgers')
    .values({ title: '基准台账', source_kind: 'meeting', document_id: null, document_key: null, source_note: null, state: 'issued', created_at: at, created_by: 'bench', issued_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const BATCH = 500;
  for (let start = 0; start < ITEMS; start += BATCH) {
    await db.transaction().execute(async (trx) => {
      const rows = [];
      for (let i = start; i < Math.min(ITEMS, start + BATCH); i++) {
        const deadline = addCalendarDays('2026-02-01', Math.floor(rnd() * 330));
        const done = rnd() < 0.4;
        const claimed = addCalendarDays(deadline, Math.floor(rnd() * 20) - 12);
        rows.push({
          ledger_id: ledger, key: `bench:${i}`, seq: i + 1, text: `基准事项${i + 1}：推进重点项目建设`, source_text: null, source_path: '[]', source_line: null, source_task_id: null,
          state: done ? 'done' : 'working', deadline, original_deadline: null, deadline_text: null, targets: '[]', cycle: '{"kind":"monthly","day":5}',
          issued_on: '2026-01-10', claimed_on: done ? claimed : null, done_on: done ? claimed : null, state_note: null, review_note: null, created_at: at, updated_at: at,
        });
      }
      const ids = await trx.insertInto('supervision_items').values(rows).returning('id').execute();
      const units = [];
      const reports = [];
      for (const { id } of ids) {
        const lead = Math.floor(rnd() * UNITS);
        units.push({ item_id: id, role: 'lead', seq: 0, name: unit(lead), canonical: unit(lead), signed_at: at, signed_by: 'bench' });
        const other = (lead + 1 + Math.floor(rnd() * (UNITS - 1))) % UNITS;
        units.push({ item_id: id, role: rnd() < 0.5 ? 'responsible' : 'cooperating', seq: 1, name: unit(other), canonical: unit(other), signed_at: at, signed_by: 'bench' });
        for (let m = 2; m <= 9; m++) {
          if (rnd() < 0.3) continue;
          const day = `2026-${String(m).padStart(2, '0')}-0${1 + Math.floor(rnd() * 7)}`;
          reports.push({ item_id: id, unit: unit(lead), period: null, submitted_at: `${day}T02:00:00.000Z`, submitted_by: 'bench', progress: '按计划推进', problems: '', coordination: '', next_steps: '', percent: 50 });
        }
      }
      await trx.insertInto('supervision_item_units').values(units).execute();
      for (let i = 0; i < reports.length; i += 1000) await trx.insertInto('supervision_reports').values(reports.slice(i, i + 1000)).execute();
    });
  }
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  return [v, performance.now() - t];
}

/** The ledger page's queries, each timed `rounds` times: p50 and p95 of each and of all together. */
async function ledgerPage(db: Kysely<Database>, today: string, rounds = 20): Promise<string> {
  const lightOf = lightsBy(await loadRules(db));
  const office: ReadContext = { today, scope: null, lightOf };
  const unit: ReadContext = { today, scope: '测试单位007', lightOf };
  const page = (f: Partial<ItemFilter>): ItemFilter => ({ limit: 20, offset: 0, ...f });
  const cases: [string, ItemFilter, ReadContext][] = [
    ['first page', page({}), office],
    ['page 50', page({ offset: 980 }), office],
    ['办理中', page({ state: 'working' }), office],
    ['one unit', page({ unit: '测试单位042' }), office],
    ['overdue', page({ overdue: true }), office],
    ['red light', page({ light: 'red' }), office],
    ['yellow light', page({ light: 'yellow' }), office],
    ['text 重点项目', page({ q: '重点项目' }), office],
    ['a unit user', page({}), unit],
  ];
  const all: number[] = [];
  const lines: string[] = [];
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
  for (const [name, filter, ctx] of cases) {
    await listItems(db, filter, ctx);
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) times.push((await time(() => listItems(db, filter, ctx)))[1]);
    all.push(...times);
    lines.push(`    ${name}: p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms`);
  }
  return `  ledger page, ${cases.length} filters × ${rounds}: p50 ${pct(all, 0.5).toFixed(1)} ms, p95 ${pct(all, 0.95).toFixed(1)} ms\n${lines.join('\n')}`;
}

async function bench(dialect: 'sqlite' | 'postgres') {
  let url: string;
  let drop: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'duban-bench-sv-'));
    url = join(dir, 'duban.db');
    drop = async () => (process.env.KEEP ? console.log(url) : rmSync(dir, { recursive: true, force: true }));
  } else {
    const name = `duban_bench_sv_${process.pid}`;
    await admin(`CREATE DATABASE ${name}`);
    const u = new URL(PG_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  let store: Store | undefined;
  try {
    store = await openStore(url);
    const [, fillMs] = await time(() => fill(store!.db));
    // The previous working day is ticked: a day's tick does one day.
    const day = '2026-10-13';
    await store.db.insertInto('supervision_ticks').values({ day: addWorkdays(day, -1), ran_at: new Date(0).toISOString(), notices: 0 }).execute();
    const [one, oneMs] = await time(() => runTick(store!, { clock: manualClock(`${day}T09:00`) }));
    const later = addWorkdays(day, 10);
    const [ten, tenMs] = await time(() => runTick(store!, { clock: manualClock(`${later}T09:00`) }));
    const [bulletin, bulletinMs] = await time(() => monthBulletin(store!.db, '2026-10'));
    const ledger = await ledgerPage(store.db, later);
    console.log(
      `${dialect}: ${ITEMS} items, ${UNITS} units (rows written in ${(fillMs / 1000).toFixed(1)} s)\n` +
        `  tick, one day (${one.notices.length} notices): ${oneMs.toFixed(0)} ms\n` +
        `  tick, catch-up over ${ten.days.length} working days (${ten.notices.length} notices): ${tenMs.toFixed(0)} ms\n` +
        `  bulletin 2026-10 (${bulletin.rows.length} units, ${bulletin.overdueItems.length} overdue items): ${bulletinMs.toFixed(0)} ms\n` +
        ledger,
    );
  } finally {
    await store?.close();
    await drop();
  }
}

for (const dialect of ['sqlite', 'postgres'] as const) if (!ONLY || ONLY === dialect) await bench(dialect);
