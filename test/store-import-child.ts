// A child process for the crash test: imports the files named on the command line into the
// store named first, and inside the transaction of the file named by --hang-on announces
// "inside <path>" on stdout and then waits, so the parent can kill it mid-transaction.
import { manualClock } from '../src/calendar/clock.ts';
import { importPaths } from '../src/store/import.ts';
import { openStore } from '../src/store/open.ts';

const [target, ...rest] = process.argv.slice(2);
const at = rest.indexOf('--hang-on');
const hangOn = at >= 0 ? rest[at + 1] : undefined;
const files = at >= 0 ? rest.filter((_, i) => i !== at && i !== at + 1) : rest;

const store = await openStore(target!);
await importPaths(
  store,
  files,
  manualClock('2026-12-04T09:00'),
  { onFile: (o) => process.stdout.write(`done ${o.status} ${o.path}\n`) },
  {
    beforeCommit: async (path: string) => {
      if (hangOn === undefined || !path.endsWith(hangOn)) return;
      process.stdout.write(`inside ${path}\n`);
      await new Promise(() => setInterval(() => {}, 1000)); // until killed (the timer keeps the process alive)
    },
  },
);
await store.close();
