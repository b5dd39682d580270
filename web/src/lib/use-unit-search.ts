// The unit pickers' search: what one types, sent to the server a quarter second after the last
// key (the earlier request cancelled), and the names found. Each picker passes its own endpoint.
import { useEffect, useState } from 'react';

export type UnitSearch = (q: string, signal: AbortSignal) => Promise<{ name: string }[]>;

/** `search` must be stable (a module's function): a new one on every render would search again each time. */
export function useUnitSearch(search: UnitSearch): { query: string; setQuery: (q: string) => void; names: string[]; loading: boolean } {
  const [query, setQuery] = useState('');
  const [names, setNames] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      search(query, controller.signal)
        .then((units) => setNames(units.map((u) => u.name)))
        .catch(() => setNames([]))
        .finally(() => setLoading(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, search]);
  return { query, setQuery, names, loading };
}
