// Which candidates PostgreSQL search may return without asking the engine for their phrases
// (rank.ts shownByCounts over the counts of the kept text, tokens.ts surePhrase): whenever it says
// yes, the index's phrase query must match that text. Checked against a reference matcher that
// runs the phrases over the text's index tokens the way the engines do (consecutive positions, a
// last lone Han character as a prefix), on texts made of pieces in the seeds' style.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countPhrases, queryPhrases, rankForm, shownByCounts } from '../src/store/rank.ts';
import { parseQuery, surePhrase } from '../src/store/tokens.ts';
import { engineMatches } from './reference-match.ts';

function shown(text: string, query: string): boolean {
  const terms = parseQuery(query).terms;
  const phrases = queryPhrases(terms);
  return shownByCounts(terms, phrases, countPhrases('', rankForm(text), phrases), 'task');
}

describe('shownByCounts', () => {
  it('trusts a Han phrase found in the text, in any form the query takes', () => {
    expect(shown('一、加快知识产权质押融资工作。', '知识产权质押融资')).toBe(true);
    expect(shown('二、推进城乡建设绿色发展。', '"城乡建设绿色发展"')).toBe(true);
    expect(shown('融资方式包括知识产权和质押', '知识产权质押融资')).toBe(true); // its words, any order
    expect(shown('二、推进城乡建设。', '"城乡建设绿色发展"')).toBe(false);
  });

  it('trusts a document title, where the index holds the title as written', () => {
    const terms = parseQuery('突发重大动物疫情').terms;
    const phrases = queryPhrases(terms);
    const counts = countPhrases(rankForm('某市突发重大动物疫情应急预案 某政发〔2020〕1号'), rankForm('第一章 总则'), phrases);
    expect(shownByCounts(terms, phrases, counts, 'document')).toBe(true);
    // An appointment's kept title is not what its index entry holds as title.
    expect(shownByCounts(terms, phrases, counts, 'appointment')).toBe(false);
  });

  it('leaves numbers, lone characters and spaced phrases to the engine', () => {
    expect(surePhrase('7月14日')).toBe(false);
    expect(surePhrase('通政办发〔2023〕63号')).toBe(false);
    expect(surePhrase('城乡 建设')).toBe(false);
    expect(surePhrase('城乡建设、绿色发展')).toBe(true);
    expect(shown('于7月14日召开', '7月14日')).toBe(false);
  });

  it('never trusts a text that the index would not match', () => {
    const pieces = ['知识产权', '质押', '融资', '月', '日', '7', '14', '2023', '号', '〔', '〕', '、', '，', '上', '年', 'G', 'dp', ' ', '市', '通政办发', '建设', '城乡'];
    const piece = fc.constantFrom(...pieces);
    let trusted = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), fc.array(piece, { minLength: 1, maxLength: 4 }), fc.boolean(), (body, queryPieces, quoted) => {
        const written = queryPieces.join('').trim();
        const query = quoted ? `"${written}"` : written;
        const terms = parseQuery(query).terms;
        if (terms.length === 0) return;
        const text = body.join('');
        if (shown(text, query)) {
          trusted++;
          expect(engineMatches(text, terms), `${query} in ${text}`).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
    // A function that never trusts anything passes the property: make sure this one often does.
    expect(trusted).toBeGreaterThan(50);
  });

  it('has a reference matcher that decides by tokens, not by strings', () => {
    // 上月14日 holds the string 月14日 but not its phrase: 上月 is one token.
    expect(engineMatches('上月14日', parseQuery('月14日').terms)).toBe(false);
    expect(engineMatches('于7月14日召开', parseQuery('7月14日').terms)).toBe(true);
  });
});
