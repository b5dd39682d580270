// Files → text. The content decides the reader (a PDF starts with %PDF, a .docx is a zip holding
// word/document.xml, an .ofd a zip holding OFD.xml, a page starts with <!doctype or <html); the
// extension only decides when the content says nothing. Every failure is an InputError with a message for the user, never a crash.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ParseWarning } from '../types.ts';
import { readDocx } from './docx.ts';
import { InputError, type ReadResult } from './errors.ts';
import { readHtml } from './html.ts';
import { readOfd } from './ofd.ts';
import { checkChars, checkFileSize, DEFAULT_LIMITS, type InputLimits } from './limits.ts';
import { readPdf } from './pdf.ts';
import { normalizeRadicals } from './radicals.ts';
import { sniffFormat, type SniffedFormat } from './sniff.ts';

export { InputError };
export type { InputLimits };

export type InputFormat = 'txt' | 'docx' | 'pdf' | 'html' | 'ofd';

export interface InputText {
  text: string;
  format: InputFormat;
  warnings: ParseWarning[];
}

/**
 * Decodes bytes as text: a UTF-16 or UTF-8 byte-order mark wins (Windows Notepad saves "Unicode"
 * as UTF-16), else UTF-8, or GB18030 when the bytes are not valid UTF-8 (older government files).
 */
export function decodeText(bytes: Uint8Array): { text: string; warnings: ParseWarning[] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), warnings: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    const text = new TextDecoder('gb18030').decode(bytes);
    return { text, warnings: [{ code: 'encoding-gb18030', message: '输入不是 UTF-8，已按 GB18030 解码' }] };
  }
}

/** True when the bytes look like a binary file rather than text (NUL bytes in the first 8 KB, UTF-16 aside). */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 8192);
  let nul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
  return nul > 0;
}

const FORMAT_NAME: Record<InputFormat, string> = { txt: '纯文本', docx: 'Word 文档（.docx）', pdf: 'PDF', html: '网页（HTML）', ofd: 'OFD 版式文件' };

const EXTENSIONS: Record<string, InputFormat> = {
  '': 'txt',
  '.txt': 'txt',
  '.text': 'txt',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.xhtml': 'html',
  '.ofd': 'ofd',
};

/** The extensions read as documents (a folder walk picks these up): one list, here. */
export const INPUT_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS).filter((e) => e !== '');

/** Formats we recognise but cannot read, with what the user can do about it. */
function unsupported(sniffed: SniffedFormat, ext: string): InputError | null {
  switch (sniffed) {
    case 'ole':
      return new InputError(
        ext === '.doc' || ext === '.wps'
          ? `不支持旧版 Word/WPS 文档（${ext}），请另存为 .docx 或 PDF 后再读取`
          : '文件是旧版 Office 文档（.doc/.xls/.ppt），不支持；请另存为 .docx 或 PDF 后再读取',
      );
    case 'zip':
      if (ext === '.ofd') return new InputError('OFD 文件已损坏：压缩包中没有 OFD.xml');
      return new InputError(ext === '.docx' ? 'Word 文件已损坏：压缩包中没有 word/document.xml' : '文件是压缩包，不是 Word 文档（.docx），不支持；请解压后逐个读取');
    case 'rtf':
      return new InputError('不支持 RTF 格式，请另存为 .docx 后再读取');
    case 'image':
      return new InputError('文件是图片，未做文字识别（OCR），读不出文字');
    default:
      return null;
  }
}

function readText(bytes: Uint8Array, limits: InputLimits): ReadResult {
  if (looksBinary(bytes)) throw new InputError('文件内容是二进制数据，不是文本');
  const decoded = decodeText(bytes);
  checkChars(decoded.text.length, limits);
  return decoded;
}

async function readAs(format: InputFormat, sniffed: SniffedFormat, bytes: Uint8Array, limits: InputLimits): Promise<ReadResult> {
  switch (format) {
    case 'pdf':
      return readPdf(bytes, limits);
    case 'docx':
      if (sniffed !== 'docx') throw new InputError('Word 文件已损坏或不是有效的 .docx，无法读取');
      return readDocx(bytes, limits);
    case 'html':
      return readHtml(bytes);
    case 'ofd':
      if (sniffed !== 'ofd') throw new InputError('OFD 文件已损坏或不是有效的 .ofd（不是 OFD 压缩包），无法读取');
      return readOfd(bytes, limits);
    default:
      return readText(bytes, limits);
  }
}

/**
 * Reads a file's bytes as text. `name` is the file name; its extension is used only when the
 * content does not tell the format. Exported for callers that hold bytes (uploads). A file past
 * one of `limits` is an InputError (limits.ts).
 */
export async function readBytes(bytes: Uint8Array, name: string, limits: InputLimits = DEFAULT_LIMITS): Promise<InputText> {
  checkFileSize(bytes.length, limits);
  const ext = extname(name).toLowerCase();
  const sniffed = sniffFormat(bytes);
  const refused = unsupported(sniffed, ext);
  if (refused) throw refused;
  const byExtension: InputFormat | undefined = EXTENSIONS[ext];
  const format: InputFormat | undefined = sniffed === 'pdf' || sniffed === 'docx' || sniffed === 'html' || sniffed === 'ofd' ? sniffed : byExtension;
  if (format === undefined) throw new InputError(`不支持的文件类型 ${ext}（支持 .txt .docx .pdf .html .ofd）`);
  if (bytes.length === 0 && format !== 'txt') throw new InputError('文件是空的');

  const warnings: ParseWarning[] = [];
  if (ext !== '' && byExtension !== format) {
    warnings.push({ code: 'format-mismatch', message: `文件扩展名为 ${ext}，内容实际是${FORMAT_NAME[format]}，已按${FORMAT_NAME[format]}读取` });
  }
  let result: ReadResult;
  try {
    result = await readAs(format, sniffed, bytes, limits);
  } catch (e) {
    if (e instanceof InputError) throw e;
    // A reader library failing on a malformed file is still a file we cannot read, not a crash.
    throw new InputError(`${FORMAT_NAME[format]}读取失败：${e instanceof Error ? e.message : String(e)}`);
  }
  checkChars(result.text.length, limits);
  warnings.push(...result.warnings);
  const normalized = normalizeRadicals(result.text);
  if (normalized.count > 0) {
    warnings.push({ code: 'radicals-normalised', message: `已将 ${normalized.count} 个部首或兼容汉字字符（如“⼈”“⻘”）换成通用汉字` });
  }
  return { text: normalized.text, format, warnings };
}

export async function readInput(path: string, limits: InputLimits = DEFAULT_LIMITS): Promise<InputText> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputError('不是文件');
    checkFileSize(info.size, limits);
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`无法读取：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (e as Error).message}`);
  }
  return readBytes(bytes, path, limits);
}
