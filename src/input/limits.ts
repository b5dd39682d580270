// How much one file may be: bytes, PDF pages, characters of text. A file past a limit is refused
// with a message that says which limit and how to raise it, checked as early as the limit can be
// known: the size before the file is read, the page count before any page's text is extracted,
// the characters as soon as the text is decoded (or page by page, for a PDF). The defaults and
// why they are what they are: docs/decisions.md ("Limits on one file").
import { InputError } from './errors.ts';

export interface InputLimits {
  /** Largest file, bytes. */
  maxBytes: number;
  /** Most pages of a PDF. */
  maxPdfPages: number;
  /** Most characters of text read out of one file. */
  maxChars: number;
}

export const DEFAULT_LIMITS: InputLimits = {
  maxBytes: 200_000_000,
  maxPdfPages: 2_000,
  maxChars: 50_000_000,
};

/** The environment variables that set each limit (MB are 10^6 bytes). */
export const LIMIT_VARIABLES = {
  maxBytes: 'DUBAN_MAX_FILE_MB',
  maxPdfPages: 'DUBAN_MAX_PDF_PAGES',
  maxChars: 'DUBAN_MAX_CHARS',
} as const satisfies Record<keyof InputLimits, string>;

/** The limits an environment sets (unset variables keep the defaults); a value that is no positive number is an InputError. */
export function limitsFromEnvironment(env: Readonly<Record<string, string | undefined>>): InputLimits {
  const read = (key: keyof InputLimits, scale: number): number => {
    const name = LIMIT_VARIABLES[key];
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return DEFAULT_LIMITS[key];
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new InputError(`环境变量 ${name} 的值“${raw}”无效：应为正数`);
    return Math.floor(value * scale);
  };
  return { maxBytes: read('maxBytes', 1_000_000), maxPdfPages: read('maxPdfPages', 1), maxChars: read('maxChars', 1) };
}

const megabytes = (n: number) => `${(n / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} MB`;
const count = (n: number) => n.toLocaleString('zh-CN');

/** Refuses a file of `size` bytes over the limit, before it is read. */
export function checkFileSize(size: number, limits: InputLimits): void {
  if (size > limits.maxBytes) {
    throw new InputError(`文件过大：${megabytes(size)}，超过单个文件上限 ${megabytes(limits.maxBytes)}；请拆分后再导入，或调高 ${LIMIT_VARIABLES.maxBytes}`);
  }
}

/** Refuses a PDF of `pages` pages over the limit, before its text is extracted. */
export function checkPdfPages(pages: number, limits: InputLimits): void {
  if (pages > limits.maxPdfPages) {
    throw new InputError(`PDF 页数过多：${count(pages)} 页，超过上限 ${count(limits.maxPdfPages)} 页；请拆分后再导入，或调高 ${LIMIT_VARIABLES.maxPdfPages}`);
  }
}

/** Refuses text of `chars` characters over the limit (`atLeast`: reading stopped there, the file holds more). */
export function checkChars(chars: number, limits: InputLimits, atLeast = false): void {
  if (chars > limits.maxChars) {
    throw new InputError(
      `文件文字过多：${atLeast ? '超过 ' : ''}${count(chars)} 字，超过单个文件上限 ${count(limits.maxChars)} 字；请拆分后再导入，或调高 ${LIMIT_VARIABLES.maxChars}`,
    );
  }
}
