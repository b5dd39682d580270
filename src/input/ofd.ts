// .ofd → text. OFD (GB/T 33190) is the format 公文交换 systems deliver electronic official
// documents in: a zip whose OFD.xml names each document's Document.xml (DocBody/DocRoot), which
// lists its pages (Pages/Page BaseLoc → Content.xml). A page's text layer is TextObject elements
// (Boundary "x y w h" in mm, y growing downwards, font Size) holding TextCode runs placed at X/Y
// inside the object, the glyph advances in DeltaX. Like a PDF, the page has no lines, only placed
// runs, so the runs go through the same geometry as a PDF's (pdf-lines.ts) and pages are marked
// `# Page N:` as the PDF reader marks them. Templates (running heads), annotations and signatures
// are not the document's text and are not read.
import JSZip from 'jszip';
import { readEntryBounded, UnpackBudget, unpackBudget } from './zip-bounded.ts';
import type { ParseWarning } from '../types.ts';
import { InputError, type ReadResult } from './errors.ts';
import { checkChars, DEFAULT_LIMITS, type InputLimits } from './limits.ts';
import { pageLines, type TextPiece } from './pdf-lines.ts';

const DAMAGED = 'OFD 文件已损坏';

/** XML text with its five named entities and numeric character references decoded. */
export function xmlText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e as 'amp']!;
  });
}

/** The attributes of a start tag's attribute text (names without their namespace prefix). */
function attributes(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of raw.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1]!.replace(/^\w+:/, ''), xmlText(m[2] ?? m[3] ?? ''));
  return out;
}

const numbers = (s: string | undefined): number[] => (s ?? '').trim().split(/[\s,]+/).filter((t) => t !== '').map(Number);

/**
 * DeltaX as written: numbers, where "g N d" stands for N copies of d (GB/T 33190 §11.3). Returns
 * the advances, or null when the attribute is absent or unreadable.
 */
export function deltas(raw: string | undefined): number[] | null {
  if (raw === undefined || raw.trim() === '') return null;
  const tokens = raw.trim().split(/\s+/);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      const n = Number(tokens[i + 1]);
      const d = Number(tokens[i + 2]);
      if (!Number.isInteger(n) || n < 0 || n > 100_000 || !Number.isFinite(d)) return null;
      for (let k = 0; k < n; k++) out.push(d);
      i += 2;
    } else {
      const d = Number(tokens[i]);
      if (!Number.isFinite(d)) return null;
      out.push(d);
    }
  }
  return out;
}

/** Width a run takes: its advances and one glyph, else an estimate (CJK glyphs are one em wide, others half). */
function runWidth(text: string, size: number, advances: number[] | null): number {
  const chars = [...text];
  if (advances !== null && advances.length > 0) return advances.slice(0, chars.length - 1).reduce((a, b) => a + b, 0) + size;
  return chars.reduce((w, c) => w + (/[\u0000-\u024f]/.test(c) ? 0.5 : 1) * size, 0);
}

/**
 * The text runs of one page's Content.xml, as pieces for pdf-lines.ts (y negated: a PDF's y grows
 * upwards). A TextCode with no X/Y of its own continues where the previous one of its object ended.
 */
export function contentPieces(xml: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const tag = /<(\/?)(?:\w+:)?(TextObject|TextCode)\b([^>]*?)(\/?)>/g;
  let object: { x: number; y: number; size: number } | null = null;
  let last: { x: number; y: number } | null = null;
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    const [, closing, name, raw, selfClosing] = m;
    if (name === 'TextObject') {
      if (closing) object = null;
      else if (!selfClosing) {
        const a = attributes(raw!);
        const [bx = 0, by = 0] = numbers(a.get('Boundary'));
        const size = Number(a.get('Size'));
        object = { x: bx, y: by, size: Number.isFinite(size) && size > 0 ? size : 1 };
        last = null;
      }
      continue;
    }
    if (closing || selfClosing || object === null) continue;
    const end = xml.indexOf('<', tag.lastIndex);
    const text = xmlText(xml.slice(tag.lastIndex, end < 0 ? xml.length : end));
    const a = attributes(raw!);
    const x: number = a.has('X') ? Number(a.get('X')) : (last?.x ?? 0);
    const y: number = a.has('Y') ? Number(a.get('Y')) : (last?.y ?? 0);
    const width = runWidth(text, object.size, deltas(a.get('DeltaX')));
    if (text !== '' && Number.isFinite(x) && Number.isFinite(y)) pieces.push({ text, x: object.x + x, y: -(object.y + y), width, size: object.size });
    last = { x: x + width, y };
  }
  return pieces;
}

