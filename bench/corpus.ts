// The benchmark corpus, built deterministically from the seed documents.
//
// The seeds are only ~0.5 MB, far too little to measure throughput or memory, and copying them
// verbatim would let any cache or accidental memoisation flatter the numbers. So the corpus is
// made of many gazette-sized files, each one to three seeds concatenated in a pseudo-random order
// and lightly varied (years, 文号 serials, issue numbers, page numbers), plus one large file of
// sixteen equal units for the 1× / 4× / 16× scaling runs. The same seeds always give the same
// bytes (fixed PRNG seed), and a manifest records what was built so a stale corpus is rebuilt.
//
//   node --import tsx bench/corpus.ts [--force]    (npm run bench calls ensureCorpus itself)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the generation rules change, so an old corpus on disk is rebuilt. */
const GENERATOR_VERSION = 1;
const MIN_CORPUS_BYTES = 52_000_000; // MB here and in the report are 10^6 bytes of UTF-8
/** Units in the scaling file; the 1× and 4× inputs are its first 1 and 4 units. */
export const SCALE_UNITS = 16;
/** Seed copies per scaling unit: one unit is about 1 MB, enough to time reliably. */
const SEED_PASSES_PER_UNIT = 2;

export const corpusDir = join(import.meta.dirname, 'corpus');
export const seedsDir = process.env.DUBAN_SEEDS ?? join(import.meta.dirname, '..', '..', 'shared', 'seeds');

export interface Manifest {
  version: number;
  /** Hash of the seed texts the corpus was made from. */
  seeds: string;
  /** Gazette-sized files, in parse order. */
  files: { name: string; bytes: number }[];
  totalBytes: number;
  scale: {
    name: string;
    bytes: number;
    /** Character offset of the end of each unit (prefix k ends at unitEnds[k-1]). */
    unitEnds: number[];
    /** UTF-8 size of each prefix (parallel to unitEnds). */
    prefixBytes: number[];
  };
}

/** mulberry32: tiny, fast and fully deterministic, which is all a corpus generator needs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function readSeeds(dir = seedsDir): { name: string; text: string }[] {
  if (!existsSync(dir)) throw new Error(`seed directory not found: ${dir} (set DUBAN_SEEDS)`);
  const names = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
  if (names.length === 0) throw new Error(`no .txt seeds in ${dir}`);
  return names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

interface Variation {
  yearShift: number;
  serialShift: number;
  issueShift: number;
  pageShift: number;
}

// Every pattern below is a single pass with bounded repetition, so generation stays linear.
const DOC_NUMBER = /([〔［[（(【]\s*)(\d{4})(\s*[〕］\]）)】]\s*)(\d{1,5})(\s*号)/g;
const YEAR_OF_DATE = /(\d{4})(\s*年)/g;
const ISSUE = /(第\s*)(\d{1,3})(\s*期)/g;
const PAGE_MARKER = /^(#+\s*Page\s+)(\d+)/gm;

function shiftYear(year: string, shift: number): string {
  const y = Number(year);
  return y >= 1990 && y <= 2100 ? String(y + shift) : year;
}

/**
 * The seed with its identifying numbers changed: the same layout and quirks, different
 * documents as far as a store or a cache is concerned. Document numbers and dates move together
 * (the year shift applies to both), so a document's number still matches its date.
 */
export function vary(text: string, v: Variation): string {
  return text
    .replace(DOC_NUMBER, (_m, open: string, year: string, close: string, serial: string, hao: string) => {
      const n = ((Number(serial) - 1 + v.serialShift) % 999) + 1;
      return `${open}${shiftYear(year, v.yearShift)}${close}${n}${hao}`;
    })
    .replace(YEAR_OF_DATE, (_m, year: string, nian: string) => `${shiftYear(year, v.yearShift)}${nian}`)
    .replace(ISSUE, (_m, di: string, n: string, qi: string) => `${di}${((Number(n) - 1 + v.issueShift) % 12) + 1}${qi}`)
    .replace(PAGE_MARKER, (_m, head: string, n: string) => `${head}${Number(n) + v.pageShift}`);
}

