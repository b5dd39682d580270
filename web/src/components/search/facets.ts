// The facets of a search, their names, and how their values read. Shared by the app's search and
// the public library's, which answer with the same SearchResult.
import type { SearchKind, SearchResult, Validity } from '../../lib/api-types';
import { SEARCH_KIND_LABEL, VALIDITY_LABEL } from '../../lib/labels';

export type FacetName = keyof SearchResult['facets'];

export const FACET_LABEL: Record<FacetName, string> = {
  kind: '类别',
  issuer: '发文机关',
  year: '年份',
  type: '文种',
  unit: '责任单位',
  validity: '效力',
  topic: '主题',
};

export const FACET_ORDER: FacetName[] = ['kind', 'validity', 'type', 'year', 'issuer', 'topic', 'unit'];

export function facetValueLabel(name: FacetName, value: string): string {
  if (name === 'kind') return SEARCH_KIND_LABEL[value as SearchKind] ?? value;
  if (name === 'validity') return VALIDITY_LABEL[value as Validity] ?? value;
  if (name === 'year') return `${value}年`;
  return value;
}

/** kind may be chosen several times (公文 and 任务); every other facet holds one value. */
export const MULTI_VALUED: ReadonlySet<FacetName> = new Set(['kind']);

export const EMPTY_FACETS: SearchResult['facets'] = { kind: [], issuer: [], year: [], type: [], unit: [], validity: [], topic: [] };
