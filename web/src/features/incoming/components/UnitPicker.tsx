import { Select } from 'antd';
import { useUnitSearch } from '../../../lib/use-unit-search';
import { searchUnits } from '../api/assign';

/**
 * One unit or several, chosen from the directory as one types (only a unit of the directory can be
 * assigned). The chosen units stay among the options, so a prefilled value shows its name.
 */
export function UnitPicker({
  value,
  onChange,
  multiple,
  id,
  ...aria
}: {
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
  multiple?: boolean;
  id?: string;
  'aria-label'?: string;
}) {
  const { setQuery, names: found } = useUnitSearch(searchUnits);
  const chosen = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const options = [...new Set([...chosen, ...found])].map((name) => ({ value: name, label: name }));
  return (
    <Select
      id={id}
      aria-label={aria['aria-label']}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      allowClear={multiple}
      placeholder="输入单位名称检索，从单位目录中选择"
      notFoundContent="单位目录中没有这个名称"
      className="full-width"
    />
  );
}
