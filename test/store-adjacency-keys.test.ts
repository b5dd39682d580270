// The adjacency keys of numbers (src/store/adjacency-keys.ts) narrow PostgreSQL's loose query;
// they must never narrow it below the exact one. Checked three ways: examples in the seeds'
// style, a property against the reference token matcher (every text the exact phrase matches
// holds every key of the query), and on PostgreSQL itself: each row the exact tsquery matches,
// the loose tsquery matches too, and the keys cut the loose set for numbers.
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { adjacencyKeys } from '../src/store/adjacency-keys.ts';
import { pgVectors } from '../src/store/fts.ts';
import { indexTokens, parseQuery, toLooseTsQuery, toTsQuery } from '../src/store/tokens.ts';
import { engineMatches } from './reference-match.ts';
import { DIALECTS, freshStore } from './store-targets.ts';

const keysOf = (text: string) => adjacencyKeys(indexTokens(text).split(' '));
const queryKeys = (query: string) => parseQuery(query).terms.flatMap((t) => adjacencyKeys(t.phrase.map((p) => p.text)));

const PIECES = ['7', '14', '2022', '6', '63', '月', '日', '年', '号', '第', '〔', '〕', '（', '）', '、', '，', ' ', '召开', '兴署发', '通政办发', '文件', '上', 'GDP', '１２', '知识产权'];
const piece = fc.constantFrom(...PIECES);

describe('adjacency keys', () => {
  it('join a number to the characters beside it, and a lone character between two numbers', () => {
    expect(keysOf('于2023年7月14日召开')).toEqual(['于_2023', '2023_年', '2023年7', '年_7', '7_月', '7月14', '月_14', '14_日']);
    expect(keysOf('兴署发〔2022〕6号文件')).toEqual(['发_2022', '2022_6', '6_号']);
    // Han next to Han, or letters alone, make no keys.
    expect(keysOf('知识产权质押融资')).toEqual([]);
    expect(keysOf('gdp')).toEqual([]);
  });

  it('take a last lone character of a query as the text’s token starts (日 of 日召)', () => {
    expect(queryKeys('7月14日')).toEqual(['7_月', '7月14', '月_14', '14_日']);
    expect(keysOf('7月14日召开')).toEqual(expect.arrayContaining(queryKeys('7月14日')));
  });

  it('are all in every text the exact phrase matches', () => {
    let matched = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 16 }), fc.array(piece, { minLength: 1, maxLength: 5 }), (body, queryPieces) => {
        const text = body.join('');
        const query = queryPieces.join('').trim();
        const terms = parseQuery(query).terms;
        if (terms.length === 0 || !engineMatches(text, terms)) return;
        matched++;
        const have = new Set(keysOf(text));
        for (const t of terms) {
          if (t.words.length > 0) continue; // a term with words is loosened to its words alone
          for (const k of adjacencyKeys(t.phrase.map((p) => p.text))) expect(have.has(k), `${k} of ${query} in ${text}`).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
    expect(matched).toBeGreaterThan(100);
  });
});

const pg = DIALECTS.find((d) => d.dialect === 'postgres')!;
describe.skipIf(!pg.available)('adjacency keys on PostgreSQL', () => {
  const fresh = freshStore('postgres');
  beforeAll(async () => {
    await sql`CREATE TEMPORARY TABLE texts (id integer PRIMARY KEY, tsv tsvector NOT NULL)`.execute(fresh.store.db);
  });

  /** Ids of the rows of `texts` a tsquery matches. */
  const matching = async (query: string) =>
    (await sql<{ id: number }>`SELECT id FROM texts WHERE tsv @@ CAST(${query} AS tsquery) ORDER BY id`.execute(fresh.store.db)).rows.map((r) => r.id);

  it('leave every exact match in the loose set, and cut the loose set for numbers', async () => {
    const texts = fc.sample(fc.array(piece, { minLength: 1, maxLength: 24 }).map((p) => p.join('')), { numRuns: 400, seed: 7 });
    texts.push('会议于2023年7月14日召开', '2023年7月1日至3月14日', '兴署发〔2022〕6号', '兴署发〔2022〕16号', '2022年6月兴署发文件');
    await sql`TRUNCATE texts`.execute(fresh.store.db);
    for (const [id, text] of texts.entries()) {
      await sql`INSERT INTO texts VALUES (${id}, ${pgVectors({ title: '', body: text })[0]!}::tsvector)`.execute(fresh.store.db);
    }
    const queries = fc.sample(fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join('').trim()), { numRuns: 150, seed: 11 });
    queries.push('7月14日', '兴署发（2022）第6号', '2022〕6');
    let exactHits = 0;
    for (const q of queries) {
      const parsed = parseQuery(q);
      if (parsed.terms.length === 0) continue;
      const exact = await matching(toTsQuery(parsed)!);
      const loose = new Set(await matching(toLooseTsQuery(parsed)!));
      exactHits += exact.length;
      for (const id of exact) expect(loose.has(id), `${q} matches ${texts[id]} exactly but not loosely`).toBe(true);
    }
    expect(exactHits).toBeGreaterThan(100);

    // 7月1日…3月14日 holds 7, 月, 14 but not 7月14: the keys keep it out of the loose set.
    const looseDate = await matching(toLooseTsQuery(parseQuery('7月14日'))!);
    expect(looseDate.map((id) => texts[id])).toContain('会议于2023年7月14日召开');
    expect(looseDate.map((id) => texts[id])).not.toContain('2023年7月1日至3月14日');
    const looseNumber = (await matching(toLooseTsQuery(parseQuery('兴署发〔2022〕6号'))!)).map((id) => texts[id]);
    expect(looseNumber).toContain('兴署发〔2022〕6号');
    expect(looseNumber).not.toContain('兴署发〔2022〕16号');
    expect(looseNumber).not.toContain('2022年6月兴署发文件');
  });
});
