// Reads V8 CPU profiles (node --cpu-prof) and prints where the time went: self time and total
// (inclusive) time per function, as shares of the profile. Made for the parser benchmark:
//
//   node --expose-gc --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/run.ts --no-scale
//   node --import tsx bench/hotspots.ts /tmp/prof/*.cpuprofile [--top 25]
//
// Node writes one profile per thread (tsx adds a loader thread); the one with the most time in
// this repository's sources is reported. Functions are named "name file:line" with the file
// relative to the repository; line numbers are those of the code tsx produced, so the function
// name is what to go by.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const repoUrl = pathToFileURL(resolve(import.meta.dirname, '..')).href + '/';

function label(n: ProfileNode): string {
  const { functionName, url, lineNumber } = n.callFrame;
  const file = url.startsWith(repoUrl) ? url.slice(repoUrl.length) : url.replace(/^.*\/node_modules\//, 'node_modules/');
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

export function hotspots(profile: Profile): { self: Map<string, number>; total: Map<string, number>; time: number; inSources: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const perNode = new Map<number, number>();
  let time = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    perNode.set(id, (perNode.get(id) ?? 0) + dt);
    time += dt;
  });
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let inSources = 0;
  for (const [id, dt] of perNode) {
    const leaf = byId.get(id)!;
    self.set(label(leaf), (self.get(label(leaf)) ?? 0) + dt);
    // Count each function once per sample even when it recurses.
    const seen = new Set<string>();
    let inRepo = false;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur)!;
      const key = label(node);
      if (node.callFrame.url.startsWith(`${repoUrl}src/`)) inRepo = true;
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + dt);
    }
    if (inRepo) inSources += dt;
  }
  return { self, total, time, inSources };
}

if (process.argv[1] !== undefined && import.meta.filename === resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
  const files = args.filter((a, i) => !a.startsWith('--') && (topAt < 0 || i !== topAt + 1));
  if (files.length === 0) {
    console.error('usage: node --import tsx bench/hotspots.ts FILE.cpuprofile… [--top N]');
    process.exit(2);
  }
  const best = files
    .map((f) => ({ f, h: hotspots(JSON.parse(readFileSync(f, 'utf8')) as Profile) }))
    .sort((a, b) => b.h.inSources - a.h.inSources)[0]!;
  const { self, total, time, inSources } = best.h;
  const pct = (t: number) => `${((100 * t) / time).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>, onlyRepo: boolean) =>
    [...m]
      .filter(([k]) => !onlyRepo || k.includes(' src/') || k.includes('node_modules/'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, t]) => `  ${pct(t)}  ${k}`)
      .join('\n');
  console.log(`${best.f}: ${(time / 1e6).toFixed(2)} s sampled, ${pct(inSources).trim()} under src/`);
  console.log(`\nself time (top ${top}):\n${list(self, false)}`);
  console.log(`\ntotal time, src/ and libraries (top ${top}):\n${list(total, true)}`);
}
