import { Select } from 'antd';
import type { IncomingState } from '../../../lib/api-types';
import { INCOMING_STATE_LABEL, INCOMING_STATES } from '../../../lib/labels';
import { REGISTRY_SERIES } from '../api/incoming';

export interface Filters {
  series?: string;
  year?: number;
  state?: IncomingState;
}

/** The years one may pick: this one and the nine before (a 收文簿 is kept by year). */
function recentYears(today: number): number[] {
  return Array.from({ length: 10 }, (_, n) => today - n);
}

/** 系列, 年度, 状态: each change is a new query and a new address (so 返回 comes back to it). */
export function IncomingFilters({ value, thisYear, onChange }: { value: Filters; thisYear: number; onChange: (next: Filters) => void }) {
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  const series = value.series && !REGISTRY_SERIES.includes(value.series) ? [...REGISTRY_SERIES, value.series] : REGISTRY_SERIES;
  const years = recentYears(thisYear);
  if (value.year !== undefined && !years.includes(value.year)) years.push(value.year);
  return (
    <div className="inc-filters" role="search" aria-label="筛选收文">
      <Select allowClear aria-label="系列" placeholder="全部系列" className="inc-filter" value={value.series} onChange={(v: string | undefined) => set({ series: v })} options={series.map((s) => ({ value: s, label: `（${s}）` }))} />
      <Select allowClear aria-label="年度" placeholder="全部年度" className="inc-filter" value={value.year} onChange={(v: number | undefined) => set({ year: v })} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
      <Select allowClear aria-label="状态" placeholder="全部状态" className="inc-filter" value={value.state} onChange={(v: IncomingState | undefined) => set({ state: v })} options={INCOMING_STATES.map((s) => ({ value: s, label: INCOMING_STATE_LABEL[s] }))} />
    </div>
  );
}

/** The filters as the address writes them, and back. */
export function filtersFrom(params: URLSearchParams): Filters {
  const year = Number(params.get('year'));
  const state = params.get('state');
  return {
    series: params.get('series') || undefined,
    year: Number.isInteger(year) && year >= 1949 && year <= 2200 ? year : undefined,
    state: state && (INCOMING_STATES as string[]).includes(state) ? (state as IncomingState) : undefined,
  };
}

export function paramsOf(f: Filters, page = 1): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.series) out.series = f.series;
  if (f.year) out.year = String(f.year);
  if (f.state) out.state = f.state;
  if (page > 1) out.page = String(page);
  return out;
}