/** A path inside the package: absolute ones from its root, relative ones from `base` (a folder). */
function resolvePath(base: string, loc: string): string {
  const parts = (loc.startsWith('/') ? loc.slice(1) : `${base}${base === '' ? '' : '/'}${loc}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

const folderOf = (path: string) => path.split('/').slice(0, -1).join('/');

const utf8 = new TextDecoder('utf-8');

async function entryText(zip: JSZip, path: string, budget: UnpackBudget): Promise<string | null> {
  // Names in some packages differ in case from the references (Doc_0 / doc_0).
  const file = zip.file(path) ?? zip.file(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i'))[0] ?? null;
  return file === null ? null : utf8.decode(await readEntryBounded(file, budget));
}

const pageList = (pages: number[]) => `${pages.slice(0, 10).join('、')}${pages.length > 10 ? ' 等' : ''}`;

export async function readOfd(bytes: Uint8Array, limits: InputLimits = DEFAULT_LIMITS): Promise<ReadResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new InputError(`${DAMAGED}或不完整（可能在下载或复制时被截断），无法读取；请重新获取完整的文件`);
  }
  const budget = new UnpackBudget(unpackBudget(limits), 'OFD 文件');
  const root = await entryText(zip, 'OFD.xml', budget);
  if (root === null) throw new InputError(`${DAMAGED}：压缩包中没有 OFD.xml`);
  const docRoots = [...root.matchAll(/<(?:\w+:)?DocRoot(?:\s[^>]*)?>([^<]*)</g)].map((m) => xmlText(m[1]!).trim()).filter((p) => p !== '');
  if (docRoots.length === 0) throw new InputError(`${DAMAGED}：OFD.xml 中没有 DocBody/DocRoot（文档入口）`);

  const warnings: ParseWarning[] = [];
  const out: string[] = [];
  const emptyPages: number[] = [];
  const failedPages: number[] = [];
  let textChars = 0;
  let pageNo = 0;
  for (const docRoot of docRoots) {
    const docPath = resolvePath('', docRoot);
    const document = await entryText(zip, docPath, budget);
    if (document === null) throw new InputError(`${DAMAGED}：缺少 OFD.xml 所指的文档 ${docPath}`);
    const pages = [...document.matchAll(/<(?:\w+:)?Page\b([^>]*?)\/?>/g)].map((m) => attributes(m[1]!).get('BaseLoc')).filter((l): l is string => l !== undefined);
    if (pages.length === 0) warnings.push({ code: 'ofd-no-pages', message: `OFD 文档 ${docPath} 中没有页面` });
    for (const loc of pages) {
      pageNo++;
      out.push(`# Page ${pageNo}:`);
      let content: string | null;
      try {
        content = await entryText(zip, resolvePath(folderOf(docPath), loc), budget);
      } catch (e) {
        if (e instanceof InputError) throw e;
        content = null;
      }
      if (content === null) {
        failedPages.push(pageNo);
        continue;
      }
      const { lines } = pageLines(contentPieces(content));
      if (lines.length === 0) emptyPages.push(pageNo);
      for (const l of lines) textChars += l.length;
      checkChars(textChars, limits, true);
      out.push(...lines);
    }
  }
  if (pageNo > 0 && textChars === 0) {
    warnings.push({ code: 'ofd-no-text', message: 'OFD 没有文字层（可能是扫描件），未做文字识别（OCR），读不出文字' });
  } else if (emptyPages.length > 0) {
    warnings.push({ code: 'ofd-page-no-text', message: `OFD 第 ${pageList(emptyPages)} 页没有文字（可能是扫描页），未做文字识别（OCR）` });
  }
  if (failedPages.length > 0) warnings.push({ code: 'ofd-page-error', message: `OFD 第 ${pageList(failedPages)} 页已损坏或缺失，未能读取` });
  return { text: out.join('\n'), warnings };
}

