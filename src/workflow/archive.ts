// 归档 of incoming documents, pure: which registrations may be filed, with a Chinese reason when
// one may not; the 保管期限 and their codes; the 年度 a document is filed under; and the 档号
// (归档号) as DA/T 22—2015《归档文件整理规则》 structures it. The store (src/store/incoming/
// archive.ts) takes the 件号 and keeps the record; docs/decisions.md says why each rule is so.
import type { IncomingKind, IncomingState } from './incoming.ts';

/** 保管期限 (DA/T 22: 永久, 定期 30 年, 定期 10 年) and their codes in the 档号. */
export type Retention = '永久' | '30年' | '10年';
export const RETENTIONS: readonly Retention[] = ['永久', '30年', '10年'];
export const RETENTION_CODES: Record<Retention, string> = { 永久: 'Y', '30年': 'D30', '10年': 'D10' };

/** The 档案门类代码 of 文书档案, which 收文 are filed as. */
export const CATEGORY_CODE = 'WS';

/** What an office sets once (the 全宗 it files under, its 机构（问题） classes, the default 保管期限). */
export interface ArchiveSettings {
  /** 全宗号, given by the archives (档案馆): letters and digits, such as X001. */
  fondsCode: string;
  /** 全宗名称: the office's name on the 归档文件目录's cover. */
  fondsName: string;
  /** 机构（问题） classes; empty: the office does not use that level, and the 档号 has none. */
  units: { code: string; name: string }[];
  /** The 保管期限 the archive dialog proposes: for a 办件, a 阅件, and one returned to its sender. */
  defaults: { 办件: Retention; 阅件: Retention; 退回: Retention };
}

export const DEFAULT_RETENTIONS: ArchiveSettings['defaults'] = { 办件: '30年', 阅件: '10年', 退回: '10年' };

export function isRetention(value: unknown): value is Retention {
  return typeof value === 'string' && (RETENTIONS as readonly string[]).includes(value);
}

/** The facts of a registration that decide whether it may be filed. */
export interface ArchiveCandidate {
  state: IncomingState;
  kind: IncomingKind | null;
  /** 传阅中: a recipient not recalled has not marked it 已阅. */
  circulating: boolean;
}

/**
 * Null when the registration may be filed now, else why not. Filed are finished ones only: a 办件
 * once 办结; a 阅件 once sorted (初审) or instructed — it is done when read; a registration
 * returned to its sender (the record of the return is kept too). Never while its 传阅 is open:
 * filing a document someone still holds would lose where it is.
 */
export function archiveRefusal(c: ArchiveCandidate): string | null {
  if (c.state === 'archived') return '该收文已归档，不能重复归档';
  if (c.state === 'registered') return '该收文尚未初审，初审后才能归档';
  if (c.circulating) return '该收文正在传阅中，待传阅对象全部阅毕或收回后再归档';
  if (c.state === 'returned' || c.state === 'concluded') return null;
  if (c.state === 'proposed') return '该收文正在等待领导批示，批示完毕后才能归档';
  if (c.state === 'sent-back') return '该收文已退回拟办，尚未重新提交，不能归档';
  if (c.kind === '阅件' && (c.state === 'reviewed' || c.state === 'instructed')) return null;
  if (c.state === 'assigned') return '该办件已分办，正在承办，办结后才能归档';
  return '该办件尚未办结（须经批示、分办、办结），办结后才能归档';
}

/** The 保管期限 the dialog proposes for a registration. */
export function defaultRetention(c: Pick<ArchiveCandidate, 'state' | 'kind'>, defaults: ArchiveSettings['defaults']): Retention {
  if (c.state === 'returned' || c.kind === null) return defaults.退回;
  return defaults[c.kind];
}

/**
 * The 年度 a document is filed under: the year it was made (成文日期), as DA/T 22 files by the
 * year a document was formed; a document without one goes by the year it was received.
 */
export function archiveYear(signedOn: string | null, receivedOn: string): number {
  const made = signedOn !== null && /^\d{4}-\d{2}-\d{2}$/.test(signedOn) ? signedOn : receivedOn;
  return Number(made.slice(0, 4));
}

