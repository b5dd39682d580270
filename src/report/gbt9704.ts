// The page of a Chinese official document, GB/T 9704-2012 《党政机关公文格式》, for the .docx that
// Duban prints (三单一函, 督查通报, 文件批办单). One place for the numbers, so every form agrees:
//
// - A4 (210 × 297 mm); 天头 (top margin) 37 mm, 订口 (left margin) 28 mm, 版心 (type area)
//   156 × 225 mm, so the right margin is 210 − 28 − 156 = 26 mm and the bottom 297 − 37 − 225 = 35 mm.
// - 22 lines a page: 225 mm / 22 ≈ 28.95 pt, written as an exact line pitch of 580 twips.
// - Title 方正小标宋简体 二号 (22 pt); body 仿宋_GB2312 三号 (16 pt); 一级标题 黑体, 二级标题
//   楷体_GB2312, both 三号; 版头 (发文机关标志) red 方正小标宋简体; a red separator under it.
// - Page numbers 4号 (14 pt) 宋体, "— 1 —", odd pages at the right, even pages at the left, each one
//   character in from the edge of the type area, 7 mm under it.
//
// Fonts. The 方正 and _GB2312 faces are what offices install, but not every machine has them.
// Each run names its face for East Asian and Latin text alike (w:rFonts ascii/hAnsi/eastAsia with
// hint eastAsia), and word/fontTable.xml gets the face's fallback as w:altName, which Word and WPS
// use when the face is missing. The fallbacks (FONTS below): 方正小标宋简体 → 宋体 (SimSun),
// 仿宋_GB2312 → 仿宋 (FangSong), 楷体_GB2312 → 楷体 (KaiTi), 黑体 → SimHei.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type FileChild,
  type IRunOptions,
} from 'docx';
import JSZip from 'jszip';
import { ReportError } from './errors.ts';

/** Twips (1/1440 inch) in a millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;
export const mmToTwips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);

/** A4 in twips, as Word writes it. */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;
export const TYPE_AREA_MM = { width: 156, height: 225 } as const;
export const TOP_MARGIN_MM = 37;
export const BINDING_MARGIN_MM = 28;

/** The margins in twips, computed so that the type area is exactly 156 × 225 mm. */
export const PAGE_MARGINS_TWIPS = {
  top: mmToTwips(TOP_MARGIN_MM),
  left: mmToTwips(BINDING_MARGIN_MM),
  right: A4_TWIPS.width - mmToTwips(BINDING_MARGIN_MM) - mmToTwips(TYPE_AREA_MM.width),
  bottom: A4_TWIPS.height - mmToTwips(TOP_MARGIN_MM) - mmToTwips(TYPE_AREA_MM.height),
} as const;
export const TYPE_AREA_TWIPS = { width: mmToTwips(TYPE_AREA_MM.width), height: mmToTwips(TYPE_AREA_MM.height) } as const;

/** Font sizes in points, by their Chinese names. */
export const SIZES = { 小初: 36, 一号: 26, 二号: 22, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5 } as const;
/** docx sizes are half-points. */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

export interface OfficialFont {
  name: string;
  /** Faces to use when `name` is not installed, best first; the first one goes into the file. */
  fallbacks: readonly string[];
}
export const FONTS = {
  title: { name: '方正小标宋简体', fallbacks: ['宋体', 'SimSun'] },
  body: { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong'] },
  heading1: { name: '黑体', fallbacks: ['SimHei'] },
  heading2: { name: '楷体_GB2312', fallbacks: ['楷体', 'KaiTi'] },
  pageNumber: { name: '宋体', fallbacks: ['SimSun'] },
} as const satisfies Record<string, OfficialFont>;

/** 发文机关标志 and separator red. */
export const RED = 'FF0000';
/** Line pitch for 22 lines in 225 mm, exact. */
export const LINE_PITCH_TWIPS = Math.round((TYPE_AREA_MM.height / 22) * TWIPS_PER_MM);
/** One character of 三号 body text, in twips (16 pt). */
export const BODY_CHAR_TWIPS = 16 * 20;

/** The run font of a face: every script slot set, so digits and Latin letters keep the face too. */
export function runFont(font: OfficialFont): IRunOptions['font'] {
  return { ascii: font.name, hAnsi: font.name, eastAsia: font.name, cs: font.name, hint: 'eastAsia' };
}

type RunStyle = { font: OfficialFont; pt: number; bold?: boolean; color?: string };
export function run(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text,
    font: runFont(style.font),
    size: halfPoints(style.pt),
    ...(style.bold === true ? { bold: true } : {}),
    ...(style.color === undefined ? {} : { color: style.color }),
  });
}

