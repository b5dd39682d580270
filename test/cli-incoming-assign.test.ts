// duban incoming assign / accept / reply / urge / conclude / assigned as an office runs them: a real
// process, a real SQLite file, the notice with measures written for the 分办 tests. Refusals are one
// Chinese line and exit 2; --json answers with the registration, its assignments and its ledger.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignedItem } from '../src/store/incoming/assign.ts';
import type { IncomingView } from '../src/store/incoming/view.ts';
import { MEASURES_NOTICE } from './incoming-assign-fixture.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'duban.mjs');
const work = mkdtempSync(join(tmpdir(), 'duban-cli-assign-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const db = join(work, 'duban.db');

function duban(now: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, '--now', now, ...args], { encoding: 'utf8', cwd: root, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const json = <T>(r: { code: number | null; out: string; err: string }): T => {
  expect(r.err, r.err).not.toContain('Error');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as T;
};
const refused = (r: { code: number | null; out: string; err: string }, words: string) => {
  expect(r.code).toBe(2);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).toContain(words);
};

const DAY = '2026-09-24T10:00';
const TRANSPORT = '通辽市交通运输局';
const EMERGENCY = '通辽市应急管理局';

describe('duban incoming assign | reply | conclude', () => {
  let id = 0;
  beforeAll(() => {
    expect(duban(DAY, 'users', 'add', 'han', '--roles', 'leader', '--name', '韩主任', '--password', 'Test-Passw0rd').code).toBe(0);
    const file = join(work, '桥梁排查通知.txt');
    writeFileSync(file, MEASURES_NOTICE);
    id = json<{ registered: IncomingView[] }>(duban(DAY, 'incoming', 'register', file, '--channel', '政', '--json')).registered[0]!.id;
    expect(duban(DAY, 'incoming', 'review', String(id), '--as', '办件').code).toBe(0);
  }, 300_000);

  it('assigns to two units with a ledger, the units sign and reply, the clerk concludes', () => {
    refused(duban(DAY, 'incoming', 'assign', String(id), '--lead', TRANSPORT), '尚未经领导批示');
    expect(duban(DAY, 'incoming', 'propose', String(id), '--leaders', 'han', '--text', '呈韩主任阅示。', '--as', 'zhou').code).toBe(0);
    expect(duban(DAY, 'incoming', 'instruct', String(id), '--as', 'han', '--text', '同意。').code).toBe(0);

    refused(duban(DAY, 'incoming', 'assign', String(id), '--lead', '不存在的局'), '不在单位目录中');
    refused(duban(DAY, 'incoming', 'assign', String(id), '--lead', TRANSPORT, '--assign-days', '0'), '1–365');
    const assigned = json<IncomingView>(duban(DAY, 'incoming', 'assign', String(id), '--lead', TRANSPORT, '--cooperate', EMERGENCY, '--deadline', '2026-10-16', '--as', 'zhou', '--json'));
    expect(assigned.state).toBe('assigned');
    expect(assigned.assignments.map((a) => [a.unit, a.role, a.state, a.deadline, a.deadlineSource])).toEqual([
      [TRANSPORT, 'lead', 'pending', '2026-10-16', 'given'],
      [EMERGENCY, 'cooperate', 'pending', '2026-10-16', 'given'],
    ]);
    expect(assigned.ledgerId).toEqual(expect.any(Number));

    refused(duban(DAY, 'incoming', 'reply', String(id), '--unit', '通辽市住房和城乡建设局', '--text', '答复'), '没有分办给通辽市住房和城乡建设局的承办任务');
    const signed = duban(DAY, 'incoming', 'accept', String(id), '--unit', TRANSPORT, '--as', 'jtj');
    expect(signed.code, signed.err).toBe(0);
    expect(signed.out).toContain('已分办');

    // Past the deadline: 我的承办 says how late, the clerk urges the 协办 unit.
    const late = '2026-10-19T10:00';
    const listed = json<AssignedItem[]>(duban(late, 'incoming', 'assigned', EMERGENCY, '--json'));
    expect(listed.map((i) => [i.incoming.id, i.assignment.state, i.overdue, i.daysOverdue])).toEqual([[id, 'pending', true, 3]]);
    expect(duban(late, 'incoming', 'assigned', TRANSPORT).out).toContain('主办　承办中　期限 2026-10-16　逾期 3 天');
    expect(json<IncomingView>(duban(late, 'incoming', 'urge', String(id), '--unit', EMERGENCY, '--json')).assignments[1]!.urges).toHaveLength(1);

    refused(duban(late, 'incoming', 'conclude', String(id)), '尚未答复');
    const replied = json<IncomingView>(duban(late, 'incoming', 'reply', String(id), '--unit', TRANSPORT, '--text', '桥梁排查完成，隐患已整改。', '--as', 'jtj', '--json'));
    expect(replied.assignments[0]).toMatchObject({ state: 'replied', reply: '桥梁排查完成，隐患已整改。', repliedBy: 'jtj' });
    const concluded = json<IncomingView>(duban(late, 'incoming', 'conclude', String(id), '--note', '办结。', '--json'));
    expect(concluded).toMatchObject({ state: 'concluded', conclusion: '办结。' });
    refused(duban(late, 'incoming', 'conclude', String(id)), '已办结');
  });
});
