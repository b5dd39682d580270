// Whether a file holds anything recognisable as a document, decided before anything is stored
// (docs/decisions.md "Text with no recognisable document"). The parser keeps text it cannot place
// as a fragment (a document with no 文号, title, issuer or date), so that a compilation part that
// starts mid-document loses nothing; a file that is nothing but such a fragment — random
// characters, a letter, a table of figures — is refused unless the import is forced. Pure.
import type { DocumentRecord, ParseResult } from '../types.ts';

/** True for a document the parser could not identify: no 文号, no title, no issuer, no date. */
export function isFragment(d: Pick<DocumentRecord, 'docNumber' | 'title' | 'issuer' | 'date'>): boolean {
  return d.docNumber === null && d.title.trim() === '' && d.issuer.length === 0 && d.date === null;
}

/**
 * Why the file is refused as holding no document, in Chinese, or null when it holds one: a
 * document that is not a fragment, a gazette's masthead, appointments, chronicle entries or a
 * routing slip.
 */
export function noDocumentReason(result: ParseResult): string | null {
  const recognised =
    result.documents.some((d) => !isFragment(d)) || result.issue !== null || result.appointments.length > 0 || result.chronicle.length > 0 || result.routingSlip !== null;
  if (recognised) return null;
  return '未识别出公文：没有找到标题、发文字号、发文机关或成文日期，文字不像一份公文；如确需保存，请强制导入（命令行 duban import --force；导入页勾选“未识别出公文的文件也保存”）';
}
