// Whether dist/ (the JavaScript that `npm run build:cli` compiles from src/) is there and as new
// as the sources, and how to build it. Plain JavaScript: it runs before anything is compiled.
// Fresh means every file and folder under src/ (and the two tsconfig files) is older than the
// stamp the build leaves, dated when that build began — a source saved during a build, a
// checkout that changed files, a file added or removed (its folder's date changes) make it stale.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.built');
const INPUTS = ['tsconfig.json', 'tsconfig.build.json'];

function newestUnder(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** 'fresh', 'missing' (never built, or no sources to build from) or 'stale'. */
export function compiledState() {
  if (!existsSync(join(ROOT, 'src'))) return existsSync(join(DIST, 'cli', 'main.js')) ? 'fresh' : 'missing';
  if (!existsSync(STAMP)) return 'missing';
  const built = statSync(STAMP).mtimeMs;
  const newest = Math.max(newestUnder(join(ROOT, 'src')), ...INPUTS.filter((f) => existsSync(join(ROOT, f))).map((f) => statSync(join(ROOT, f)).mtimeMs));
  return newest <= built ? 'fresh' : 'stale';
}

/** Compiles src/ into a clean dist/; returns tsc's exit status (0: built). */
export function buildCompiled({ quiet = false } = {}) {
  const began = new Date();
  rmSync(DIST, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', encoding: 'utf8' });
  if (run.status !== 0) {
    if (quiet) process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}`);
    return run.status ?? 1;
  }
  writeFileSync(STAMP, `${began.toISOString()}\n`);
  utimesSync(STAMP, began, began);
  return 0;
}
