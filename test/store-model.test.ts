// A property test of import against a model: random sequences of imports of a few files — new,
// rewritten with new content (a replace), or imported again as they are — on a real store, and
// after every step the store must hold what the model says: one source file per path with the
// bytes last written, its document in the edition last written with its tasks and index entries,
// nothing of an earlier edition, and one audit event per change. The store has no removal of a
// file of its own (a path whose bytes duplicate another file's drops what it held; that belongs
// to the identity rules, tested with them), so the operations are import, replace and unchanged.
// Each run uses paths and documents of its own in one store per engine.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile, type ImportStatus } from '../src/store/import.ts';
import type { Store } from '../src/store/open.ts';
import { noticeText } from './store-documents.ts';
import { DIALECTS, freshStore, testClock } from './store-targets.ts';

const work = mkdtempSync(join(tmpdir(), 'duban-model-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PATHS = 4;
const EDITIONS = 3;

interface Step {
  path: number;
  /** The edition written before the import; null imports the file as it is on disk. */
  edition: number | null;
}

const step: fc.Arbitrary<Step> = fc.record({ path: fc.integer({ min: 0, max: PATHS - 1 }), edition: fc.option(fc.integer({ min: 0, max: EDITIONS - 1 }), { nil: null }) });

/** What the store should hold for one path: the edition imported, and the changes audited. */
interface Held {
  edition: number;
  hash: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function storeHolds(store: Store, prefix: string) {
  const files = await store.db.selectFrom('source_files').select(['id', 'path', 'content_hash']).where('path', 'like', `${prefix}%`).orderBy('path').execute();
  const out = new Map<string, { hash: string; bodies: string[]; tasks: number; entries: number }>();
  for (const f of files) {
    const docs = await store.db.selectFrom('documents').select(['id', 'body']).where('source_file_id', '=', f.id).execute();
    const tasks = docs.length === 0 ? [] : await store.db.selectFrom('tasks').select('id').where('document_id', 'in', docs.map((d) => d.id)).execute();
    const entries = await store.db.selectFrom('search_entries').select('id').where('source_file_id', '=', f.id).execute();
    out.set(f.path, { hash: f.content_hash, bodies: docs.map((d) => d.body), tasks: tasks.length, entries: entries.length });
  }
  return out;
}

async function auditedChanges(store: Store, prefix: string): Promise<number> {
  const r = await sql<{ n: number | string }>`SELECT count(*) AS n FROM audit_events
    WHERE entity = 'source_file' AND action IN ('import', 'replace') AND after LIKE ${`%"path":"${prefix}%`}`.execute(store.db);
  return Number(r.rows[0]!.n);
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`import against a model (${dialect})`, () => {
    const fresh = freshStore(dialect);
    let run = 0;

    it('holds after every step what the model holds', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
          const r = run++;
          const dir = join(work, dialect, `run-${r}`);
          mkdirSync(dir, { recursive: true });
          // Each run's documents are its own (distinct 文号 and titles), so runs never meet.
          const notice = (p: number) => 5000 + (dialect === 'sqlite' ? 0 : 50_000) + r * PATHS + p;
          const pathOf = (p: number) => join(dir, `notice-${p}.txt`);
          const model = new Map<string, Held>();
          let changes = 0;
          for (const s of steps) {
            const path = pathOf(s.path);
            const onDisk = (() => {
              try {
                return readFileSync(path);
              } catch {
                return null;
              }
            })();
            const edition = s.edition ?? (onDisk === null ? 0 : null);
            if (edition !== null) writeFileSync(path, noticeText(notice(s.path), edition));
            const bytes = readFileSync(path);
            const held = model.get(path);
            const hash = sha256(bytes);
            const expected: ImportStatus = held === undefined ? 'imported' : held.hash === hash ? 'unchanged' : 'replaced';
            const outcome = await importFile(fresh.store, path, testClock);
            expect(outcome.status, `${path}: ${outcome.message ?? ''}`).toBe(expected);
            if (expected !== 'unchanged') {
              changes++;
              model.set(path, { edition: edition ?? held!.edition, hash });
            }

            const holds = await storeHolds(fresh.store, dir);
            expect([...holds.keys()].sort()).toEqual([...model.keys()].sort());
            for (const [p, m] of model) {
              const h = holds.get(p)!;
              expect(h.hash).toBe(m.hash);
              expect(h.bodies).toHaveLength(1);
              expect(h.bodies[0]).toContain(`（第${m.edition + 1}稿）`);
              expect(h.tasks).toBe(2);
              expect(h.entries).toBe(3); // the document and its two tasks
            }
            expect(await auditedChanges(fresh.store, dir)).toBe(changes);
          }
        }),
        { numRuns: dialect === 'sqlite' ? 60 : 25 },
      );
    });
  });
}
