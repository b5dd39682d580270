// The periods the office's reports are asked for, reckoned from a Beijing day (YYYY-MM-DD):
// the 调度 month or half-month, the bulletin's month (the last one over), the 考核 year.

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PERIOD = /^(\d{4}-(?:0[1-9]|1[0-2]))(?:-H([12]))?$/;

export const isMonth = (s: string | null | undefined): s is string => !!s && MONTH.test(s);

/** The month a day lies in: 2026-12-03 → 2026-12. */
export const monthOf = (day: string) => day.slice(0, 7);

/** The month before: 2027-01 → 2026-12 (the latest month a bulletin can be published for). */
export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export interface DispatchPeriodChoice {
  month: string;
  /** null: the office's monthly round; 1 or 2: the first (1–15) or second half of the month. */
  half: 1 | 2 | null;
}

/** Reads ?period= (YYYY-MM or YYYY-MM-H1/H2); anything else falls back to the day's month. */
export function parsePeriod(raw: string | null, today: string): DispatchPeriodChoice {
  const m = raw ? PERIOD.exec(raw) : null;
  if (!m) return { month: monthOf(today), half: null };
  return { month: m[1]!, half: m[2] ? (Number(m[2]) as 1 | 2) : null };
}

export const periodParam = ({ month, half }: DispatchPeriodChoice) => (half ? `${month}-H${half}` : month);

/** The half of the month a day falls in (1–15 the first). */
export const halfOf = (day: string): 1 | 2 => (Number(day.slice(8, 10)) <= 15 ? 1 : 2);

/** A share 0–1 as a percentage with one decimal, '—' when there is none. */
export const percentText = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

/** Points with their sign: +2, −1.5, 0. */
export const pointsText = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');
