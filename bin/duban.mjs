#!/usr/bin/env node
// The duban command. It runs the JavaScript compiled at install (dist/, `npm run build:cli`):
// compiling TypeScript at every start took ~2 s. In a development checkout where dist/ is
// missing or older than src/, it runs the sources through tsx instead, after a one-line notice,
// so that what runs is always the current code.
import { compiledState } from './compiled.mjs';

let runAsCommand;
if (compiledState() === 'fresh') {
  ({ runAsCommand } = await import('../dist/cli/main.js'));
} else {
  process.stderr.write('duban: dist/ 未编译或比 src/ 旧，本次直接运行源代码（启动较慢）；运行 npm run build:cli 可恢复快速启动\n');
  const { register } = await import('tsx/esm/api');
  register();
  ({ runAsCommand } = await import('../src/cli/main.ts'));
}
process.exitCode = await runAsCommand(process.argv.slice(2));
