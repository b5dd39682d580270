// A parser in a worker thread for the property tests: a parse that throws outside its own try, or
// runs out of memory, takes down the worker (a fresh one starts on the next parse) and fails its
// property, instead of the test runner. No parse is timed: how long a parse takes is the
// benchmark's to print, not a test's to judge on a shared machine; a parse that never ends is
// ended by the test runner's own timeout (vitest.config.ts), as any hung test is. The worker
// loads the TypeScript sources through tsx's API, the same loader `npm run bench` and the CLI use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParseReply, ParseRequest } from './parse-worker.ts';

export type ParseOutcome = Extract<ParseReply, { ok: true }> | { ok: false; error: string };

/** The ESM entry of tsx's API, read from its package exports (no hard-coded layout). */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  const entry = pkg.exports['./esm/api']?.import?.default;
  if (entry === undefined) throw new Error('tsx does not export ./esm/api');
  return pathToFileURL(join(dirname(pkgFile), entry)).href;
}

// Plain CommonJS, evaluated in the worker: imports tsx's API, then the TypeScript worker module.
const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.api).then((api) => api.tsImport(workerData.file, workerData.file));
`;

export class ParseSandbox {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: ParseReply) => void>();
  private failure: Error | null = null;

  constructor(private readonly heapLimitMb = 1536) {}

  private start(): Promise<void> {
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: { api: tsxApiUrl(), file: new URL('./parse-worker.ts', import.meta.url).href },
      // Running out of memory is a failure to report, not a reason to take the test runner down.
      resourceLimits: { maxOldGenerationSizeMb: this.heapLimitMb },
    });
    this.worker = worker;
    this.failure = null;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (msg: ParseReply | { ready: true }) => {
        if ('ready' in msg) return resolve();
        const done = this.waiting.get(msg.id);
        this.waiting.delete(msg.id);
        done?.(msg);
      });
      worker.on('error', (err) => {
        // A crash of the worker itself (out of memory, stack overflow outside the try): fail every waiting parse.
        this.failure = err;
        reject(err);
        for (const [id, done] of this.waiting) done({ id, ok: false, error: `worker crashed: ${err.stack ?? err.message}` });
        this.waiting.clear();
        if (this.worker === worker) this.worker = null;
      });
    });
    return this.ready;
  }

  /** Parses `text` in the worker. */
  async parse(text: string, source: string): Promise<ParseOutcome> {
    if (this.worker === null || this.ready === null) await this.start();
    else await this.ready;
    const worker = this.worker;
    if (worker === null) return { ok: false, error: `worker failed to start: ${this.failure?.message ?? 'unknown'}` };
    const id = this.nextId++;
    return new Promise<ParseOutcome>((resolve) => {
      this.waiting.set(id, resolve);
      worker.postMessage({ id, text, source } satisfies ParseRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    if (worker !== null) await worker.terminate();
  }
}
