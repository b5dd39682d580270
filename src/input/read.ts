// Files → text. Plain text only for now; .docx, .pdf and .html readers plug in here.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ParseWarning } from '../types.ts';

export class InputError extends Error {}

export interface InputText {
  text: string;
  format: 'txt' | 'docx' | 'pdf' | 'html';
  warnings: ParseWarning[];
}

/** Decodes bytes as UTF-8, or GB18030 when they are not valid UTF-8 (older government files). */
export function decodeText(bytes: Uint8Array): { text: string; warnings: ParseWarning[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    const text = new TextDecoder('gb18030').decode(bytes);
    return { text, warnings: [{ code: 'encoding-gb18030', message: '输入不是 UTF-8，已按 GB18030 解码' }] };
  }
}

/** True when the bytes look like a binary file rather than text (NUL bytes in the first 8 KB). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let nul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
  return nul > 0;
}

export async function readInput(path: string): Promise<InputText> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputError('不是文件');
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`无法读取：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (e as Error).message}`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.txt' || ext === '.text' || ext === '') {
    if (looksBinary(bytes)) throw new InputError('文件内容是二进制数据，不是文本');
    const { text, warnings } = decodeText(bytes);
    return { text, format: 'txt', warnings };
  }
  throw new InputError(`不支持的文件类型 ${ext}（支持 .txt .docx .pdf .html）`);
}
