// Opens a generated .docx back: its text through mammoth (as a reader would see it) and its XML
// parts through jszip (page size, margins, the faces and sizes of the runs).
import JSZip from 'jszip';
import mammoth from 'mammoth';

export interface OpenedDocx {
  text: string;
  /** Non-empty paragraphs of the text, trimmed. */
  lines: string[];
  documentXml: string;
  part(name: string): Promise<string>;
  page: { width: number; height: number; top: number; right: number; bottom: number; left: number };
  /** Every run: its text, East Asian face and size in points. */
  runs: { text: string; font: string | null; pt: number | null; color: string | null }[];
}

export async function openDocx(buffer: Buffer): Promise<OpenedDocx> {
  const { value } = await mammoth.extractRawText({ buffer });
  const zip = await JSZip.loadAsync(buffer);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (file === null) throw new Error(`no ${name} in the .docx`);
    return file.async('string');
  };
  const documentXml = await part('word/document.xml');
  const attr = (xml: string, tag: string, name: string): number => {
    const m = new RegExp(`<w:${tag}\\b[^>]*\\bw:${name}="(\\d+)"`).exec(xml);
    if (m === null) throw new Error(`no w:${tag}/@w:${name}`);
    return Number(m[1]);
  };
  const page = {
    width: attr(documentXml, 'pgSz', 'w'),
    height: attr(documentXml, 'pgSz', 'h'),
    top: attr(documentXml, 'pgMar', 'top'),
    right: attr(documentXml, 'pgMar', 'right'),
    bottom: attr(documentXml, 'pgMar', 'bottom'),
    left: attr(documentXml, 'pgMar', 'left'),
  };
  const runs = [...documentXml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, inner = '']) => ({
    text: [...inner.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    font: /w:eastAsia="([^"]+)"/.exec(inner)?.[1] ?? null,
    pt: (() => {
      const m = /<w:sz w:val="(\d+)"/.exec(inner);
      return m === null ? null : Number(m[1]) / 2;
    })(),
    color: /<w:color w:val="([0-9A-Fa-f]{6})"/.exec(inner)?.[1] ?? null,
  }));
  const lines = value.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return { text: value, lines, documentXml, part, page, runs };
}

/** The run holding `text` (its whole text, or containing it). */
export function runWith(doc: OpenedDocx, text: string) {
  const found = doc.runs.find((r) => r.text === text) ?? doc.runs.find((r) => r.text.includes(text));
  if (found === undefined) throw new Error(`no run with ${text}`);
  return found;
}