/** 全宗号: 1–10 letters and digits (the archives' own code, such as X001 or 0123). */
export function normalizeFondsCode(raw: string): string | null {
  const s = raw.trim().toUpperCase();
  return /^[A-Z0-9]{1,10}$/.test(s) ? s : null;
}

/** A 机构（问题） code: 1–8 letters and digits (BGS for 办公室 …). */
export function normalizeUnitCode(raw: string): string | null {
  const s = raw.trim().toUpperCase();
  return /^[A-Z0-9]{1,8}$/.test(s) ? s : null;
}

/** The settings checked: a Chinese reason for the first thing wrong, or the settings cleaned. */
export function checkSettings(s: ArchiveSettings): { refused: string } | { settings: ArchiveSettings } {
  const fondsCode = normalizeFondsCode(s.fondsCode);
  if (fondsCode === null) return { refused: `全宗号“${s.fondsCode}”不合规：应为 1 至 10 位字母或数字，如 X001` };
  const fondsName = s.fondsName.trim();
  if (fondsName === '') return { refused: '请填写全宗名称（立档单位的全称或规范化简称）' };
  const units: ArchiveSettings['units'] = [];
  for (const u of s.units) {
    const code = normalizeUnitCode(u.code);
    if (code === null) return { refused: `机构（问题）代码“${u.code}”不合规：应为 1 至 8 位字母或数字，如 BGS` };
    const name = u.name.trim();
    if (name === '') return { refused: `机构（问题）代码 ${code} 缺少名称` };
    if (units.some((x) => x.code === code)) return { refused: `机构（问题）代码 ${code} 重复` };
    units.push({ code, name });
  }
  for (const k of ['办件', '阅件', '退回'] as const) {
    if (!isRetention(s.defaults[k])) return { refused: `默认保管期限只能是 ${RETENTIONS.join('、')}，不能是“${String(s.defaults[k])}”` };
  }
  return { settings: { fondsCode, fondsName, units, defaults: { ...s.defaults } } };
}

/** The 机构（问题） a filing goes to: required and known when the office uses the level, absent otherwise. */
export function archiveUnit(settings: ArchiveSettings, unit: string | null | undefined): { refused: string } | { unit: string | null } {
  const wanted = unit?.trim() ?? '';
  if (settings.units.length === 0) return wanted === '' ? { unit: null } : { refused: '本机关未设置机构（问题）分类，归档时不填机构' };
  if (wanted === '') return { refused: `请选择机构（问题）：${settings.units.map((u) => `${u.code} ${u.name}`).join('、')}` };
  const found = settings.units.find((u) => u.code === wanted.toUpperCase() || u.name === wanted);
  return found ? { unit: found.code } : { refused: `机构（问题）“${wanted}”不在归档设置中` };
}

/** The parts of a 档号. */
export interface ArchiveCodeParts {
  fondsCode: string;
  year: number;
  retention: Retention;
  unitCode: string | null;
  item: number;
}

/**
 * The 档号 as DA/T 22—2015 (7.1) structures it: 全宗号-档案门类代码·年度-保管期限代码-机构（问题）
 * 代码-件号, the 机构 level only when the office uses it, the 件号 four digits with leading zeros:
 * X001-WS·2026-D30-0012, X001-WS·2026-Y-BGS-0003.
 */
export function archiveCode(p: ArchiveCodeParts): string {
  const parts = [p.fondsCode, `${CATEGORY_CODE}·${p.year}`, RETENTION_CODES[p.retention], ...(p.unitCode === null ? [] : [p.unitCode]), String(p.item).padStart(4, '0')];
  return parts.join('-');
}

/** 日期 on the 归档文件目录: eight digits, 20260315 (DA/T 22's 国际标准日期表示法). */
export function catalogueDate(day: string): string {
  return day.replaceAll('-', '');
}

/** Pages (页数) the clerk counts: a whole number from 1, or none. */
export function checkPages(pages: number | null | undefined): { refused: string } | { pages: number | null } {
  if (pages === null || pages === undefined) return { pages: null };
  return Number.isInteger(pages) && pages >= 1 && pages <= 100_000 ? { pages } : { refused: `页数应为 1 以上的整数，不能是“${String(pages)}”` };
}
