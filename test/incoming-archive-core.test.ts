// The pure rules of 归档 (src/workflow/archive.ts): which registrations may be filed and the
// refusal otherwise, the default 保管期限, the 年度, the 档号 after DA/T 22—2015, the settings' checks.
import { describe, expect, it } from 'vitest';
import { INCOMING_STATES, type IncomingKind } from '../src/workflow/incoming.ts';
import { archiveCode, archiveRefusal, archiveUnit, archiveYear, catalogueDate, checkSettings, defaultRetention, DEFAULT_RETENTIONS, type ArchiveSettings } from '../src/workflow/archive.ts';

describe('which registrations may be filed', () => {
  it('files a concluded 办件, a reviewed or instructed 阅件, a returned one — and nothing else', () => {
    const allowed: string[] = [];
    for (const state of INCOMING_STATES) for (const kind of ['办件', '阅件', null] as (IncomingKind | null)[]) if (archiveRefusal({ state, kind, circulating: false }) === null) allowed.push(`${state}/${kind}`);
    expect(allowed.sort()).toEqual(['concluded/办件', 'concluded/阅件', 'concluded/null', 'instructed/阅件', 'returned/办件', 'returned/阅件', 'returned/null', 'reviewed/阅件'].sort());
  });

  it('says why not, in Chinese', () => {
    expect(archiveRefusal({ state: 'proposed', kind: '办件', circulating: false })).toBe('该收文正在等待领导批示，批示完毕后才能归档');
    expect(archiveRefusal({ state: 'assigned', kind: '办件', circulating: false })).toBe('该办件已分办，正在承办，办结后才能归档');
    expect(archiveRefusal({ state: 'instructed', kind: '办件', circulating: false })).toContain('该办件尚未办结');
    expect(archiveRefusal({ state: 'archived', kind: '阅件', circulating: false })).toBe('该收文已归档，不能重复归档');
    expect(archiveRefusal({ state: 'registered', kind: null, circulating: false })).toContain('尚未初审');
    expect(archiveRefusal({ state: 'instructed', kind: '阅件', circulating: true })).toContain('正在传阅中');
    expect(archiveRefusal({ state: 'concluded', kind: '办件', circulating: true })).toContain('正在传阅中');
  });
});

describe('保管期限, 年度 and 档号', () => {
  it('proposes 30年 for a 办件, 10年 for a 阅件 and a returned one, as the settings say', () => {
    expect(defaultRetention({ state: 'concluded', kind: '办件' }, DEFAULT_RETENTIONS)).toBe('30年');
    expect(defaultRetention({ state: 'reviewed', kind: '阅件' }, DEFAULT_RETENTIONS)).toBe('10年');
    expect(defaultRetention({ state: 'returned', kind: null }, { ...DEFAULT_RETENTIONS, 退回: '永久' })).toBe('永久');
  });

  it('takes the 年度 from the 成文日期, else from the 收文日期', () => {
    expect(archiveYear('2025-12-30', '2026-01-04')).toBe(2025);
    expect(archiveYear(null, '2026-01-04')).toBe(2026);
    expect(archiveYear('2025年12月', '2026-01-04')).toBe(2026);
  });

  it('writes the 档号 as 全宗号-WS·年度-期限代码[-机构]-件号 with four-digit 件号', () => {
    expect(archiveCode({ fondsCode: 'X001', year: 2026, retention: '30年', unitCode: null, item: 12 })).toBe('X001-WS·2026-D30-0012');
    expect(archiveCode({ fondsCode: 'J017', year: 2024, retention: '永久', unitCode: 'BGS', item: 3 })).toBe('J017-WS·2024-Y-BGS-0003');
    expect(archiveCode({ fondsCode: '0123', year: 2020, retention: '10年', unitCode: null, item: 10_250 })).toBe('0123-WS·2020-D10-10250');
    expect(catalogueDate('2026-03-05')).toBe('20260305');
  });
});

describe('settings', () => {
  const base: ArchiveSettings = { fondsCode: ' j017 ', fondsName: ' 某县档案局 ', units: [{ code: 'bgs', name: ' 办公室 ' }], defaults: DEFAULT_RETENTIONS };

  it('cleans codes and names, refuses what is wrong', () => {
    expect(checkSettings(base)).toEqual({ settings: { fondsCode: 'J017', fondsName: '某县档案局', units: [{ code: 'BGS', name: '办公室' }], defaults: DEFAULT_RETENTIONS } });
    expect(checkSettings({ ...base, fondsCode: 'X-001' })).toEqual({ refused: '全宗号“X-001”不合规：应为 1 至 10 位字母或数字，如 X001' });
    expect(checkSettings({ ...base, units: [{ code: '办公室', name: '办公室' }] })).toMatchObject({ refused: expect.stringContaining('机构（问题）代码“办公室”不合规') });
    expect(checkSettings({ ...base, defaults: { ...DEFAULT_RETENTIONS, 阅件: '5年' as never } })).toMatchObject({ refused: expect.stringContaining('不能是“5年”') });
  });

  it('asks for a 机构 only where the office uses the level', () => {
    const withUnits = (checkSettings(base) as { settings: ArchiveSettings }).settings;
    expect(archiveUnit(withUnits, '办公室')).toEqual({ unit: 'BGS' });
    expect(archiveUnit(withUnits, ' bgs ')).toEqual({ unit: 'BGS' });
    expect(archiveUnit(withUnits, null)).toEqual({ refused: '请选择机构（问题）：BGS 办公室' });
    expect(archiveUnit({ ...withUnits, units: [] }, '')).toEqual({ unit: null });
  });
});
