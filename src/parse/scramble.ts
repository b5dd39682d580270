// Two-column scrambles in a document head. A cover page set in two columns comes out of PDF
// extraction interleaved: pieces of the cover notice land inside or right after the recipients
// (主送) line — "…有关企事业单位：合实际，认真贯彻执行。" — and the notice itself is left
// dangling ("…印发给你们，请结合"). The repair moves each misplaced piece to the end of the
// dangling notice, dropping the text the two columns share ("请结合" + "合实际" → "请结合实际").
import type { ParseWarning } from '../types.ts';
import { closesUnopened } from '../text/brackets.ts';
import { endsSentence } from '../text/chars.ts';
import type { TextLine } from '../text/lines.ts';
import { lineMarker } from '../text/markers.ts';
import { dateLine } from './dates.ts';
import { looksLikeAddressees } from './recipients.ts';

const PUBLICITY_LINE = /^（?此件/;
const HEAD_SCAN = 14;

/** Longest k such that `tail` ends with the first k characters of `piece`. */
export function sharedEdge(tail: string, piece: string): number {
  for (let k = Math.min(tail.length, piece.length - 1, 40); k > 0; k--) {
    if (tail.endsWith(piece.slice(0, k))) return k;
  }
  return 0;
}

function withText(line: TextLine, text: string, glued = false): TextLine {
  const out: TextLine = { ...line, text, spaced: text };
  if (glued) out.glued = true;
  return out;
}

/** Splits one recipients line into the recipients it really holds and the notice pieces inside it. */
function separate(line: TextLine, isLast: boolean): { keep: string; pieces: string[] } {
  const pieces: string[] = [];
  let keep = line.spaced;
  if (isLast) {
    const colon = keep.indexOf('：');
    const after = keep.slice(colon + 1).trim();
    if (after !== '') pieces.push(after);
    keep = keep.slice(0, colon + 1);
  }
  // A space before a piece that ends a sentence: "盟直各委、办、局， 执行。"
  const spaced = /^(.*[，、：])\s+([^，、\s]{1,30}[。！？])$/.exec(keep);
  if (spaced) {
    pieces.unshift(spaced[2]!);
    keep = spaced[1]!;
  }
  // A comma-separated part that closes a 《 it never opened is the tail of the notice's title.
  const parts = keep.split('，');
  const stray = parts.findIndex((p) => closesUnopened(p, '》'));
  if (stray >= 0) {
    pieces.unshift(`${parts.slice(stray).join('，')}`.replace(/：$/, ''));
    keep = `${parts.slice(0, stray).join('，')}，`;
  }
  return { keep: keep.replace(/\s+/g, ''), pieces: pieces.map((p) => p.replace(/\s+/g, '')) };
}

export function repairScramble(lines: readonly TextLine[]): { lines: TextLine[]; warnings: ParseWarning[] } {
  const unchanged = { lines: [...lines], warnings: [] as ParseWarning[] };
  const limit = Math.min(lines.length, HEAD_SCAN);
  let zoneEnd = limit;
  for (let i = 0; i < limit; i++) {
    const l = lines[i]!;
    if (l.cells !== null || PUBLICITY_LINE.test(l.text) || dateLine(l.text) !== null || lineMarker(l) !== null) {
      zoneEnd = i;
      break;
    }
  }
  // Recipients: the lines up to the first one holding "：", each reading as a list of organs.
  let colonAt = -1;
  const kept: string[] = [];
  for (let i = 0; i < Math.min(zoneEnd, 5); i++) {
    const l = lines[i]!;
    const at = l.text.indexOf('：');
    if (at > 0) {
      if (looksLikeAddressees(kept.join('') + separate(l, true).keep.replace(/：$/, ''))) colonAt = i;
      break;
    }
    const { keep } = separate(l, false);
    if (!endsSentence(keep)) kept.push(keep);
  }
  if (colonAt < 0) return unchanged;

  const recipientParts: string[] = [];
  const pieces: { line: TextLine; text: string }[] = [];
  for (let i = 0; i <= colonAt; i++) {
    const l = lines[i]!;
    const { keep, pieces: inside } = separate(l, i === colonAt);
    if (i < colonAt && endsSentence(keep)) {
      pieces.push({ line: l, text: l.text }); // a notice piece between two recipient lines
      continue;
    }
    recipientParts.push(keep);
    for (const p of inside) pieces.push({ line: l, text: p });
  }
  // Short sentence-ending lines right after the recipients, before the notice starts, are pieces too.
  let notice = colonAt + 1;
  const rest = lines.slice(notice, zoneEnd);
  const lastOfNotice = rest.length > 0 ? rest[rest.length - 1]! : null;
  if (lastOfNotice === null || endsSentence(lastOfNotice.text)) {
    if (pieces.length === 0 && colonAt === 0) return unchanged;
    return finish(lines, colonAt, recipientParts, pieces, notice, null, zoneEnd);
  }
  while (notice < zoneEnd - 1 && endsSentence(lines[notice]!.text) && lines[notice]!.text.length <= 40) {
    pieces.push({ line: lines[notice]!, text: lines[notice]!.text });
    notice++;
  }
  if (pieces.length === 0) {
    if (colonAt === 0) return unchanged;
    return finish(lines, colonAt, recipientParts, pieces, notice, null, zoneEnd);
  }
  return finish(lines, colonAt, recipientParts, pieces, notice, zoneEnd - 1, zoneEnd);
}

function finish(
  lines: readonly TextLine[],
  colonAt: number,
  recipientParts: string[],
  pieces: { line: TextLine; text: string }[],
  noticeStart: number,
  dangling: number | null,
  zoneEnd: number,
): { lines: TextLine[]; warnings: ParseWarning[] } {
  const first = lines[0]!;
  const out: TextLine[] = [withText(first, recipientParts.join(''))];
  const warnings: ParseWarning[] = [];
  if (dangling === null) {
    // Nothing dangling to attach to: the pieces stay as their own lines, in reading order.
    for (const p of pieces) out.push(withText(p.line, p.text));
    for (let i = colonAt + 1; i < lines.length; i++) out.push(lines[i]!);
    if (pieces.length > 0) warnings.push({ code: 'head-scramble', message: '主送机关一行中夹有其他文字，已拆出', line: first.line });
    return { lines: out, warnings };
  }
  for (let i = noticeStart; i <= dangling; i++) out.push(lines[i]!);
  let tail = lines[dangling]!.text;
  for (const p of pieces) {
    const text = p.text.slice(sharedEdge(tail, p.text));
    if (text === '') continue;
    out.push(withText(p.line, text, true));
    tail = text;
  }
  for (let i = zoneEnd; i < lines.length; i++) out.push(lines[i]!);
  warnings.push({ code: 'head-scramble', message: '文件首页为双栏排版，正文片段错位，已按语句接回', line: first.line });
  return { lines: out, warnings };
}
