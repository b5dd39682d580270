// What a document is, apart from the file and the bytes that brought it (docs/decisions.md "One
// document, stored once"). Two keys, either of which makes two documents one:
//   - the identity key: 文号 | 发文机关 | 成文日期 | 标题, each normalised — a gazette's reprint of a
//     notice and the notice itself share it though their texts differ (running heads, page
//     breaks, a line the gazette leaves out);
//   - the text fingerprint: SHA-256 of the normalised text — the same text saved as GBK, with
//     CRLF, or as .docx, whatever the parser made of its head.
// Normalised = NFKC (full-width letters, digits and punctuation to their plain forms), lower case,
// and only letters and digits kept: whitespace, line breaks and every punctuation mark go, so
// （） and (), 〔〕 and [], ， and , no longer differ. Pure.
//
// Migration 0012 holds a frozen copy of these rules to fill existing stores; the two must agree
// (test/store-identity.test.ts), and a change here needs a migration that recomputes both columns.
import { createHash } from 'node:crypto';
import type { DocumentRecord } from '../types.ts';

/** The letters and digits of a text, NFKC-normalised and lower-cased: what identity compares. */
export function identityLetters(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * 文号|发文机关|成文日期|标题, normalised (issuers sorted, so their order does not matter). Null
 * when the document has no title, or neither a 文号 nor a date: a title alone names many texts
 * (every year's 关于做好春节期间安全工作的通知).
 */
export function identityKey(record: Pick<DocumentRecord, 'docNumber' | 'issuer' | 'date' | 'title'>): string | null {
  const title = identityLetters(record.title);
  const number = record.docNumber === null ? '' : identityLetters(record.docNumber);
  if (title === '' || (number === '' && record.date === null)) return null;
  const issuers = [...new Set(record.issuer.map(identityLetters).filter((x) => x !== ''))].sort();
  return [number, issuers.join('、'), record.date ?? '', title].join('|');
}

/** SHA-256 (hex) of a document's normalised text; null when nothing is left of it. */
export function textFingerprint(body: string): string | null {
  const letters = identityLetters(body);
  return letters === '' ? null : createHash('sha256').update(letters).digest('hex');
}
