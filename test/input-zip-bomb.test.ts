// A small .ofd or .docx that unpacks to far more than any limit allows is refused while it is
// being unpacked, with a message that says so; a package within the budget reads as before.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/input/limits.ts';
import { InputError, readBytes } from '../src/input/read.ts';
import { NOTICE } from './input-fixture.ts';
import { buildOfd } from './ofd-fixture.ts';

const limits = { ...DEFAULT_LIMITS, maxBytes: 5_000_000 };

/** A valid .ofd whose first page's content ends in `size` bytes of whitespace, deflated. */
async function ofdWithBomb(size: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await buildOfd(NOTICE));
  const page = Object.keys(zip.files).find((name) => /Content\.xml$/i.test(name));
  if (page === undefined) throw new Error('the fixture has no page content');
  zip.file(page, `${await zip.file(page)!.async('string')}${' '.repeat(size)}`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A .docx whose document.xml is a paragraph followed by `size` bytes of whitespace, deflated. */
async function docxWithBomb(size: number): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const body = '<w:p><w:r><w:t>关于做好冬季供暖保障工作的通知</w:t></w:r></w:p>';
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}${' '.repeat(size)}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function refusal(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await readBytes(bytes, name, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('was not refused');
}

describe('zip bombs', () => {
  it('an .ofd that unpacks past the budget is refused, though the file itself is small', async () => {
    const bytes = await ofdWithBomb(60_000_000);
    expect(bytes.length).toBeLessThan(limits.maxBytes / 10);
    const message = await refusal(bytes, 'bomb.ofd');
    expect(message).toContain('OFD 文件解压后超过 5 MB');
    expect(message).toContain('DUBAN_MAX_FILE_MB');
  });

  it('a .docx that unpacks past the budget is refused before mammoth reads it', async () => {
    const bytes = await docxWithBomb(60_000_000);
    expect(bytes.length).toBeLessThan(limits.maxBytes / 10);
    expect(await refusal(bytes, 'bomb.docx')).toContain('Word 文件解压后超过 5 MB');
  });

  it('packages within the budget read as before', async () => {
    const ofd = await readBytes(await ofdWithBomb(1_000_000), 'fine.ofd', limits);
    expect(ofd.format).toBe('ofd');
    expect(ofd.text).toContain('# Page 1:');
    const docx = await readBytes(await docxWithBomb(1_000_000), 'fine.docx', limits);
    expect(docx.text).toContain('关于做好冬季供暖保障工作的通知');
  });
});
