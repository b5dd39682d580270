// PostgreSQL's candidate search (src/store/fts-pg.ts): the newest matches of the loosened query,
// through widening windows of ids, and the phrase check search makes of the ones it returns. The
// windows start at thousands of rows; here they start at one row so that a small store goes
// through every step.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgConfirmed, pgLooseCandidates } from '../src/store/fts-pg.ts';
import { importFile } from '../src/store/import.ts';
import { queryPhrases } from '../src/store/rank.ts';
import { engineQuery, search } from '../src/store/search.ts';
import { parseQuery, toLooseTsQuery } from '../src/store/tokens.ts';
import { DIALECTS, freshStore, testClock, testDay } from './store-targets.ts';

const work = mkdtempSync(join(tmpdir(), 'duban-pg-search-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
function notice(title: string, number: string, body: string): string {
  const dir = join(work, `d${n++}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'f.txt');
  writeFileSync(path, [title, '', number, '', '各区县人民政府，市政府各部门：', body, '', '某某市人民政府办公室', '2024年3月2日'].join('\n'));
  return path;
}

const pgAvailable = DIALECTS.find((d) => d.dialect === 'postgres')!.available;

describe.skipIf(!pgAvailable)('PostgreSQL candidates (fts-pg.ts)', () => {
  const fresh = freshStore('postgres');
  const numbers: string[] = [];
  beforeAll(async () => {
    // Alternating: the phrase as written (even k), and its bigrams scattered (odd k), which the
    // loosened query matches and the exact one must not.
    for (let k = 0; k < 12; k++) {
      // Ids 30,000 apart: the documents lie in different buckets, fine and coarse (fts-pg.ts
      // ID_BUCKET, COARSE_BUCKET), so windows of either, their widening and the last scan
      // without buckets all run.
      await sql`ALTER TABLE search_entries ALTER COLUMN id RESTART WITH ${sql.lit(5_000 + k * 30_000)}`.execute(fresh.store.db);
      const number = `某政办发〔2024〕${100 + k}号`;
      numbers.push(number);
      const body = k % 2 === 0 ? `一、推进秸秆禁烧工作，第${k}项。` : `一、秸秆还田，麦秆禁放，严格禁烧，第${k}项。`;
      expect((await importFile(fresh.store, notice(`某某市人民政府办公室关于第${k}批事项的通知`, number, body), testClock)).status).toBe('imported');
    }
  });

  const text = () => engineQuery(fresh.store, parseQuery('"秸秆禁烧"'))!;
  const phrases = queryPhrases(parseQuery('"秸秆禁烧"').terms);

  const loose = () => toLooseTsQuery(parseQuery('"秸秆禁烧"'))!;

  it('loosens phrases to their tokens and number keys, leaving out a last lone character', () => {
    expect(loose()).toBe("('秸秆' & '秆禁' & '禁烧')");
    // Numbers bring their adjacency keys (adjacency-keys.ts).
    expect(toLooseTsQuery(parseQuery('7月14日'))).toBe("('7' & '月' & '14' & '7_月' & '7月14' & '月_14' & '14_日')");
    expect(toLooseTsQuery(parseQuery('法'))).toBe("'法':*");
  });

  it('returns the newest loose matches, newest first, through every window', async () => {
    const count = await sql<{ n: number | string }>`SELECT count(*) AS n FROM search_entries WHERE kind = 'document' AND tsv @@ CAST(${loose()} AS tsquery)`.execute(fresh.store.db);
    expect(Number(count.rows[0]!.n)).toBe(12);
    for (const firstBuckets of [1, 3, 4_000]) {
      const { rows, next } = await pgLooseCandidates(fresh.store.db, loose(), { asOf: '2026-01-01' }, 200, phrases, undefined, firstBuckets);
      expect(rows.filter((r) => r.kind === 'document')).toHaveLength(12);
      expect(next).toBeNull();
      const ids = rows.map((r) => r.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      // Counted by the engine: the documents written with the phrase hold it once.
      expect(rows.filter((r) => r.kind === 'document' && r.counts.bodyHits[0] === 1)).toHaveLength(6);
    }
  });

  it('stops at the cap with the newest ones, and goes on below them', async () => {
    const all = (await pgLooseCandidates(fresh.store.db, loose(), { asOf: '2026-01-01' }, 200, phrases, undefined, 1)).rows;
    const two = await pgLooseCandidates(fresh.store.db, loose(), { asOf: '2026-01-01' }, 2, phrases, undefined, 1);
    expect(two.rows.map((r) => r.id)).toEqual(all.slice(0, 2).map((r) => r.id));
    const rest = await pgLooseCandidates(fresh.store.db, loose(), { asOf: '2026-01-01' }, 200, phrases, two.next!, 1);
    expect(rest.rows.map((r) => r.id)).toEqual(all.slice(2).map((r) => r.id));
  });

  it('confirms only the entries that hold the phrase', async () => {
    const { rows } = await pgLooseCandidates(fresh.store.db, loose(), { asOf: '2026-01-01' }, 200, phrases);
    const docs = rows.filter((r) => r.kind === 'document');
    const exact = await pgConfirmed(fresh.store.db, text(), docs);
    expect(exact.size).toBe(6);
    for (const d of docs) expect(exact.has(`document:${d.ref_id}`)).toBe(d.counts.bodyHits[0]! > 0);
  });

  it('search finds only the texts holding the phrase as written', async () => {
    const hits = await search(fresh.store, '"秸秆禁烧"', { asOf: testDay, kinds: ['document'], limit: 20 });
    expect(hits.map((h) => h.docNumber).sort()).toEqual(numbers.filter((_, k) => k % 2 === 0).sort());
  });

  it('goes on to older candidates when the newest hold too few exact matches', async () => {
    // Sets of three: each holds one or two of the documents written with the phrase.
    const hits = await search(fresh.store, '"秸秆禁烧"', { asOf: testDay, kinds: ['document'], limit: 3, candidates: 1 });
    expect(hits.map((h) => h.docNumber).sort()).toEqual([numbers[6], numbers[8], numbers[10]].sort());
  });
});
