// OFD (GB/T 33190) files built at test time with jszip, laid out the way a 公文交换 system's
// export sets an official document on A4: OFD.xml → Doc_0/Document.xml → Pages/Page_N/Content.xml
// with TextObject/TextCode runs in mm (y grows downwards). The runs are written in a scrambled
// order (the file's order is not the reading order, only the positions are), some lines one run,
// some one run per glyph with DeltaX (plain and in the "g N d" form), tables as cells placed in
// columns, a page number in the footer of each page.
import JSZip from 'jszip';
import type { Block } from './input-fixture.ts';

const BODY = 5.6; // 16pt (三号) in mm
const TITLE_SIZE = 7.8; // 22pt (二号)
const LEFT = 28;
const WIDTH = 156;
const TOP = 37;
const BOTTOM = 262;
const LEADING = 9.9;

interface Run {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  size: number;
  /** 'one': a single TextCode; 'glyphs': DeltaX per glyph; 'repeat': DeltaX in the g N d form. */
  style: 'one' | 'glyphs' | 'repeat';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Breaks text into lines of at most `n` characters (the first line `first`). */
function wrap(text: string, n: number, first = n): string[] {
  const chars = [...text];
  const out: string[] = [];
  let i = 0;
  let width = first;
  while (i < chars.length) {
    out.push(chars.slice(i, i + width).join(''));
    i += width;
    width = n;
  }
  return out;
}

/** The blocks laid out on pages of runs. */
function layout(blocks: readonly Block[]): Run[][] {
  const pages: Run[][] = [[]];
  let y = TOP;
  const perLine = Math.floor(WIDTH / BODY);
  let k = 0;
  const place = (text: string, x: number, size: number) => {
    if (y + size > BOTTOM) {
      pages.push([]);
      y = TOP;
    }
    const style = (['one', 'glyphs', 'repeat'] as const)[k++ % 3]!;
    pages[pages.length - 1]!.push({ text, x, y: y + size, size, style });
  };
  for (const b of blocks) {
    if (b.kind === 'table') {
      const columns = [LEFT, LEFT + 20, LEFT + 80, LEFT + 120];
      for (const row of b.rows) {
        row.forEach((cell, c) => place(cell, columns[c]!, BODY * 0.9));
        y += LEADING;
      }
      continue;
    }
    const size = b.kind === 'title' ? TITLE_SIZE : BODY;
    const n = Math.floor(WIDTH / size);
    if (b.kind === 'title' || b.kind === 'number') {
      for (const line of wrap(b.text, n)) {
        place(line, LEFT + (WIDTH - [...line].length * size) / 2, size);
        y += size * 1.6;
      }
      y += LEADING / 2;
    } else if (b.kind === 'signature' || b.kind === 'date') {
      place(b.text, LEFT + WIDTH - 4 * BODY - [...b.text].length * BODY, BODY);
      y += LEADING;
    } else {
      const indent = b.kind === 'para' || b.kind === 'heading' ? 2 : 0;
      wrap(b.text, perLine, perLine - indent).forEach((line, i) => {
        place(line, LEFT + (i === 0 ? indent * BODY : 0), BODY);
        y += LEADING;
      });
    }
  }
  pages.forEach((runs, i) => {
    const number = `— ${i + 1} —`;
    runs.push({ text: number, x: LEFT + WIDTH / 2 - 10, y: 280, size: 5, style: 'one' });
  });
  return pages;
}

/** A glyph's advance: CJK and full-width forms one em, Latin letters, digits and spaces half. */
const advance = (c: string, size: number) => (/[\u0000-\u024f]/.test(c) ? size / 2 : size);

/** Advances in the DeltaX form, equal neighbours written as g N d. */
function deltaX(advances: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < advances.length; ) {
    let j = i;
    while (j < advances.length && advances[j] === advances[i]) j++;
    out.push(j - i > 1 ? `g ${j - i} ${advances[i]}` : String(advances[i]));
    i = j;
  }
  return out.join(' ');
}

/** A TextObject holding one run, its Boundary the run's box, the TextCode relative to it. */
function textObject(id: number, run: Run): string {
  const chars = [...run.text];
  const advances = chars.map((c) => advance(c, run.size));
  const width = advances.reduce((a, b) => a + b, 0);
  const box = `${run.x.toFixed(3)} ${(run.y - run.size).toFixed(3)} ${width.toFixed(3)} ${(run.size * 1.2).toFixed(3)}`;
  const open = `<ofd:TextObject ID="${id}" Boundary="${box}" Font="3" Size="${run.size}">`;
  let codes: string;
  if (run.style === 'one' || chars.length < 2) codes = `<ofd:TextCode X="0" Y="${run.size}">${esc(run.text)}</ofd:TextCode>`;
  else if (run.style === 'repeat') codes = `<ofd:TextCode X="0" Y="${run.size}" DeltaX="${deltaX(advances.slice(0, -1))}">${esc(run.text)}</ofd:TextCode>`;
  else {
    // One TextCode per glyph, each placed where the previous glyph's advance ends.
    let x = 0;
    codes = chars
      .map((c, i) => {
        const code = `<ofd:TextCode X="${x.toFixed(3)}" Y="${run.size}">${esc(c)}</ofd:TextCode>`;
        x += advances[i]!;
        return code;
      })
      .join('');
  }
  return `${open}<ofd:FillColor Value="0 0 0"/>${codes}</ofd:TextObject>`;
}

/** A deterministic scramble of the runs (the file's order must not matter). */
function scramble<T>(items: readonly T[]): T[] {
  const out = [...items];
  let seed = 7;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface OfdOptions {
  /** Leave a page's Content.xml out of the package (1-based page number). */
  missingPage?: number;
  /** Write the package without OFD.xml's DocRoot. */
  noDocRoot?: boolean;
}

/** The blocks as an .ofd package's bytes. */
export async function buildOfd(blocks: readonly Block[], options: OfdOptions = {}): Promise<Uint8Array> {
  const pages = layout(blocks);
  const zip = new JSZip();
  const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  zip.file(
    'OFD.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD ${ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>test</ofd:DocID><ofd:Title>公文</ofd:Title><ofd:Creator>公文交换系统</ofd:Creator></ofd:DocInfo>${
      options.noDocRoot ? '' : '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
    }</ofd:DocBody></ofd:OFD>`,
  );
  let id = 10;
  const pageRefs = pages.map((_, i) => `<ofd:Page ID="${id++}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('');
  zip.file(
    'Doc_0/Document.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document ${ns}><ofd:CommonData><ofd:MaxUnitID>99999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>${pageRefs}</ofd:Pages></ofd:Document>`,
  );
  zip.file('Doc_0/PublicRes.xml', `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res ${ns} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="仿宋_GB2312" FamilyName="仿宋"/></ofd:Fonts></ofd:Res>`);
  pages.forEach((runs, i) => {
    if (options.missingPage === i + 1) return;
    const objects = scramble(runs.map((r) => textObject(id++, r))).join('\n');
    zip.file(
      `Doc_0/Pages/Page_${i}/Content.xml`,
      `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page ${ns}><ofd:Content><ofd:Layer ID="${id++}">\n${objects}\n</ofd:Layer></ofd:Content></ofd:Page>`,
    );
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
