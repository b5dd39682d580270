// What a unit may attach to a progress report (报送进展): the files offices exchange as evidence
// of work done — scans and photos, Word/WPS and Excel/ET files, PDF and OFD, archives — within
// limits of count and size. Part of the API's contract, pure: the server checks each part as it
// arrives, and the page checks the same rules before it sends anything.

export interface AttachmentLimits {
  /** Most files on one report. */
  files: number;
  /** Largest single file, bytes. */
  fileBytes: number;
  /** Largest sum of one report's files, bytes. */
  totalBytes: number;
}

export const ATTACHMENT_LIMITS: AttachmentLimits = { files: 10, fileBytes: 20 * 1024 * 1024, totalBytes: 50 * 1024 * 1024 };

/**
 * The extensions taken and the media type each is served back with. Anything a browser would
 * run or render as a page (html, svg, js, exe …) is left out: the file is downloaded by others.
 */
const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  wps: 'application/vnd.ms-works',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  et: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  txt: 'text/plain; charset=utf-8',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
};

export const ATTACHMENT_EXTENSIONS: readonly string[] = Object.keys(MEDIA_TYPES);

/** The extensions as the page's file picker takes them (.pdf,.ofd,…). */
export const ATTACHMENT_ACCEPT = ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(',');

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The media type a stored attachment is served with, from its name. */
export function attachmentMediaType(name: string): string {
  return MEDIA_TYPES[extensionOf(name)] ?? 'application/octet-stream';
}

/**
 * The name as it is kept: the last path segment a browser or a client may send, without control
 * characters, at most 120 characters (the extension kept).
 */
export function attachmentName(raw: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (base.length <= 120) return base;
  const ext = extensionOf(base);
  return ext && ext.length < 10 ? `${base.slice(0, 119 - ext.length)}.${ext}` : base.slice(0, 120);
}

const megabytes = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/**
 * Why one more file cannot go with the report (Chinese, naming the file), or null. `before` is
 * what the report already carries: how many files and how many bytes.
 */
export function attachmentProblem(name: string, bytes: number, before: { files: number; bytes: number }, limits: AttachmentLimits = ATTACHMENT_LIMITS): string | null {
  const shown = name || '未命名文件';
  if (name === '') return '附件缺少文件名';
  if (!(extensionOf(name) in MEDIA_TYPES)) return `附件“${shown}”的类型不能上传；可以上传：${ATTACHMENT_EXTENSIONS.join('、')}`;
  if (bytes === 0) return `附件“${shown}”是空文件`;
  if (bytes > limits.fileBytes) return `附件“${shown}”超过 ${megabytes(limits.fileBytes)}，请压缩或拆分后再上传`;
  if (before.files + 1 > limits.files) return `一次报送最多附 ${limits.files} 个文件`;
  if (before.bytes + bytes > limits.totalBytes) return `一次报送的附件合计不能超过 ${megabytes(limits.totalBytes)}`;
  return null;
}
