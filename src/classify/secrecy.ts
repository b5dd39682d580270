// 密级: a system that is not a classified system (涉密信息系统) must not store or process state
// secrets, so import refuses a file that holds a document marked 绝密, 机密 or 秘密.
//
// Marks are read where official documents print them: the 份号 and 密级和保密期限 lines at the top
// left of a document's 版头 (GB/T 9704: 秘密★1年, 机密★5年, 绝密★长期, 机密, with the 份号 on the
// line before or in front on the same line), and the 密级 field of a routing slip. A mark is a
// line that is nothing but a mark; a sentence that speaks of 秘密 or 保密 is never one.
// 内部 / 内部资料 / 注意保存 are not state secrets: they restrict publicity (see access.ts).
import type { ParseResult } from '../types.ts';
import { FileLines, headLines, markText } from './head-lines.ts';

export type SecrecyLevel = '绝密' | '机密' | '秘密';

export interface SecrecyMark {
  level: SecrecyLevel;
  /** 保密期限 as written (1年, 长期, 6个月), null when the mark names none. */
  period: string | null;
  /** The mark as written in the file (the whole line, or the slip's field value). */
  text: string;
  /** 1-based line of the original text. */
  line: number;
  /** The document whose head carries the mark; null for the top of the file or the slip. */
  documentIndex: number | null;
  /** Title of that document, for the message (null when there is none). */
  documentTitle: string | null;
  /** 份号 written on the mark's line or the line above it, null when none. */
  copyNumber: string | null;
  where: 'head' | 'routing-slip';
}

// The grammar of a mark, on a normalised line without spaces. Every quantifier is bounded and
// none is nested, so matching a line costs at most a few passes over its (short) text.
const STAR = '[★☆*＊✱✲✩✭⋆]';
const PERIOD = '(?:\\d{1,3}|[一二两三四五六七八九十]{1,3})(?:年|个月|月|天|日)|长期';
const LEVEL = '(绝密|机密|秘密)级?';
/** What may follow the level: ★ and a period, a period in brackets, a bare ★, or nothing. */
const TAIL = `(?:${STAR}(${PERIOD})|[（(](${PERIOD})[）)]|${STAR})?`;
/** 紧急程度 printed on the same line after the mark. */
const URGENCY = '(?:特急|加急|特提|平急|急件)?';
const HEAD_MARK = new RegExp(`^(?:份号[：:]?)?(\\d{1,8})?(?:密级[：:]?)?${LEVEL}${TAIL}${URGENCY}$`);
const SLIP_VALUE = new RegExp(`^${LEVEL}${TAIL}$`);
/** A 保密期限 on a line of its own, under a mark that gave none. */
const PERIOD_LINE = new RegExp(`^保密期限[：:]?(${PERIOD})$`);
/** A 份号 on a line of its own (GB/T 9704: six digits; some offices print fewer). */
const COPY_NUMBER_LINE = /^(?:份号[：:]?)?(\d{1,8})$/;
/** Values of a slip's 密级 field that mean "not classified". */
const SLIP_NONE = /^(?:无|非密|非涉密|不涉密|普通|一般|公开|内部|内部资料|否|[—－\-–/／、\\]+)$/;
/** Opening and closing brackets some offices put around a mark: 【秘密】. */
const ENCLOSED = /^[【〔\[（(](.{2,20})[】〕\]）)]$/;

function unwrap(text: string): string {
  return ENCLOSED.exec(text)?.[1] ?? text;
}

interface MarkReading {
  level: SecrecyLevel;
  period: string | null;
  copyNumber: string | null;
}

function readHeadMark(text: string): MarkReading | null {
  const m = HEAD_MARK.exec(unwrap(text));
  if (!m) return null;
  return { level: m[2] as SecrecyLevel, period: m[3] ?? m[4] ?? null, copyNumber: m[1] ?? null };
}

