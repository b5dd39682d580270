// Before any test: the tests that spawn bin/duban.mjs run dist/, so dist/ is rebuilt from the
// current sources when it is missing or older than them (tests always run the code as it is).
import { buildCompiled, compiledState } from '../bin/compiled.mjs';

export default function setup(): void {
  if (compiledState() === 'fresh') return;
  if (buildCompiled({ quiet: true }) !== 0) throw new Error('npm run build:cli failed: the tests cannot run the command');
}
