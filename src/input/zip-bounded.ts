// Reading entries of a zip package (.ofd, .docx) with a bound on what they unpack to. Deflate
// reaches ratios of about 1000:1, so a 2 MB file within every byte limit can unpack to gigabytes
// (a "zip bomb") and take the process's memory with it. The declared sizes in the zip's directory
// cannot be trusted for this — JSZip compares them only after an entry has been inflated — so each
// entry is streamed and the bytes actually produced are counted; reading stops at the budget.
import JSZip from 'jszip';
import { InputError } from './errors.ts';
import type { InputLimits } from './limits.ts';

/** What one package may unpack to in all, bytes: the file limit, since that is what an office sized for. */
export const unpackBudget = (limits: InputLimits): number => limits.maxBytes;

const megabytes = (n: number) => `${(n / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} MB`;

/** A running count of unpacked bytes shared by every entry read from one package. */
export class UnpackBudget {
  private used = 0;
  constructor(readonly limit: number, private readonly what: string) {}

  take(bytes: number): void {
    this.used += bytes;
    if (this.used > this.limit) {
      throw new InputError(
        `${this.what}解压后超过 ${megabytes(this.limit)}（文件很小而内容极大，可能是“压缩炸弹”或已损坏），已停止读取；如确属正常文件，请调高 DUBAN_MAX_FILE_MB`,
      );
    }
  }
}

/** The bytes of one entry, read as a stream and stopped as soon as the budget is spent. */
export function readEntryBounded(file: JSZip.JSZipObject, budget: UnpackBudget, keep = true): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    const stream = file.nodeStream('nodebuffer');
    stream
      .on('data', (chunk: Buffer) => {
        if (done) return;
        try {
          budget.take(chunk.length);
        } catch (e) {
          done = true;
          stream.pause();
          stream.removeAllListeners('data');
          reject(e);
          return;
        }
        if (!keep) return;
        chunks.push(chunk);
        size += chunk.length;
      })
      .on('error', (e: Error) => {
        if (done) return;
        done = true;
        reject(e);
      })
      .on('end', () => {
        if (done) return;
        done = true;
        const out = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        resolve(out);
      });
  });
}

/** Reads every entry of a package once against the budget, so that a library which unpacks it afterwards (mammoth) meets no bomb. */
export async function checkUnpackedSize(zip: JSZip, budget: UnpackBudget): Promise<void> {
  for (const file of Object.values(zip.files)) {
    if (!file.dir) await readEntryBounded(file, budget, false);
  }
}
