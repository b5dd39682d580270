// 人事任免 — placeholder until the personnel reader lands.
import type { Appointment, ParseWarning } from '../types.ts';
import type { TextLine } from '../text/lines.ts';

export function readAppointments(_lines: readonly TextLine[], _warnings: ParseWarning[]): Appointment[] {
  return [];
}
