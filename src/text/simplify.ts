// Traditional → simplified characters (OpenCC's t2s, the `t` → `cn` converter), with a shortcut:
// the converter rewrites text only where one of its dictionaries' keys matches, so a text in which
// no key can match is returned as it is, without the trie walk and the copying. A key of one
// character matches where that character is; a longer key only where its first two are (many
// phrase keys begin with a character that is simplified already: 乾隆, 著作). Almost every
// line of a mainland document has no match; profiles of parsing showed the converter as its
// largest single cost.
import * as OpenCC from 'opencc-js/t2cn';

const convert = OpenCC.Converter({ from: 't', to: 'cn' });

type Dict = string | readonly (readonly [string, string])[];
type Config = { normalizationChain?: readonly (readonly Dict[])[]; conversionChain: readonly (readonly Dict[])[] };

interface Keys {
  /** Keys of one character. */
  singles: Set<number>;
  /** First character of a longer key → the second characters that follow it in some key. */
  pairs: Map<number, Set<number>>;
}

/** What begins the keys of the dictionaries `t` → `cn` uses. */
function keyStarts(): Keys {
  const config = (OpenCC.Locale.configs as Record<string, Config | undefined>).t2s;
  if (config === undefined) throw new Error('opencc-js: the t2s configuration is missing');
  const keys: Keys = { singles: new Set(), pairs: new Map() };
  const add = (key: string | undefined) => {
    if (key === undefined || key === '') return;
    if (key.includes('\n')) throw new Error('opencc-js: a key holds a line break; toSimplified would convert line by line wrongly');
    const [first, second] = [...key].map((ch) => ch.codePointAt(0)!);
    if (second === undefined) keys.singles.add(first!);
    else {
      const next = keys.pairs.get(first!) ?? new Set<number>();
      next.add(second);
      keys.pairs.set(first!, next);
    }
  };
  for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) {
    for (const dict of group) {
      if (typeof dict === 'string') for (const entry of dict.split('|')) add(entry.split(' ')[0]);
      else for (const [key] of dict) add(key);
    }
  }
  return keys;
}

const KEYS = keyStarts();
/** No key begins below this code unit: the ASCII and Latin of a text are passed over unlooked. */
const LOWEST = Math.min(...[...KEYS.singles, ...KEYS.pairs.keys()].map((cp) => (cp > 0xffff ? 0xd800 : cp)));

/** True when some key of the dictionaries may match at `i`. */
function mayMatch(text: string, i: number, cp: number): boolean {
  if (KEYS.singles.has(cp)) return true;
  const next = KEYS.pairs.get(cp);
  if (next === undefined) return false;
  const after = text.codePointAt(i + (cp > 0xffff ? 2 : 1));
  return after !== undefined && next.has(after);
}

/**
 * `text` in simplified characters: exactly what OpenCC's t → cn converter gives. No key holds a
 * line break, so no match crosses one and each line converts alone: only the lines where a key
 * may match go through the converter, the rest of a long text is copied as it is.
 */
export function toSimplified(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < LOWEST) continue;
    const cp = text.codePointAt(i)!;
    if (mayMatch(text, i, cp)) {
      const start = text.lastIndexOf('\n', i) + 1;
      const newline = text.indexOf('\n', i);
      const end = newline < 0 ? text.length : newline;
      out += text.slice(copied, start) + convert(text.slice(start, end));
      copied = end;
      i = end;
      continue;
    }
    if (cp > 0xffff) i++;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