const exact = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT } as const;

/** 发文机关标志: red, centred, as large as fits one line of the type area (at most 小初). */
export function redHead(text: string): Paragraph {
  const chars = [...text].length;
  const fit = Math.floor(((TYPE_AREA_MM.width / 25.4) * 72) / Math.max(chars, 1));
  const pt = Math.max(SIZES.二号, Math.min(SIZES.小初, fit));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: LINE_PITCH_TWIPS },
    children: [run(text, { font: FONTS.title, pt, color: RED })],
  });
}

/** 发文字号 (编号) centred under the 版头, with the red separator 4 mm below it. */
export function numberLine(number: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...exact, after: LINE_PITCH_TWIPS },
    border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
    children: [run(number, { font: FONTS.body, pt: SIZES.三号 })],
  });
}

/** A line with the left and right texts at either end (简报 style: the office and the date), over the red separator. */
export function splitLine(left: string, right: string): Paragraph {
  return new Paragraph({
    spacing: { ...exact, after: LINE_PITCH_TWIPS },
    tabStops: [{ type: 'right', position: TYPE_AREA_TWIPS.width }],
    border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
    children: [run(left, { font: FONTS.body, pt: SIZES.三号 }), new TextRun({ text: '\t' }), run(right, { font: FONTS.body, pt: SIZES.三号 })],
  });
}

/** A centred line in the body face (第N期 under a bulletin's 版头). */
export function centredLine(text: string, pt: number = SIZES.三号): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [run(text, { font: FONTS.body, pt })] });
}

/** The title: 方正小标宋简体 二号, centred, one blank line after it. */
export function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: Math.round(LINE_PITCH_TWIPS * 1.2), lineRule: LineRuleType.AT_LEAST, before: LINE_PITCH_TWIPS, after: LINE_PITCH_TWIPS },
    children: [run(text, { font: FONTS.title, pt: SIZES.二号 })],
  });
}

/** 主送机关: flush left, ending with a full-width colon. */
export function addressee(units: string): Paragraph {
  return new Paragraph({ spacing: exact, children: [run(`${units}：`, { font: FONTS.body, pt: SIZES.三号 })] });
}

/** A body paragraph: 仿宋_GB2312 三号, first line indented two characters. */
export function body(text: string): Paragraph {
  return new Paragraph({
    spacing: exact,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * BODY_CHAR_TWIPS },
    children: [run(text, { font: FONTS.body, pt: SIZES.三号 })],
  });
}

/** 一级标题 (一、) in 黑体; 二级标题 (（一）) in 楷体_GB2312; both 三号, indented like the body. */
export function heading1(text: string): Paragraph {
  return new Paragraph({ spacing: exact, indent: { firstLine: 2 * BODY_CHAR_TWIPS }, children: [run(text, { font: FONTS.heading1, pt: SIZES.三号 })] });
}
export function heading2(text: string): Paragraph {
  return new Paragraph({ spacing: exact, indent: { firstLine: 2 * BODY_CHAR_TWIPS }, children: [run(text, { font: FONTS.heading2, pt: SIZES.三号 })] });
}
/** A body paragraph led by a 二级标题 in 楷体 (（一）来源文件。) and going on in 仿宋. */
export function leadIn(head: string, text: string): Paragraph {
  return new Paragraph({
    spacing: exact,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * BODY_CHAR_TWIPS },
    children: [run(head, { font: FONTS.heading2, pt: SIZES.三号 }), run(text, { font: FONTS.body, pt: SIZES.三号 })],
  });
}

export const blankLine = (): Paragraph => new Paragraph({ spacing: exact, children: [] });

/**
 * 落款 without a seal (GB/T 9704 §7.3.5.2): the 成文日期 right, four characters in; the 发文机关署名
 * over it, centred on the date. Both at the right, in the body face.
 */
export function signature(organ: string, date: string): Paragraph[] {
  const dateChars = [...date].length;
  const organChars = [...organ].length;
  const organIndent = Math.max(0, 4 + (dateChars - organChars) / 2);
  return [
    blankLine(),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exact,
      indent: { right: Math.round(organIndent * BODY_CHAR_TWIPS) },
      children: [run(organ, { font: FONTS.body, pt: SIZES.三号 })],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exact,
      indent: { right: 4 * BODY_CHAR_TWIPS },
      children: [run(date, { font: FONTS.body, pt: SIZES.三号 })],
    }),
  ];
}

