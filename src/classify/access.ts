// 公开属性 → who may read a document in the library: everyone (the public library) or only
// signed-in users. The rule and why it is so are in docs/decisions.md ("Access").
//
// Evidence, strongest first:
//   1. the document's own publicity note (（此件不予公开）, （此件公开发布）…, parsed into
//      DocumentRecord.publicity): its issuer decided;
//   2. a restriction mark in its own 版头 (内部, 内部资料, 注意保存);
//   3. a restriction mark on the file (the cover of a compilation: 内部资料 注意保存);
//   4. otherwise the file kind: a gazette publishes what it prints; anything else of unknown
//      provenance stays internal.
import type { DocumentRecord, FileKind, ParseResult } from '../types.ts';
import { headLines } from './head-lines.ts';

export type Access = 'public' | 'internal';

export interface AccessDecision {
  access: Access;
  /** Why, in Chinese, for the library's page and the import log. */
  reason: string;
}

export interface RestrictionMark {
  /** The mark as written. */
  text: string;
  line: number;
  /** The document whose head carries it; null for a mark on the file (cover, first page). */
  documentIndex: number | null;
}

/** Publicity notes that keep a document from the public. Checked before the public ones: 不予公开 holds 公开. */
const INTERNAL_NOTE = /不予公开|不公开|免予公开|非公开|依申请公开|删减后公开|部分公开|内部/;
/** Publicity notes that publish it (公开发布, 主动公开, 公开, 向社会公开, 全文公开 …): what is left says 公开. */
const PUBLIC_NOTE = /公开/;
/** What surrounds the value of a publicity note in its spellings: （此件公开发布）, 公开方式：主动公开, 【信息公开选项：…】. */
const NOTE_FRAME = /[\s（）()【】〔〕[\]<>《》“”"'：:]|此件|本件|该件|信息公开选项|公开方式|公开属性|公开类型|公开形式/g;

/** A publicity note read: 'public', 'internal', or null when it says neither. */
export function publicityClass(note: string | null): Access | null {
  if (note === null) return null;
  const value = note.normalize('NFKC').replace(NOTE_FRAME, '');
  if (value === '') return null;
  if (INTERNAL_NOTE.test(value)) return 'internal';
  if (PUBLIC_NOTE.test(value)) return 'public';
  return null;
}

/**
 * A head line that restricts distribution without being a state secret: 内部, 内部资料, 内部文件,
 * 内部刊物, 仅供内部参考, 注意保存, 内部资料 注意保存, 内部资料 免费交流. The whole line must be the mark.
 */
const RESTRICTION_LINE =
  /^[【〔[（(]?(?:内部(?:资料|文件|刊物|材料|发行|使用|参阅|参考|明电)?|仅供内部(?:参考|使用|参阅)|仅限内部使用|注意保存)(?:[，,、·]?(?:注意保存|妥善保管|请勿外传|不得外传|免费交流|严禁外传))?[】〕\]）)]?$/;

/** Every restriction mark in the heads and at the top of the file. */
export function findRestrictionMarks(text: string, result: ParseResult): RestrictionMark[] {
  return headLines(text, result)
    .filter((h) => RESTRICTION_LINE.test(h.text))
    .map((h) => ({ text: h.original, line: h.line, documentIndex: h.documentIndex }));
}

const KIND_NAME: Record<FileKind, string> = { gazette: '公报', compilation: '汇编', document: '单份文件', 'routed-document': '收文（附批办单）' };

/**
 * Who may read `doc`. `restrictions` are the restriction marks that concern it: those of its own
 * head (documentIndex = its index) and those of the file (documentIndex null).
 */
export function accessOf(doc: Pick<DocumentRecord, 'publicity'>, fileKind: FileKind, restrictions: readonly RestrictionMark[] = []): AccessDecision {
  const note = publicityClass(doc.publicity);
  if (note === 'internal') return { access: 'internal', reason: `文件标注“${doc.publicity}”，仅限登录用户查阅` };
  const own = restrictions.find((r) => r.documentIndex !== null);
  if (own) return { access: 'internal', reason: `文件版头标注“${own.text}”（第${own.line}行），仅限登录用户查阅` };
  if (note === 'public') return { access: 'public', reason: `文件标注“${doc.publicity}”，可在公开政策库发布` };
  const onFile = restrictions.find((r) => r.documentIndex === null);
  if (onFile) return { access: 'internal', reason: `文件未标注公开属性，所在文件标注“${onFile.text}”（第${onFile.line}行），仅限登录用户查阅` };
  const unread = doc.publicity !== null ? `公开属性“${doc.publicity}”无法识别，` : '文件未标注公开属性，';
  if (fileKind === 'gazette') return { access: 'public', reason: `${unread}刊登于政府公报，公报刊登即为公开发布` };
  return { access: 'internal', reason: `${unread}来源为${KIND_NAME[fileKind]}，未经公开，仅限登录用户查阅` };
}

/** The access decision of every document of a parsed file, in the order of `result.documents`. */
export function documentAccess(text: string, result: ParseResult): AccessDecision[] {
  const marks = findRestrictionMarks(text, result);
  return result.documents.map((doc, k) =>
    accessOf(
      doc,
      result.kind,
      marks.filter((m) => m.documentIndex === k || m.documentIndex === null),
    ),
  );
}
