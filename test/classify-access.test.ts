// 公开属性 → access (src/classify/access.ts; the rule is in docs/decisions.md).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessOf, documentAccess, findRestrictionMarks, publicityClass, type RestrictionMark } from '../src/classify/access.ts';
import { parseText } from '../src/pipeline.ts';
import type { DocumentRecord, FileKind } from '../src/types.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'classify');
const seedsDir = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const KINDS: FileKind[] = ['gazette', 'compilation', 'document', 'routed-document'];

function doc(publicity: string | null): DocumentRecord {
  return {
    docNumber: '南政发〔2024〕1号', title: '南湖市人民政府关于做好防汛工作的通知', issuer: ['南湖市人民政府'], date: '2024-05-01', recipients: [], publicity,
    attachments: [], distribution: [], groups: [], outline: [], tasks: [], duties: [], line: 1, endLine: 10,
  };
}

describe('publicity notes in their spellings', () => {
  it.each([
    '此件公开发布', '此件主动公开', '（此件公开发布）', '(此件主动公开)', '此件公开', '公开方式：主动公开', '【信息公开选项：主动公开】', '公开属性: 主动公开', '本件公开发布', ' 此件 公开 发布 ',
  ])('%s is public', (note) => {
    expect(publicityClass(note)).toBe('public');
  });

  it.each([
    '此件不予公开', '（此件不公开）', '此件依申请公开', '公开方式：依申请公开', '此件删减后公开', '此件部分公开', '免予公开', '内部资料', '内部文件', '内部',
  ])('%s is internal', (note) => {
    expect(publicityClass(note)).toBe('internal');
  });

  it.each([null, '', '（）', '此件', '请各单位认真执行'])('%s says neither', (note) => {
    expect(publicityClass(note)).toBeNull();
  });
});

describe('accessOf', () => {
  it('a public note is public in every kind of file', () => {
    for (const kind of KINDS) expect(accessOf(doc('此件公开发布'), kind).access).toBe('public');
  });

  it('an internal note is internal in every kind of file, a gazette too', () => {
    for (const kind of KINDS) expect(accessOf(doc('此件不予公开'), kind).access).toBe('internal');
    expect(accessOf(doc('此件依申请公开'), 'gazette').reason).toContain('此件依申请公开');
  });

  it('an unmarked document: public when a gazette printed it, internal otherwise', () => {
    expect(accessOf(doc(null), 'gazette')).toMatchObject({ access: 'public' });
    expect(accessOf(doc(null), 'gazette').reason).toContain('公报');
    for (const kind of ['compilation', 'document', 'routed-document'] as const) expect(accessOf(doc(null), kind).access).toBe('internal');
  });

  it('an unreadable note counts as none, and the reason says so', () => {
    const d = accessOf(doc('请各单位认真执行'), 'document');
    expect(d.access).toBe('internal');
    expect(d.reason).toContain('无法识别');
  });

  const ownMark: RestrictionMark = { text: '内部', line: 2, documentIndex: 0 };
  const fileMark: RestrictionMark = { text: '内部资料 注意保存', line: 1, documentIndex: null };

  it('a restriction mark in the document’s own head keeps it internal, even under a public note', () => {
    expect(accessOf(doc(null), 'gazette', [ownMark]).access).toBe('internal');
    expect(accessOf(doc('此件公开发布'), 'gazette', [ownMark]).access).toBe('internal');
  });

  it('a restriction mark on the file keeps unmarked documents internal; a document’s own public note still publishes it', () => {
    expect(accessOf(doc(null), 'gazette', [fileMark])).toMatchObject({ access: 'internal' });
    expect(accessOf(doc(null), 'gazette', [fileMark]).reason).toContain('内部资料 注意保存');
    expect(accessOf(doc('此件主动公开'), 'compilation', [fileMark]).access).toBe('public');
  });
});

describe('restriction marks and documentAccess on files', () => {
  it('a gazette whose cover says 内部资料 注意保存: the marked document is public, the unmarked one internal', () => {
    const text = readFileSync(join(fixtures, 'gazette-internal-cover.txt'), 'utf8');
    const result = parseText(text, 'gazette-internal-cover.txt');
    expect(result.kind).toBe('gazette');
    expect(findRestrictionMarks(text, result)).toEqual([{ text: '内部资料  注意保存', line: 1, documentIndex: null }]);
    expect(documentAccess(text, result).map((a) => a.access)).toEqual(['public', 'internal']);
  });

  it('内部 above a document’s 发文机关标志 is that document’s mark', () => {
    const text = '内部\n\n东平市人民政府办公室文件\n\n东政办发〔2024〕3号\n\n东平市人民政府办公室关于做好防汛物资储备的通知\n\n各县区人民政府：\n请做好防汛物资储备。\n（此件公开发布）\n';
    const result = parseText(text, 'x.txt');
    const marks = findRestrictionMarks(text, result);
    expect(marks).toHaveLength(1);
    expect(result.documents[marks[0]!.documentIndex!]!.docNumber).toBe('东政办发〔2024〕3号');
    const access = documentAccess(text, result);
    expect(access[marks[0]!.documentIndex!]!.access).toBe('internal');
  });

  it.each(['内部资料', '內部資料', '（内部文件）', '仅供内部参考', '注意保存', '内部资料·注意保存', '内部资料 免费交流'])('%s alone at the top of a document is a restriction mark', (mark) => {
    const text = `${mark}\n\n东平市人民政府办公室文件\n\n东政办发〔2024〕3号\n\n东平市人民政府办公室关于做好防汛物资储备的通知\n\n各县区人民政府：\n请做好防汛物资储备。\n`;
    const result = parseText(text, 'x.txt');
    expect(findRestrictionMarks(text, result).map((m) => m.text)).toEqual([mark]);
  });

  it('内部 in body text is no mark', () => {
    const text = readFileSync(join(fixtures, 'slip-none.txt'), 'utf8');
    const result = parseText(text, 'slip-none.txt');
    expect(text).toContain('内部资料不得随意外传');
    expect(findRestrictionMarks(text, result)).toEqual([]);
    expect(documentAccess(text, result).map((a) => a.access)).toEqual(['internal']);
  });

  const seeds = existsSync(seedsDir) ? readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).sort() : [];
  it.skipIf(seeds.length === 0).each(seeds)('seed %s: no restriction mark; each document by its note, else by the kind of file', (name) => {
    const text = readFileSync(join(seedsDir, name), 'utf8');
    const result = parseText(text, name);
    expect(findRestrictionMarks(text, result)).toEqual([]);
    const access = documentAccess(text, result);
    for (const [k, d] of result.documents.entries()) {
      const expected = publicityClass(d.publicity) ?? (result.kind === 'gazette' ? 'public' : 'internal');
      expect(access[k]!.access, d.title).toBe(expected);
    }
    // The gazettes publish every document they print; the routed document, unmarked, stays inside.
    if (result.kind === 'gazette') expect(access.every((a) => a.access === 'public')).toBe(true);
    if (result.kind === 'routed-document') expect(access.map((a) => a.access)).toEqual(['internal']);
  });
});
