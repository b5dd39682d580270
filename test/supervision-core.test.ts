// The pure core of 督查督办: the transition table, who leads, the keys that find an item again,
// and the drafting of items from tasks.
import { describe, expect, it } from 'vitest';
import { draftItems, draftUnits, reportCycle, type SourceTask } from '../src/workflow/draft.ts';
import { SupervisionError } from '../src/workflow/errors.ts';
import { measureKeys, sameMeasure } from '../src/workflow/keys.ts';
import { checkState, checkUnit, leadUnits, stateAfterReport, stateAfterSigning } from '../src/workflow/transitions.ts';
import type { ItemUnit } from '../src/workflow/types.ts';

const unit = (role: ItemUnit['role'], canonical: string, signedAt: string | null = null): ItemUnit => ({ role, name: canonical, canonical, signedAt });

describe('transitions', () => {
  it('allows each action only from its states, saying the state in Chinese', () => {
    expect(() => checkState('claim', 'working')).not.toThrow();
    expect(() => checkState('claim', 'issued')).toThrow('事项当前为“已交办”，不能申请办结');
    expect(() => checkState('verify', 'done')).toThrow(SupervisionError);
    expect(() => checkState('edit', 'done')).toThrow('不能修改');
    for (const s of ['dropped', 'done', 'terminated'] as const) expect(() => checkState('report', s)).toThrow();
  });

  it('lets the lead unit claim, and the responsible units lead where no lead is named', () => {
    const led = [unit('lead', '甲局'), unit('responsible', '乙局'), unit('cooperating', '丙局')];
    expect(leadUnits(led).map((u) => u.canonical)).toEqual(['甲局']);
    expect(checkUnit('claim', led, '甲局').canonical).toBe('甲局');
    expect(() => checkUnit('claim', led, '乙局')).toThrow('申请办结由牵头单位提出');
    expect(checkUnit('report', led, '丙局').canonical).toBe('丙局');
    expect(() => checkUnit('report', led, '丁局')).toThrow('本单位不是该事项的承办单位');
    expect(() => checkUnit('verify', led, '甲局')).toThrow('由督查室办理');
    const unled = [unit('responsible', '乙局'), unit('cooperating', '丙局')];
    expect(checkUnit('extend', unled, '乙局').canonical).toBe('乙局');
    expect(() => checkUnit('extend', unled, '丙局')).toThrow();
  });

  it('is 办理中 once a leading unit signs or a unit reports', () => {
    expect(stateAfterSigning('issued', [unit('lead', '甲局'), unit('responsible', '乙局', 'x')])).toBe('issued');
    expect(stateAfterSigning('issued', [unit('lead', '甲局', 'x')])).toBe('working');
    expect(stateAfterReport('issued')).toBe('working');
    expect(stateAfterReport('returned')).toBe('returned');
  });
});

describe('keys', () => {
  it('numbers measures within their outline place, so a measure inserted elsewhere moves no key', () => {
    const a = measureKeys([['一、总体要求'], ['二、重点任务', '（一）'], ['二、重点任务', '（一）'], ['二、重点任务', '（二）']]);
    const b = measureKeys([['一、总体要求'], ['一、总体要求'], ['二、重点任务', '（一）'], ['二、重点任务', '（一）'], ['二、重点任务', '（二）']]);
    expect(new Set(a).size).toBe(4);
    expect(b.slice(2)).toEqual(a.slice(1));
    expect(sameMeasure('加强 巡查', '加强巡查')).toBe(true);
    expect(sameMeasure('加强巡查', '加强检查')).toBe(false);
  });
});

describe('drafting', () => {
  const lookup = (name: string) =>
    name === '各乡镇'
      ? { canonical: null, members: ['东乡', '西乡'] }
      : name === '各有关部门'
        ? { canonical: null, open: true }
        : name.endsWith('局')
          ? { canonical: `某市${name.slice(1)}` }
          : { canonical: null };

  it('turns each task into a draft: units resolved, collectives expanded, open lists and unknown names left for the office', () => {
    const task: SourceTask = {
      id: 7,
      text: '完善防汛预案。',
      path: ['二、主要任务'],
      line: 12,
      deadline: { kind: 'date', date: '2027-05-31', text: '2027年5月底前' },
      targets: [],
      leaders: [],
      units: [
        { role: 'lead', name: '市水利局', canonical: null },
        { role: 'responsible', name: '各乡镇', canonical: null },
        { role: 'cooperating', name: '各有关部门', canonical: null },
        { role: 'cooperating', name: '市防汛专班', canonical: null },
      ],
    };
    const [d] = draftItems([task], lookup, '2026-12-03');
    expect(d).toMatchObject({ sourceTaskId: 7, sourceLine: 12, deadline: '2027-05-31', deadlineText: '2027年5月底前', cycle: { kind: 'monthly', day: 5 } });
    expect(d!.units).toEqual([
      { role: 'lead', name: '市水利局', canonical: '某市水利局' },
      { role: 'responsible', name: '东乡', canonical: '东乡' },
      { role: 'responsible', name: '西乡', canonical: '西乡' },
      { role: 'cooperating', name: '各有关部门', canonical: null },
      { role: 'cooperating', name: '市防汛专班', canonical: null },
    ]);
    expect(draftUnits([{ role: 'lead', name: '市水利局', canonical: null }, { role: 'lead', name: '市水利局', canonical: null }], lookup)).toHaveLength(1);
  });

  it('reports on a recurring deadline’s own day or dates, and monthly by the 5th otherwise', () => {
    expect(reportCycle({ kind: 'recurring', text: '每月10日前', rule: { every: 'month', day: 10 } }, '2026-12-03')).toEqual({ kind: 'monthly', day: 10 });
    const quarterly = reportCycle({ kind: 'recurring', text: '每季度末月25日前', rule: { every: 'quarter', month: 3, day: 25 } }, '2026-12-03');
    expect(quarterly.kind).toBe('dates');
    expect(quarterly.kind === 'dates' && quarterly.dates.length).toBe(4);
    expect(reportCycle({ kind: 'ongoing', text: '长期坚持' }, '2026-12-03')).toEqual({ kind: 'monthly', day: 5 });
    expect(reportCycle(null, '2026-12-03')).toEqual({ kind: 'monthly', day: 5 });
  });
});
