// .ofd (GB/T 33190) built by the test in the exchange systems' structure must read as the .txt of
// the same text: same document, same outline, the lines in reading order whatever the file's order.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBytes } from '../src/input/read.ts';
import { contentPieces, deltas } from '../src/input/ofd.ts';
import { parseText } from '../src/pipeline.ts';
import type { DocumentRecord, OutlineNode } from '../src/types.ts';
import { NOTICE, TITLE, noticeText } from './input-fixture.ts';
import { buildOfd } from './ofd-fixture.ts';

function view(d: DocumentRecord) {
  const labels = (nodes: readonly OutlineNode[]): unknown[] => nodes.map((n) => (n.children.length > 0 ? [n.label, labels(n.children)] : n.label));
  return { docNumber: d.docNumber, title: d.title, issuer: d.issuer, date: d.date, recipients: d.recipients, publicity: d.publicity, attachments: d.attachments, outline: labels(d.outline) };
}

async function parse(bytes: Uint8Array, name: string) {
  const input = await readBytes(bytes, name);
  return { input, documents: parseText(input.text, basename(name)).documents.map(view) };
}

describe('OFD input', () => {
  it('reads an .ofd of several pages as the .txt of the same text', async () => {
    const reference = await parse(new TextEncoder().encode(noticeText()), 'notice.txt');
    expect(reference.documents).toHaveLength(1);
    const ofd = await parse(await buildOfd(NOTICE), 'notice.ofd');
    expect(ofd.input.format).toBe('ofd');
    expect(ofd.input.warnings).toEqual([]);
    expect(ofd.documents).toEqual(reference.documents);
    const lines = ofd.input.text.split('\n');
    expect(lines[0]).toBe('# Page 1:');
    expect(lines).toContain('# Page 2:');
    // The title is set large over two lines: they come first, in order whatever the XML's order, joined.
    expect(lines[1]).toBe(TITLE);
    expect(lines).toContain('1\t易涝点排查\t市住建局\t4月底前');
    // The printed page numbers are not text.
    expect(ofd.input.text).not.toMatch(/— \d+ —/);
  });

  it('an .ofd under another name is still read as OFD, with a warning', async () => {
    const input = await readBytes(await buildOfd(NOTICE), 'notice.txt');
    expect(input.format).toBe('ofd');
    expect(input.warnings.map((w) => w.code)).toEqual(['format-mismatch']);
  });

  it('a page missing from the package is named and the other pages are read', async () => {
    const input = await readBytes(await buildOfd(NOTICE, { missingPage: 2 }), 'notice.ofd');
    expect(input.warnings).toEqual([{ code: 'ofd-page-error', message: 'OFD 第 2 页已损坏或缺失，未能读取' }]);
    expect(input.text).toContain(TITLE.slice(0, 10));
  });

  it('DeltaX: plain advances and the g N d form', () => {
    expect(deltas('5 5 g 3 2.5 1')).toEqual([5, 5, 2.5, 2.5, 2.5, 1]);
    expect(deltas('g x 1')).toBeNull();
    expect(deltas(undefined)).toBeNull();
  });

  it('TextCode runs are placed inside their object, entities decoded, continuation runs follow on', () => {
    const xml = `<ofd:Page><ofd:Content><ofd:Layer>
      <ofd:TextObject ID="1" Boundary="20 50 100 8" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 2 5">A&amp;B</ofd:TextCode><ofd:TextCode>&#x4E2D;</ofd:TextCode></ofd:TextObject>
    </ofd:Layer></ofd:Content></ofd:Page>`;
    const pieces = contentPieces(xml);
    expect(pieces.map((p) => p.text)).toEqual(['A&B', '中']);
    expect(pieces[0]).toMatchObject({ x: 20, y: -55, width: 15, size: 5 });
    expect(pieces[1]).toMatchObject({ x: 35, y: -55 });
  });
});
