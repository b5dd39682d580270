// The supervision rules in force (src/workflow/rules.ts): stored as one JSON value under the key
// `rules`, laid over the defaults when read, so a rule added to the defaults later applies to a
// store that never edited it. An edit is checked, saved and audited in one transaction.
import type { Kysely, Transaction } from 'kysely';
import { DEFAULT_RULES, parseRules, type SupervisionRules } from '../workflow/rules.ts';
import { recordAudit, type Actor } from './audit.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;
const KEY = 'rules';

export async function loadRules(db: Db): Promise<SupervisionRules> {
  const row = await db.selectFrom('supervision_rules').select('value').where('key', '=', KEY).executeTakeFirst();
  return row ? parseRules(JSON.parse(row.value), DEFAULT_RULES) : DEFAULT_RULES;
}

/** An administrator's edit (a partial rules object) over the rules in force; returns the new rules. */
export async function saveRules(db: Kysely<Database>, who: { actor: Actor; now: Date }, edit: unknown): Promise<SupervisionRules> {
  return db.transaction().execute(async (trx) => {
    const before = await loadRules(trx);
    const after = parseRules(edit, before);
    const value = JSON.stringify(after);
    const at = who.now.toISOString();
    await trx
      .insertInto('supervision_rules')
      .values({ key: KEY, value, updated_at: at, updated_by: who.actor.name })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: who.actor.name }))
      .execute();
    await recordAudit(trx, { at: who.now, actor: who.actor, action: 'supervision.rules.edit', entity: 'supervision_rules', before, after });
    return after;
  });
}
