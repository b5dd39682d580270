// duban incoming propose / instruct / awaiting / circulate as an office runs them: a real process,
// a real SQLite file, a notice written for this test. The clerk submits Duban's draft to two
// leaders, the second is refused before the first (one Chinese line, exit 2), both instruct, and
// it is circulated to three people, one of whom is reminded and one recalled.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingView } from '../src/store/incoming/view.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'duban.mjs');
const work = mkdtempSync(join(tmpdir(), 'duban-cli-instruct-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const db = join(work, 'duban.db');

function duban(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, '--now', '2026-12-04T10:00', ...args], { encoding: 'utf8', cwd: root, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const json = <T>(r: { code: number | null; out: string; err: string }): T => {
  expect(r.err, r.err).not.toContain('Error');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as T;
};

const NOTICE = [
  '通辽市人民政府办公室关于做好岁末年初安全生产工作的通知',
  '通政办发〔2026〕90号',
  '市政府各有关部门：',
  '为切实做好岁末年初安全生产工作，现将有关事项通知如下。',
  '一、开展隐患排查。12月31日前完成重点行业领域隐患排查。（责任单位：市住房和城乡建设局）',
  '通辽市人民政府办公室',
  '2026年12月3日',
].join('\n');

describe('duban incoming propose | instruct | circulate', () => {
  let id = 0;
  beforeAll(() => {
    for (const [user, roles, name] of [
      ['wang', 'leader', '王主任'],
      ['li', 'leader', '李副主任'],
      ['chen', 'supervisor', '陈科长'],
      ['liu', 'supervisor', '刘科长'],
      ['sun', 'clerk', '孙科长'],
    ] as const) {
      const r = duban('users', 'add', user, '--roles', roles, '--name', name, '--password', 'Test-Passw0rd');
      expect(r.code, r.err).toBe(0);
    }
    const file = join(work, '安全生产通知.txt');
    writeFileSync(file, NOTICE);
    id = json<{ registered: IncomingView[] }>(duban('incoming', 'register', file, '--channel', '政', '--json')).registered[0]!.id;
    expect(duban('incoming', 'review', String(id), '--as', '办件').code).toBe(0);
  }, 300_000);

  it('submits the draft, takes two leaders in turn, circulates, reminds and recalls', () => {
    const draft = json<{ lead: string | null; choices: { username: string }[] }>(duban('incoming', 'propose', String(id), '--draft', '--json'));
    expect(draft.lead).toBe('通辽市住房和城乡建设局');
    expect(draft.choices.map((c) => c.username).sort()).toEqual(['li', 'wang']);

    const proposed = json<IncomingView>(duban('incoming', 'propose', String(id), '--leaders', 'wang,li', '--text', '呈王主任、李副主任阅示。', '--as', 'zhangli', '--json'));
    expect(proposed).toMatchObject({ state: 'proposed', holders: ['王主任'], submittedProposal: { lead: '通辽市住房和城乡建设局', submittedBy: 'zhangli' } });

    const early = duban('incoming', 'instruct', String(id), '--as', 'li', '--circle');
    expect(early.code).toBe(2);
    expect(early.err.trim().split('\n')).toHaveLength(1);
    expect(early.err).toContain('还没有轮到您批示');
    expect(duban('incoming', 'instruct', String(id), '--as', 'wang').code).toBe(2);

    expect(json<IncomingView[]>(duban('incoming', 'awaiting', 'wang', '--json')).map((v) => v.id)).toEqual([id]);
    const first = duban('incoming', 'instruct', String(id), '--as', 'wang', '--text', '请市住建局牵头落实。');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('待批示　在：李副主任');
    expect(duban('incoming', 'instruct', String(id), '--as', 'li', '--circle').out).toContain('已批示');

    const sent = json<IncomingView>(duban('incoming', 'circulate', String(id), '--users', 'chen,liu,sun', '--json'));
    expect(sent.circulation.map((c) => [c.name, c.state])).toEqual([
      ['陈科长', 'unread'],
      ['刘科长', 'unread'],
      ['孙科长', 'unread'],
    ]);
    const [, liu, sun] = sent.circulation;
    expect(json<IncomingView>(duban('incoming', 'circulate', String(id), '--remind', String(sun!.id), '--json')).circulation[2]!.reminders).toHaveLength(1);
    const recalled = json<IncomingView>(duban('incoming', 'circulate', String(id), '--recall', String(liu!.id), '--json'));
    expect(recalled).toMatchObject({ circulating: true, holders: ['陈科长', '孙科长'] });
    expect(recalled.circulation[1]!.recalledAt).not.toBeNull();
    expect(duban('incoming', 'list').out).toContain('传阅中');
  });
});
