// Where a search's time goes: runs searchWithFacets (what /api/search runs) over the 30 queries
// of bench/store-corpus.ts on a store, in this thread, and prints the time per search; with
// --statements also each SQL statement's total time (better-sqlite3 only). For a CPU profile:
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/search-profile.ts --db PATH
//   node --import tsx bench/hotspots.ts /tmp/prof/*.cpuprofile
//
//   node --import tsx bench/search-profile.ts --db PATH [--rounds 5] [--statements]
// PATH: a store built by bench/search-load.ts (bench/corpus/stores/…) or a PostgreSQL URL.
import Sqlite from 'better-sqlite3';
import { QUERIES } from './store-corpus.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
};
const db = option('--db', '');
if (!db) throw new Error('--db PATH (or a PostgreSQL URL) is required');
const rounds = Number(option('--rounds', '5'));

const statements = new Map<string, { n: number; ms: number }>();
if (args.includes('--statements')) {
  // Each prepared statement's calls timed by its text's start.
  const proto = Sqlite.prototype as unknown as { prepare: (text: string) => Record<string, (...a: unknown[]) => unknown> };
  const prepare = proto.prepare;
  proto.prepare = function (this: unknown, text: string) {
    const statement = prepare.call(this, text);
    const key = text.replace(/\s+/g, ' ').slice(0, 100);
    for (const method of ['all', 'get', 'run']) {
      const call = statement[method]!.bind(statement);
      statement[method] = (...a: unknown[]) => {
        const t0 = performance.now();
        try {
          return call(...a);
        } finally {
          const s = statements.get(key) ?? { n: 0, ms: 0 };
          s.n++;
          s.ms += performance.now() - t0;
          statements.set(key, s);
        }
      };
    }
    return statement;
  };
}
const { openStore } = await import('../src/store/open.ts');
const { searchWithFacets } = await import('../src/store/search.ts');

const store = await openStore(db);
const asOf = '2026-01-01';
for (const q of QUERIES) await searchWithFacets(store, q, { asOf }); // warm-up
statements.clear();
const times: number[] = [];
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let r = 0; r < rounds; r++) {
  for (const q of QUERIES) {
    const t = performance.now();
    await searchWithFacets(store, q, { asOf });
    times.push(performance.now() - t);
  }
}
const total = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
// CPU time says what a search costs when the machine is shared (a wait for a core is not in it).
console.log(
  `${times.length} searches in ${total.toFixed(0)} ms: mean ${(total / times.length).toFixed(2)} ms, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms; CPU ${((cpu.user + cpu.system) / 1000 / times.length).toFixed(2)} ms per search (user ${(cpu.user / 1000 / times.length).toFixed(2)}, system ${(cpu.system / 1000 / times.length).toFixed(2)})`,
);
for (const [text, s] of [...statements].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
  console.log(`${(s.ms / times.length).toFixed(2).padStart(7)} ms/search  ${String(s.n).padStart(5)}×  ${text}`);
}
await store.close();
