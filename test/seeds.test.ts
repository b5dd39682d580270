// The parser on the real seed documents, against the gold files in ../shared/gold.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.ts';

const shared = join(import.meta.dirname, '..', '..', 'shared');
const seeds = join(shared, 'seeds');
const goldDocs = existsSync(join(shared, 'gold', 'documents.json'))
  ? (JSON.parse(readFileSync(join(shared, 'gold', 'documents.json'), 'utf8')) as {
      files: Record<string, { kind: string; documents: { docNumber: string; date: string | null; issuer: string[]; title: string }[] }>;
    })
  : null;

const letters = (s: string) => s.normalize('NFKC').replace(/[^\p{Script=Han}A-Za-z0-9%]/gu, '');

describe.skipIf(goldDocs === null)('seed documents', () => {
  for (const [file, gold] of Object.entries(goldDocs?.files ?? {})) {
    it(`${file}: kind and every document's number, date, title and issuer`, () => {
      const result = parseText(readFileSync(join(seeds, file), 'utf8'), file);
      expect(result.kind).toBe(gold.kind);
      const numbered = result.documents.filter((d) => d.docNumber !== null);
      expect(numbered.map((d) => d.docNumber)).toEqual(gold.documents.map((d) => d.docNumber));
      for (const [i, g] of gold.documents.entries()) {
        const d = numbered[i]!;
        expect(d.date, `${g.docNumber} date`).toBe(g.date);
        expect(letters(d.title), `${g.docNumber} title`).toBe(letters(g.title));
        expect(d.issuer, `${g.docNumber} issuer`).toEqual(g.issuer);
      }
    });
  }
});
