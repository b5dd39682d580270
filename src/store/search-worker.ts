// One search worker (search-pool.ts): its own read-only connection to the store, searches one
// message at a time in order (SQLite's driver is synchronous; on PostgreSQL a few overlap while
// they wait for the server), answers by id. Told to close, it finishes what it was sent, closes
// its connection and ends.
import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnlyStore } from './open-read.ts';
import { cachedSearch } from './search-cache.ts';
import type { SearchWorkerData, ToPool, ToWorker } from './search-protocol.ts';

const port = parentPort!;
const { target, cacheEntries } = workerData as SearchWorkerData;

const reply = (message: ToPool) => port.postMessage(message);

try {
  const store = await openReadOnlyStore(target);
  const search = cachedSearch(store, cacheEntries);
  const running = new Set<Promise<void>>();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'close') {
      void Promise.allSettled(running).then(async () => {
        await store.close();
        port.close();
      });
      return;
    }
    const task = search(message.query, message.options).then(
      (result) => reply({ type: 'result', id: message.id, result }),
      (e: unknown) => reply({ type: 'error', id: message.id, message: e instanceof Error ? e.message : String(e) }),
    );
    running.add(task);
    void task.finally(() => running.delete(task));
  });
  reply({ type: 'ready' });
} catch (e) {
  reply({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  port.close();
}
