// One document's elements (GB/T 9704): title, issuer(s), number, recipients, date, publicity,
// attachments, distribution notes, and its outline.
import type { DocumentRecord, ParseWarning } from '../types.ts';
import type { TextLine } from '../text/lines.ts';
import { lineMarker, markerAt, withoutMarker } from '../text/markers.ts';
import { reflow, type Paragraph } from '../text/reflow.ts';
import { dateLine, findDate } from './dates.ts';
import { issuerFromMark, issuersFromTitle, splitIssuers } from './issuer.ts';
import { buildOutline, outlineNodes, type Outline } from './outline.ts';
import { looksLikeAddressees, splitRecipients } from './recipients.ts';
import { repairScramble } from './scramble.ts';
import { TRAILING_DATE, type DocumentSpan } from './segment.ts';
import { endsLikeOrgan } from './issuer.ts';
import { isFurniture, isPageChrome } from './web-head.ts';

export interface ParsedDocument {
  record: DocumentRecord;
  /** Body paragraphs (after the head), for the stages that read measures. */
  body: Paragraph[];
  outline: Outline;
}

const PUBLICITY = /^（?\s*此件(公开发布|主动公开|依申请公开|不予公开|不公开|删减后公开)\s*）?$/;
const DISTRIBUTION = /^（?\s*(此件发至.+?|此件印发至.+?)\s*）?$|^(抄送|分送|发送)[：:].+/;
const ATTACHMENT = /^附\s*件\s*[：:]\s*(.*)$/;
const RECIPIENT_LIST = /^([^。；]{2,200}?)[：:](.*)$/;

function joinTitle(lines: readonly TextLine[], indices: readonly number[]): { title: string; date: string | null } {
  if (indices.length === 0) return { title: '', date: null };
  const first = lines[indices[0]!]!;
  // A compilation's heading is numbered (1. …的通知（日期）); the number is not part of the title.
  let text = [withoutMarker(first), ...indices.slice(1).map((i) => lines[i]!.text)].join('');
  let date: string | null = null;
  const trailing = TRAILING_DATE.exec(text);
  if (trailing) {
    date = findDate(trailing[0])?.iso ?? null;
    text = text.slice(0, trailing.index);
  }
  return { title: text, date };
}

/**
 * Items of an attachment list: 附件：1. X 2. Y (each item one paragraph), or 附件：X.
 * `used` receives the paragraphs the list takes, which then stay out of the outline.
 */
function readAttachments(paragraphs: readonly Paragraph[], from: number, used: Set<Paragraph>): string[] {
  const first = paragraphs[from]!;
  const m = ATTACHMENT.exec(first.text);
  if (!m) return [];
  used.add(first);
  const rest = m[1]!.trim();
  const marker = markerAt(rest);
  if (marker === null) return rest === '' ? [] : [rest];
  const items = [rest.slice(marker.textLength).trim()];
  let expected = Number(marker.label.replace(/\D/g, '')) + 1;
  for (let i = from + 1; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const m2 = lineMarker(p.lines[0]!);
    if (m2 === null || Number(m2.label.replace(/\D/g, '')) !== expected) break;
    used.add(p);
    items.push(p.text.slice(m2.textLength).trim() || p.text);
    expected++;
  }
  return items.filter((s) => s !== '');
}

/**
 * The cover notice names the text it issues (现将《X》印发给你们); where X then appears as a line of
 * its own (or two lines), it is that text's title and must not run into the first paragraph.
 */
function markIssuedTitle(lines: readonly TextLine[]): { lines: TextLine[]; standalone: Set<TextLine> } {
  const standalone = new Set<TextLine>();
  const head = lines.slice(0, 12).map((l) => l.text).join('');
  const quoted = [...head.matchAll(/《([^《》]{4,80})》/g)].map((m) => m[1]!);
  if (quoted.length === 0) return { lines: [...lines], standalone };
  const out = [...lines];
  for (let i = 0; i < Math.min(out.length, 40); i++) {
    const one = out[i]!.text;
    const two = out[i + 1] ? one + out[i + 1]!.text : null;
    if (quoted.includes(one)) {
      standalone.add(out[i]!);
      break;
    }
    if (two !== null && quoted.includes(two) && out[i + 1]!.cells === null) {
      const merged: TextLine = { ...out[i]!, text: two, spaced: two };
      out.splice(i, 2, merged);
      standalone.add(merged);
      break;
    }
  }
  return { lines: out, standalone };
}

/**
 * The body's lines without a portal page's chrome: the 发布时间/来源 lines and furniture between
 * the title and the text, and furniture anywhere (【打印本页】【关闭窗口】 under the signature).
 */
function pageBody(lines: readonly TextLine[], onPage: boolean): TextLine[] {
  let k = 0;
  if (onPage) while (k < lines.length && isPageChrome(lines[k]!)) k++;
  const rest = lines.slice(k);
  return rest.some((l) => isFurniture(l.text)) ? rest.filter((l) => !isFurniture(l.text)) : rest;
}

