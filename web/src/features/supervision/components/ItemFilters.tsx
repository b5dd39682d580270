import { Checkbox, Input, Select } from 'antd';
import type { ItemState, LedgerSummary, Light } from '../../../lib/api-types';
import { ITEM_STATE_LABEL, ITEM_STATES, LIGHT_LABEL, LIGHTS } from '../../../lib/labels';

export interface Filters {
  ledgerId?: number;
  state?: ItemState;
  unit?: string;
  light?: Light;
  overdue?: boolean;
  q?: string;
}

interface Props {
  value: Filters;
  ledgers: readonly LedgerSummary[];
  onChange: (next: Filters) => void;
}

/** 台账, 状态, 单位, 灯, 超期 and a text search: each change is a new query (and a new address). */
export function ItemFilters({ value, ledgers, onChange }: Props) {
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  return (
    <div className="sv-filters" role="search" aria-label="筛选督办事项">
      <Select
        allowClear
        aria-label="台账"
        placeholder="全部台账"
        className="sv-filter-ledger"
        value={value.ledgerId}
        onChange={(v: number | undefined) => set({ ledgerId: v })}
        options={ledgers.map((l) => ({ value: l.id, label: l.docNumber ? `${l.docNumber} ${l.title}` : l.title }))}
        showSearch={{ optionFilterProp: 'label' }}
      />
      <Select allowClear aria-label="状态" placeholder="全部状态" className="sv-filter" value={value.state} onChange={(v: ItemState | undefined) => set({ state: v })} options={ITEM_STATES.map((s) => ({ value: s, label: ITEM_STATE_LABEL[s] }))} />
      <Select allowClear aria-label="灯" placeholder="红黄绿灯" className="sv-filter" value={value.light} onChange={(v: Light | undefined) => set({ light: v })} options={LIGHTS.map((l) => ({ value: l, label: LIGHT_LABEL[l] }))} />
      <Input.Search key={`u-${value.unit ?? ''}`} allowClear aria-label="承办单位" placeholder="承办单位" className="sv-filter-unit" defaultValue={value.unit} onSearch={(v) => set({ unit: v.trim() || undefined })} />
      <Input.Search key={`q-${value.q ?? ''}`} allowClear aria-label="检索事项内容" placeholder="事项内容关键词" className="sv-filter-q" defaultValue={value.q} onSearch={(v) => set({ q: v.trim() || undefined })} enterButton="查询" />
      <Checkbox checked={value.overdue === true} onChange={(e) => set({ overdue: e.target.checked ? true : undefined })}>
        仅看超期
      </Checkbox>
    </div>
  );
}

/** The filters as the address writes them, and back. */
export function filtersFrom(params: URLSearchParams): Filters {
  const ledger = Number(params.get('ledger'));
  const state = params.get('state');
  const light = params.get('light');
  return {
    ledgerId: Number.isInteger(ledger) && ledger > 0 ? ledger : undefined,
    state: state && (ITEM_STATES as string[]).includes(state) ? (state as ItemState) : undefined,
    light: light && (LIGHTS as string[]).includes(light) ? (light as Light) : undefined,
    unit: params.get('unit') || undefined,
    q: params.get('q') || undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
  };
}

export function paramsOf(f: Filters, page = 1): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.ledgerId) out.ledger = String(f.ledgerId);
  if (f.state) out.state = f.state;
  if (f.light) out.light = f.light;
  if (f.unit) out.unit = f.unit;
  if (f.q) out.q = f.q;
  if (f.overdue) out.overdue = 'true';
  if (page > 1) out.page = String(page);
  return out;
}
