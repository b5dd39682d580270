// Registrations read back: one by id, and the 收文簿 (newest first, by series, year, state).
import type { IncomingState } from '../../workflow/incoming.ts';
import type { Store } from '../open.ts';
import { IncomingError } from './errors.ts';
import { viewOf, viewsOf } from './progress.ts';
import type { IncomingView } from './view.ts';

export interface IncomingFilter {
  series?: string;
  year?: number;
  state?: IncomingState;
  limit?: number;
  offset?: number;
}

export async function getIncoming(store: Store, id: number): Promise<IncomingView> {
  const row = await store.db.selectFrom('incoming_documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new IncomingError('not-found', `没有编号为 ${id} 的收文`);
  return viewOf(store.db, row);
}

export async function listIncoming(store: Store, filter: IncomingFilter = {}): Promise<{ items: IncomingView[]; total: number }> {
  let q = store.db.selectFrom('incoming_documents');
  if (filter.series !== undefined) q = q.where('series', '=', filter.series);
  if (filter.year !== undefined) q = q.where('year', '=', filter.year);
  if (filter.state !== undefined) q = q.where('state', '=', filter.state);
  const total = await q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('year', 'desc')
    .orderBy('series')
    .orderBy('serial', 'desc')
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
    .execute();
  return { items: await viewsOf(store.db, rows), total: Number(total.n) };
}
