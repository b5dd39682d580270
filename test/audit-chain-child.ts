// A writer of audit events in a process of its own, for test/audit-chain.test.ts: opens the store
// at argv[2], prints "ready", waits for a line on stdin, then writes argv[4] events tagged argv[3]
// from three lanes at once (so this process races itself as well as the other one), each in a
// transaction of one or two events that stays open a moment after its first event, and prints
// "done". A failure is printed on stderr and exits 1.
import { createInterface } from 'node:readline';
import { recordAudit } from '../src/store/audit.ts';
import { openStore } from '../src/store/open.ts';

const [target, tag, countText] = process.argv.slice(2);
const count = Number(countText);
const LANES = 3;
const IDLE_MS = 20;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const store = await openStore(target!);
process.stdout.write('ready\n');
await new Promise<void>((resolve) => {
  const input = createInterface({ input: process.stdin });
  input.once('line', () => {
    input.close();
    process.stdin.destroy(); // an open stdin would keep the process alive after its work
    resolve();
  });
});

let next = 0;
async function lane(): Promise<void> {
  while (next < count) {
    const n = next;
    const two = n % 4 === 3 && n + 1 < count;
    next += two ? 2 : 1;
    await store.db.transaction().execute(async (trx) => {
      await recordAudit(trx, { at: new Date(Date.UTC(2026, 11, 4, 1, 0, 0, n)), actor: { name: `writer-${tag}` }, action: 'test-write', entity: 'test', entityId: n, after: { tag, n } });
      await pause(n % 3);
      if (two) await recordAudit(trx, { at: new Date(Date.UTC(2026, 11, 4, 1, 0, 0, n + 1)), actor: { name: `writer-${tag}` }, action: 'test-write', entity: 'test', entityId: n + 1, after: { tag, n: n + 1 } });
    });
    // A moment without a transaction, in which the other process's waiting writer gets its turn.
    await pause(IDLE_MS);
  }
}

try {
  await Promise.all(Array.from({ length: LANES }, lane));
  process.stdout.write('done\n');
  await store.close();
} catch (e) {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  await store.close();
  process.exit(1);
}
