// The office's 归档 settings (全宗号, 全宗名称, 机构（问题） classes, default 保管期限), kept as a
// history: saving marks the row in force replaced and adds a new one, in one transaction with its
// audit event (before and after). Nothing is deleted; a filing names the row it was made under.
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../../calendar/clock.ts';
import { checkSettings, DEFAULT_RETENTIONS, isRetention, type ArchiveSettings } from '../../workflow/archive.ts';
import { recordAudit, type Actor } from '../audit.ts';
import type { Store } from '../open.ts';
import type { Database } from '../schema.ts';
import { IncomingError } from './errors.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ArchiveSettingsView extends ArchiveSettings {
  id: number;
  setAt: string;
  setBy: string;
}

function parseUnits(json: string): ArchiveSettings['units'] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((u): u is { code: string; name: string } => typeof u?.code === 'string' && typeof u?.name === 'string') : [];
}

function parseDefaults(json: string): ArchiveSettings['defaults'] {
  const v = JSON.parse(json) as Record<string, unknown>;
  const pick = (k: keyof ArchiveSettings['defaults']) => (isRetention(v[k]) ? v[k] : DEFAULT_RETENTIONS[k]);
  return { 办件: pick('办件'), 阅件: pick('阅件'), 退回: pick('退回') };
}

/** The settings in force, or null before an administrator has set them. */
export async function currentArchiveSettings(db: Db, lock = false): Promise<ArchiveSettingsView | null> {
  const q = db.selectFrom('incoming_archive_settings').selectAll().where('replaced_at', 'is', null).orderBy('id', 'desc').limit(1);
  const r = await (lock ? q.forUpdate() : q).executeTakeFirst();
  if (!r) return null;
  return { id: r.id, fondsCode: r.fonds_code, fondsName: r.fonds_name, units: parseUnits(r.units), defaults: parseDefaults(r.defaults), setAt: r.set_at, setBy: r.set_by };
}

export async function getArchiveSettings(store: Store): Promise<ArchiveSettingsView | null> {
  return currentArchiveSettings(store.db);
}

const same = (a: ArchiveSettings, b: ArchiveSettings) =>
  a.fondsCode === b.fondsCode && a.fondsName === b.fondsName && JSON.stringify(a.units) === JSON.stringify(b.units) && JSON.stringify(a.defaults) === JSON.stringify(b.defaults);

/** Saves new settings (checked by the pure core); the same settings again write nothing. */
export async function saveArchiveSettings(store: Store, input: ArchiveSettings, options: { actor: Actor; clock: Clock }): Promise<ArchiveSettingsView> {
  const checked = checkSettings(input);
  if ('refused' in checked) throw new IncomingError('invalid', checked.refused);
  const s = checked.settings;
  return store.db.transaction().execute(async (trx) => {
    const before = await currentArchiveSettings(trx, store.dialect === 'postgres');
    if (before !== null && same(before, s)) return before;
    const now = options.clock.now().toISOString();
    if (before !== null) await trx.updateTable('incoming_archive_settings').set({ replaced_at: now }).where('id', '=', before.id).execute();
    const row = await trx
      .insertInto('incoming_archive_settings')
      .values({ fonds_code: s.fondsCode, fonds_name: s.fondsName, units: JSON.stringify(s.units), defaults: JSON.stringify(s.defaults), set_at: now, set_by: options.actor.name })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after: ArchiveSettingsView = { id: row.id, ...s, setAt: now, setBy: options.actor.name };
    await recordAudit(trx, { at: options.clock.now(), actor: options.actor, action: 'archive-settings', entity: 'incoming_archive_settings', entityId: row.id, before, after });
    return after;
  });
}
