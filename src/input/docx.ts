// .docx → text with mammoth. Mammoth turns the Word file into simple HTML (paragraphs, tables,
// lists) and drops page headers and footers, which in an official document carry only the
// running title and the page number; html-text.ts turns that HTML into the parser's lines.
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { InputError, type ReadResult } from './errors.ts';
import { DEFAULT_LIMITS, type InputLimits } from './limits.ts';
import { checkUnpackedSize, UnpackBudget, unpackBudget } from './zip-bounded.ts';
import { findAll, findFirst, htmlLines, parseHtml } from './html-text.ts';

/** Refuses a package that unpacks past the budget before mammoth, which inflates every part at once, sees it. */
async function checkPackage(bytes: Uint8Array, limits: InputLimits): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return; // not a zip: mammoth's own message says so below
  }
  await checkUnpackedSize(zip, new UnpackBudget(unpackBudget(limits), 'Word 文件'));
}

export async function readDocx(bytes: Uint8Array, limits: InputLimits = DEFAULT_LIMITS): Promise<ReadResult> {
  let images = 0;
  let html: string;
  await checkPackage(bytes, limits);
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Images are not text; counting them tells a scanned document from an empty one.
        convertImage: mammoth.images.imgElement(async () => {
          images++;
          return { src: '' };
        }),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (e) {
    throw new InputError(`Word 文件已损坏或不是有效的 .docx，无法读取（${e instanceof Error ? e.message : String(e)}）`);
  }

  const root = parseHtml(html);
  // Footnote back-links (↑) are navigation, not text.
  for (const a of findAll(root, new Set(['a']))) if (/^#(footnote|endnote)-ref-/.test(a.getAttribute('href') ?? '')) a.remove();
  const lines = htmlLines(root);
  const warnings: ReadResult['warnings'] = [];
  if (lines.length === 0) {
    warnings.push(
      images > 0
        ? { code: 'docx-images-only', message: `Word 文件中只有图片（${images} 张），没有文字；未做文字识别（OCR）` }
        : { code: 'docx-empty', message: 'Word 文件中没有文字' },
    );
  }
  // Word's automatic numbering (一、（一）1.) is list formatting, not text; mammoth keeps the
  // items but not their numbers, so the outline may miss those levels.
  if (findFirst(root, new Set(['ol'])) !== null) {
    warnings.push({ code: 'docx-auto-numbering', message: 'Word 文件使用了自动编号，编号（如“一、”“（一）”）未能读出，相关条目的层级可能缺失' });
  }
  return { text: lines.join('\n'), warnings };
}
