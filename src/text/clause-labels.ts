// The labels a responsibility clause opens with, one vocabulary for the stage that joins lines
// (a label line under a measure is a paragraph of its own) and the one that reads the clauses.
//   牵头单位：  责任部门：  配合单位：   — roles of units
//   完成时限：  时间节点：                — the deadline
//   责任领导：  牵头市领导：  责任人：     — persons, kept apart from the units

/** A role label at the start of a text: its first group is the role word (牵头, 责任, 配合 …). */
export const ROLE_LABEL = /^(牵头|主体责任|主要责任|责任|配合|协办|协助|参与|主办|承办|主责|落实)(单位|部门)[：:]/;

/** A deadline label at the start of a text. */
export const DEADLINE_LABEL = /^(完成时限|完成时间|办结时限|时限要求|时间要求|时间节点|时限)[：:]/;

/**
 * A label naming persons (责任领导：张某、李某; 牵头市领导; 市级责任领导; 联系领导; 责任人): a fixed
 * set of words around 领导 / 责任人 / 负责人, so that a sentence (加强组织领导：…) never reads as one.
 */
export const PERSON_LABEL = /^(责任|牵头|分管|联系|包联|包抓|协调|督导|主要)?(省|市|区|县|州|盟|旗|镇|乡)?级?(责任|牵头|分管|联系|包联)?(领导|领导同志|责任人|负责人)[：:]/;

/** True when a text starts with any clause label: a role, a deadline or persons. */
export function startsWithClauseLabel(text: string): boolean {
  return ROLE_LABEL.test(text) || DEADLINE_LABEL.test(text) || PERSON_LABEL.test(text);
}
