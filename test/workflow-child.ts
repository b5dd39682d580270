// A child process for the workflow writes' kill -9 test (test/workflow-faults.test.ts): runs one
// fixed office day after another through the store's own commands — 收文登记, 初审, 拟办, 批示,
// 传阅, 督办's 立项, 交办, 签收, 进展报送 and the tick that issues 提醒单, then 分办, 签收, 催办, 答复,
// 办结, 已阅 and 归档 of the 办件 — on the store named
// first, printing "done <n> <statements so far>" once the nth write has committed. Each write finds
// what it acts on in the store (a registration by its 运转号, the ledger, its items), so a later
// child can go on where a killed one stopped. Options:
//   --skip K        start at write K+1 (the first K are in the store already);
//   --die-in W      with --at N: kill itself (SIGKILL) right after the Nth statement of write W;
//   --count         print "statements <n>" at the end, the statements of the whole run;
//   --dumps DIR     write DIR/<k>.json, the store's dump after k writes (0: before the first), and
//                   for a registration DIR/<k>-library.json, after its file went into the library
//                   and before the registration's own transaction (registration is two
//                   transactions: the library's import, then the 运转号 with its row and event).
//                   The library's half is then run apart, so a run with --dumps counts fewer
//                   statements in a registration than one without: count with a run of its own.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely, KyselyPlugin } from 'kysely';
import { manualClock } from '../src/calendar/clock.ts';
import { defaultDirectory } from '../src/directory/index.ts';
import { archiveIncoming } from '../src/store/incoming/archive.ts';
import { actOnAssignment, assignIncoming, concludeIncoming, urgeAssignment } from '../src/store/incoming/assign.ts';
import { circulateIncoming, readCirculated } from '../src/store/incoming/circulate.ts';
import { instructIncoming } from '../src/store/incoming/instruct.ts';
import { submitIncomingProposal } from '../src/store/incoming/propose.ts';
import { registerIncoming } from '../src/store/incoming/register.ts';
import { reviewIncoming } from '../src/store/incoming/review.ts';
import { finishImports, importBytes, uploadPath } from '../src/store/import.ts';
import { openStore, type Store } from '../src/store/open.ts';
import type { Database } from '../src/store/schema.ts';
import { runTick } from '../src/store/supervision-tick.ts';
import { issueLedger, openLedgerFromDocument, reportProgress, signItem, type Command } from '../src/store/supervision/index.ts';
import { dumpStore } from './store-dump.ts';
import { WORKFLOW_FILES } from './workflow-documents.ts';

const [target, ...rest] = process.argv.slice(2);
const flag = (name: string) => {
  const i = rest.indexOf(name);
  return i < 0 ? undefined : (rest[i + 1] ?? '');
};
const skip = Number(flag('--skip') ?? 0);
const dieIn = Number(flag('--die-in') ?? 0);
const dieAt = Number(flag('--at') ?? Infinity);
const dumps = flag('--dumps');
const counting = rest.includes('--count');

let statements = 0;
let current = 0;
let inWrite = 0;
/** Counts statements; transformResult runs once each statement has run. */
const counter: KyselyPlugin = {
  transformQuery: (args) => args.node,
  transformResult: async (args) => {
    statements++;
    inWrite++;
    if (current === dieIn && inWrite >= dieAt) process.kill(process.pid, 'SIGKILL');
    return args.result;
  },
};

/** Each write on a day of its own, at 10:00 Beijing time. */
const dayOf = (day: string) => manualClock(`${day}T10:00`);
const office = (day: string): Command => ({ actor: { name: 'dcs' }, now: dayOf(day).now(), today: day, unit: null });
const byUnit = (unit: string, day: string): Command => ({ actor: { name: `user-of-${unit}` }, now: dayOf(day).now(), today: day, unit });