/** The organ signed above the first date line (…管理局 / 2025年6月3日), or null. */
function signatureOf(lines: readonly TextLine[]): string | null {
  for (let i = 1; i < lines.length; i++) {
    if (dateLine(lines[i]!.text) === null) continue;
    const above = lines[i - 1]!.text;
    return above.length <= 40 && !/[。；，：:]/.test(above) && endsLikeOrgan(above) ? above : null;
  }
  return null;
}

export function readDocument(lines: readonly TextLine[], span: DocumentSpan, warnings: ParseWarning[]): ParsedDocument {
  const { title, date: headingDate } = joinTitle(lines, span.title);
  const headEnd = Math.max(span.anchor ?? span.start - 1, ...span.title) + 1;
  const firstLineNo = lines[span.start]?.line ?? 0;
  const lastLineNo = lines[span.end - 1]?.line ?? firstLineNo;

  // Issuer: from the title, else from the issuer mark above the number.
  let issuer = issuersFromTitle(title);
  if (issuer === null) {
    for (let i = span.start; i < headEnd; i++) {
      const mark = issuerFromMark(lines[i]!.text);
      if (mark !== null) {
        issuer = splitIssuers(mark);
        break;
      }
    }
  }

  // Date: on the number's line, in the compilation heading, in an adoption note under the title,
  // or the first line that is only a date.
  let date = dateLine(span.anchorRest) ?? headingDate;
  const bodyLines = pageBody(lines.slice(headEnd, span.end), span.page !== undefined);
  if (date === null) {
    const note = bodyLines[0];
    if (note && /^（\d{4}年\d{1,2}月\d{1,2}日.*(通过|批准|发布)/.test(bodyLines.slice(0, 3).map((l) => l.text).join(''))) {
      date = findDate(note.text)?.iso ?? null;
    }
  }
  if (date === null) {
    for (const l of bodyLines) {
      const d = dateLine(l.text);
      if (d !== null) {
        date = d;
        break;
      }
    }
  }

  // A page without the organ in its title or a 版头: the signature above the date, else the
  // page's metadata (发布机构 may be a short form, so the signature goes first).
  if (issuer === null) {
    const signed = signatureOf(bodyLines);
    if (signed !== null) issuer = splitIssuers(signed);
    else if (span.page?.issuer) issuer = splitIssuers(span.page.issuer);
  }
  date ??= span.page?.date ?? null;

  // The head of the body: recipients, then the cover notice (two-column scrambles repaired).
  const repaired = repairScramble(bodyLines);
  const titled = markIssuedTitle(repaired.lines);
  const paragraphs = reflow(titled.lines, { standalone: (l) => titled.standalone.has(l) });
  for (const w of repaired.warnings) warnings.push(w);

  let recipients: string[] = [];
  let bodyStart = 0;
  for (let i = 0; i < Math.min(paragraphs.length, 4); i++) {
    const p = paragraphs[i]!;
    if (p.cells !== null || lineMarker(p.lines[0]!) !== null) break;
    const m = RECIPIENT_LIST.exec(p.text);
    if (m && m[2]!.trim() === '' && looksLikeAddressees(m[1]!)) {
      recipients = splitRecipients(m[1]!);
      bodyStart = i + 1;
      break;
    }
    // Adoption notes and date lines come before the recipients in some heads.
    if (!(/^（/.test(p.text) || dateLine(p.text) !== null)) break;
  }

  let publicity: string | null = null;
  const distribution: string[] = [];
  let attachments: string[] = [];
  const attachmentParagraphs = new Set<Paragraph>();
  for (let i = 0; i < paragraphs.length; i++) {
    const t = paragraphs[i]!.text;
    const pub = PUBLICITY.exec(t);
    if (pub && publicity === null) publicity = `此件${pub[1]}`;
    const dist = DISTRIBUTION.exec(t);
    if (dist) distribution.push(t.replace(/^（|）$/g, ''));
    if (attachments.length === 0 && ATTACHMENT.test(t)) attachments = readAttachments(paragraphs, i, attachmentParagraphs);
  }

  const body = paragraphs.slice(bodyStart);
  const outline = buildOutline(body.filter((p) => !attachmentParagraphs.has(p)));
  if (span.fragment) {
    warnings.push({ code: 'document-fragment', message: '文件开头不在本文件中（无标题、无文号），正文按片段读取', line: firstLineNo });
  }
  if (!span.fragment && title === '') warnings.push({ code: 'document-no-title', message: '未找到文件标题', line: firstLineNo });
  if ((issuer ?? []).length === 0 && !span.fragment) warnings.push({ code: 'document-no-issuer', message: `未能确定发文机关：${title}`, line: firstLineNo });
  if (date === null && !span.fragment) warnings.push({ code: 'document-no-date', message: `未找到成文日期：${span.docNumber ?? title}`, line: firstLineNo });

  return {
    record: {
      docNumber: span.docNumber,
      title,
      issuer: issuer ?? [],
      date,
      recipients,
      publicity,
      attachments,
      distribution,
      groups: span.groups.map((i) => lines[i]!.text),
      outline: outlineNodes(outline.nodes),
      tasks: [],
      duties: [],
      line: firstLineNo,
      endLine: lastLineNo,
    },
    body,
    outline,
  };
}
