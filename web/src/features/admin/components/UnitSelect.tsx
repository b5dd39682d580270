import { Select, Spin } from 'antd';
import { useUnitSearch } from '../../../lib/use-unit-search';
import { searchUnits } from '../api/admin';

/** One of the directory's canonical names, searched on the server as one types. */
export function UnitSelect({ value, onChange, id }: { value?: string | null; onChange?: (v: string | null) => void; id?: string }) {
  const { setQuery, names, loading } = useUnitSearch(searchUnits);
  const options = names.map((name) => ({ value: name, label: name }));

  const shown = value && !options.some((o) => o.value === value) ? [{ value, label: value }, ...options] : options;
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      allowClear
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={shown}
      placeholder="输入名称检索单位"
      notFoundContent={loading ? <Spin size="small" /> : '未找到单位'}
    />
  );
}
