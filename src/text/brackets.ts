// Brackets and quotation marks: one table of pairs, and the few things the parser asks of them.

/** Opening mark → its closing mark. */
export const CLOSER_OF: Readonly<Record<string, string>> = {
  '（': '）', '(': ')', '〔': '〕', '[': ']', '【': '】', '《': '》', '〈': '〉', '“': '”', '‘': '’', '「': '」', '『': '』',
};
const OPENER_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(CLOSER_OF).map(([o, c]) => [c, o]));

/** Pushes the closers of the marks `text` opens onto `stack` and pops the ones it closes (a mismatched closer is ignored). */
export function trackBrackets(stack: string[], text: string): string[] {
  for (const ch of text) {
    const closer = CLOSER_OF[ch];
    if (closer !== undefined) stack.push(closer);
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
    const closer = CLOSER_OF[ch];
    if (closer !== undefined) stack.push(closer);
    else if (stack.length > 0 && ch === stack[stack.length - 1]) stack.pop();
    else if (stack.length === 0 && seps.includes(ch)) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((p) => p.trim()).filter((p) => p !== '');
}
