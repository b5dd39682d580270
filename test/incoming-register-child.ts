// A child process for the registration concurrency test: announces "ready", waits for a line on
// stdin (the parent starts all children at one instant), then registers the file named after the
// store and prints "registered <运转号>", or "refused <message>" for an IncomingError.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { manualClock } from '../src/calendar/clock.ts';
import { IncomingError } from '../src/store/incoming/errors.ts';
import { registerIncoming } from '../src/store/incoming/register.ts';
import { openStore } from '../src/store/open.ts';

const [target, file, series] = process.argv.slice(2);
process.stdout.write('ready\n');
await createInterface({ input: process.stdin })[Symbol.asyncIterator]().next();
const store = await openStore(target!);
try {
  const r = await registerIncoming(store, { bytes: readFileSync(file!), name: basename(file!) }, { actor: { name: 'clerk' }, clock: manualClock('2026-12-04T09:00'), series: series ?? '政' });
  process.stdout.write(`registered ${r.incoming.serial}\n`);
} catch (e) {
  if (!(e instanceof IncomingError)) throw e;
  process.stdout.write(`refused ${e.message}\n`);
} finally {
  await store.close();
}
process.exit(0);
