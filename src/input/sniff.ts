// What a file is, from its first bytes. Government sites serve HTML saved as .doc, PDFs without an
// extension and Word files named .txt, so the content decides and the extension only breaks ties.

export type SniffedFormat = 'pdf' | 'docx' | 'html' | 'ofd' | 'zip' | 'ole' | 'rtf' | 'image' | null;

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

/** Index of an ASCII needle in the bytes (names inside a zip are stored uncompressed). */
export function indexOfAscii(bytes: Uint8Array, needle: string, from = 0): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first, from); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** The start of the file as lower-case ASCII text, after a BOM and leading white space. */
function head(bytes: Uint8Array, n: number): string {
  let start = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) start = 3;
  let text = '';
  for (let i = start; i < bytes.length && text.length < n; i++) {
    const b = bytes[i]!;
    // UTF-16 markup has NULs between the ASCII bytes; skipping them reads it too.
    if (b === 0 || b === 0xfe || b === 0xff) continue;
    text += b < 0x80 ? String.fromCharCode(b).toLowerCase() : '\u00b7';
  }
  return text.trimStart();
}

const HTML_START = /^(<\?xml[^>]*>\s*)?(<!doctype\s+html|<html[\s>]|<head[\s>]|<meta[\s>]|<body[\s>]|<title[\s>])/;

/** The text after any leading <!-- comments --> (skipped with indexOf: a regex over repeated comments can backtrack exponentially). */
function afterComments(text: string): string {
  let rest = text;
  while (rest.startsWith('<!--')) {
    const end = rest.indexOf('-->', 4);
    if (end < 0) return rest;
    rest = rest.slice(end + 3).trimStart();
  }
  return rest;
}

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  // The PDF header may follow some junk bytes; readers accept it anywhere in the first kilobyte.
  const pdfAt = indexOfAscii(bytes.subarray(0, 1024), '%PDF-');
  if (pdfAt >= 0) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (indexOfAscii(bytes, 'word/document.xml') >= 0) return 'docx';
    if (indexOfAscii(bytes, 'OFD.xml') >= 0) return 'ofd';
    return 'zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image';
  const start = head(bytes, 2048);
  if (start.startsWith('{\\rtf')) return 'rtf';
  if (HTML_START.test(afterComments(start))) return 'html';
  return null;
}
