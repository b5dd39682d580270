// A child process for the killed-backup test: backs up the store named first into the file named
// second, and once the copy has begun (the partial file exists) prints "inside" and blocks until
// it is killed.
import { manualClock } from '../src/calendar/clock.ts';
import { backupStore } from '../src/store/backup.ts';

const [target, file] = process.argv.slice(2);
let announced = false;
await backupStore(target!, file!, {
  clock: manualClock('2026-12-04T09:00'),
  actor: { name: 'test' },
  onProgress: () => {
    if (announced) return;
    announced = true;
    process.stdout.write('inside\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // until killed
  },
});
