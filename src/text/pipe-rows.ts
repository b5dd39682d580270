// Markdown / pipe table rows as web pages copied as text give them: `| 序号 | 任务 | 牵头单位 |`,
// with or without the rule line under the header. src/text/lines.ts reads them as rows of cells,
// like tab-separated rows; the rest of a flattened table is rebuilt in src/text/flat-tables.ts.
import { categoryLabel } from './table-columns.ts';

/** The cells of a pipe row (`| a | b |`, also with full-width ｜), or null for any other line. */
export function pipeCells(line: string): string[] | null {
  const t = line.trim();
  if (t.length < 3 || !/^[|｜]/.test(t) || !/[|｜]$/.test(t)) return null;
  const cells = t.slice(1, -1).split(/[|｜]/);
  return cells.length >= 2 || categoryLabel(cells[0]!) !== null ? cells : null;
}

/** The rule under a pipe table's header: `|---|:---:|` (two tests, so no pattern can backtrack). */
export const isPipeRule = (line: string): boolean => /^[\s|｜:：\-—–=]+$/.test(line) && /[-—–=]/.test(line);
