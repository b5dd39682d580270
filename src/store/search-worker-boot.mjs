// Runs a TypeScript worker entry from the sources (tests, `npm run bench`, the CLI before it is
// compiled): a worker thread does not inherit the tsx loader of the process that starts it, and
// on Node 20 `--import tsx` in a worker's execArgv does not take effect either, so the worker
// registers tsx itself before importing its entry. Compiled JavaScript starts its entry directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
