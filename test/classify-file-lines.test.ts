// FileLines (src/classify/head-lines.ts) keeps only where lines start; it must cut out exactly the
// lines the parser's split gives, whatever the breaks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileLines } from '../src/classify/head-lines.ts';

const split = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\n|\r/);

describe('FileLines', () => {
  it('gives the lines of the split on /\\r\\n|\\n|\\r/, a BOM dropped', () => {
    const piece = fc.constantFrom('\n', '\r', '\r\n', '\n\r', '', 'a', '关于', '\uFEFF', ' ', '\r\r\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), (pieces, bom) => {
        const text = (bom ? '\uFEFF' : '') + pieces.join('');
        const lines = new FileLines(text);
        const expected = split(text);
        expect(lines.length).toBe(expected.length);
        expect(Array.from({ length: lines.length }, (_, i) => lines.at(i))).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
