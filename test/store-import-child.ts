// A child process for the store's crash, concurrency and fault tests: imports the files named on
// the command line into the store named first. Options:
//   --hang-on NAME     inside the transaction of the file ending in NAME, announce "inside <path>"
//                      on stdout and wait until killed (the parent kills it mid-transaction);
//   --pause-on NAME    the same, but go on when a line arrives on stdin (the parent breaks the
//                      connection meanwhile);
//   --wait-go          open nothing until a line arrives on stdin, after announcing "ready": the
//                      parent starts several children at one instant;
//   --lock-wait MS     open the store with this wait for another writer's lock;
//   --die-after N      kill itself (SIGKILL) right after the Nth statement of the import;
//   --count            print "statements <n>" with the number of statements run before the last
//                      file's commit (to choose a --die-after inside the import), and "all <n>"
//                      with the number of statements of the whole run.
// A store error (StoreError) is printed as the command line prints it, "duban: <message>", exit 2.
import { createInterface } from 'node:readline';
import type { KyselyPlugin } from 'kysely';
import { manualClock } from '../src/calendar/clock.ts';
import { importPaths } from '../src/store/import.ts';
import { openStore, StoreError } from '../src/store/open.ts';

const [target, ...rest] = process.argv.slice(2);
const valued = new Set(['--hang-on', '--pause-on', '--die-after', '--lock-wait']);
const flags = new Map<string, string>();
const files: string[] = [];
for (let i = 0; i < rest.length; i++) {
  const a = rest[i]!;
  if (valued.has(a)) flags.set(a, rest[++i]!);
  else if (a.startsWith('--')) flags.set(a, '');
  else files.push(a);
}

const stdinLines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const nextLine = async () => {
  await stdinLines.next();
};

if (flags.has('--wait-go')) {
  process.stdout.write('ready\n');
  await nextLine();
}

let statements = 0;
let beforeLastCommit = 0;
const dieAfter = flags.has('--die-after') ? Number(flags.get('--die-after')) : Infinity;
/** Counts statements; transformResult runs once each statement has run. */
const counter: KyselyPlugin = {
  transformQuery: (args) => args.node,
  transformResult: async (args) => {
    statements++;
    if (statements >= dieAfter) process.kill(process.pid, 'SIGKILL');
    return args.result;
  },
};

try {
  const opened = await openStore(target!, flags.has('--lock-wait') ? { lockWaitMs: Number(flags.get('--lock-wait')) } : {});
  const store = { ...opened, db: opened.db.withPlugin(counter) };
  await importPaths(
    store,
    files,
    manualClock('2026-12-04T09:00'),
    { onFile: (o) => process.stdout.write(`done ${o.status} ${o.path}${o.message ? ` ${o.message}` : ''}\n`) },
    {
      beforeCommit: async (path: string) => {
        beforeLastCommit = statements;
        const hangOn = flags.get('--hang-on');
        const pauseOn = flags.get('--pause-on');
        if (hangOn !== undefined && path.endsWith(hangOn)) {
          process.stdout.write(`inside ${path}\n`);
          await new Promise(() => setInterval(() => {}, 1000)); // until killed (the timer keeps the process alive)
        }
        if (pauseOn !== undefined && path.endsWith(pauseOn)) {
          process.stdout.write(`inside ${path}\n`);
          await nextLine();
        }
      },
    },
  );
  await opened.close();
  if (flags.has('--count')) process.stdout.write(`statements ${beforeLastCommit}\nall ${statements}\n`);
  process.exit(0);
} catch (e) {
  if (!(e instanceof StoreError)) throw e;
  process.stderr.write(`duban: ${e.message}\n`);
  process.exit(2);
}
