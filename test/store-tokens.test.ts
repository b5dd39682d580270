// Search tokens, query reading, ranking of candidates and snippets: pure functions, no database.
import { describe, expect, it } from 'vitest';
import { bm25FromCounts, countPhrases, headOf, queryPhrases, rankForm } from '../src/store/rank.ts';
import { makeSnippet } from '../src/store/snippet.ts';
import { indexTokens, parseQuery, queryTokens, toFts5, toTsQuery, type QueryTerm } from '../src/store/tokens.ts';

/** BM25 of texts as the store ranks them: kept in rankForm (a document's head), counted, scored. */
function bm25Scores(rows: readonly { title: string; body: string }[], terms: readonly QueryTerm[], titleWeight: number): number[] {
  const phrases = queryPhrases(terms);
  return bm25FromCounts(
    rows.map((r) => countPhrases(rankForm(r.title), rankForm(headOf(r.body)), phrases)),
    titleWeight,
  );
}

describe('tokens', () => {
  it('indexes Han runs as bigrams and letters/digits as words', () => {
    expect(indexTokens('通辽市2023年ＧＤＰ增长')).toBe('通辽 辽市 2023 年 gdp 增长');
  });
  it('makes a phrase whose bigrams sit inside the indexed run', () => {
    const idx = indexTokens('任命马力蛟同志为市水务局副局长').split(' ');
    const q = queryTokens('水务局副局长').map((t) => t.text);
    const at = idx.indexOf(q[0]!);
    expect(idx.slice(at, at + q.length)).toEqual(q);
  });
  it('marks a lone Han character at the end of a phrase as a prefix', () => {
    expect(queryTokens('7月14日')).toEqual([
      { text: '7', prefix: false },
      { text: '月', prefix: false },
      { text: '14', prefix: false },
      { text: '日', prefix: true },
    ]);
  });
});

describe('parseQuery', () => {
  it('reads a 文号 in any spelling, most specific first', () => {
    for (const q of ['通政办发〔2023〕63号', '通政办发[2023]63号', '通政办发〔2023〕63 号', '通政办发（2023）第63号', '通政办发［２０２３］６３号']) {
      const p = parseQuery(q);
      expect(p.docNumbers[0], q).toBe('通政办发〔2023〕63号');
      expect(p.terms.map((t) => t.text), q).toEqual(['通政办发〔2023〕63号']);
    }
  });
  it('keeps quoted phrases exact and lets unquoted terms match by their words', () => {
    const p = parseQuery('"知识产权融资" 城乡建设绿色发展');
    expect(p.terms[0]).toMatchObject({ text: '知识产权融资', quoted: true, words: [] });
    expect(p.terms[1]!.words.map((w) => w.text)).toEqual(['城乡建设', '绿色', '发展']);
    expect(toFts5(p)).toBe('"知识 识产 产权 权融 融资" AND ("城乡 乡建 建设 设绿 绿色 色发 发展" OR ("城乡 乡建 建设" AND "绿色" AND "发展"))');
    expect(toTsQuery(p)).toBe(
      "('知识' <-> '识产' <-> '产权' <-> '权融' <-> '融资') & (('城乡' <-> '乡建' <-> '建设' <-> '设绿' <-> '绿色' <-> '色发' <-> '发展') | (('城乡' <-> '乡建' <-> '建设') & '绿色' & '发展'))",
    );
  });
  it('matches dates and numbers only as written', () => {
    expect(parseQuery('7月14日').terms[0]!.words).toEqual([]);
    expect(toFts5(parseQuery('7月14日'))).toBe('"7 月 14 日"*');
    expect(toTsQuery(parseQuery('7月14日'))).toBe("('7' <-> '月' <-> '14' <-> '日':*)");
  });
  it('has nothing to search in punctuation', () => {
    expect(toFts5(parseQuery('，。！'))).toBeNull();
  });
});

describe('makeSnippet', () => {
  it('marks the match in a window and escapes HTML', () => {
    const text = `${'前文'.repeat(40)}依据<规定>开展知识产权质押融资工作${'后文'.repeat(40)}`;
    const s = makeSnippet(text, parseQuery('知识产权质押融资').terms, 40);
    expect(s.startsWith('…')).toBe(true);
    expect(s).toContain('&lt;规定&gt;开展<mark>知识产权质押融资</mark>');
  });
  it('marks a 文号 whatever brackets the text uses', () => {
    expect(makeSnippet('依据通政办发[2023]63号执行', parseQuery('通政办发〔2023〕63号').terms)).toBe('依据<mark>通政办发[2023]63号</mark>执行');
  });
});

describe('bm25Scores (ranking of the candidates)', () => {
  const terms = parseQuery('知识产权质押融资').terms;
  it('puts the written form above its words in any order, and a title match above a body match', () => {
    const scores = bm25Scores(
      [
        { title: '关于做好知识产权质押融资工作的通知', body: '开展知识产权质押融资。' },
        { title: '某办法', body: '开展知识产权质押融资。' },
        { title: '某办法', body: '融资时以知识产权作质押。' },
      ],
      terms,
      8,
    );
    expect(scores[0]).toBeGreaterThan(scores[1]!);
    expect(scores[1]).toBeGreaterThan(scores[2]!);
    expect(scores[2]).toBeGreaterThan(0);
  });
  it('weighs a match in a short text above the same match in a long one', () => {
    const [short, long] = bm25Scores([{ title: '', body: '知识产权质押融资' }, { title: '', body: `知识产权质押融资${'其他内容'.repeat(200)}` }], terms, 8);
    expect(short).toBeGreaterThan(long!);
  });
  it('finds a 文号 as the contract writes it and folds full-width letters', () => {
    expect(bm25Scores([{ title: '', body: '依据通政办发〔2023〕63号文件' }, { title: '', body: '无关' }], parseQuery('通政办发[2023]63号').terms, 8)[0]).toBeGreaterThan(0);
    expect(bm25Scores([{ title: '', body: 'ＡＢＣ系统' }], parseQuery('abc').terms, 8)[0]).toBeGreaterThan(0);
  });
});
