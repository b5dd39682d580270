// What each kind of search entry is indexed and ranked by: the text whose matches weigh most
// (title), the rest (body), and the ranking texts kept in rank_texts (rank.ts). The writer indexes
// new entries with these; the index rebuild (reindex.ts) makes the same texts from the stored
// rows, so both must come from here.
import type { Appointment, ChronicleEntry } from '../types.ts';
import { appointmentText, chronicleDateText } from './derive.ts';
import { headOf, rankForm } from './rank.ts';

export interface IndexText {
  /** Text whose matches weigh most (title and 文号, person and post, a chronicle entry's dates). */
  title: string;
  body: string;
}

/** The index texts and what search ranks the entry by (rank_texts, in rank.ts's rankForm). */
export interface EntryTexts extends IndexText {
  rank: { title: string; text: string };
}

export function documentTexts(title: string, docNumber: string | null, body: string): EntryTexts {
  const titled = `${title} ${docNumber ?? ''}`;
  return { title: titled, body, rank: { title: rankForm(titled), text: rankForm(headOf(body)) } };
}

/** A task: its text, where it stands in the outline, the units it names (leads, responsible, cooperating) and its deadline. */
export function taskTexts(text: string, path: readonly string[], unitNames: readonly string[], deadlineText: string | null): EntryTexts {
  return { title: '', body: `${text} ${path.join('')} ${unitNames.join(' ')} ${deadlineText ?? ''}`, rank: { title: '', text: rankForm(text) } };
}

/** The title an appointment's entry is shown with (search_entries.title). */
export function appointmentTitle(a: Appointment): string {
  return appointmentText(a);
}

export function appointmentTexts(a: Appointment): EntryTexts {
  const shown = appointmentTitle(a);
  return {
    title: `${a.person} ${a.post}`,
    body: `${appointmentText(a)} ${a.batch ?? ''} ${(a.notes ?? []).join(' ')}`,
    rank: { title: rankForm(shown), text: rankForm(`${shown}${a.batch ? `（${a.batch}）` : ''}`) },
  };
}

/** A chronicle entry, shown with `entryTitle` (its day and the gazette's title, search_entries.title). */
export function chronicleTexts(c: ChronicleEntry, entryTitle: string): EntryTexts {
  return { title: chronicleDateText(c), body: c.text, rank: { title: rankForm(entryTitle), text: rankForm(c.text) } };
}
