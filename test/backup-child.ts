// A child process for the killed-backup test: backs up the store named first into the file named
// second, and once the copy has begun (the partial file exists) prints "inside" and blocks until
// it is killed.
import { manualClock } from '../src/calendar/clock.ts';
import { existsSync } from 'node:fs';
import { backupStore } from '../src/store/backup.ts';
import { partialName } from '../src/store/backup-common.ts';

const [target, file] = process.argv.slice(2);
let announced = false;
await backupStore(target!, file!, {
  clock: manualClock('2026-12-04T09:00'),
  actor: { name: 'test' },
  onProgress: () => {
    if (announced) return;
    announced = true;
    // The gzip stream opens its file on libuv's thread pool; wait (up to 10 s) until it is there,
    // so the parent looks at the folder only once the copy has really begun.
    const pause = new Int32Array(new SharedArrayBuffer(4));
    for (let i = 0; i < 200 && !existsSync(partialName(file!)); i++) Atomics.wait(pause, 0, 0, 50);
    process.stdout.write('inside\n');
    Atomics.wait(pause, 0, 0); // until killed
  },
});
