import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { searchUnits } from '../api/admin';

/** One of the directory's canonical names, searched on the server as one types. */
export function UnitSelect({ value, onChange, id }: { value?: string | null; onChange?: (v: string | null) => void; id?: string }) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      searchUnits(q, controller.signal)
        .then((units) => setOptions(units.map((u) => ({ value: u.name, label: u.name }))))
        .catch(() => setOptions([]))
        .finally(() => setLoading(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  const shown = value && !options.some((o) => o.value === value) ? [{ value, label: value }, ...options] : options;
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={shown}
      placeholder="输入名称检索单位"
      notFoundContent={loading ? <Spin size="small" /> : '未找到单位'}
    />
  );
}
