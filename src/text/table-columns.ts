// What a task table's header cell names, one vocabulary for the stage that rebuilds tables that
// arrived flattened (src/text/flat-tables.ts: a header of one cell per line) and the one that
// reads task tables (src/extract/table.ts).
//   序号 | 重点任务 | 牵头单位 | 责任单位 | 配合单位 | 责任领导 | 完成时限 | 2025年目标

export type ColumnKind = 'leads' | 'responsible' | 'cooperating' | 'leaders' | 'text' | 'target' | 'deadline' | 'number' | 'other';

export function columnOf(header: string): ColumnKind {
  const h = header.replace(/\s+/g, '');
  if (/^(序号|编号|序)$/.test(h)) return 'number';
  if (/职责/.test(h)) return 'other';
  if (/^(牵头|主办|承办)(单位|部门)/.test(h)) return 'leads';
  if (/^(配合|协办|协助|参与)(单位|部门)/.test(h)) return 'cooperating';
  if (/^(主体)?(责任|落实|实施)(单位|部门)|^责任主体/.test(h)) return 'responsible';
  // Persons, not units: 责任领导, 牵头市领导, 责任人 (kept apart, like the clause labels).
  if (/^(责任|牵头|分管|联系|包联)?(省|市|区|县|州|盟|旗)?级?(责任|牵头|分管|联系|包联)?(领导|责任人|负责人)$/.test(h)) return 'leaders';
  if (/时限|完成时间|时间节点/.test(h)) return 'deadline';
  if (/\d{4}年|目标值|预期|^目标/.test(h)) return 'target';
  if (/指标|事项|任务|内容|措施|项目|名称|工作/.test(h)) return 'text';
  return 'other';
}

/** True for the columns that name units. */
export const isUnitColumn = (c: ColumnKind): boolean => c === 'leads' || c === 'responsible' || c === 'cooperating';

/**
 * A category row of a task table (一、优化营商环境 / （二）…  / 第三部分 …): the label it opens with,
 * or null. Categories group the rows below them and become their outline parent.
 */
export function categoryLabel(text: string): string | null {
  const m = /^(?:([一二三四五六七八九十百]+)[、．.]|（([一二三四五六七八九十百]+)）|(第[一二三四五六七八九十百]+部分))/.exec(text.trim());
  if (m === null) return null;
  if (m[1] !== undefined) return `${m[1]}、`;
  if (m[2] !== undefined) return `（${m[2]}）`;
  return m[3]!;
}

/** True when a text ends the way a unit's name does (局, 委, 办, 中心, 政府, 公司 …). */
export function endsLikeUnit(text: string): boolean {
  return /(局|委|办|院|会|中心|队|所|部|室|厅|社|行|司|府|联|团|站|台|馆|校|处|署|关|庭|组|区|旗|县|市|盟|厂|集团|机构|单位|部门|党组）|党组\))$/.test(text);
}