function randomVariation(rand: () => number, index: number): Variation {
  return {
    // Years 2015–2026 around the seeds' 2022–2023: keeps dates plausible (and leap days rare).
    yearShift: Math.floor(rand() * 12) - 8,
    // The index makes serials differ between any two files even when the PRNG repeats a choice.
    serialShift: 1 + ((index * 37 + Math.floor(rand() * 500)) % 997),
    issueShift: Math.floor(rand() * 12),
    pageShift: Math.floor(rand() * 400),
  };
}

function seedHash(seeds: readonly { name: string; text: string }[]): string {
  const h = createHash('sha256');
  for (const s of seeds) h.update(s.name).update('\0').update(s.text).update('\0');
  return h.digest('hex').slice(0, 16);
}

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Builds the corpus into `dir` (replacing what is there) and returns its manifest. */
export function buildCorpus(dir = corpusDir, seeds = readSeeds()): Manifest {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rand = prng(0x5eed_d0c5);
  const files: Manifest['files'] = [];
  const hashes = new Set<string>();
  let totalBytes = 0;
  for (let index = 0; totalBytes < MIN_CORPUS_BYTES; index++) {
    // One to three seeds: a single gazette, or a bound volume of several, as offices receive them.
    const count = 1 + Math.floor(rand() * 3);
    const picked = shuffled(seeds, rand).slice(0, count);
    const text = picked.map((s) => vary(s.text, randomVariation(rand, index))).join('\n\n');
    const hash = createHash('sha1').update(text).digest('hex');
    if (hashes.has(hash)) continue; // never time the same bytes twice
    hashes.add(hash);
    const name = `gazette-${String(index).padStart(4, '0')}.txt`;
    writeFileSync(join(dir, name), text);
    const bytes = Buffer.byteLength(text);
    files.push({ name, bytes });
    totalBytes += bytes;
  }

  // The scaling file: sixteen units of the same make-up (every seed, SEED_PASSES_PER_UNIT times,
  // each copy varied), so a prefix of k units is k times the work of one unit.
  const units: string[] = [];
  for (let u = 0; u < SCALE_UNITS; u++) {
    const parts: string[] = [];
    for (let pass = 0; pass < SEED_PASSES_PER_UNIT; pass++) {
      for (const s of seeds) parts.push(vary(s.text, randomVariation(rand, 10_000 + u * 10 + pass)));
    }
    units.push(`${parts.join('\n\n')}\n\n`);
  }
  const unitEnds: number[] = [];
  const prefixBytes: number[] = [];
  let chars = 0;
  let bytes = 0;
  for (const unit of units) {
    chars += unit.length;
    bytes += Buffer.byteLength(unit);
    unitEnds.push(chars);
    prefixBytes.push(bytes);
  }
  const scaleName = 'scale.txt';
  writeFileSync(join(dir, scaleName), units.join(''));

  const manifest: Manifest = {
    version: GENERATOR_VERSION,
    seeds: seedHash(seeds),
    files,
    totalBytes,
    scale: { name: scaleName, bytes, unitEnds, prefixBytes },
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

/** The manifest of the corpus on disk, or null when it is missing, incomplete or made from other seeds. */
export function currentCorpus(dir = corpusDir, seeds = readSeeds()): Manifest | null {
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) return null;
  try {
    const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    const complete = [...m.files.map((f) => f.name), m.scale.name].every((n) => existsSync(join(dir, n)));
    return m.version === GENERATOR_VERSION && m.seeds === seedHash(seeds) && complete ? m : null;
  } catch {
    return null; // a half-written or hand-edited manifest: rebuild
  }
}

/** The corpus on disk, built first when it is missing, incomplete or made from other seeds. */
export function ensureCorpus(dir = corpusDir): { manifest: Manifest; built: boolean } {
  const seeds = readSeeds();
  const manifest = currentCorpus(dir, seeds);
  return manifest !== null ? { manifest, built: false } : { manifest: buildCorpus(dir, seeds), built: true };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const { manifest, built } = process.argv.includes('--force') ? { manifest: buildCorpus(), built: true } : ensureCorpus();
  const mb = (n: number) => (n / 1e6).toFixed(1);
  console.log(
    `${built ? 'built' : 'up to date'}: ${manifest.files.length} files, ${mb(manifest.totalBytes)} MB; ` +
      `${manifest.scale.name} ${mb(manifest.scale.bytes)} MB in ${SCALE_UNITS} units ` +
      `(${((performance.now() - started) / 1000).toFixed(1)} s) → ${corpusDir}`,
  );
}
