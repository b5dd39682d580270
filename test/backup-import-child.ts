// A child process for the backup-while-importing test: imports the files named after the store
// one at a time; before the file named by --wait-before it prints "ready" and waits for a line on
// stdin, so that the parent decides when that file is written (after the backup's snapshot).
import { createInterface } from 'node:readline';
import { manualClock } from '../src/calendar/clock.ts';
import { importFile } from '../src/store/import.ts';
import { openStore } from '../src/store/open.ts';

const [target, ...rest] = process.argv.slice(2);
const at = rest.indexOf('--wait-before');
const waitBefore = at >= 0 ? rest[at + 1] : undefined;
const files = at >= 0 ? rest.filter((_, i) => i !== at && i !== at + 1) : rest;
const stdin = createInterface({ input: process.stdin });
const nextLine = () => new Promise<void>((resolve) => stdin.once('line', () => resolve()));

const store = await openStore(target!);
const clock = manualClock('2026-12-04T10:00');
for (const f of files) {
  if (f === waitBefore) {
    process.stdout.write('ready\n');
    await nextLine();
  }
  const o = await importFile(store, f, clock);
  process.stdout.write(`done ${o.status} ${o.path}\n`);
}
await store.close();
stdin.close();
