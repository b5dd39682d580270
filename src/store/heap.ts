// A full garbage collection between the parts of a large file (import-parts.ts). V8 lets its heap
// grow long before it collects: importing a 100 MB file, the live data stayed near 200 MB while
// the heap, garbage included, passed 600 MB and the process 1.3 GB. Collecting once a part is
// written (every few seconds, about 0.1 s each) keeps the process near what is live.
// `gc` is V8's own function, exposed on demand (--expose-gc set at run time, read in a new context).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
