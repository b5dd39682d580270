// 待办: what waits for the signed-in person in 收文, gathered from the APIs that exist — the
// 收文簿 filtered by state for the clerk (to 初审, 退回拟办 to redo, 已批示 to 分办 or 传阅), the
// leader's own turns (awaiting-me), and everyone's unread 传阅. Each list is asked for only by one
// who holds its permission, so no request is refused.
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import type { CirculatedItem, IncomingView, Permission } from '../../../lib/api-types';
import { useCan } from '../../../lib/authorization';
import { fetchAwaitingMe, fetchCirculatedToMe, fetchIncomingPage } from './incoming';

export type TodoKey = 'review' | 'redo' | 'distribute' | 'instruct' | 'circulated';

export interface TodoList {
  key: TodoKey;
  title: string;
  /** What to do with each row, shown beside it. */
  hint: string;
  items: IncomingView[];
  total: number;
}

const LIMIT = 100;

/** The clerk's lists: one state of the 收文簿 each. */
const CLERK: { key: TodoKey; state: 'registered' | 'sent-back' | 'instructed'; title: string; hint: string; permission: Permission }[] = [
  { key: 'review', state: 'registered', title: '待初审', hint: '初审为办件或阅件，或退回', permission: 'incoming.register' },
  { key: 'redo', state: 'sent-back', title: '退回拟办', hint: '领导退回，修改拟办意见后重新呈批', permission: 'incoming.propose' },
  { key: 'distribute', state: 'instructed', title: '已批示，待分办或传阅', hint: '按批示分办或传阅', permission: 'incoming.circulate' },
];

/** Unread first, then opened, then read; newest first within each. */
const STATE_ORDER = { unread: 0, opened: 1, read: 2 } as const;
export const sortCirculated = (items: readonly CirculatedItem[]) =>
  [...items].sort((a, b) => STATE_ORDER[a.recipient.state] - STATE_ORDER[b.recipient.state] || b.recipient.sentAt.localeCompare(a.recipient.sentAt));

export async function fetchTodo(can: (p: Permission) => boolean, signal?: AbortSignal): Promise<TodoList[]> {
  const lists: Promise<TodoList>[] = [];
  for (const c of CLERK)
    if (can(c.permission)) lists.push(fetchIncomingPage({ state: c.state, limit: LIMIT }, signal).then((p) => ({ key: c.key, title: c.title, hint: c.hint, items: p.items, total: p.total })));
  if (can('incoming.instruct'))
    lists.push(fetchAwaitingMe(signal).then((r) => ({ key: 'instruct', title: '待我批示', hint: '批示、圈阅、转批或退回拟办', items: r.items, total: r.items.length })));
  if (can('incoming.receive'))
    lists.push(
      fetchCirculatedToMe(signal).then((r) => {
        const unread = r.items.filter((i) => i.recipient.state !== 'read').map((i) => i.incoming);
        return { key: 'circulated', title: '传阅待阅', hint: '阅看后点“已阅”', items: unread, total: unread.length };
      }),
    );
  return Promise.all(lists);
}

export interface IncomingCounts {
  /** Everything waiting, over all the lists. */
  todo: number;
  /** 传阅 to me or my unit not yet opened. */
  unread: number;
}

/**
 * The menu's badges: asked again on every change of page (an act on one page is then counted on
 * the next) and every minute. A failed count shows no badge rather than a wrong one.
 */
export function useIncomingCounts(): IncomingCounts | null {
  const can = useCan();
  const { pathname } = useLocation();
  const [counts, setCounts] = useState<IncomingCounts | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (!can('incoming.receive')) return;
    const controller = new AbortController();
    Promise.all([fetchTodo(can, controller.signal), fetchCirculatedToMe(controller.signal)])
      .then(([lists, circulated]) => setCounts({ todo: lists.reduce((n, l) => n + l.total, 0), unread: circulated.items.filter((i) => i.recipient.state === 'unread').length }))
      .catch(() => {
        if (!controller.signal.aborted) setCounts(null);
      });
    return () => controller.abort();
  }, [can, pathname, tick]);
  return counts;
}
