import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { searchDirectoryUnits } from '../api/office-leaders';

/** Several of the directory's canonical names, searched on the server as one types (UnitSelect chooses one). */
export function UnitsSelect({ value, onChange, id }: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      searchDirectoryUnits(q, controller.signal)
        .then((units) => setOptions(units.map((u) => u.name)))
        .catch(() => setOptions([]))
        .finally(() => setLoading(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  const shown = [...new Set([...(value ?? []), ...options])].map((u) => ({ value: u, label: u }));
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? []}
      onChange={(v: string[]) => onChange?.(v)}
      options={shown}
      placeholder="输入名称检索单位，可多选"
      notFoundContent={loading ? <Spin size="small" /> : '未找到单位'}
    />
  );
}
