// Properties of the deadline and target scanners: they never throw, what they return is well
// formed and points back into the text, and they stay linear on long and hostile input.
//
// Linear time is not asserted by timing (as in properties.test.ts): the hostile inputs are made so
// large (a quarter of a million characters of one pathological pattern, a line of 1 M characters)
// that anything quadratic runs for many minutes. They run in a worker thread with a time limit,
// because a synchronous scan that hangs cannot be interrupted on the thread that runs it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDeadline, parseDeadlines, type DeadlineContext } from '../src/extract/deadline.ts';
import { scanForm } from '../src/extract/numerals.ts';
import { expandRecurring } from '../src/extract/recurrence.ts';
import { parseTargets } from '../src/extract/target.ts';
import type { Deadline, Target } from '../src/types.ts';
import { parseIsoDate } from '../src/calendar/index.ts';

/** Pieces of the seeds' deadline and target wording, and of the things that must not be read as them. */
const FRAGMENTS = [
  '每', '月', '季度', '半月', '年', '周', '天', '日', '号', '前', '内', '底', '末', '上旬', '初', '中', '1', '3', '25', '2023', '12', '31', '０',
  '３', '十', '五', '二〇二三', '两', '个', '工作日', '小时', '完成时限：', '时限:', '（', '）', '(', ')', '，', '。', '；', '、', '长期推进', '持续',
  '于', '截至', '到', '上半年', '第', '后', '自', '之日起', '收到通知', '可延长', '至', '左右', '上午', '下午', '时', '点', ':', ' ', '\n', '達到',
  '%', '％', '以上', '以内', '不低于', '不超过', '排名', '位', '名', '亿元', '万', '户', '超', '累计', '新增', '〔', '〕', '号', '百分之', '/', '~',
  '-', '.', ',', '的', '起', '近', '年递增', '下降', '>', '≥', 'PM', '结束后', '首月', '次日', '报送', '在', '𠀀', '\u0000', '\ufeff',
];
const textArb = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));
const contextArb: fc.Arbitrary<DeadlineContext> = fc.record({
  year: fc.option(fc.oneof(fc.integer({ min: 1990, max: 2040 }), fc.constantFrom(Number.NaN, -1, 99999)), { nil: null }),
  issued: fc.option(
    fc.oneof(
      fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom('2023-02-29', 'yesterday', '', '2023-3-9'),
    ),
    { nil: null },
  ),
});

const KINDS = new Set(['date', 'ongoing', 'relative', 'recurring', 'within-year']);
const OPS = new Set(['>=', '<=', '=', '>', '<']);

function checkDeadline(d: Deadline, form: string): void {
  expect(KINDS.has(d.kind)).toBe(true);
  expect(d.text.length).toBeGreaterThan(0);
  expect(form.includes(d.text)).toBe(true);
  if (d.date !== undefined) expect(() => parseIsoDate(d.date!)).not.toThrow();
  if (d.kind === 'recurring') expect(d.rule).toBeDefined();
  if (d.kind === 'relative') expect(Number.isInteger(d.amount) && d.amount! > 0).toBe(true);
}

function checkTarget(t: Target, form: string): void {
  expect(form.includes(t.text)).toBe(true);
  if (t.value !== undefined) expect(Number.isFinite(t.value)).toBe(true);
  if (t.op !== undefined) expect(OPS.has(t.op)).toBe(true);
  if (t.upper !== undefined) expect(t.upper).toBeGreaterThan(t.value!);
}

