// Tables whose rows are tasks: an indicator table (序号 / 牵头部门 / 配合部门 / 指标内容 / 2024年预期指标 /
// 2025年指标) or a decision list (序号 / 决策事项 / 承办单位). The header says which column holds
// which role; every later row is one task. A table of standing duties (具体职责 / 配合部门职责) is
// not a list of tasks and is left to the duty reader.
import type { ParseWarning, Target } from '../types.ts';
import type { Paragraph } from '../text/reflow.ts';
import { closeSpaces } from '../text/chars.ts';
import { categoryLabel, columnOf, type ColumnKind } from '../text/table-columns.ts';
import { splitCellUnits, splitUnitList, type UnitName } from './unit-list.ts';

export type Column = ColumnKind;
export { columnOf };

export const cellsOf = (p: Paragraph): string[] => p.cells!.map((c) => c.trim());

export function isHeader(cells: readonly string[]): boolean {
  return cells.some((c) => { const k = columnOf(c); return k === 'leads' || k === 'responsible' || k === 'cooperating'; });
}

/** The header row's cells and what each column holds, or null when the rows are not a task table. */
function columns(rows: readonly Paragraph[]): { headers: string[]; cols: Column[] } | null {
  const header = rows.find((r) => isHeader(cellsOf(r)));
  if (!header) return null;
  const headers = cellsOf(header);
  const cols = headers.map(columnOf);
  return cols.includes('text') ? { headers, cols } : null;
}

export interface TableTask {
  text: string;
  leads: UnitName[];
  responsible: UnitName[];
  cooperating: UnitName[];
  deadline: string | null;
  targets: Target[];
  /** Persons of a 责任领导 column. */
  leaders: string[];
  /** The category row above the row (一、…), its outline parent. */
  category: string | null;
  line: number;
}

/** A data row of a table, its cells joined across a page break. */
export interface TableRow {
  cells: string[];
  line: number;
  /** The label of the category row above it (一、), null when the table has none. */
  category: string | null;
}

/** A category row: one filled cell that opens with a category label (一、优化营商环境). */
function categoryOf(cells: readonly string[]): string | null {
  const filled = cells.filter((c) => c !== '');
  return filled.length === 1 ? categoryLabel(filled[0]!) : null;
}

/**
 * The data rows of a table. Header rows repeated after a page break are skipped; a row whose
 * number cell is empty continues the row above (a row split across a page).
 */
export function dataRows(rows: readonly Paragraph[], cols: readonly Column[]): TableRow[] {
  const numberAt = cols.indexOf('number');
  const merged: TableRow[] = [];
  let category: string | null = null;
  for (const row of rows) {
    const cells = cellsOf(row);
    if (isHeader(cells) || cells.every((c) => c === '' || /^[-—\s]+$/.test(c))) continue;
    const opens = categoryOf(cells);
    if (opens !== null) {
      category = opens;
      continue;
    }
    const previous = merged[merged.length - 1];
    if (previous && numberAt >= 0 && cells[numberAt] === '') {
      // A cell cut mid-sentence goes on directly; one that ended its sentence starts a new line
      // (the next numbered duty or department of the same cell).
      previous.cells = previous.cells.map((c, k) => (cells[k] ? `${c}${/[。；！？]$/.test(c) ? '\n' : ''}${cells[k]}` : c));
      continue;
    }
    merged.push({ cells, line: row.lines[0]!.line, category });
  }
  return merged;
}

/** The task of each data row; none when the rows are not a task table. */
export function readTable(rows: readonly Paragraph[], targetsOf: (text: string) => Target[], warnings: ParseWarning[]): TableTask[] {
  const table = columns(rows);
  if (table === null) return [];
  const { headers, cols } = table;
  const tasks: TableTask[] = [];
  for (const { cells, line, category } of dataRows(rows, cols)) {
    if (cells.length !== cols.length) {
      warnings.push({ code: 'table-row-shape', message: `表格行的列数（${cells.length}）与表头（${cols.length}）不同：${cells.join(' | ').slice(0, 60)}`, line });
    }
    const task: TableTask = { text: '', leads: [], responsible: [], cooperating: [], deadline: null, targets: [], leaders: [], category, line };
    const text: string[] = [];
    cols.forEach((col, k) => {
      const cell = cells[k] ?? '';
      if (cell === '') return;
      if (col === 'text') text.push(closeSpaces(cell));
      else if (col === 'leads' || col === 'responsible' || col === 'cooperating') task[col].push(...splitCellUnits(cell));
      else if (col === 'deadline') task.deadline = closeSpaces(cell);
      else if (col === 'leaders') task.leaders.push(...cell.split(/[\s、，,；;]+/).filter((p) => p !== '' && !/^[\/／—\-－无]+$/.test(p)));
      else if (col === 'target') {
        const value = closeSpaces(cell);
        const label = closeSpaces(headers[k] ?? '');
        for (const t of targetsOf(value)) task.targets.push({ ...t, text: `${label}：${t.text}` });
      }
    });
    task.text = text.join('；');
    if (task.text !== '') tasks.push(task);
  }
  return tasks;
}

/** Units a note under a table gives every row: 说明：各项量化指标均需各旗县市区人民政府、开发区管委会落实. */
export function tableFootnoteUnits(text: string): UnitName[] {
  const m = /^(说明|注|备注)[：:].{0,20}?(均需|均由|需由|由)(.{2,200}?)(负责)?(推动)?落实/.exec(text);
  return m ? splitUnitList(m[3]!) : [];
}

