// What the application hands the engines must mean what the engines' own functions would make:
//   - the phrase counts rank.ts asks the engine for (rankCountsSql) equal the application's own
//     count (countPhrases), on SQLite and PostgreSQL;
//   - the binary tsvector (tsvector.ts) equals PostgreSQL's
//     setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'D').
// Texts are made of pieces in the seeds' style: Han words, numbers, 文号 brackets, full-width
// letters, repeated phrases.
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { countPhrases, rankCountsSql, rankForm, readCounts } from '../src/store/rank.ts';
import { indexTokens } from '../src/store/tokens.ts';
import { encodeTsvector } from '../src/store/tsvector.ts';
import { DIALECTS, freshStore } from './store-targets.ts';

const PIECES = ['应急预案', '应急', '预案', '管理', '通政办发〔2023〕63号', '７月１４日', 'GDP', '、', '，', '。', ' ', '市应急管理局', '𠀀', '丰', '﨑', '2024年'];
const text = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 40 }).map((p) => p.join(''));

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`phrase counts made by the engine (${dialect})`, () => {
    const fresh = freshStore(dialect);

    it('equal the application’s count for every phrase, and the length', async () => {
      const phrases = ['应急预案', '应急', '63号', 'gdp', '7月14日'].map(rankForm);
      await fc.assert(
        fc.asyncProperty(text, text, async (title, body) => {
          const t = rankForm(title);
          const b = rankForm(body);
          const row = (await sql<Record<string, unknown>>`SELECT ${rankCountsSql(phrases)} FROM (SELECT ${t} AS rank_title, ${b} AS rank_text) r`.execute(fresh.store.db)).rows[0]!;
          expect(readCounts(row, phrases.length)).toEqual(countPhrases(t, b, phrases));
        }),
        { numRuns: 60 },
      );
    });
  });
}

describe.skipIf(!DIALECTS.find((d) => d.dialect === 'postgres')!.available)('binary tsvector (PostgreSQL)', () => {
  const fresh = freshStore('postgres');

  const same = async (title: string, body: string) => {
    const t = indexTokens(title);
    const b = indexTokens(body);
    const r = await sql<{ same: boolean }>`SELECT ${encodeTsvector(t.split(' '), b.split(' '))}::tsvector
        = (setweight(to_tsvector('simple', ${t}), 'A') || setweight(to_tsvector('simple', ${b}), 'D')) AS same`.execute(fresh.store.db);
    return r.rows[0]!.same;
  };

  it('is what to_tsvector and setweight make of the same tokens', async () => {
    await fc.assert(
      fc.asyncProperty(text, text, async (title, body) => {
        expect(await same(title, body)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps at most 255 positions of a word, as to_tsvector does', async () => {
    expect(await same('应急预案', '应急管理，'.repeat(400))).toBe(true);
  });

  it('is refused by nothing: an empty text, and a text past the last position', async () => {
    expect(await same('', '')).toBe(true);
    const long = encodeTsvector([], Array.from({ length: 20_000 }, (_, i) => `w${i % 300}`));
    const r = await sql<{ n: number }>`SELECT length(${long}::tsvector) AS n`.execute(fresh.store.db);
    expect(Number(r.rows[0]!.n)).toBe(300);
  });
});
