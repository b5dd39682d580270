// The working days a 分办 gets when neither the clerk nor the document sets a deadline, on the
// command line: --assign-days N, else DUBAN_ASSIGN_DAYS, else 15 — the same for `duban serve` and
// `duban incoming assign`.
import { DEFAULT_ASSIGN_WORKING_DAYS } from '../workflow/assignment.ts';

export const ASSIGN_DAYS_OPTION = ['--assign-days <n>', `分办时来文与收文员均未定期限的默认办理期限（工作日；也可设 DUBAN_ASSIGN_DAYS，默认 ${DEFAULT_ASSIGN_WORKING_DAYS}）`] as const;

const raw = (option: string | undefined) => (option ?? process.env.DUBAN_ASSIGN_DAYS)?.trim();

/** The number of working days, or null when what was given is not a whole number 1–365. */
export function assignWorkingDays(option: string | undefined): number | null {
  const value = raw(option);
  if (value === undefined || value === '') return DEFAULT_ASSIGN_WORKING_DAYS;
  return /^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= 365 ? Number(value) : null;
}

export function assignDaysProblem(option: string | undefined): string {
  return `分办默认办理期限应为 1–365 的工作日数（--assign-days 或 DUBAN_ASSIGN_DAYS），现为“${raw(option) ?? ''}”`;
}
