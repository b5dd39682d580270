// A document imported again, or its file replaced: the ledgers opened from it follow it without
// losing or silently changing what was supervised. Inside the import's transaction:
//   - the ledger points at the new document (found by the identity key it was opened with);
//   - an item whose measure is still there (by its key, keys.ts) takes the new task's id and line;
//     when the measure's wording changed, the item keeps its own text and state and is flagged
//     for review (review_note), with the new wording in the note and the audit event;
//   - an item whose measure is gone is flagged; a new measure becomes a draft item to 立项.
import { defaultDirectory, jurisdictionOf, type Directory } from '../../directory/index.ts';
import { draftItems } from '../../workflow/draft.ts';
import { sameMeasure } from '../../workflow/keys.ts';
import { at, audit, type Command, type Trx } from './common.ts';
import { insertItem, sourceTasks } from './ledger.ts';
import { unitLookup } from './units.ts';

const json = <T>(text: string | null, fallback: T): T => (text === null || text === '' ? fallback : (JSON.parse(text) as T));

/** Follows the ledgers of the given newly written documents; returns how many items were flagged. */
export async function reviewReimportedDocuments(trx: Trx, c: Command, documentIds: readonly number[], directory: Directory = defaultDirectory()): Promise<number> {
  if (documentIds.length === 0) return 0;
  const docs = await trx.selectFrom('documents').select(['id', 'identity_key', 'text_fingerprint', 'issuers', 'doc_number']).where('id', 'in', [...documentIds]).execute();
  let flagged = 0;
  for (const doc of docs) {
    const keys = [doc.identity_key, doc.text_fingerprint === null ? null : `text:${doc.text_fingerprint}`].filter((k): k is string => k !== null);
    if (keys.length === 0) continue;
    const ledgers = await trx.selectFrom('supervision_ledgers').selectAll().where('document_key', 'in', keys).where('document_id', '!=', doc.id).execute();
    for (const ledger of ledgers) {
      await trx.updateTable('supervision_ledgers').set({ document_id: doc.id, updated_at: at(c) }).where('id', '=', ledger.id).execute();
      await audit(trx, c, 'supervision.ledger.follow', 'supervision_ledger', ledger.id, { documentId: ledger.document_id }, { documentId: doc.id });
      const jurisdiction = jurisdictionOf(json<string[]>(doc.issuers, []), doc.doc_number, directory);
      const drafts = draftItems(await sourceTasks(trx, doc.id), unitLookup(directory, jurisdiction), c.today);
      const byKey = new Map(drafts.map((d) => [d.key, d]));
      const items = await trx.selectFrom('supervision_items').selectAll().where('ledger_id', '=', ledger.id).orderBy('seq').execute();
      const known = new Set(items.map((i) => i.key));
      for (const item of items) {
        if (item.key.startsWith('manual:')) continue;
        const d = byKey.get(item.key);
        let note: string | null = null;
        if (d === undefined) note = '重新导入的来源文件中已无此项，请复核';
        else if (item.source_text !== null && !sameMeasure(item.source_text, d.text)) note = `来源文件中此项表述已变更，请复核。新表述：${d.text}`;
        await trx
          .updateTable('supervision_items')
          .set((eb) => ({
            source_task_id: d?.sourceTaskId ?? null,
            source_line: d?.sourceLine ?? item.source_line,
            ...(note === null ? {} : { review_note: note }),
            updated_at: at(c),
            version: eb('version', '+', 1),
          }))
          .where('id', '=', item.id)
          .execute();
        if (note !== null) {
          flagged++;
          await audit(trx, c, 'supervision.item.review', 'supervision_item', item.id, { sourceText: item.source_text }, { sourceText: d?.text ?? null, note });
        }
      }
      let seq = items.reduce((m, i) => Math.max(m, i.seq), 0);
      for (const d of drafts) if (!known.has(d.key)) await insertItem(trx, c, ledger.id, ++seq, d);
    }
  }
  return flagged;
}
