// A reference for what the engines' phrase queries match, used by property tests: the phrases run
// over a text's index tokens the way FTS5 and PostgreSQL run them (consecutive positions, a last
// lone Han character as a prefix of the token there).
import { indexTokens, type QueryTerm, type Token } from '../src/store/tokens.ts';

export function phraseMatches(tokens: readonly string[], phrase: readonly Token[]): boolean {
  for (let at = 0; at + phrase.length <= tokens.length; at++) {
    if (phrase.every((p, k) => (p.prefix ? tokens[at + k]!.startsWith(p.text) : tokens[at + k] === p.text))) return true;
  }
  return false;
}

/** What the engines decide: every term's phrase, or all of its loose words, at consecutive positions. */
export function engineMatches(text: string, terms: readonly QueryTerm[]): boolean {
  const tokens = indexTokens(text).split(' ').filter((t) => t !== '');
  return terms.every((t) => phraseMatches(tokens, t.phrase) || (t.words.length > 0 && t.words.every((w) => phraseMatches(tokens, w.tokens))));
}
