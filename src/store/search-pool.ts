// Search on every core. better-sqlite3 is synchronous and ranking, facets and snippets are
// JavaScript, so a search run on the server's thread blocks every other request while it runs:
// 50 clients searching got 63 req/s at p50 810 ms, while the server idled on its second core.
// The pool runs searches in worker threads, each with its own read-only connection
// (open-read.ts; SQLite's WAL lets readers work in parallel), hands each worker one search at a
// time on SQLite (a few on PostgreSQL, whose searches mostly wait for the server), and keeps a
// bounded queue: past it a search is refused at once (SearchBusyError, 503) rather than waiting
// without limit. Each worker keeps its recent answers while the store is unchanged
// (search-cache.ts). Written on node:worker_threads rather than a pool library: what it needs is a
// fixed set of workers, a bounded FIFO and an orderly close (docs/decisions.md, "Search workers").
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { dialectOf } from './dialect.ts';
import type { Store } from './open.ts';
import { CACHE_ENTRIES } from './search-cache.ts';
import { searchWithFacets, type FacetedSearch, type SearchOptions } from './search.ts';
import type { SearchWorkerData, ToPool, ToWorker } from './search-protocol.ts';

/** What the server searches through: in its own thread or in a pool of workers. */
export interface Searcher {
  searchWithFacets(query: string, options: SearchOptions): Promise<FacetedSearch>;
  /** Stops the workers (after the searches they were given); later searches are refused. */
  close(): Promise<void>;
}

/** More searches waiting than the pool may queue; the message is for the user. */
export class SearchBusyError extends Error {
  override name = 'SearchBusyError';
  constructor() {
    super('检索繁忙：同时进行的检索过多，请稍后再试');
  }
}

/** A search given to a pool that is stopping or stopped. */
export class SearchStoppedError extends Error {
  override name = 'SearchStoppedError';
  constructor() {
    super('检索服务正在停止，请稍后再试');
  }
}

/** Searches in the calling thread (a store in memory, or where no pool is wanted). */
export function inProcessSearcher(store: Store): Searcher {
  return { searchWithFacets: (query, options) => searchWithFacets(store, query, options), close: async () => {} };
}

export interface SearchPoolOptions {
  /** Worker threads (default: the machine's cores, at most 4). */
  workers?: number;
  /** Searches that may wait for a worker beyond those running; more are refused (default 64). */
  maxQueue?: number;
  /** Answers each worker keeps while the store is unchanged (default CACHE_ENTRIES; 0: none). */
  cacheEntries?: number;
}

export const DEFAULT_MAX_QUEUE = 64;
/** How long close() waits for a worker to finish and end before stopping it. */
const CLOSE_GRACE_MS = 5000;

interface Task {
  id: number;
  query: string;
  options: SearchOptions;
  resolve: (r: FacetedSearch) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  running: Map<number, Task>;
}

/**
 * The worker's module beside this one, with this module's extension: .js when Duban runs
 * compiled, .ts from the sources, which a worker loads through search-worker-boot.mjs (tsx).
 */
function workerEntry(): { url: URL; entry?: string } {
  const own = new URL(import.meta.url);
  const ext = /\.[cm]?[jt]s$/.exec(own.pathname)?.[0] ?? '.js';
  const entry = new URL(`./search-worker${ext}`, own);
  return ext.endsWith('ts') ? { url: new URL('./search-worker-boot.mjs', own), entry: entry.href } : { url: entry };
}

