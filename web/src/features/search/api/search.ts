import { get } from '../../../lib/api-client';
import type { SearchHit, SearchQuery, SearchResult } from '../../../lib/api-types';
import { EMPTY_FACETS } from '../../../components/search/facets';

/**
 * GET /api/search → SearchResult. The server of today still answers a bare array of hits; it is
 * read as a result without facets until the contract's route lands (then this shim goes).
 */
export async function search(query: SearchQuery, signal?: AbortSignal): Promise<SearchResult> {
  const answer = await get<SearchResult | SearchHit[]>('/api/search', { ...query }, signal);
  if (Array.isArray(answer)) return { hits: answer, total: answer.length + (query.offset ?? 0), totalCapped: answer.length === (query.limit ?? 20), facets: EMPTY_FACETS };
  return answer;
}