describe('on any text', () => {
  it('parseDeadline and parseDeadlines never throw, and what they return is well formed', () => {
    fc.assert(
      fc.property(fc.oneof(textArb, fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 })), contextArb, (text, context) => {
        const form = scanForm(text);
        const all = parseDeadlines(text, context);
        for (const d of all) checkDeadline(d, form);
        const one = parseDeadline(text, context);
        expect(one === null ? all.length === 0 : all.some((d) => JSON.stringify(d) === JSON.stringify(one))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('recurring rules expand without error inside the calendar', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const d of parseDeadlines(text, { year: 2024, issued: '2024-01-10' })) {
          const dates = expandRecurring(d, '2024-01-01', '2024-12-31');
          for (const date of dates) expect(date >= '2024-01-01' && date <= '2024-12-31').toBe(true);
          expect([...dates].sort()).toEqual(dates);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('parseTargets never throws, and every target points into the text', () => {
    fc.assert(
      fc.property(fc.oneof(textArb, fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 })), (text) => {
        const form = scanForm(text);
        for (const t of parseTargets(text)) checkTarget(t, form);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts what is not a string at the boundary without throwing', () => {
    expect(parseDeadline(undefined as unknown as string, { year: 2023, issued: null })).toBeNull();
    expect(parseTargets(null as unknown as string)).toEqual([]);
  });
});

// ── long and hostile input, in a worker with a time limit ─────────────────────────────────────

/** Generous for linear work on a busy two-core machine; hopeless for quadratic work on these sizes. */
const LIMIT_MS = 20_000;
const LARGE = 256 * 1024;
const MEGA = 1 << 20;

/** The ESM entry of tsx's API, read from its package exports. */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  return pathToFileURL(join(dirname(pkgFile), pkg.exports['./esm/api']!.import!.default!)).href;
}

// Plain CommonJS evaluated in the worker: loads the two scanners through tsx and runs them on request.
const BOOT = `
const { workerData, parentPort } = require('node:worker_threads');
import(workerData.api).then(async (api) => {
  const d = await api.tsImport(workerData.deadline, workerData.deadline);
  const t = await api.tsImport(workerData.target, workerData.target);
  parentPort.on('message', ({ id, text }) => {
    try {
      const deadlines = d.parseDeadlines(text, { year: 2023, issued: '2023-03-09' }).length;
      const targets = t.parseTargets(text).length;
      parentPort.postMessage({ id, ok: true, deadlines, targets });
    } catch (e) {
      parentPort.postMessage({ id, ok: false, error: String(e && e.stack || e) });
    }
  });
  parentPort.postMessage({ ready: true });
});
`;

type Outcome = { ok: true; deadlines: number; targets: number } | { ok: false; error: string } | { ok: false; timeout: true };

class ScanSandbox {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, (o: Outcome) => void>();

  private start(): Promise<void> {
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: {
        api: tsxApiUrl(),
        deadline: new URL('../src/extract/deadline.ts', import.meta.url).href,
        target: new URL('../src/extract/target.ts', import.meta.url).href,
      },
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (msg: { ready: true } | ({ id: number } & Outcome)) => {
        if ('ready' in msg) return resolve();
        this.waiting.get(msg.id)?.(msg);
        this.waiting.delete(msg.id);
      });
      worker.on('error', (err) => {
        reject(err);
        for (const done of this.waiting.values()) done({ ok: false, error: `worker crashed: ${err.message}` });
        this.waiting.clear();
        if (this.worker === worker) this.worker = null;
      });
    });
    return this.ready;
  }

  async scan(text: string): Promise<Outcome> {
    if (this.worker === null || this.ready === null) await this.start();
    else await this.ready;
    const worker = this.worker!;
    const id = this.nextId++;
    return new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        this.worker = null;
        this.ready = null;
        void worker.terminate();
        resolve({ ok: false, timeout: true });
      }, LIMIT_MS);
      this.waiting.set(id, (o) => {
        clearTimeout(timer);
        resolve(o);
      });
      worker.postMessage({ id, text });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

const sandbox = new ScanSandbox();
afterAll(() => sandbox.close());

const repeat = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length));

describe('long and hostile input', () => {
  const HOSTILE: [string, string][] = [
    ['digits', repeat('1', LARGE)],
    ['digits with separators', repeat('1,', LARGE)],
    ['decimals', repeat('1.', LARGE)],
    ['Chinese numerals', repeat('一', LARGE)],
    ['numerals and units', repeat('十百千', LARGE)],
    ['period words', repeat('每月', LARGE)],
    ['period words with brackets', repeat('每月（', LARGE)],
    ['labels without values', repeat('完成时限：', LARGE)],
    ['months', repeat('3月', LARGE)],
    ['years', repeat('年', LARGE)],
    ['tails', repeat('前', LARGE)],
    ['events without periods', repeat('收到通知后', LARGE)],
    ['extensions without periods', repeat('延长', LARGE)],
    ['periods', repeat('1个工作日内', LARGE)],
    ['periods with events', repeat('自收到通知之日起5日内', LARGE)],
    ['comparisons', repeat('不低于', LARGE)],
    ['ranks', repeat('第', LARGE)],
    ['percent words', repeat('百分之', LARGE)],
    ['targets', repeat('达到95%以上，', LARGE)],
    ['units', repeat('1万', LARGE)],
    ['ongoing words', repeat('长期，', LARGE)],
    ['open brackets', repeat('（', LARGE)],
  ];

  it.each(HOSTILE)('%s: finishes within the limit', async (_name, text) => {
    const outcome = await sandbox.scan(text);
    expect(outcome).toMatchObject({ ok: true });
  }, LIMIT_MS + 10_000);

  it('a single line of 1 M random fragments', async () => {
    const parts = fc.sample(fc.constantFrom(...FRAGMENTS.filter((f) => f !== '\n')), { numRuns: MEGA / 2, seed: 20231109 });
    const outcome = await sandbox.scan(parts.join('').slice(0, MEGA));
    expect(outcome).toMatchObject({ ok: true });
  }, LIMIT_MS + 10_000);

  it('a seed file as one text', async () => {
    // The seeds live beside the repository; a team-written plan in their style stands in where they are missing.
    const seedFile = join(import.meta.dirname, '..', '..', 'shared', 'seeds', '001_8e672ddf229b4080.txt');
    const seed = readFileSync(existsSync(seedFile) ? seedFile : join(import.meta.dirname, 'fixtures', 'tasks', 'plan-hohhot.txt'), 'utf8');
    const outcome = await sandbox.scan(seed.repeat(4));
    expect(outcome).toMatchObject({ ok: true });
    if (outcome.ok) expect(outcome.targets).toBeGreaterThan(0);
  }, LIMIT_MS + 10_000);
});
