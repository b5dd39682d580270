import { Button, Card, Empty } from 'antd';
import { useState } from 'react';
import type { Facet } from '../../lib/api-types';
import { FACET_LABEL, FACET_ORDER, type FacetName, facetValueLabel } from './facets';

const SHOWN = 8;

export interface FacetPanelProps {
  facets: Partial<Record<FacetName, Facet[]>>;
  selected: Partial<Record<FacetName, string[]>>;
  onToggle: (name: FacetName, value: string) => void;
  /** Facets not to show (the public library has no 任务 or 单位). */
  hide?: readonly FacetName[];
}

function FacetGroup({ name, facets, selected, onToggle }: { name: FacetName; facets: Facet[]; selected: string[]; onToggle: (value: string) => void }) {
  const [all, setAll] = useState(false);
  const shown = all ? facets : facets.slice(0, SHOWN);
  const headingId = `facet-${name}`;
  return (
    <section className="facet-group" aria-labelledby={headingId}>
      <h3 id={headingId} className="facet-title">
        {FACET_LABEL[name]}
      </h3>
      <ul className="facet-list">
        {shown.map((f) => {
          const on = selected.includes(f.value);
          return (
            <li key={f.value}>
              <button type="button" className={on ? 'facet-item facet-item-on' : 'facet-item'} aria-pressed={on} onClick={() => onToggle(f.value)}>
                <span className="facet-value">{facetValueLabel(name, f.value)}</span>
                <span className="facet-count">{f.count}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {facets.length > SHOWN && (
        <Button type="link" size="small" onClick={() => setAll((v) => !v)} aria-expanded={all}>
          {all ? '收起' : `展开全部（${facets.length}）`}
        </Button>
      )}
    </section>
  );
}

/** Counts by facet from the search answer; a value chosen filters the search, chosen again it is removed. */
export function FacetPanel({ facets, selected, onToggle, hide = [] }: FacetPanelProps) {
  const names = FACET_ORDER.filter((n) => !hide.includes(n) && (facets[n]?.length ?? 0) > 0);
  return (
    <Card size="small" title={<h2 className="card-title">筛选</h2>} className="facet-panel">
      {names.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无可用的筛选条件" />
      ) : (
        names.map((n) => <FacetGroup key={n} name={n} facets={facets[n] ?? []} selected={selected[n] ?? []} onToggle={(v) => onToggle(n, v)} />)
      )}
    </Card>
  );
}
