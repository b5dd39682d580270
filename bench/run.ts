// Parser benchmark: throughput and peak memory of parseText on a corpus of gazette-sized files
// made from the seeds (bench/corpus.ts), and the time for 1× / 4× / 16× of one input, which must
// grow linearly. One core, no workers: the figure is what a single import process gets.
//
//   npm run bench            (node --expose-gc --import tsx bench/run.ts)
//
// Options: --passes N (timed passes over the corpus, default 2), --no-scale, --no-corpus.
// MB are 10^6 bytes of UTF-8 input, the size of the files as an office stores them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractAll, parseDocuments, type ParsedText } from '../src/pipeline.ts';
import type { ParseResult } from '../src/types.ts';
import { corpusDir, currentCorpus, readSeeds, SCALE_UNITS } from './corpus.ts';

/** The issue's target for one core. */
const TARGET_MB_S = 10;
/** Scaling steps, in units of the scaling file. */
const STEPS = [1, 4, 16] as const;
/** Repetitions per scaling step: small inputs are timed more often; the best time is reported (least disturbed by other processes). */
const REPEATS: Record<number, number> = { 1: 7, 4: 3, 16: 2 };

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? Number(args[at + 1]) : fallback;
};
const passes = Math.max(1, option('--passes', 2));

const gc: () => void =
  typeof globalThis.gc === 'function'
    ? (globalThis.gc as () => void)
    : () => {
        throw new Error('run with --expose-gc (npm run bench does)');
      };

