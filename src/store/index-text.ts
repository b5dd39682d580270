// What each kind of search entry is indexed by: the text whose matches weigh most (title) and the
// rest (body). The writer indexes new entries with these; a migration that rebuilds index data
// makes the same texts from the stored rows (migrations.ts), so both must come from here.
import type { Appointment, ChronicleEntry } from '../types.ts';
import { appointmentText, chronicleDateText } from './derive.ts';

export interface IndexText {
  /** Text whose matches weigh most (title and 文号, person and post, a chronicle entry's dates). */
  title: string;
  body: string;
}

export function documentIndexText(title: string, docNumber: string | null, body: string): IndexText {
  return { title: `${title} ${docNumber ?? ''}`, body };
}

/** A task: its text, where it stands in the outline, the units it names (leads, responsible, cooperating) and its deadline. */
export function taskIndexText(text: string, path: readonly string[], unitNames: readonly string[], deadlineText: string | null): IndexText {
  return { title: '', body: `${text} ${path.join('')} ${unitNames.join(' ')} ${deadlineText ?? ''}` };
}

export function appointmentIndexText(a: Appointment): IndexText {
  return { title: `${a.person} ${a.post}`, body: `${appointmentText(a)} ${a.batch ?? ''} ${(a.notes ?? []).join(' ')}` };
}

export function chronicleIndexText(c: ChronicleEntry): IndexText {
  return { title: chronicleDateText(c), body: c.text };
}