/**
 * 版记: 抄送 and 印发 between black lines (the first and last thicker), 四号, one character in.
 * An empty 抄送 list leaves that line out.
 */
export function imprint(copiedTo: readonly string[], issuer: string, issuedOn: string): Paragraph[] {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 } as const;
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const;
  const small = { font: FONTS.body, pt: SIZES.四号 };
  const lines: Paragraph[] = [blankLine()];
  if (copiedTo.length > 0) {
    lines.push(
      new Paragraph({
        spacing: exact,
        indent: { left: 280, right: 280, hanging: 0 },
        border: { top: thick, bottom: thin },
        children: [run(`抄送：${copiedTo.join('，')}。`, small)],
      }),
    );
  }
  lines.push(
    new Paragraph({
      spacing: exact,
      indent: { left: 280, right: 280 },
      tabStops: [{ type: 'right', position: TYPE_AREA_TWIPS.width - 280 }],
      border: copiedTo.length > 0 ? { bottom: thick } : { top: thick, bottom: thick },
      children: [run(issuer, small), new TextRun({ text: '\t' }), run(`${issuedOn}印发`, small)],
    }),
  );
  return lines;
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const font = runFont(FONTS.pageNumber);
  const size = halfPoints(SIZES.四号);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font, size })],
      }),
    ],
  });
}

export interface OfficialDocumentOptions {
  /** The document's title in its properties (Word shows it in the title bar). */
  title: string;
  /** The office that makes it (document properties). */
  creator: string;
  children: FileChild[];
  /** Margins other than the standard's (the 文件批办单 is a form, not a 公文); defaults to GB/T 9704. */
  margins?: { top: number; right: number; bottom: number; left: number };
  /** No page numbers (a one-page form). */
  pageNumbers?: boolean;
}

/** Packs a document in the GB/T 9704 page: A4, the margins, the default faces, page numbers. */
export async function officialDocument(options: OfficialDocumentOptions): Promise<Buffer> {
  if (options.children.length === 0) throw new ReportError('文档内容为空');
  const margins = options.margins ?? PAGE_MARGINS_TWIPS;
  const numbered = options.pageNumbers ?? true;
  const doc = new Document({
    title: options.title,
    creator: options.creator,
    evenAndOddHeaderAndFooters: numbered,
    styles: {
      default: {
        document: {
          run: { font: runFont(FONTS.body), size: halfPoints(SIZES.三号), language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
            // 7 mm under the type area to the top of the number, which is about 5 mm tall.
            margin: { ...margins, header: mmToTwips(15), footer: mmToTwips(35 - 7 - 5), gutter: 0 },
          },
        },
        ...(numbered ? { footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') } } : {}),
        children: options.children,
      },
    ],
  });
  return withFontFallbacks(await Packer.toBuffer(doc));
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The font table entries that name each face's fallback (w:altName) and its GB2312 character set. */
export function fontTableEntries(): string {
  return Object.values(FONTS)
    .map((f: OfficialFont) => `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.fallbacks[0] ?? f.name)}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`)
    .join('');
}

/** Rewrites word/fontTable.xml so that it lists our faces with their fallbacks. */
async function withFontFallbacks(file: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const table = zip.file('word/fontTable.xml');
  if (table === null) return file;
  const xml = await table.async('string');
  // Drop docx's own entries for our faces (they carry no altName), then add ours before the end.
  let rewritten = xml;
  for (const f of Object.values(FONTS) as OfficialFont[]) {
    rewritten = rewritten.replace(new RegExp(`<w:font w:name="${f.name}"[^>]*?(/>|>[\\s\\S]*?</w:font>)`, 'g'), '');
  }
  // docx writes an empty table as <w:fonts …/>; open it to hold the entries.
  rewritten = rewritten.includes('</w:fonts>')
    ? rewritten.replace('</w:fonts>', `${fontTableEntries()}</w:fonts>`)
    : rewritten.replace(/<w:fonts([^>]*?)\/>/, `<w:fonts$1>${fontTableEntries()}</w:fonts>`);
  zip.file('word/fontTable.xml', rewritten);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
