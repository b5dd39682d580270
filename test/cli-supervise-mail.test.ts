// `duban supervise mailbox` and `duban supervise mail` as an office runs them from cron: a real
// process over a real SQLite file, mailing through a real SMTP server on the loopback.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.ts';
import { decodeWords, parsePart, startSmtpSink, type SmtpSink } from './mail-parse.ts';
import { insertItem, insertLedger } from './supervision-rows.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'duban.mjs');
const work = mkdtempSync(join(tmpdir(), 'duban-supervise-mail-'));
const db = join(work, 'duban.db');
const UNIT = '通辽市住房和城乡建设局';
let sink: SmtpSink;

// Asynchronous, so that the SMTP server in this process can answer while the command runs.
function duban(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, '--db', db, ...args], { cwd: root, env: { ...process.env, DUBAN_SMTP_URL: '', DUBAN_SMTP_FROM: '', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  sink = await startSmtpSink();
  const store = await openStore(db);
  try {
    const ledger = await insertLedger(store.db);
    await insertItem(store.db, ledger, { units: [['lead', UNIT]], deadline: '2026-12-08', issuedOn: '2026-11-20', text: '完成老旧小区供热管网改造' });
  } finally {
    await store.close();
  }
});
afterAll(() => sink.close());

describe('duban supervise mailbox / mail', () => {
  it('lists, refuses an unknown unit and a missing address in Chinese, sets an address', async () => {
    expect((await duban({}, 'supervise', 'mailbox')).out).toContain('尚未设置任何单位的邮箱');
    const unknown = await duban({}, 'supervise', 'mailbox', '某某县不存在局', 'a@duban.example');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^duban: 单位“某某县不存在局”不在单位名录中/);
    const missing = await duban({}, 'supervise', 'mailbox', UNIT);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('请写出邮件地址');
    const set = await duban({}, '--now', '2026-12-02T10:00:00+08:00', 'supervise', 'mailbox', UNIT, 'zjj@duban.example');
    expect(set.code).toBe(0);
    expect(set.out).toBe(`${UNIT} 的督办文书将发往 zjj@duban.example\n`);
    expect(JSON.parse((await duban({}, 'supervise', 'mailbox', '--json')).out)).toMatchObject([{ unit: UNIT, address: 'zjj@duban.example' }]);
  });

  it('mail without a configured server says what to set; with one it sends the tick’s notice once', async () => {
    const unconfigured = await duban({}, 'supervise', 'mail');
    expect(unconfigured.code).toBe(2);
    expect(unconfigured.err).toContain('DUBAN_SMTP_URL');
    expect((await duban({}, 'supervise', 'tick', '--now', '2026-12-03', '--json')).code).toBe(0);
    const smtp = { DUBAN_SMTP_URL: `smtp://127.0.0.1:${sink.port}`, DUBAN_SMTP_FROM: 'dcs@duban.example', DUBAN_OFFICE: '某某区人民政府督查室' };
    const first = await duban(smtp, '--now', '2026-12-03T09:05:00+08:00', 'supervise', 'mail');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toBe('已发出  提醒〔2026〕1号  zjj@duban.example\n发出 1 件，未发出 0 件\n');
    expect(sink.received).toHaveLength(1);
    expect(decodeWords(parsePart(sink.received[0]!.raw).headers.get('subject')!)).toBe('提醒单 提醒〔2026〕1号：完成老旧小区供热管网改造');
    const again = await duban(smtp, 'supervise', 'mail', '--json');
    expect(JSON.parse(again.out)).toEqual({ sent: [], failed: [] });
    expect(sink.received).toHaveLength(1);
  });
});
