import type { Appointment } from '../../../lib/api-types';
import { chineseDate } from '../../../lib/format';

/** 试用期, 挂职 years, retirement and notes, as one short phrase. */
export function appointmentTerms(a: Appointment): string {
  const parts: string[] = [];
  if (a.probation) parts.push('试用期一年');
  if (a.years) parts.push(`${a.action === 'second' ? '挂职' : '任期'} ${a.years} 年`);
  if (a.retired) parts.push(`${chineseDate(a.retired)}退休`);
  parts.push(...(a.notes ?? []));
  return parts.join('；');
}
