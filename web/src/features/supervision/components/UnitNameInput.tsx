import { AutoComplete } from 'antd';
import { useEffect, useState } from 'react';
import { searchDirectory } from '../api/supervision';

/**
 * A unit's name, offered from the directory as one types. Free text is allowed (the name as the
 * document wrote it), but only a directory name resolves; the server says which do not.
 */
export function UnitNameInput({ value, onChange, id, ...aria }: { value?: string; onChange?: (v: string) => void; id?: string; 'aria-label'?: string }) {
  const [options, setOptions] = useState<{ value: string }[]>([]);
  const q = value ?? '';
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchDirectory(q, controller.signal)
        .then((units) => setOptions(units.map((u) => ({ value: u.name }))))
        .catch(() => setOptions([]));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  return <AutoComplete id={id} value={value} onChange={onChange} options={options} placeholder="单位名称（从名录中选择）" aria-label={aria['aria-label']} className="full-width" />;
}
