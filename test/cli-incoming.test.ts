// duban incoming register / list / review as a clerk runs them: a real process, a real SQLite file,
// seed 002 and an .ofd of our own. --json prints the registrations with the slip's fields named as
// the gold routing slip names them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { IncomingView } from '../src/store/incoming/view.ts';
import { openDocx } from './docx-open.ts';
import type { Block } from './input-fixture.ts';
import { buildOfd } from './ofd-fixture.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'duban.mjs');
const shared = join(root, '..', 'shared');
const goldFile = join(shared, 'gold', 'routing_slip.json');
const gold = existsSync(goldFile) ? (JSON.parse(readFileSync(goldFile, 'utf8')) as { file: string; slip: Record<string, unknown> & { proposal: Record<string, unknown> } }) : null;
const work = mkdtempSync(join(tmpdir(), 'duban-cli-incoming-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const db = join(work, 'duban.db');

function duban(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, '--now', '2026-12-04T10:00', ...args], { encoding: 'utf8', cwd: root, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const NOTICE: Block[] = [
  { kind: 'title', text: '河川县交通运输局关于做好冬季道路除雪保畅工作的通知' },
  { kind: 'number', text: '河交发〔2026〕17号' },
  { kind: 'recipients', text: '各乡镇人民政府，县公路养护中心：' },
  { kind: 'para', text: '为保障冬季道路安全畅通，县交通运输局决定提前部署除雪保畅工作，现将有关事项通知如下。' },
  { kind: 'heading', text: '一、落实除雪责任' },
  { kind: 'para', text: '县公路养护中心要于12月10日前完成除雪设备检修，雪停后24小时内打通干线公路。（责任单位：县公路养护中心）' },
  { kind: 'signature', text: '河川县交通运输局' },
  { kind: 'date', text: '2026年12月2日' },
];

interface Output {
  registered: (IncomingView & { file: string })[];
  failed: { file: string; error: string; kind: string; first?: { id: number; serial: string } }[];
}

describe.skipIf(gold === null)('duban incoming', () => {
  const ofd = join(work, 'snow.ofd');
  beforeAll(async () => writeFileSync(ofd, await buildOfd(NOTICE)));

  it('register --json: seed 002 with its slip’s fields, an .ofd in the 政 series', () => {
    const seed = join(shared, 'seeds', gold!.file);
    const r = duban('incoming', 'register', seed, '--json');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as Output;
    expect(out.failed).toEqual([]);
    const [slip] = out.registered;
    expect(typeof slip!.id).toBe('number');
    const { proposal, ...fields } = gold!.slip;
    for (const [field, value] of Object.entries(fields)) expect(slip![field as keyof IncomingView], field).toEqual(value);
    for (const [field, value] of Object.entries(proposal)) expect(slip!.proposal![field as keyof NonNullable<IncomingView['proposal']>], field).toEqual(value);

    const o = duban('incoming', 'register', ofd, '--channel', '政', '--via', '交换系统', '--json');
    expect(o.code, o.err).toBe(0);
    expect((JSON.parse(o.out) as Output).registered[0]).toMatchObject({
      serial: '（政）1号',
      fromUnit: '河川县交通运输局',
      docNumber: '河交发〔2026〕17号',
      channel: '交换系统',
      receivedOn: '2026-12-04',
      signedOn: '2026-12-02',
    });
  });

  it('a second registration of the same file is refused and named, exit 2; a missing file too', () => {
    const r = duban('incoming', 'register', ofd, '--channel', '政', '--json');
    expect(r.code).toBe(2);
    const out = JSON.parse(r.out) as Output;
    expect(out.registered).toEqual([]);
    expect(out.failed[0]).toMatchObject({ kind: 'duplicate', first: { serial: '（政）1号' } });
    expect(r.err).toContain('该公文已登记：运转号 （政）1号');
    const missing = duban('incoming', 'register', join(work, 'none.ofd'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('文件不存在');
  });

  it('review and list', () => {
    const list = JSON.parse(duban('incoming', 'list', '--json').out) as { items: IncomingView[]; total: number };
    expect(list.total).toBe(2);
    const snow = list.items.find((i) => i.series === '政')!;
    const review = duban('incoming', 'review', String(snow.id), '--as', '办件', '--json');
    expect(review.code, review.err).toBe(0);
    expect(JSON.parse(review.out)).toMatchObject({ state: 'reviewed', kind: '办件', version: 2 });
    const bad = duban('incoming', 'review', String(snow.id), '--return', '');
    expect(bad.code).toBe(2);
    const text = duban('incoming', 'list', '--channel', '政');
    expect(text.code).toBe(0);
    expect(text.out.trim()).toBe('（政）1号　2026-12-04　河川县交通运输局　河交发〔2026〕17号　河川县交通运输局关于做好冬季道路除雪保畅工作的通知　办件');
  });

  it('slip --docx prints seed 002’s 文件批办单 with its 拟办意见 and 批示; list --xlsx the 收文登记簿', async () => {
    const seed = (JSON.parse(duban('incoming', 'list', '--json').out) as { items: IncomingView[] }).items.find((i) => i.series === '党')!;
    const out = join(work, 'slip.docx');
    const r = duban('incoming', 'slip', String(seed.id), '--docx', out, '--organ', '中共某某区委办公室');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('已写出文件批办单 （党）198号');
    const doc = await openDocx(readFileSync(out));
    expect(doc.lines.slice(0, 2)).toEqual(['中共某某区委办公室', '文件批办单']);
    for (const field of ['serial', 'fromUnit', 'docNumber', 'title', 'leaderInstruction', 'handler', 'office', 'phone'] as const) {
      const value = gold!.slip[field];
      if (typeof value === 'string' && value !== '') expect(doc.text.replace(/\s/g, '')).toContain(value.replace(/\s/g, ''));
    }
    // The 拟办意见 as the slip wrote it: the proposal's lead and every cooperating unit are on the form.
    const proposal = gold!.slip.proposal as { lead: string; cooperating: string[] };
    for (const unit of [proposal.lead, ...proposal.cooperating]) expect(doc.text).toContain(unit);

    const book = join(work, 'book.xlsx');
    expect(duban('incoming', 'list', '--xlsx', book).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(book) as unknown as ArrayBuffer);
    const serials: string[] = [];
    wb.worksheets[0]!.eachRow((row) => {
      const v = row.getCell(2).value;
      if (typeof v === 'string' && /^（.+）\d+号$/.test(v)) serials.push(v);
    });
    expect(serials).toEqual(['（党）198号', '（政）1号']);

    const nowhere = duban('incoming', 'slip', String(seed.id), '--docx', join(work, 'no-such-folder', 'slip.docx'));
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toMatch(/^duban: 无法写出 .*slip\.docx：所在的文件夹不存在\n$/);
    expect(duban('incoming', 'slip', '999999', '--docx', out).err).toBe('duban: 没有编号为 999999 的收文\n');
  });
});
