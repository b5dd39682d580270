// The 运转号 series: one counter row per series and year, bumped inside the registration's
// transaction. The counter row is the lock: PostgreSQL's INSERT … ON CONFLICT DO UPDATE takes the
// row's lock, so a second registration in the same series waits for the first to commit or roll
// back (and then reads its number); SQLite's transactions begin IMMEDIATE (drivers.ts), one
// writer at a time. A rolled-back registration gives its number back, so numbers neither repeat
// (the unique constraint on series, year, serial would refuse it) nor skip.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export interface TakenSerial {
  serial: number;
  /** The slip's own number was kept (a document numbered on paper before it was registered here). */
  adopted: boolean;
  /** The slip's number was asked for but is taken; the next number was given instead. */
  wantedTaken: boolean;
}

/**
 * The next number of `series` in `year`, or `wanted` (the number a routed document's slip already
 * carries) when no registration has it: the counter then moves up to it, so later registrations
 * follow it. Numbers below the counter that a slip brings and no one holds were given on paper.
 */
export async function takeSerial(trx: Transaction<Database>, series: string, year: number, wanted: number | null): Promise<TakenSerial> {
  const row = await trx
    .insertInto('incoming_serials')
    .values({ series, year, last: 0 })
    .onConflict((oc) => oc.columns(['series', 'year']).doUpdateSet({ last: sql<number>`incoming_serials.last` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  const last = Number(row.last);
  let serial = last + 1;
  let adopted = false;
  let wantedTaken = false;
  if (wanted !== null) {
    const holder = wanted > last ? undefined : await trx.selectFrom('incoming_documents').select('id').where('series', '=', series).where('year', '=', year).where('serial', '=', wanted).executeTakeFirst();
    if (holder === undefined) {
      serial = wanted;
      adopted = true;
    } else wantedTaken = true;
  }
  if (serial > last) await trx.updateTable('incoming_serials').set({ last: serial }).where('series', '=', series).where('year', '=', year).execute();
  return { serial, adopted, wantedTaken };
}