/** The reading of a routing slip's 密级 field, or null when it means none. */
export function readSlipSecrecy(value: string | null): { level: SecrecyLevel; period: string | null } | null {
  if (value === null) return null;
  const text = unwrap(markText(value));
  if (text === '' || SLIP_NONE.test(text)) return null;
  const m = SLIP_VALUE.exec(text);
  return m ? { level: m[1] as SecrecyLevel, period: m[2] ?? m[3] ?? null } : null;
}

/** Heads: each head line that is a mark, with its 份号 and 保密期限 from the lines next to it. */
function headMarks(text: string, result: ParseResult): SecrecyMark[] {
  const lines = headLines(text, result);
  const marks: SecrecyMark[] = [];
  for (const [k, head] of lines.entries()) {
    const reading = readHeadMark(head.text);
    if (!reading) continue;
    const before = lines[k - 1];
    const after = lines[k + 1];
    // Next to the mark: the line (or <p> cell) right above or below it.
    let copyNumber = reading.copyNumber;
    if (copyNumber === null && before !== undefined && head.line - before.line <= 1) {
      copyNumber = COPY_NUMBER_LINE.exec(before.text)?.[1] ?? null;
    }
    let period = reading.period;
    if (period === null && after !== undefined && after.line - head.line <= 1) {
      period = PERIOD_LINE.exec(after.text)?.[1] ?? null;
    }
    const doc = head.documentIndex === null ? undefined : result.documents[head.documentIndex];
    marks.push({
      level: reading.level,
      period,
      text: head.original,
      line: head.line,
      documentIndex: head.documentIndex,
      documentTitle: doc && doc.title !== '' ? doc.title : null,
      copyNumber,
      where: 'head',
    });
  }
  return marks;
}

/** The slip's 密级 field: its line is the slip's line that names 密级 (the slip's own line if none does). */
function slipMark(text: string, result: ParseResult): SecrecyMark | null {
  const slip = result.routingSlip;
  if (slip === null) return null;
  const reading = readSlipSecrecy(slip.secrecy);
  if (reading === null) return null;
  const region = result.accounting.regions.find((r) => r.kind === 'routing-slip');
  let line = slip.line;
  if (region) {
    const lines = new FileLines(text);
    for (let i = region.line - 1; i < Math.min(lines.length, region.endLine); i++) {
      if (lines.at(i).includes('密级')) {
        line = i + 1;
        break;
      }
    }
  }
  return { level: reading.level, period: reading.period, text: slip.secrecy!, line, documentIndex: null, documentTitle: null, copyNumber: null, where: 'routing-slip' };
}

/** Every secrecy mark of the file, in file order. An empty list means import may go on. */
export function findSecrecyMarks(text: string, result: ParseResult): SecrecyMark[] {
  // The slip's 密级 line is read as the slip's field, not a second time as a head line.
  const slip = slipMark(text, result);
  const marks = headMarks(text, result).filter((m) => slip === null || m.line !== slip.line);
  if (slip !== null) marks.push(slip);
  return marks.sort((a, b) => a.line - b.line);
}

/** How many marks the message names before it says 等N处. */
const LISTED = 5;

function describe(mark: SecrecyMark): string {
  const place =
    mark.where === 'routing-slip'
      ? '文件批办单“密级”栏'
      : mark.documentTitle !== null
        ? `《${mark.documentTitle}》版头`
        : '文件开头';
  return `第${mark.line}行（${place}）标注“${mark.text}”，密级${mark.level}${mark.period !== null ? `，保密期限${mark.period}` : ''}`;
}

/**
 * The message import prints when it refuses a file, or null when there is no mark: which marks,
 * where, and why the file is refused.
 */
export function secrecyRefusal(marks: readonly SecrecyMark[]): string | null {
  if (marks.length === 0) return null;
  const listed = marks.slice(0, LISTED).map(describe).join('；');
  const more = marks.length > LISTED ? `等${marks.length}处` : '';
  return `拒绝导入：文件标有国家秘密密级，${listed}${more}。本系统不是涉密信息系统，不得存储、处理国家秘密；请通过涉密渠道处理。`;
}
