// PostgreSQL tsvectors made in the application, in the type's binary wire format.
//
// Why: the index tokens are already made here (tokens.ts). Handing PostgreSQL a token string to
// run through to_tsvector('simple', …) made it parse every token again with its text-search parser
// (20 ms for a 15,000-token document, half of the import's time); the binary form of the same
// tsvector is read in about 1 ms. It also means the index holds exactly the application's tokens,
// whatever the server's parser would have made of them; queries are sent as tsquery literals
// (`::tsquery`) for the same reason.
//
// Layout (PostgreSQL's tsvectorrecv): int32 number of lexemes; per lexeme, in byte order: the
// lexeme as a NUL-terminated UTF-8 string, uint16 number of positions, and each position as a
// uint16 with the weight in the top two bits (A = 3 … D = 0). All integers big-endian.

/** Positions above this are stored as this (PostgreSQL's MAXENTRYPOS - 1). */
const MAX_POSITION = 16_383;
/** to_tsvector keeps at most this many positions of one lexeme (MAXNUMPOS - 1)… */
const MAX_POSITIONS_PER_PART = 255;
/** …and || joins two vectors' positions up to this many (MAXNUMPOS). */
const MAX_POSITIONS = 256;
/** PostgreSQL rejects longer lexemes (MAXSTRLEN, bytes). */
const MAX_LEXEME_BYTES = 2_047;

const WEIGHT_A = 3 << 14;
const WEIGHT_D = 0;

/**
 * The tsvector of `titleTokens` (weight A) followed by `bodyTokens` (weight D), numbered on from
 * the title as `setweight(to_tsvector(title), 'A') || setweight(to_tsvector(body), 'D')` numbers
 * them, and `keys` without positions (adjacency-keys.ts; a key that is also a token is left out).
 * Tokens are space-free strings (tokens.ts); empty ones are skipped.
 */
export function encodeTsvector(titleTokens: readonly string[], bodyTokens: readonly string[], keys: readonly string[] = []): Buffer {
  const positions = new Map<string, number[]>();
  let position = 0;
  const add = (tokens: readonly string[], weight: number) => {
    const inPart = new Map<string, number>();
    for (const token of tokens) {
      if (token === '') continue;
      position = Math.min(position + 1, MAX_POSITION);
      let list = positions.get(token);
      if (!list) positions.set(token, (list = []));
      const last = list.length > 0 ? list[list.length - 1]! & MAX_POSITION : 0;
      const count = inPart.get(token) ?? 0;
      // Past MAX_POSITION every token sits on the last position: keep one.
      if (count < MAX_POSITIONS_PER_PART && list.length < MAX_POSITIONS && last !== position) {
        list.push(weight | position);
        inPart.set(token, count + 1);
      }
    }
  };
  add(titleTokens, WEIGHT_A);
  add(bodyTokens, WEIGHT_D);
  for (const key of keys) if (key !== '' && !positions.has(key)) positions.set(key, []);

  // PostgreSQL orders lexemes by their UTF-8 bytes (tsCompareString). JavaScript's string order
  // is the same except for characters beyond U+FFFF against U+E000–U+FFFF; PostgreSQL sorts a
  // vector that arrives out of order, so that rare case costs it a sort, not a wrong index.
  const lexemes = [...positions.keys()].sort();
  let bound = 4;
  for (const lexeme of lexemes) bound += 3 * lexeme.length + 3 + 2 * positions.get(lexeme)!.length;
  const out = Buffer.allocUnsafe(bound);
  let count = 0;
  let at = 4;
  for (const lexeme of lexemes) {
    const bytes = out.write(lexeme, at, 'utf8');
    if (bytes > MAX_LEXEME_BYTES) continue; // no real word is 2 kB long; the engine would refuse it
    at += bytes;
    out[at++] = 0;
    const list = positions.get(lexeme)!;
    out[at++] = list.length >> 8;
    out[at++] = list.length & 0xff;
    for (const p of list) {
      out[at++] = p >> 8;
      out[at++] = p & 0xff;
    }
    count++;
  }
  out.writeInt32BE(count, 0);
  return out.subarray(0, at);
}
