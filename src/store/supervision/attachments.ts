// A report's attachment read back for download: only by someone who may see its item (a unit
// user sees their own unit's items only; another unit's attachment does not exist to them).
import { notFound } from '../../workflow/errors.ts';
import { itemFacts, type Db } from './common.ts';

export interface AttachmentFile {
  name: string;
  mediaType: string;
  sha256: string;
  content: Buffer;
}

/** `unit`: the unit a unit-scoped reader acts for, or null for a reader who sees every item. */
export async function attachmentFile(db: Db, id: number, unit: string | null): Promise<AttachmentFile> {
  const row = await db
    .selectFrom('supervision_attachments as a')
    .innerJoin('supervision_reports as r', 'r.id', 'a.report_id')
    .select(['a.name', 'a.media_type', 'a.sha256', 'a.content', 'r.item_id'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw notFound('附件');
  const facts = await itemFacts(db, row.item_id);
  if (unit !== null && !facts.units.some((u) => u.canonical === unit)) throw notFound('附件');
  return { name: row.name, mediaType: row.media_type, sha256: row.sha256, content: Buffer.from(row.content) };
}
