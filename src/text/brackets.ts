// Brackets and quotation marks: one table of pairs, and the few things the parser asks of them.

/** Opening mark → its closing mark. */
export const CLOSER_OF: Readonly<Record<string, string>> = {
  '（': '）', '(': ')', '〔': '〕', '[': ']', '【': '】', '《': '》', '〈': '〉', '“': '”', '‘': '’', '「': '」', '『': '』',
};
const OPENER_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(CLOSER_OF).map(([o, c]) => [c, o]));

/**
 * Which UTF-16 code units are marks at all (1 opener, 2 closer): every mark is in the BMP, so the
 * scans below read code units and look at the tables only for a mark — almost every character of
 * a text is none, and the scans run over every line of every document.
 */
const MARK = new Uint8Array(0x10000);
for (const [o, c] of Object.entries(CLOSER_OF)) {
  MARK[o.charCodeAt(0)] = 1;
  MARK[c.charCodeAt(0)] = 2;
}

/** Pushes the closers of the marks `text` opens onto `stack` and pops the ones it closes (a mismatched closer is ignored). */
export function trackBrackets(stack: string[], text: string): string[] {
  for (let i = 0; i < text.length; i++) {
    const mark = MARK[text.charCodeAt(i)];
    if (mark === 0) continue;
    const ch = text[i]!;
    if (mark === 1) stack.push(CLOSER_OF[ch]!);
    else if (stack.length > 0 && ch === stack[stack.length - 1]) stack.pop();
  }
  return stack;
}

/** True when `text` closes one of `closers` (default: any) that it did not open: the tail of a title cut from its 《. */
export function closesUnopened(text: string, closers?: string): boolean {
  const depth: Record<string, number> = {};
  for (const ch of text) {
    const opener = OPENER_OF[ch];
    if (opener !== undefined && (closers === undefined || closers.includes(ch))) {
      depth[opener] = (depth[opener] ?? 0) - 1;
      if (depth[opener]! < 0) return true;
    } else if (CLOSER_OF[ch] !== undefined) depth[ch] = (depth[ch] ?? 0) + 1;
  }
  return false;
}

/** Splits `text` at any of `seps` standing outside brackets; parts are trimmed, empty ones dropped. */
export function splitOutside(text: string, seps: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const mark = MARK[text.charCodeAt(i)];
    if (mark === 1) stack.push(CLOSER_OF[ch]!);
    else if (mark === 2 && stack.length > 0 && ch === stack[stack.length - 1]) stack.pop();
    else if (stack.length === 0 && seps.includes(ch)) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((p) => p.trim()).filter((p) => p !== '');
}
