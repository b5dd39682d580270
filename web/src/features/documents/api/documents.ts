import { get } from '../../../lib/api-client';
import type { DocumentView, OutlineNode, TaskView } from '../../../lib/api-types';

export const fetchDocument = (id: number, signal?: AbortSignal) => get<DocumentView>(`/api/documents/${id}`, undefined, signal);
export const fetchOutline = (id: number, signal?: AbortSignal) => get<OutlineNode[]>(`/api/documents/${id}/outline`, undefined, signal);
export const fetchTasks = (id: number, signal?: AbortSignal) => get<TaskView[]>(`/api/documents/${id}/tasks`, undefined, signal);

export interface DocumentBundle {
  doc: DocumentView;
  outline: OutlineNode[];
  tasks: TaskView[];
}

/** The document with its outline and tasks, fetched together; the page shows when all three are in. */
export async function fetchDocumentBundle(id: number, signal?: AbortSignal): Promise<DocumentBundle> {
  const [doc, outline, tasks] = await Promise.all([fetchDocument(id, signal), fetchOutline(id, signal), fetchTasks(id, signal)]);
  return { doc, outline, tasks };
}
