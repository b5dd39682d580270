// Tables of standing duties (职责分工): 序号 / 牵头部门 / 具体职责 / 配合部门职责. A row names a lead
// department and its numbered duties, and, per cooperating department, what that department does
// for it ("盟工信局：每月3日前将…分送盟统计局"). These are ongoing divisions of labour rather than
// measures with an end, so they become duties, each with the units it binds and, where the text
// sets one, a (usually recurring) deadline.
import type { Paragraph } from '../text/reflow.ts';
import { closeSpaces, joinWrapped } from '../text/chars.ts';
import { cellsOf, columnOf, dataRows, isHeader, type Column } from './table.ts';
import { splitCellUnits, splitUnitList, type UnitName } from './unit-list.ts';

export interface DutyItem {
  /** The row's lead department(s). */
  lead: UnitName[];
  /** The department(s) the duty binds. */
  units: UnitName[];
  role: 'lead' | 'cooperating';
  text: string;
  line: number;
}

type DutyColumn = Column | 'lead-duties' | 'cooperating-duties';

function dutyColumns(rows: readonly Paragraph[]): DutyColumn[] | null {
  const header = rows.find((r) => isHeader(cellsOf(r)));
  if (!header) return null;
  const cols: DutyColumn[] = cellsOf(header).map((h) => {
    const text = h.replace(/\s+/g, '');
    if (/^(配合|协办|协助)(单位|部门)?职责/.test(text)) return 'cooperating-duties';
    if (/职责/.test(text)) return 'lead-duties';
    return columnOf(text);
  });
  return cols.includes('leads') && cols.includes('lead-duties') ? cols : null;
}

/** Numbered items of a cell (1. … 2. …), each with its wrapped lines joined. */
function numberedItems(cell: string): string[] {
  const items: string[] = [];
  for (const raw of cell.split('\n')) {
    const line = closeSpaces(raw.trim());
    if (line === '') continue;
    const start = /^\d{1,2}[.．、]\s*/.exec(line);
    if (start || items.length === 0) items.push(line.slice(start?.[0].length ?? 0));
    else items[items.length - 1] += joinWrapped(items[items.length - 1]!, line);
  }
  return items.filter((t) => t !== '');
}

const UNIT_HEAD = /^([^：:。；，]{2,80})[：:](.*)$/;

/** "单位：职责" entries of a cooperating cell; a line without a head continues the entry above. */
function unitEntries(cell: string): { units: UnitName[]; text: string }[] {
  const entries: { units: UnitName[]; text: string }[] = [];
  for (const raw of cell.split('\n')) {
    const line = closeSpaces(raw.trim());
    if (line === '') continue;
    const head = UNIT_HEAD.exec(line);
    const units = head ? splitUnitList(head[1]!) : [];
    if (head && units.length > 0 && units.every((u) => /(局|委|办|院|会|中心|队|所|部|室|社|行|司|政府|公司|区|旗|县|市|盟)$/.test(u.name))) {
      entries.push({ units, text: head[2]!.trim() });
    } else if (entries.length > 0) {
      const last = entries[entries.length - 1]!;
      last.text += joinWrapped(last.text, line);
    }
  }
  return entries.filter((e) => e.text !== '');
}

/** The duties of a duty table (a lead column and a 职责 column), row by row: the lead's items, then each cooperating entry; none for other tables. */
export function readDuties(rows: readonly Paragraph[]): DutyItem[] {
  const cols = dutyColumns(rows);
  if (cols === null) return [];
  const at = (kind: DutyColumn) => cols.indexOf(kind);
  const duties: DutyItem[] = [];
  for (const { cells, line } of dataRows(rows, cols as Column[])) {
    const lead = splitCellUnits(cells[at('leads')] ?? '');
    if (lead.length === 0) continue;
    for (const text of numberedItems(cells[at('lead-duties')] ?? '')) duties.push({ lead, units: lead, role: 'lead', text, line });
    const coop = at('cooperating-duties');
    if (coop >= 0) for (const e of unitEntries(cells[coop] ?? '')) duties.push({ lead, units: e.units, role: 'cooperating', text: e.text, line });
  }
  return duties;
}
