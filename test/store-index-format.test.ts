// The index format is a promise: a store whose index was built in format N holds exactly what
// the current code would write for format N. This fingerprint of the index texts of sample
// entries changes when the tokenizer, the vectors or the ranking texts change; then INDEX_FORMAT
// must be raised (src/store/index-format.ts) so that existing stores rebuild their index, and the
// new fingerprint recorded here under the new number.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { storedAccess, storedTopics } from '../src/classify/index.ts';
import { pgVectors } from '../src/store/fts.ts';
import { INDEX_FORMAT } from '../src/store/index-format.ts';
import { appointmentTexts, chronicleTexts, documentTexts, taskTexts } from '../src/store/index-text.ts';
import { indexTokens } from '../src/store/tokens.ts';

const FINGERPRINTS: Record<number, string> = {
  1: '16575a83b3ca0e0fdda681c1956bf546c8ee3cb64c90c02c9ae430eed16e55ca', // the index texts alone
  2: '91731c818becece5434c67af535a25b8d05762e8e9393abebafd2523d8c36cf0', // and the classification of documents (access, topics)
};

function fingerprint(): string {
  const samples = [
    documentTexts('某某县人民政府关于加强秋冬季森林防火工作的通知', '某政发〔2025〕3号', '各乡镇人民政府：\n一、压实责任。2025年10月底前完成排查。（牵头单位：县林草局；责任单位：各乡镇）\nABC１２３ 和 7 月 14 日'),
    taskTexts('完成火险隐患排查', ['一、'], ['县林草局', '各乡镇'], '2025年10月底前'),
    appointmentTexts({ batch: '某政任〔2025〕1号', person: '张某某', action: 'appoint', post: '县水务局副局长', probation: true, notes: ['试用期一年'], line: 1 }),
    chronicleTexts({ date: '2025-07-14', endDate: '2025-07-15', text: '县委召开防汛工作会议。', line: 1 }, '7月14日 某某县大事记'),
  ];
  const parts = samples.map((t) => ({
    title: indexTokens(t.title),
    body: indexTokens(t.body),
    rank: t.rank,
    vectors: pgVectors(t).map((v) => v.toString('base64')),
  }));
  const classes = [
    ...(['gazette', 'document', 'routed-document'] as const).flatMap((kind) => ['此件公开发布', '此件不予公开', null].map((publicity) => storedAccess(publicity, kind))),
    storedTopics({ title: '某某市人民政府关于支持中小企业融资的若干措施', docNumber: '某政发〔2025〕9号', body: '对符合条件的企业给予贷款贴息和担保费补贴，知识产权质押融资。' }),
    storedTopics({ title: '某某县关于做好春季农业生产的通知', docNumber: null, body: '抓好春耕备耕，保障种子化肥供应，加强高标准农田建设。' }),
  ];
  return createHash('sha256').update(JSON.stringify({ parts, classes })).digest('hex');
}

describe('index format', () => {
  it(`the index texts are the ones recorded for format ${INDEX_FORMAT}`, () => {
    expect(FINGERPRINTS[INDEX_FORMAT], 'no fingerprint recorded for the current INDEX_FORMAT').toBeDefined();
    expect(fingerprint(), 'the index texts changed: raise INDEX_FORMAT and record the new fingerprint').toBe(FINGERPRINTS[INDEX_FORMAT]);
  });
});
