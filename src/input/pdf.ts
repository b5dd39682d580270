// .pdf → text with pdf.js (the legacy build, which runs on Node 20). Each page's text starts with a
// "# Page N:" marker line, the convention of the seeds that the parser already reads; lines are
// rebuilt from the text pieces' positions (pdf-lines.ts).
//
// A PDF is checked before pdf.js reads it (a file cut short is refused from its last bytes) and
// its page count before any text is extracted (limits.ts).
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { ParseWarning } from '../types.ts';
import { InputError, type ReadResult } from './errors.ts';
import { checkChars, checkPdfPages, DEFAULT_LIMITS, type InputLimits } from './limits.ts';
import { pageLines, type TextPiece } from './pdf-lines.ts';
import { indexOfAscii } from './sniff.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

/**
 * pdf.js is large; it is loaded on the first PDF, not when the CLI starts. The minified build,
 * main part and worker: under tsx (development, tests) every module loaded is rewritten, and
 * rewriting the unminified pair cost 2.8 s and 440 MB at the first PDF, the minified one half.
 */
const MINIFIED: string = 'pdfjs-dist/legacy/build/pdf.min.mjs';
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (import(MINIFIED) as Promise<PdfJs>).then((m) => {
    m.GlobalWorkerOptions.workerSrc = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
    return m;
  });
  return pdfjs;
}

/** How far from the end a PDF's %%EOF may be: 1,024 bytes by the standard, twice that for writers that append a little. */
const EOF_WINDOW = 2048;

/**
 * A PDF ends with startxref and %%EOF (ISO 32000 7.5.5). A file without them in its last bytes
 * was cut short (a broken download or copy): refused here, before pdf.js tries to rebuild its
 * cross-reference table from what is left.
 */
export function checkPdfComplete(bytes: Uint8Array): void {
  const tail = bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW));
  if (indexOfAscii(tail, '%%EOF') < 0) throw new InputError('PDF 文件已损坏或不完整：结尾缺少 %%EOF（可能在下载或复制时被截断），无法读取；请重新获取完整的文件');
}

/** Where pdf.js keeps the Adobe CMaps that Chinese PDFs with unembedded fonts (UniGB-UCS2-H …) need. */
function assetDir(name: string): string {
  const require = createRequire(import.meta.url);
  return `${join(dirname(require.resolve('pdfjs-dist/package.json')), name)}/`;
}

/** Text that is private-use code points or replacement characters comes from fonts without a Unicode map. */
function garbledShare(text: string): number {
  let bad = 0;
  let all = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    all++;
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0xe000 && cp <= 0xf8ff) || cp === 0xfffd || cp < 0x20) bad++;
  }
  return all === 0 ? 0 : bad / all;
}

const pageList = (pages: number[]) => `${pages.slice(0, 10).join('、')}${pages.length > 10 ? ' 等' : ''}`;

export async function readPdf(bytes: Uint8Array, limits: InputLimits = DEFAULT_LIMITS): Promise<ReadResult> {
  checkPdfComplete(bytes);
  const { getDocument } = await loadPdfJs();
  // pdf.js takes ownership of (and detaches) the buffer it is given, so it gets a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: assetDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetDir('standard_fonts'),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException') throw new InputError('PDF 文件已加密，需要密码才能打开，无法读取');
    if (name === 'InvalidPDFException') throw new InputError('PDF 文件已损坏或不是有效的 PDF，无法读取');
    throw new InputError(`PDF 文件无法读取（${e instanceof Error ? e.message : String(e)}）`);
  }

  try {
    checkPdfPages(doc.numPages, limits);
  } catch (e) {
    await doc.destroy().catch(() => undefined);
    throw e;
  }

  const warnings: ParseWarning[] = [];
  const out: string[] = [];
  const emptyPages: number[] = [];
  const failedPages: number[] = [];
  let rotated = 0;
  let textChars = 0;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      out.push(`# Page ${n}:`);
      let pieces: TextPiece[];
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        pieces = [];
        for (const item of content.items) {
          if (!('str' in item) || item.str === '') continue;
          const [a, b, c, d, e, f] = item.transform as number[];
          // Rotated text (stamps, watermarks, vertical margin notes) is not part of the lines.
          if (Math.abs(b!) > 0.01 * Math.abs(a!) || Math.abs(c!) > 0.01 * Math.abs(d!)) {
            rotated++;
            continue;
          }
          pieces.push({ text: item.str, x: e!, y: f!, width: item.width, size: Math.abs(d!) || item.height || 1 });
        }
        page.cleanup();
      } catch {
        failedPages.push(n);
        continue;
      }
      const { lines } = pageLines(pieces);
      if (lines.length === 0) emptyPages.push(n);
      for (const l of lines) textChars += l.length;
      // The characters are counted page by page: a PDF over the limit stops being read there.
      checkChars(textChars, limits, true);
      out.push(...lines);
    }
  } finally {
    await doc.destroy().catch(() => undefined);
  }

  const text = out.join('\n');
  if (textChars === 0) {
    warnings.push({ code: 'pdf-no-text', message: 'PDF 没有文字层（可能是扫描件），未做文字识别（OCR），读不出文字' });
  } else if (emptyPages.length > 0) {
    warnings.push({ code: 'pdf-page-no-text', message: `PDF 第 ${pageList(emptyPages)} 页没有文字层（可能是扫描页），未做文字识别（OCR）` });
  }
  if (failedPages.length > 0) warnings.push({ code: 'pdf-page-error', message: `PDF 第 ${pageList(failedPages)} 页已损坏，未能读取` });
  if (garbledShare(text) > 0.2) warnings.push({ code: 'pdf-garbled', message: 'PDF 的字体缺少文字编码映射，读出的文字可能是乱码' });
  if (rotated > 0) warnings.push({ code: 'pdf-rotated-text', message: `PDF 中有 ${rotated} 段旋转的文字（印章、水印或页边竖排文字），未读入正文` });
  return { text, warnings };
}
