// Role rules a document writes down instead of labelling every unit:
//   列在第一位的为牵头单位 / 排在首位的为牵头部门 / 第一个单位为牵头单位   — the first unit listed leads
//   其他为配合单位 / 其余为责任单位                                   — what the others are
//   下同 / 以下同                                                     — the rule (or the group) holds from here on
// They are read where they stand (a part of a clause, a note of its own) and applied to the tasks
// they govern, never kept as a unit's name. Each test is on a short part, so nothing here scans
// unbounded text.
/** The first unit listed leads; the others take `others`. */
export interface FirstLeads {
  others: 'responsible' | 'cooperating';
}

/** A part longer than this is a sentence of the measure, not a rule. */
const MAX_RULE = 40;
const FIRST_PLACE = /(列|排|写|放)在?(第一位|首位|第一|最前面?|前面)|第一(个|家|位|顺位)|首位|首个|首列/;
const OTHERS = /^(其他|其余|其它|余下|其后)(的)?(单位|部门)?(为|是|均为)(配合|协办|协助|责任|参与)(单位|部门)?$/;
const SAME_BELOW = /^(以下|后|下)同$|^下同$/;

/** Reads a part that says the first unit leads (列在第一位的为牵头单位), or null. */
export function firstLeadsRule(part: string): FirstLeads | null {
  if (part.length > MAX_RULE || !part.includes('牵头') || !FIRST_PLACE.test(part)) return null;
  // 列第一位的为牵头单位、其他为配合单位 written as one part.
  return { others: /(其他|其余|其它|余下)[^牵]*(配合|协办|协助)/.test(part) ? 'cooperating' : 'responsible' };
}

/** Reads a part that says what the units after the first are (其他为配合单位), or null. */
export function othersRule(part: string): FirstLeads['others'] | null {
  const m = part.length <= 20 ? OTHERS.exec(part) : null;
  if (m === null) return null;
  return /配合|协办|协助|参与/.test(m[5]!) ? 'cooperating' : 'responsible';
}

/** True for 下同 and its wordings. */
export function isSameBelow(part: string): boolean {
  return part.length <= 4 && SAME_BELOW.test(part);
}

/**
 * A paragraph that is only a role rule (注：各项任务中列在第一位的为牵头单位，其他为配合单位。), or
 * null. Such a note governs every task after it.
 */
export function ruleNote(text: string): FirstLeads | null {
  if (text.length > 80 || !text.includes('牵头')) return null;
  const body = text.replace(/^(注|说明|备注)[：:]/, '').replace(/^[（(]|[）)]?[。；]?$/g, '');
  const parts = body.split(/[，,；;。]/).map((p) => p.trim()).filter((p) => p !== '');
  let rule: FirstLeads | null = null;
  for (const part of parts) {
    const first = firstLeadsRule(part);
    if (first !== null) {
      rule = first;
      continue;
    }
    const others = othersRule(part);
    if (others !== null && rule !== null) {
      rule = { others };
      continue;
    }
    if (isSameBelow(part)) continue;
    return null;
  }
  return rule;
}
