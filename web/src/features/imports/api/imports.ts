import { get, upload } from '../../../lib/api-client';
import type { DocumentView, ImportOutcome } from '../../../lib/api-types';

/** The kinds of file the server reads (src/input); others are refused before they are sent. */
export const ACCEPTED = ['.txt', '.docx', '.pdf', '.html', '.htm', '.ofd'];

/** force: files in which no document is recognised are stored too (the server refuses them otherwise). */
export const importFiles = (files: readonly File[], force: boolean, onProgress: (sent: number) => void) =>
  upload<ImportOutcome[]>(force ? '/api/imports?force=true' : '/api/imports', files, 'file', onProgress);

/** Titles of the documents an import brought in; the outcome carries only their ids. */
export async function fetchTitles(ids: readonly number[], signal?: AbortSignal): Promise<Map<number, string>> {
  const docs = await Promise.all(ids.map((id) => get<DocumentView>(`/api/documents/${id}`, undefined, signal).catch(() => null)));
  return new Map(docs.flatMap((d) => (d ? [[d.id, d.docNumber ? `${d.docNumber} ${d.title}` : d.title] as [number, string]] : [])));
}