const mb = (bytes: number) => bytes / 1e6;
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const mib = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MiB`;

/** Heap in use, sampled after every parse before any collection: garbage included, so an upper view. */
let heapPeak = 0;
function sampleHeap(): void {
  const used = process.memoryUsage().heapUsed;
  if (used > heapPeak) heapPeak = used;
}

function table(rows: readonly [string, string][]): string {
  const w = Math.max(...rows.map(([k]) => k.length));
  const v = Math.max(...rows.map(([, x]) => x.length));
  const rule = `+${'-'.repeat(w + 2)}+${'-'.repeat(v + 2)}+`;
  return [rule, ...rows.map(([k, x]) => `| ${k.padEnd(w)} | ${x.padStart(v)} |`), rule].join('\n');
}

/** Time spent in task extraction (after parsing), summed by timeParse. */
let extractMs = 0;
let tasksFound = 0;

/**
 * Parses once, then extracts tasks, and returns the parse milliseconds; extraction time is added to
 * `extractMs`. The result is handed to `keep` so it is not optimised away.
 */
function timeParse(text: string, source: string, keep: (r: ParseResult) => void): number {
  const t0 = performance.now();
  const parsed: ParsedText = parseDocuments(text, source);
  const t1 = performance.now();
  const result = extractAll(parsed);
  const t2 = performance.now();
  extractMs += t2 - t1;
  tasksFound += result.documents.reduce((n, d) => n + d.tasks.length, 0);
  sampleHeap();
  keep(result);
  return t1 - t0;
}

const started = performance.now();
console.log(`duban parser benchmark — node ${process.version}, ${process.platform}/${process.arch}, one core, no workers`);

// A missing corpus is built in a child process, so that building it does not count in this
// process's memory figures.
const corpusStart = performance.now();
let manifest = currentCorpus();
const built = manifest === null;
if (manifest === null) {
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'corpus.ts')], { stdio: 'inherit' });
  manifest = currentCorpus();
  if (manifest === null) throw new Error('bench/corpus.ts did not produce a usable corpus');
}
console.log(
  `corpus: ${manifest.files.length} files, ${fmt(mb(manifest.totalBytes))} MB ` +
    `(${built ? `built in ${fmt((performance.now() - corpusStart) / 1000)} s` : 'reused'}) in ${corpusDir}`,
);

// Warm-up: the JIT compiles the hot paths and the lazy parts (OpenCC tables, the jieba dictionary)
// are loaded before anything is timed.
const seeds = readSeeds();
let sink = 0;
const keep = (r: ParseResult) => {
  sink += r.documents.length + r.warnings.length;
};
const warmStart = performance.now();
for (let round = 0; round < 3; round++) for (const s of seeds) timeParse(s.text, s.name, keep);
console.log(`warm-up: ${seeds.length} seeds × 3 in ${fmt((performance.now() - warmStart) / 1000)} s`);

if (!args.includes('--no-corpus')) {
  gc();
  const baseRss = process.memoryUsage().rss;
  heapPeak = 0;
  extractMs = 0;
  tasksFound = 0;
  let parseMs = 0;
  let bytes = 0;
  let chars = 0;
  let documents = 0;
  let slowest = { name: '', mbs: Infinity };
  for (let pass = 0; pass < passes; pass++) {
    for (const f of manifest.files) {
      // Reading is not timed: the figure is the parser's, not the disk's.
      const text = readFileSync(join(corpusDir, f.name), 'utf8');
      const ms = timeParse(text, f.name, (r) => {
        documents += r.documents.length;
        keep(r);
      });
      parseMs += ms;
      bytes += f.bytes;
      chars += text.length;
      const mbs = mb(f.bytes) / (ms / 1000);
      if (mbs < slowest.mbs) slowest = { name: f.name, mbs };
    }
  }
  const throughput = mb(bytes) / (parseMs / 1000);
  // maxRSS is the true high-water mark of the process (kernel-tracked), in KiB.
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log();
  console.log(
    table([
      ['input', `${manifest.files.length} files × ${passes} pass${passes > 1 ? 'es' : ''}`],
      ['bytes parsed', `${fmt(mb(bytes))} MB`],
      ['characters parsed', `${fmt(chars / 1e6)} M`],
      ['parse time', `${fmt(parseMs / 1000, 2)} s`],
      ['throughput', `${fmt(throughput, 2)} MB/s`],
      ['characters per second', `${fmt(chars / 1e6 / (parseMs / 1000), 2)} M/s`],
      ['documents found', `${documents} (${fmt(documents / (parseMs / 1000), 0)}/s)`],
      ['extraction time (tasks)', `${fmt(extractMs / 1000, 2)} s (${fmt((100 * extractMs) / parseMs, 0)}% of parsing)`],
      ['extraction throughput', `${fmt(mb(bytes) / (extractMs / 1000), 2)} MB/s`],
      ['tasks found', `${tasksFound} (${fmt(tasksFound / (extractMs / 1000), 0)}/s)`],
      ['parse + extract', `${fmt(mb(bytes) / ((parseMs + extractMs) / 1000), 2)} MB/s`],
      ['slowest single file', `${slowest.name} ${fmt(slowest.mbs, 2)} MB/s`],
      ['peak RSS (process)', mib(peakRss)],
      ['RSS before the corpus', mib(baseRss)],
      ['peak heap used (sampled)', mib(heapPeak)],
      [`target ≥ ${TARGET_MB_S} MB/s`, throughput >= TARGET_MB_S ? 'met' : `NOT met (${fmt(throughput / TARGET_MB_S, 2)}×)`],
      ['extraction costs less than parsing', extractMs < parseMs ? 'yes' : 'NO'],
    ]),
  );
}

if (!args.includes('--no-scale')) {
  const whole = readFileSync(join(corpusDir, manifest.scale.name), 'utf8');
  console.log();
  console.log(`scaling on ${manifest.scale.name} (${SCALE_UNITS} units of every seed × 2, each copy varied); best of ${REPEATS[1]}/${REPEATS[4]}/${REPEATS[16]} runs:`);
  let baseMs = 0;
  for (const k of STEPS) {
    const text = whole.slice(0, manifest.scale.unitEnds[k - 1]);
    const bytes = manifest.scale.prefixBytes[k - 1]!;
    const times: number[] = [];
    for (let r = 0; r < (REPEATS[k] ?? 2); r++) {
      gc(); // every repeat starts from the same heap, so a collection left over is not timed
      times.push(timeParse(text, `scale-${k}x`, keep));
    }
    const ms = Math.min(...times);
    if (k === 1) baseMs = ms;
    const ratio = ms / baseMs;
    console.log(
      `  ${String(k).padStart(2)}×  ${fmt(mb(bytes), 2).padStart(6)} MB  ${fmt(ms, 0).padStart(6)} ms  ` +
        `${fmt(mb(bytes) / (ms / 1000), 2).padStart(6)} MB/s  time ratio ${fmt(ratio, 2).padStart(5)} (linear: ${k}; per unit ${fmt(ratio / k, 2)})`,
    );
  }
  console.log(`  peak RSS of the process after the ${STEPS[STEPS.length - 1]}× run: ${mib(process.resourceUsage().maxRSS * 1024)}`);
}

console.log();
console.log(`total ${fmt((performance.now() - started) / 1000)} s`);
// Reading the sink keeps the results observable, so no parse can be optimised away.
if (sink < 0) console.log(sink);
