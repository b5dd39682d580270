// PDF text layers often carry radical code points instead of ideographs: a CJK font draws 人 and
// the Kangxi radical ⼈ with one glyph, and the PDF's ToUnicode map may name the radical. The text
// looks right but no longer matches (⼀、 is not 一、, ⼈⺠政府 is not 人民政府). Text copied out of
// such PDFs into Word files and web pages carries the same code points, so every reader uses this.

/**
 * CJK Radicals Supplement → the ideograph the fonts draw with the same glyph (radical, then
 * ideograph, pair by pair). Derived from the Noto CJK fonts' cmaps (code points sharing a glyph
 * with a unified ideograph); these radicals have no Unicode decomposition, so NFKC cannot help.
 */
const SUPPLEMENT_PAIRS = '⺂乛⺃乚⺅亻⺇𠘨⺉刂⺋㔾⺍𭕄⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺩𤣩⺫罒⺭礻⺮𥫗⺯糹⺰纟⺱罓⺲罒⺳㓁⺹耂⺺肀⺽𦥑⺾艹⺿艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇𧢲⻈讠⻉贝⻊𧾷⻋车⻌辶⻍辶⻎辶⻐钅⻑長⻒镸⻓长⻔门⻕𨸏⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻞𩙿⻟飠⻠饣⻡𩠐⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀';

const SUPPLEMENT = new Map<string, string>();
{
  const chars = Array.from(SUPPLEMENT_PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) SUPPLEMENT.set(chars[i]!, chars[i + 1]!);
}

// Kangxi radicals (U+2F00–U+2FD5) decompose to ideographs under NFKC; CJK compatibility
// ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) do under NFC. Both are done per character so the rest
// of the text (full-width punctuation above all) is not touched by the compatibility mapping.
const SUSPECT = /[\u2E80-\u2EFF\u2F00-\u2FDF\uF900-\uFAFF\u{2F800}-\u{2FA1F}]/gu;

/** Replaces radical and compatibility code points by the ideographs they stand for; counts the replacements. */
export function normalizeRadicals(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(SUSPECT, (ch) => {
    const cp = ch.codePointAt(0)!;
    const mapped = cp <= 0x2eff ? SUPPLEMENT.get(ch) ?? ch : cp <= 0x2fdf ? ch.normalize('NFKC') : ch.normalize('NFC');
    if (mapped !== ch) count++;
    return mapped;
  });
  return { text: out, count };
}
