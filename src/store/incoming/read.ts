// Registrations read back: one by id, and the 收文簿 (newest first, by series, year, state).
import type { ExpressionBuilder } from 'kysely';
import type { IncomingState } from '../../workflow/incoming.ts';
import type { Database } from '../schema.ts';
import type { Store } from '../open.ts';
import { IncomingError } from './errors.ts';
import { viewOf, viewsOf } from './progress.ts';
import type { IncomingView } from './view.ts';

export interface IncomingFilter {
  series?: string;
  year?: number;
  state?: IncomingState;
  /** true: only those 传阅中 (a recipient not recalled has not marked it 已阅); false: only those not. */
  circulating?: boolean;
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
  if (filter.circulating !== undefined) {
    const open = (eb: ExpressionBuilder<Database, 'incoming_documents'>) =>
      eb.exists(eb.selectFrom('incoming_circulations as c').select('c.id').whereRef('c.incoming_id', '=', 'incoming_documents.id').where('c.recalled_at', 'is', null).where('c.state', '!=', 'read'));
    q = q.where((eb) => (filter.circulating ? open(eb) : eb.not(open(eb))));
  }
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
