// 主送机关: the line that ends with "：" and lists the organs a document is addressed to.
import { splitOutside } from '../text/brackets.ts';

/** Endings of an addressee: an organ, a kind of unit, or a place standing for its government. */
const ADDRESSEE_END = /(政府|公署|部门|单位|机关|团体|组织|企业|机构|部队|中心|公司|街道|苏木|局|委|办|厅|队|会|院|处|室|所|区|县|旗|市|盟|镇|乡|行|社)$/;
/** How a sentence (not a list of addressees) opens. */
const SENTENCE_OPENING = /^(为|根据|按照|依据|经|现|近|特|鉴于|关于|对|在|从|自|随着)/;

/**
 * True when `list` (the text before the colon) reads as addressees: no sentence opening, no
 * sentence punctuation, and most of its parts end like an organ or a place.
 */
export function looksLikeAddressees(list: string): boolean {
  if (list.length < 2 || /[。；！？]/.test(list) || SENTENCE_OPENING.test(list) || /如下$/.test(list)) return false;
  const parts = splitOutside(list, '，、,');
  if (parts.length === 0) return false;
  const organLike = parts.filter((p) => ADDRESSEE_END.test(p)).length;
  return organLike / parts.length >= 0.6;
}

/**
 * Splits a 主送 line into recipients. Groups are separated by ，; inside a group 、 separates
 * whole organs (各旗县市区人民政府、开发区管委会) but also the parts of one collective
 * (自治区各委、办、厅、局), so a group is split at 、 only when every part is a name on its own.
 */
export function splitRecipients(text: string): string[] {
  return splitOutside(text, '，,').flatMap((group) => {
    const parts = splitOutside(group, '、');
    return parts.every((p) => p.length >= 3) ? parts : [group];
  });
}