type Db = Kysely<Database>;
const registration = async (db: Db, serial: number) => (await db.selectFrom('incoming_documents').selectAll().where('series', '=', '政').where('serial', '=', serial).executeTakeFirstOrThrow());
const firstLedger = async (db: Db) => (await db.selectFrom('supervision_ledgers').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
const items = (db: Db) => db.selectFrom('supervision_items').select(['id', 'version']).where('state', '!=', 'draft').orderBy('id').execute();
/** Registration `serial`'s assignments, 主办 first. */
const assignments = async (db: Db, serial: number) =>
  db.selectFrom('incoming_assignments').select(['id', 'unit']).where('incoming_id', '=', (await registration(db, serial)).id).orderBy('seq').execute();
const leadOf = async (db: Db, itemId: number) =>
  (await db.selectFrom('supervision_item_units').select('canonical').where('item_id', '=', itemId).where('role', '=', 'lead').executeTakeFirstOrThrow()).canonical!;

interface Write {
  /** The file a registration takes in (its library import is a transaction of its own). */
  registers?: { file: (typeof WORKFLOW_FILES)[number]; day: string };
  run(store: Store): Promise<unknown>;
}

const register = (file: (typeof WORKFLOW_FILES)[number], day: string): Write => ({
  registers: { file, day },
  run: (store) => registerIncoming(store, { bytes: Buffer.from(file.text, 'utf8'), name: file.name }, { actor: { name: 'zhaoqin' }, clock: dayOf(day), series: '政' }),
});
const as = (name: string, day: string) => ({ actor: { name }, clock: dayOf(day) });
const [bridge, drought, plan] = WORKFLOW_FILES;

const WRITES: Write[] = [
  register(bridge, '2026-12-01'),
  register(drought, '2026-12-01'),
  { run: async (store) => reviewIncoming(store, (await registration(store.db, 1)).id, { kind: '办件' }, as('zhaoqin', '2026-12-01')) },
  { run: async (store) => reviewIncoming(store, (await registration(store.db, 2)).id, { kind: '阅件' }, as('zhaoqin', '2026-12-01')) },
  {
    run: async (store) =>
      submitIncomingProposal(store, (await registration(store.db, 1)).id, { text: '拟请市交通运输局牵头办理，呈两位领导阅示。', leaders: ['qianzr', 'zhoufzr'], mode: 'sequence' }, as('zhaoqin', '2026-12-02')),
  },
  { run: async (store) => instructIncoming(store, (await registration(store.db, 1)).id, { action: 'instruct', text: '同意，抓紧检测，确保安全。' }, as('qianzr', '2026-12-02')) },
  { run: async (store) => instructIncoming(store, (await registration(store.db, 1)).id, { action: 'circle' }, as('zhoufzr', '2026-12-03')) },
  { run: async (store) => circulateIncoming(store, (await registration(store.db, 1)).id, { users: ['fengke', 'hanke'] }, as('zhaoqin', '2026-12-03')) },
  { run: async (store) => circulateIncoming(store, (await registration(store.db, 2)).id, { users: ['fengke'] }, as('zhaoqin', '2026-12-03')) },
  register(plan, '2026-12-04'),
  // 立项: the plan's ledger from the document its registration names.
  { run: async (store) => openLedgerFromDocument(store.db, office('2026-12-07'), (await registration(store.db, 3)).document_id!, defaultDirectory()) },
  // 交办
  { run: async (store) => issueLedger(store.db, office('2026-12-07'), await firstLedger(store.db)) },
  // 签收 by each item's lead unit, then 进展报送 on the first item.
  ...[0, 1, 2].map(
    (n): Write => ({
      run: async (store) => {
        const item = (await items(store.db))[n]!;
        return signItem(store.db, byUnit(await leadOf(store.db, item.id), '2026-12-08'), item.id);
      },
    }),
  ),
  {
    run: async (store) => {
      const item = (await items(store.db))[0]!;
      return reportProgress(store.db, byUnit(await leadOf(store.db, item.id), '2026-12-09'), item.id, { progress: '已完成桥梁外观检查', problems: '', coordination: '', nextSteps: '开展荷载试验', percent: 40 });
    },
  },
  // The tick three working days before the deadline (DEFAULT_RULES) issues a 提醒单 to each open item's lead unit.
  { run: (store) => runTick(store, { clock: dayOf('2026-12-28') }) },
  // 分办 of the 办件 to its two bureaus (its measures open a 督办 ledger in the same transaction),
  // 签收 and 答复 by the 主办, 催办 of the 协办, 办结, 已阅 by those it was circulated to, 归档.
  { run: async (store) => assignIncoming(store, (await registration(store.db, 1)).id, { lead: '通辽市交通运输局', cooperating: ['通辽市应急管理局'], deadline: '2027-01-15' }, as('zhaoqin', '2026-12-29')) },
  {
    run: async (store) => {
      const [lead] = await assignments(store.db, 1);
      return actOnAssignment(store, (await registration(store.db, 1)).id, lead!.id, 'accept', { unit: lead!.unit }, as('user-of-交通', '2026-12-29'));
    },
  },
  {
    run: async (store) => {
      const [, cooperating] = await assignments(store.db, 1);
      return urgeAssignment(store, (await registration(store.db, 1)).id, cooperating!.id, as('zhaoqin', '2026-12-30'));
    },
  },
  {
    run: async (store) => {
      const [lead] = await assignments(store.db, 1);
      return actOnAssignment(store, (await registration(store.db, 1)).id, lead!.id, 'reply', { unit: lead!.unit, text: '已完成全部国道桥梁外观检查，问题清单已建立。' }, as('user-of-交通', '2026-12-30'));
    },
  },
  { run: async (store) => concludeIncoming(store, (await registration(store.db, 1)).id, { note: '主办单位已答复，办结。' }, as('zhaoqin', '2026-12-31')) },
  // The two it was circulated to mark it 已阅: then it may be archived.
  ...['fengke', 'hanke'].map((username): Write => ({ run: async (store) => readCirculated(store, (await registration(store.db, 1)).id, { username, unit: null }, 'read', as(username, '2026-12-31')) })),
  { run: async (store) => archiveIncoming(store, (await registration(store.db, 1)).id, { pages: 2 }, as('zhaoqin', '2026-12-31')) },
];

const opened = await openStore(target!);
const store: Store = { ...opened, db: opened.db.withPlugin(counter) };
const dump = async (name: string) => {
  if (dumps !== undefined) writeFileSync(join(dumps, `${name}.json`), JSON.stringify(await dumpStore(opened)));
};
if (skip === 0) await dump('0');
for (let k = skip; k < WRITES.length; k++) {
  const write = WRITES[k]!;
  if (dumps !== undefined && write.registers !== undefined) {
    // Only for the dumps: the library's half of the registration alone, as registerIncoming
    // runs it (the registration then finds the file unchanged in the library).
    const { file, day } = write.registers;
    const bytes = Buffer.from(file.text, 'utf8');
    const imported = await importBytes(opened, { bytes, name: file.name, path: uploadPath(bytes, file.name) }, dayOf(day), { actor: { name: 'zhaoqin' } });
    await finishImports(opened, [imported]);
    await dump(`${k + 1}-library`);
  }
  current = k + 1;
  inWrite = 0;
  await write.run(store);
  process.stdout.write(`done ${k + 1} ${statements}\n`);
  await dump(String(k + 1));
}
await opened.close();
if (counting) process.stdout.write(`statements ${statements}\n`);
process.exit(0);
