// The marks GB/T 9704 sets on lines of their own above the head — 份号, 密级 with its 保密期限,
// 紧急程度 — stand above a title that has no 版头 and are never part of it, nor a document of
// their own. The documents are written for this test.
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.ts';

const body = (title: string) =>
  `${title}\n\n南岭县政办发〔2026〕17号\n\n各乡镇人民政府，县直各单位：\n\n现将有关事项通知如下。\n\n一、各乡镇于12月10日前完成排查。（责任单位：各乡镇人民政府）\n\n南岭县人民政府办公室\n\n2026年12月1日\n`;
const TITLE = '南岭县人民政府办公室关于做好冬季道路结冰防范工作的紧急通知';

describe('head marks above a title without 版头', () => {
  for (const marks of [['特急'], ['加急'], ['000123', '特急'], ['【特急】'], ['秘密★1年', '特急'], ['机密'], ['（特提）']]) {
    it(`${marks.join(' / ')} is not glued onto the title`, () => {
      const { documents } = parseText(`${marks.join('\n')}\n\n${body(TITLE)}`, 'marks.txt');
      expect(documents).toHaveLength(1);
      expect(documents[0]!.title).toBe(TITLE);
      expect(documents[0]!.issuer).toEqual(['南岭县人民政府办公室']);
      expect(documents[0]!.docNumber).toBe('南岭县政办发〔2026〕17号');
    });
  }

});
