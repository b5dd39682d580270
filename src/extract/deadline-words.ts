// Words every deadline reader shares: what marks a time as due, and the parts of a month.
import { clauseEnd, longestFirst } from './numerals.ts';

/** Words after a time that make it a due date. */
export const TAILS = longestFirst(['以前', '之前', '为止', '截止', '前', '止', '内', '完成', '办结', '到位']);

/** Parts of a month as due days: a part before which something is due ends on this day ('last': month end). */
export const MONTH_PARTS: ReadonlyMap<string, number | 'last'> = new Map<string, number | 'last'>([
  ['上旬', 10], ['中旬', 20], ['下旬', 'last'], ['底', 'last'], ['末', 'last'], ['初', 10], ['中', 15],
]);
export const MONTH_PART_LIST = longestFirst([...MONTH_PARTS.keys()]);

/** A time followed by …的 inside its clause is an attribute (2005年底前建成的小区), not a deadline. */
export function describesNoun(t: string, from: number): boolean {
  const end = clauseEnd(t, from, 8);
  for (let k = from; k < end; k++) if (t[k] === '的') return true;
  return false;
}
