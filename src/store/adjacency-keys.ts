// PostgreSQL: extra index keys for numbers and the characters next to them, so that a query made
// of numbers (7月14日, 兴署发〔2022〕6号) finds few candidates without phrase checks.
//
// PostgreSQL search first asks GIN for the entries holding every token of the query in any order
// (fts-pg.ts, tokens.ts toLooseTsQuery), then checks the phrase on those. Numbers and the single
// characters around them (7, 月, 14, 日, 2022, 6, 号) are in nearly every document, so for such a
// query that first set was most of the store, and checking the phrase on each entry (reading its
// tsvector) took 20 ms to a second at 100,000 documents. These keys record which numbers stand
// next to which characters:
//   - for two neighbouring tokens of which one is a number or word of letters:
//     the end of the first, "_", the start of the second (发_2022, 2022_6, 6_号, 14_日);
//   - for a number, one lone character, a number: the three joined (7月14, 2023年7).
// The end or start of a Han token is its last or first character, so a query's last character
// (a prefix token: 日 in 7月14日, which the text may index as 日召) has the same key as the text.
// A key mixes a number with "_" or with Han, which no index token does: it never matches a
// token. Keys are stored without positions: the loose query asks only whether they are there.
//
// Why it stays a superset: an entry the exact phrase matches holds the query's tokens at
// consecutive positions, the first ones equal and the last one equal or (a prefix) its start, so
// the keys of those positions are the query's keys.

const ALNUM_TOKEN = /^[0-9a-z]+$/;

function isAlnum(token: string): boolean {
  return ALNUM_TOKEN.test(token);
}

/** A Han token of one character (a code point). */
function isLoneHan(token: string): boolean {
  return !isAlnum(token) && Array.from(token).length === 1;
}

function firstOf(token: string): string {
  return isAlnum(token) ? token : String.fromCodePoint(token.codePointAt(0)!);
}

function lastOf(token: string): string {
  if (isAlnum(token)) return token;
  const chars = Array.from(token);
  return chars[chars.length - 1]!;
}

/** The keys of a sequence of tokens (index tokens in position order; empty ones take no position), without repeats. */
export function adjacencyKeys(sequence: readonly string[]): string[] {
  const tokens = sequence.filter((t) => t !== '');
  const keys = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (isAlnum(a) || isAlnum(b)) keys.add(`${lastOf(a)}_${firstOf(b)}`);
    const c = tokens[i + 2];
    if (c !== undefined && isAlnum(a) && isLoneHan(b) && isAlnum(c)) keys.add(`${a}${b}${c}`);
  }
  return [...keys];
}
