// The shortcut of toSimplified must give exactly what OpenCC's converter gives: on texts of
// traditional characters, of phrases whose first character is simplified already, of
// compatibility ideographs, of characters outside the BMP, and of random mixtures of them.
import fc from 'fast-check';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { toSimplified } from '../src/text/simplify.ts';

const convert = OpenCC.Converter({ from: 't', to: 'cn' });

/** Pieces that exercise each path: plain simplified text, traditional characters, phrase keys, a compatibility ideograph (U+F9E9), an astral character, ASCII. */
const PIECES = ['\n', '\n\n', '关于', '进一步', '优化营商环境', '實施', '辦公室', '區', '乾隆', '著作', '乾', '著', '里', '\uf9e9', '𠮷', '𤋮', 'ABC-12', '，', '（责任单位：市发展改革委）', '\n', ' ', '發展', '臺灣', '於是'];

describe('toSimplified', () => {
  it('gives what the converter gives on chosen texts', () => {
    for (const text of ['', '关于进一步优化营商环境的实施意见', '內蒙古自治區人民政府辦公廳', '乾隆年间著作', '第十四屆全國人民代表大會', 'plain ASCII only', '\uf9e9\uf900', '𠮷野家 𤋮']) {
      expect(toSimplified(text)).toBe(convert(text));
    }
  });

  it('returns a text with nothing to convert as the very same string', () => {
    const text = '通辽市人民政府办公室关于印发实施方案的通知';
    expect(toSimplified(text)).toBe(text);
    expect(convert(text)).toBe(text);
  });

  it('converts only the lines that need it, with the lines around them as they were', () => {
    const text = ['第一行没有繁体字', '第二行：內蒙古自治區', '', '第四行也没有', '臺灣', '末行'].join('\n');
    expect(toSimplified(text)).toBe(convert(text));
    expect(toSimplified(text).split('\n')).toEqual(['第一行没有繁体字', '第二行：内蒙古自治区', '', '第四行也没有', '台湾', '末行']);
  });

  it('gives what the converter gives on random mixtures', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(toSimplified(text)).toBe(convert(text));
      }),
      { numRuns: 2000 },
    );
  });
});
