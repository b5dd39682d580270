// A web page's bytes → text. Chinese government sites still serve GB2312/GBK pages, and some
// declare one charset while sending another after a CMS migration.
import type { ParseWarning } from '../types.ts';

/** GB2312 and GBK are subsets of GB18030; decoding as GB18030 reads all three. */
const GB_LABELS = /^(gb2312|gb_2312(-80)?|gbk|x-gbk|gb18030|cp936|windows-936|ms936|csgb2312|chinese|iso-ir-58)$/i;

/** The charset a page declares in its first bytes (<meta charset> or http-equiv), lower-case. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml\b[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes a page: a byte-order mark wins, then the declared charset (gb2312/gbk → GB18030), then
 * UTF-8, then GB18030. A page whose declaration is wrong (it happens after a CMS migration) is
 * decoded by what its bytes are, with a warning.
 */
export function decodeHtml(bytes: Uint8Array): { text: string; warnings: ParseWarning[] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes), warnings: [] };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), warnings: [] };
  const declared = declaredCharset(bytes);
  const utf8 = tryDecode('utf-8', bytes, true);
  const hasNonAscii = bytes.some((b) => b >= 0x80);
  const mismatch = (actual: string): ParseWarning => ({ code: 'html-charset-mismatch', message: `网页声明的编码 ${declared} 与内容不符，已按 ${actual} 解码` });
  if (declared !== null && GB_LABELS.test(declared)) {
    // Valid UTF-8 with non-ASCII bytes is almost never GBK text: the declaration is stale.
    if (utf8 !== null && hasNonAscii) return { text: utf8, warnings: [mismatch('UTF-8')] };
    return { text: new TextDecoder('gb18030').decode(bytes), warnings: [] };
  }
  if (declared === null || declared === 'utf-8' || declared === 'utf8') {
    if (utf8 !== null) return { text: utf8, warnings: [] };
    const warnings = declared === null ? [{ code: 'encoding-gb18030', message: '网页未声明编码且不是 UTF-8，已按 GB18030 解码' }] : [mismatch('GB18030')];
    return { text: new TextDecoder('gb18030').decode(bytes), warnings };
  }
  if (declared.startsWith('big5')) return { text: new TextDecoder('big5').decode(bytes), warnings: [] };
  const other = tryDecode(declared, bytes, false);
  if (other !== null) return { text: other, warnings: [] };
  return {
    text: utf8 ?? new TextDecoder('gb18030').decode(bytes),
    warnings: [{ code: 'html-charset-unknown', message: `网页声明了无法识别的编码 ${declared}，已按 ${utf8 !== null ? 'UTF-8' : 'GB18030'} 解码` }],
  };
}
