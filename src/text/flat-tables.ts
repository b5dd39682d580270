// Task tables that arrived flattened, rebuilt into rows of cells (TextLine.cells) so that the
// table reader sees them as it sees tab-separated rows. Web pages copied as text lose a table's
// grid in two ways:
//   • Markdown / pipe rows: `| 序号 | 任务 | 牵头单位 | 责任单位 | 完成时限 |`, with or without the
//     `|---|---|` rule under the header (src/text/pipe-rows.ts, read in src/text/lines.ts);
//   • one cell per line: the header's cells on lines of their own (序号 / 重点任务 / 牵头单位 /
//     责任单位 / 完成时限), then each row's cells on successive lines, with category rows (一、…) on
//     lines of their own between the rows (rebuildFlatTables).
// Nothing here guesses a table from prose: a flattened table starts only at a header of at least
// three header cells naming a text column and a unit column.
import { closeSpaces } from './chars.ts';
import type { TextLine } from './lines.ts';
import { categoryLabel, columnOf, endsLikeUnit, isUnitColumn, type ColumnKind } from './table-columns.ts';

const MAX_HEADER = 9;
/** A header cell on a line of its own: short, no punctuation, a word the column vocabulary knows. */
function headerCell(l: TextLine): ColumnKind | null {
  if (l.cells !== null || l.text.length > 12 || /[，。；：、,.;:]/.test(l.text)) return null;
  const kind = columnOf(l.text);
  return kind === 'other' ? null : kind;
}

/** A row's number on a line of its own (1, 2., 3、). */
function rowNumber(text: string): number | null {
  const m = /^(\d{1,3})[.．、]?$/.exec(text);
  return m === null ? null : Number(m[1]);
}

/** Lines that end a flattened table: a note under it, an attachment, the signature's date. */
const TABLE_END = /^(注|说明|备注|附件|附表)[\s：:]|^\d{4}年\d{1,2}月\d{1,2}日$|^（此件/;

/** A cell that could be a unit name or one more of a list: short, no sentence inside, ends like a unit. */
const unitLike = (text: string) => text.length <= 40 && !/[。；：]/.test(text) && endsLikeUnit(text.replace(/[、，]$/, ''));

const deadlineLike = (text: string) => text.length <= 30 && /(\d{4}年|\d{1,2}月|年底|年内|季度|长期|持续|常态|每[年月季周]|前$|底$)/.test(text) && !unitLike(text);

/**
 * Fits a row's cells (one per line) to the header's columns. More cells than columns: a unit
 * column's names written one per line are joined (with a space, the separator of cell units).
 * Fewer: the missing cells are the empty ones at the end, except that a last cell reading as a
 * deadline goes to the deadline column.
 */
function fitRow(parts: string[], cols: readonly ColumnKind[]): string[] {
  const cells = [...parts];
  // From the right: a lead is mostly one unit, the responsible and cooperating lists are the long ones.
  for (let p = Math.min(cells.length, cols.length) - 1; cells.length > cols.length && p >= 1; p--) {
    while (cells.length > cols.length && p + 1 < cells.length && isUnitColumn(cols[p] ?? 'other') && unitLike(cells[p]!) && unitLike(cells[p + 1]!)) {
      cells.splice(p, 2, `${cells[p]} ${cells[p + 1]}`);
    }
  }
  if (cells.length >= cols.length) return cells;
  const deadlineAt = cols.indexOf('deadline');
  const out = cells.concat(Array<string>(cols.length - cells.length).fill(''));
  const last = cells.length - 1;
  if (deadlineAt > last && last > 0 && deadlineLike(cells[last]!)) {
    out[deadlineAt] = cells[last]!;
    out[last] = '';
  }
  return out;
}

/** One rebuilt row: the lines it came from, as a TextLine with cells at its first line. */
function rowLine(from: readonly TextLine[], cells: string[]): TextLine {
  const first = from[0]!;
  const spaced = cells.filter((c) => c !== '').join(' ');
  return { line: first.line, page: first.page, original: from.map((l) => l.original).join('\t'), text: closeSpaces(spaced), spaced, blankBefore: first.blankBefore, afterBreak: first.afterBreak, cells };
}