/** Starts `workers` search workers over the store at `target`; resolves once each has opened it. */
export async function startSearchPool(target: string, options: SearchPoolOptions = {}): Promise<Searcher> {
  const size = Math.max(1, options.workers ?? Math.min(4, availableParallelism()));
  const maxQueue = Math.max(0, options.maxQueue ?? DEFAULT_MAX_QUEUE);
  const perWorker = dialectOf(target) === 'sqlite' ? 1 : 4;
  const { url, entry } = workerEntry();
  const data: SearchWorkerData = { target, entry, cacheEntries: Math.max(0, options.cacheEntries ?? CACHE_ENTRIES) };
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closing: Promise<void> | null = null;

  const pump = () => {
    for (;;) {
      const slot = queue.length > 0 ? slots.filter((s) => s.ready && s.running.size < perWorker).sort((a, b) => a.running.size - b.running.size)[0] : undefined;
      if (!slot) return;
      const task = queue.shift()!;
      slot.running.set(task.id, task);
      const message: ToWorker = { type: 'search', id: task.id, query: task.query, options: task.options };
      slot.worker.postMessage(message);
    }
  };

  /** A worker, and the promise of its opening the store. */
  const spawn = (): { slot: Slot; opened: Promise<void> } => {
    const worker = new Worker(url, { workerData: data });
    const slot: Slot = { worker, ready: false, running: new Map() };
    let opened!: () => void;
    let failed!: (e: Error) => void;
    const openedPromise = new Promise<void>((res, rej) => {
      opened = res;
      failed = rej;
    });
    worker.on('message', (message: ToPool) => {
      if (message.type === 'ready') {
        slot.ready = true;
        opened();
        pump();
        return;
      }
      if (message.type === 'failed') {
        failed(new Error(message.message));
        return;
      }
      const task = slot.running.get(message.id);
      if (!task) return;
      slot.running.delete(message.id);
      if (message.type === 'result') task.resolve(message.result);
      else task.reject(new Error(message.message));
      pump();
    });
    worker.on('error', (e) => failed(e));
    worker.on('exit', () => {
      const served = slot.ready;
      slot.ready = false;
      failed(new Error('检索进程未能启动'));
      for (const task of slot.running.values()) task.reject(closing ? new SearchStoppedError() : new Error('检索进程意外退出'));
      slot.running.clear();
      const at = slots.indexOf(slot);
      if (at < 0) return;
      slots.splice(at, 1);
      // A worker that dies while serving is replaced (its searches were answered with an error);
      // one that could not open the store is not, or a store gone missing would spawn forever.
      if (!closing && served) {
        const replacement = spawn();
        // Nobody awaits a replacement's opening: one that cannot open the store just exits
        // (and is not replaced again), it must not end the server with an unhandled rejection.
        replacement.opened.catch(() => {});
        slots.push(replacement.slot);
      }
    });
    return { slot, opened: openedPromise };
  };

  const started = Array.from({ length: size }, () => spawn());
  slots.push(...started.map((s) => s.slot));
  try {
    await Promise.all(started.map((s) => s.opened));
  } catch (e) {
    closing = Promise.resolve();
    await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    throw e;
  }

  const stopWorker = async (slot: Slot) => {
    const exited = new Promise<void>((res) => slot.worker.once('exit', () => res()));
    slot.worker.postMessage({ type: 'close' } satisfies ToWorker);
    const timer = setTimeout(() => void slot.worker.terminate(), CLOSE_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  return {
    searchWithFacets(query, options) {
      if (closing) return Promise.reject(new SearchStoppedError());
      const free = slots.reduce((n, s) => n + (s.ready ? perWorker - s.running.size : 0), 0);
      if (free <= 0 && queue.length >= maxQueue) return Promise.reject(new SearchBusyError());
      return new Promise<FacetedSearch>((resolve, reject) => {
        queue.push({ id: nextId++, query, options, resolve, reject });
        pump();
      });
    },
    close() {
      closing ??= (async () => {
        for (const task of queue.splice(0)) task.reject(new SearchStoppedError());
        await Promise.all([...slots].map(stopWorker));
      })();
      return closing;
    },
  };
}

/** The searcher for a store opened from `target`: a pool, except for a SQLite store in memory (which no other connection can see). */
export async function searcherFor(store: Store, target: string, options: SearchPoolOptions = {}): Promise<Searcher> {
  if (store.dialect === 'sqlite' && target === ':memory:') return inProcessSearcher(store);
  return startSearchPool(target, options);
}
