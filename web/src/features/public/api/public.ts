import { get } from '../../../lib/api-client';
import type { DocumentSummary, DocumentView, Page, PublicStats, SearchQuery, SearchResult } from '../../../lib/api-types';

export const fetchPublicStats = (signal?: AbortSignal) => get<PublicStats>('/api/public/stats', undefined, signal);
export const fetchPublicDocuments = (query: { topic?: string; preferential?: boolean; limit: number; offset: number }, signal?: AbortSignal) =>
  get<Page<DocumentSummary>>('/api/public/documents', { ...query, preferential: query.preferential ? 'true' : undefined }, signal);
export const publicSearch = (query: SearchQuery, signal?: AbortSignal) => get<SearchResult>('/api/public/search', { ...query }, signal);
export const fetchPublicDocument = (id: number, signal?: AbortSignal) => get<DocumentView>(`/api/public/documents/${id}`, undefined, signal);
