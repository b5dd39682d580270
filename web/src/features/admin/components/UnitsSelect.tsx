import { Select, Spin } from 'antd';
import { useUnitSearch } from '../../../lib/use-unit-search';
import { searchDirectoryUnits } from '../api/office-leaders';

/** Several of the directory's canonical names, searched on the server as one types (UnitSelect chooses one). */
export function UnitsSelect({ value, onChange, id }: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const { setQuery, names, loading } = useUnitSearch(searchDirectoryUnits);

  const shown = [...new Set([...(value ?? []), ...names])].map((u) => ({ value: u, label: u }));
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setQuery }}
      value={value ?? []}
      onChange={(v: string[]) => onChange?.(v)}
      options={shown}
      placeholder="输入名称检索单位，可多选"
      notFoundContent={loading ? <Spin size="small" /> : '未找到单位'}
    />
  );
}