interface Rebuilt {
  rows: TextLine[];
  /** Index of the first line after the table. */
  end: number;
}

/** The rows after a header whose first column is the row number: each row starts at its number. */
function numberedRows(lines: readonly TextLine[], at: number, cols: readonly ColumnKind[]): Rebuilt {
  const rows: TextLine[] = [];
  let k = at;
  let expected = 1;
  while (k < lines.length) {
    const l = lines[k]!;
    if (l.cells !== null) break;
    const category = categoryLabel(l.text);
    if (category !== null && l.text.length <= 60 && !/[。；]/.test(l.text)) {
      rows.push(rowLine([l], fitRow([l.text], cols.map(() => 'other'))));
      k++;
      continue;
    }
    const n = rowNumber(l.text);
    // Numbering runs on across categories or restarts at 1 under each.
    if (n === null || (n !== expected && n !== 1)) break;
    expected = n + 1;
    const from = [l];
    const parts = [l.text];
    let j = k + 1;
    // A row takes its cells up to the next row's number, a category, or what ends the table.
    while (j < lines.length && parts.length < cols.length + 4) {
      const c = lines[j]!;
      if (c.cells !== null || rowNumber(c.text) === expected || TABLE_END.test(c.text)) break;
      if (categoryLabel(c.text) !== null && parts.length >= 2) break;
      from.push(c);
      parts.push(c.text);
      j++;
    }
    let cells = fitRow(parts, cols);
    if (cells.length > cols.length) {
      // The last row before the text goes on: it keeps as many lines as it has columns.
      const keep = cols.length;
      cells = fitRow(parts.slice(0, keep), cols);
      j = k + keep;
      from.length = keep;
    }
    rows.push(rowLine(from, cells));
    k = j;
  }
  return { rows, end: k };
}

/** The rows after a header without a number column: every `cols.length` lines make a row. */
function plainRows(lines: readonly TextLine[], at: number, cols: readonly ColumnKind[]): Rebuilt {
  const rows: TextLine[] = [];
  let k = at;
  while (k < lines.length) {
    const l = lines[k]!;
    if (l.cells !== null || TABLE_END.test(l.text)) break;
    if (categoryLabel(l.text) !== null && l.text.length <= 60 && !/[。；]/.test(l.text)) {
      rows.push(rowLine([l], fitRow([l.text], cols.map(() => 'other'))));
      k++;
      continue;
    }
    const from = lines.slice(k, k + cols.length);
    if (from.length < cols.length || from.some((c) => c.cells !== null || TABLE_END.test(c.text))) break;
    // Each unit cell must read as units, or the lines are no row of this table.
    if (!cols.every((c, i) => !isUnitColumn(c) || unitLike(from[i]!.text.split(/[\s、，]+/).pop() ?? ''))) break;
    rows.push(rowLine(from, from.map((c) => c.text)));
    k += cols.length;
  }
  return { rows, end: k };
}

/** Rebuilds the flattened tables of a text (see the module comment); other lines pass unchanged. */
export function rebuildFlatTables(lines: readonly TextLine[]): TextLine[] {
  // Cheap guard: no line names a unit column, no flattened table.
  if (!lines.some((l) => l.cells === null && l.text.length <= 12 && /(单位|部门)$/.test(l.text))) return [...lines];
  const out: TextLine[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    const cols: ColumnKind[] = [];
    for (let kind = headerCell(lines[j]!); kind !== null && cols.length < MAX_HEADER; kind = j < lines.length ? headerCell(lines[j]!) : null) {
      cols.push(kind);
      j++;
    }
    if (cols.length >= 3 && cols.includes('text') && cols.some(isUnitColumn)) {
      const read = cols[0] === 'number' ? numberedRows(lines, j, cols) : plainRows(lines, j, cols);
      if (read.rows.some((r) => categoryLabel(r.cells![0]!) === null)) {
        out.push(rowLine(lines.slice(i, j), lines.slice(i, j).map((l) => l.text)), ...read.rows);
        i = read.end;
        continue;
      }
    }
    const stop = Math.max(j, i + 1);
    for (let k = i; k < stop; k++) out.push(lines[k]!);
    i = stop;
  }
  return out;
}
