// Import benchmark for one large file: a 100 MB text file made from the seeds (each copy varied,
// bench/corpus.ts), imported by `duban import` into a fresh SQLite store in a child process; prints
// the wall time and the child's peak memory (maximum resident set size, from /usr/bin/time).
// The issue's target: peak ≤ 500 MB.
//
//   node --import tsx bench/import-big.ts [--mb 100]     (npm run bench runs it last;
//   DUBAN_BENCH_QUICK=1 npm run bench skips it)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusDir, prng, readSeeds, vary } from './corpus.ts';

const TARGET_MB = 500;
const args = process.argv.slice(2);
const at = args.indexOf('--mb');
const megabytes = at >= 0 ? Number(args[at + 1]) : 100;

/** The file: every seed in turn, each copy with its own numbers and dates, until it is `megabytes` MB. */
function bigFile(mb: number): string {
  const path = join(corpusDir, `big-${mb}mb.txt`);
  if (existsSync(path)) return path;
  mkdirSync(corpusDir, { recursive: true });
  const seeds = readSeeds();
  const rand = prng(0xb16f11e);
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < mb * 1e6; i++) {
    const s = seeds[i % seeds.length]!;
    const text = `${vary(s.text, { yearShift: Math.floor(rand() * 12) - 8, serialShift: 1 + ((i * 37) % 997), issueShift: Math.floor(rand() * 12), pageShift: Math.floor(rand() * 400) })}\n\n`;
    parts.push(text);
    bytes += Buffer.byteLength(text);
  }
  writeFileSync(path, parts.join(''));
  return path;
}

if (process.env.DUBAN_BENCH_QUICK) {
  console.log('import-big: skipped (DUBAN_BENCH_QUICK)');
} else {
  const file = bigFile(megabytes);
  const dir = mkdtempSync(join(tmpdir(), 'duban-import-big-'));
  const db = join(dir, 'big.db');
  const root = join(import.meta.dirname, '..');
  const timed = existsSync('/usr/bin/time');
  const command = [process.execPath, join(root, 'bin', 'duban.mjs'), '--db', db, 'import', file];
  const started = performance.now();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', 'peak-rss-kb %M', ...command], { encoding: 'utf8', cwd: root })
    : spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', cwd: root });
  const seconds = (performance.now() - started) / 1000;
  const peak = /peak-rss-kb (\d+)/.exec(r.stderr)?.[1];
  const summary = r.stderr.split('\n').find((l) => l.startsWith('共 '));
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exitCode = 1;
  } else {
    const mb = peak === undefined ? null : Number(peak) / 1024;
    console.log(`import of one ${(statSync(file).size / 1e6).toFixed(0)} MB file into a fresh SQLite store: ${seconds.toFixed(1)} s, peak RSS ${mb === null ? 'unknown (no /usr/bin/time)' : `${mb.toFixed(0)} MiB (target ≤ ${TARGET_MB} MB: ${mb * 1.048576 <= TARGET_MB ? 'met' : 'NOT met'})`}`);
    if (summary) console.log(`  ${summary}`);
  }
}
