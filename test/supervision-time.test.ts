// The time side of 督查督办, pure: 三单一函 dates with the worked examples (中秋, 国庆, a
// 调休 Saturday, 元旦 2027), lights, reporting cycles, scores traced to events, a bulletin worked
// out by hand, and the rules' validation.
import { describe, expect, it } from 'vitest';
import { isCovered } from '../src/calendar/index.ts';
import { computeBulletin } from '../src/workflow/bulletin.ts';
import { reportDueDates, reportsDue } from '../src/workflow/cycles.ts';
import { addWorkdays, isProvisional, isWorkday } from '../src/workflow/days.ts';
import { SupervisionError } from '../src/workflow/errors.ts';
import { lightOf } from '../src/workflow/lights.ts';
import { dueNotices, noticeSchedule } from '../src/workflow/notices.ts';
import { DEFAULT_RULES, parseRules } from '../src/workflow/rules.ts';
import { yearScores } from '../src/workflow/scores.ts';
import type { ItemFacts, ItemReport, ItemUnit, Notice } from '../src/workflow/types.ts';

const unit = (role: ItemUnit['role'], name: string): ItemUnit => ({ role, name, canonical: name, signedAt: null });
const report = (unitName: string, day: string, period: string | null = null): ItemReport => ({
  unit: unitName,
  period,
  submittedAt: `${day}T02:00:00.000Z`,
  progress: '按计划推进',
  problems: '',
  coordination: '',
  nextSteps: '',
  percent: 50,
  attachments: [],
});
let nextId = 1;
function item(over: Partial<ItemFacts> = {}): ItemFacts {
  const id = over.id ?? nextId++;
  return {
    id,
    ledgerId: 1,
    key: `k${id}`,
    text: `事项${id}`,
    state: 'working',
    units: [unit('lead', '县发展改革委')],
    deadline: '2026-09-30',
    originalDeadline: null,
    deadlineText: null,
    cycle: { kind: 'none' },
    issuedOn: '2026-03-02',
    doneOn: null,
    claimedOn: null,
    reports: [],
    extensions: [],
    notices: [],
    ...over,
  };
}
const ctx = { rules: DEFAULT_RULES, leadersOf: (u: string) => (u === '县发展改革委' ? ['张副县长'] : []) };
/** Every notice the core issues for an item over a span of days, as a tick catching up would. */
function run(f: ItemFacts, from: string, to: string) {
  const out: { kind: string; date: string; deadline: string; copiedTo: string[] }[] = [];
  for (let d = from; d <= to; d = addWorkdays(d, 1)) {
    for (const n of dueNotices(f, d, ctx)) {
      out.push({ kind: n.kind, date: n.date, deadline: n.deadline, copiedTo: n.copiedTo });
      f.notices.push({ ...n, number: 'x' } as Notice);
    }
  }
  return out;
}

describe('三单一函 dates', () => {
  it('2026-09-30: 提醒 9-24 (中秋 9-25…27), 催办 10-08 (after 国庆), 督办 10-13 (counting the 调休 Saturday 10-10)', () => {
    const s = noticeSchedule('2026-09-30', DEFAULT_RULES);
    expect(s.提醒单).toBe('2026-09-24');
    expect(s.催办单).toBe('2026-10-08');
    expect(s.督办单).toBe('2026-10-13');
    expect(isWorkday('2026-10-10')).toBe(true);
    // 10 working days after 10-13: 14,15,16,19,20,21,22,23,26,27.
    expect(s.移交函).toBe('2026-10-27');
  });
  it('2026-12-31: 提醒 12-28, 催办 2027-01-04 (元旦 and a weekend, provisional year)', () => {
    const s = noticeSchedule('2026-12-31', DEFAULT_RULES);
    expect(s.提醒单).toBe('2026-12-28');
    expect(s.催办单).toBe('2027-01-04');
    // 元旦 is a rest day whether the calendar holds 2027 officially or Duban counts it provisionally.
    expect(isWorkday('2027-01-01')).toBe(false);
    expect(isProvisional('2027-01-04')).toBe(!isCovered('2027-01-04'));
  });
  it('2027-02-04, before a provisional 春节: 催办 2027-02-11 (除夕 02-05 to 初三 02-08, made up on 02-09 and 02-10)', () => {
    const s = noticeSchedule('2027-02-04', DEFAULT_RULES);
    expect(s.提醒单).toBe('2027-02-01');
    expect(s.催办单).toBe('2027-02-11');
    // 5 working days after 02-04: 11, 12, 15, 16, 17.
    expect(s.督办单).toBe('2027-02-17');
    expect(isProvisional('2027-02-11')).toBe(true);
  });
  it('an open item gets each notice once, on its day, the 督办单 copied to the 分管领导 and the 移交函 to 纪检监察', () => {
    const f = item();
    expect(run(f, '2026-09-01', '2026-11-30')).toEqual([
      { kind: '提醒单', date: '2026-09-24', deadline: '2026-09-30', copiedTo: [] },
      { kind: '催办单', date: '2026-10-08', deadline: '2026-09-30', copiedTo: [] },
      { kind: '督办单', date: '2026-10-13', deadline: '2026-09-30', copiedTo: ['张副县长'] },
      { kind: '移交函', date: '2026-10-27', deadline: '2026-09-30', copiedTo: [DEFAULT_RULES.notices.transferTo] },
    ]);
    // Run again over the same days: nothing new.
    expect(run(f, '2026-09-01', '2026-11-30')).toEqual([]);
  });
  it('no notices for closed items, drafts, items without a deadline, or on a rest day', () => {
    for (const state of ['done', 'terminated', 'draft', 'dropped'] as const) expect(run(item({ state }), '2026-09-01', '2026-11-30')).toEqual([]);
    expect(run(item({ deadline: null }), '2026-09-01', '2026-11-30')).toEqual([]);
    expect(dueNotices(item({ deadline: '2026-10-08' }), '2026-10-03', ctx)).toEqual([]);
  });
  it('an item done after its 催办单 gets no 督办单', () => {
    const f = item();
    expect(run(f, '2026-09-01', '2026-10-09').map((n) => n.kind)).toEqual(['提醒单', '催办单']);
    f.state = 'done';
    expect(run(f, '2026-10-10', '2026-11-30')).toEqual([]);
  });
  it('an approved extension starts a new cycle against the new deadline', () => {
    const f = item({ deadline: '2026-09-30' });
    expect(run(f, '2026-09-01', '2026-09-25').map((n) => n.kind)).toEqual(['提醒单']);
    f.deadline = '2026-11-30';
    f.originalDeadline = '2026-09-30';
    const after = run(f, '2026-09-26', '2026-12-31');
    expect(after.map((n) => [n.kind, n.date, n.deadline])).toEqual([
      ['提醒单', '2026-11-25', '2026-11-30'],
      ['催办单', '2026-12-01', '2026-11-30'],
      ['督办单', '2026-12-07', '2026-11-30'],
      ['移交函', '2026-12-21', '2026-11-30'],
    ]);
  });
  it('no notice dated before the item was issued', () => {
    expect(run(item({ issuedOn: '2026-09-28' }), '2026-09-01', '2026-10-09').map((n) => n.kind)).toEqual(['催办单']);
  });
  it('the rules move the dates', () => {
    const rules = parseRules({ notices: { reminderBefore: 1, superviseAfter: 2 } });
    const s = noticeSchedule('2026-09-30', rules);
    expect([s.提醒单, s.督办单]).toEqual(['2026-09-29', '2026-10-09']);
  });
});

describe('lights', () => {
  it('green on track, yellow within 3 working days, red past the deadline, none when closed', () => {
    const f = item();
    // 3 working days after 09-23 is 09-29 (the 中秋 holiday 25–27 between): still green.
    expect(lightOf(f, '2026-09-23', DEFAULT_RULES)).toBe('green');
    expect(lightOf(f, '2026-09-24', DEFAULT_RULES)).toBe('yellow');
    expect(lightOf(f, '2026-09-30', DEFAULT_RULES)).toBe('yellow');
    expect(lightOf(f, '2026-10-01', DEFAULT_RULES)).toBe('red');
    expect(lightOf(item({ state: 'done' }), '2026-10-01', DEFAULT_RULES)).toBeNull();
  });
  it('yellow when a report was missed', () => {
    const f = item({ deadline: '2026-12-31', cycle: { kind: 'monthly', day: 5 }, issuedOn: '2026-06-20' });
    f.reports.push(report('县发展改革委', '2026-07-03'));
    expect(lightOf(f, '2026-08-05', DEFAULT_RULES)).toBe('green');
    expect(lightOf(f, '2026-08-06', DEFAULT_RULES)).toBe('yellow');
  });
});

describe('reporting cycles', () => {
  it('每月5日前 from the month after 交办; a day past the month end is its last day', () => {
    expect(reportDueDates({ kind: 'monthly', day: 5 }, '2026-06-20', '2026-09-30')).toEqual(['2026-07-05', '2026-08-05', '2026-09-05']);
    expect(reportDueDates({ kind: 'monthly', day: 31 }, '2026-01-31', '2026-03-31')).toEqual(['2026-02-28', '2026-03-31']);
    expect(reportDueDates({ kind: 'dates', dates: ['2026-05-01', '2026-03-01', '2026-09-01'] }, '2026-02-01', '2026-06-30')).toEqual(['2026-03-01', '2026-05-01']);
  });
  it('on time, late and missed', () => {
    const f = item({ deadline: '2026-12-31', cycle: { kind: 'monthly', day: 5 }, issuedOn: '2026-06-20' });
    f.reports.push(report('县发展改革委', '2026-07-04'), report('县发展改革委', '2026-08-09', '2026-08-05'));
    expect(reportsDue(f, '2026-09-30').map((r) => [r.due, r.status, r.submittedOn])).toEqual([
      ['2026-07-05', 'on-time', '2026-07-04'],
      ['2026-08-05', 'late', '2026-08-09'],
      ['2026-09-05', 'missed', null],
    ]);
  });
});

describe('scores', () => {
  it('every point is traced to its event', () => {
    const a = item({ units: [unit('lead', '甲局'), unit('cooperating', '乙局')], deadline: '2026-06-30', state: 'done', claimedOn: '2026-06-20', doneOn: '2026-06-22' });
    const b = item({ units: [unit('lead', '甲局'), unit('cooperating', '乙局')], deadline: '2026-05-29', state: 'working', cycle: { kind: 'monthly', day: 5 }, issuedOn: '2026-03-10' });
    b.reports.push(report('甲局', '2026-04-03'), report('甲局', '2026-05-07', '2026-05-05'));
    b.notices.push({ kind: '督办单', itemId: b.id, unit: '甲局', number: '督办〔2026〕1号', date: '2026-06-05', deadline: '2026-05-29', copiedTo: [] });
    const scores = yearScores([a, b], 2026, DEFAULT_RULES, '2026-06-30');
    const jia = scores.find((s) => s.unit === '甲局')!;
    const yi = scores.find((s) => s.unit === '乙局')!;
    // 甲局: 100 + 2 (a done) + 0.5 (early) − 5 (b overdue) − 0.1 (May late) − 0.5 (June missed) − 1 (督办单) = 95.9
    expect(jia.events.map((e) => [e.rule, e.points, e.itemId])).toEqual([
      ['base', 100, null],
      ['report-late', -0.1, b.id],
      ['overdue', -5, b.id],
      ['report-missed', -0.5, b.id],
      ['supervise', -1, b.id],
      ['done', 2, a.id],
      ['early', 0.5, a.id],
    ]);
    expect(jia.total).toBe(95.9);
    // 乙局: 100 + 1 − 2.5 = 98.5
    expect(yi.total).toBe(98.5);
    expect(yi.events.map((e) => e.rule).sort()).toEqual(['base', 'done', 'overdue']);
    expect(jia.events.reduce((t, e) => t + e.points, 0)).toBeCloseTo(jia.total);
  });
});

describe('bulletin', () => {
  it('a month as of its last day, worked out by hand', () => {
    const u = (name: string) => [unit('lead', name)];
    const items = [
      // 甲局: 3 items — done on time, done late, still open and overdue.
      item({ units: u('甲局'), deadline: '2026-10-15', state: 'done', claimedOn: '2026-10-12', doneOn: '2026-10-13' }),
      item({ units: u('甲局'), deadline: '2026-10-09', state: 'done', claimedOn: '2026-10-20', doneOn: '2026-10-21' }),
      item({ units: u('甲局'), deadline: '2026-10-16', state: 'working' }),
      // 乙局: 2 items, one done on time, one open with a later deadline; also cooperating on 甲's first.
      item({ units: u('乙局'), deadline: '2026-10-30', state: 'done', claimedOn: '2026-10-29', doneOn: '2026-10-30' }),
      item({ units: u('乙局'), deadline: '2026-12-31', state: 'working', cycle: { kind: 'monthly', day: 5 }, issuedOn: '2026-08-20', reports: [report('乙局', '2026-09-04'), report('乙局', '2026-10-08', '2026-10-05')] }),
      // done in November: open as of October's end; terminated items are out.
      item({ units: u('丙局'), deadline: '2026-11-30', state: 'done', claimedOn: '2026-11-02', doneOn: '2026-11-03' }),
      item({ units: u('丙局'), deadline: '2026-10-10', state: 'terminated' }),
      item({ units: u('丙局'), deadline: '2026-10-10', state: 'working', issuedOn: '2026-11-02' }),
    ];
    const b = computeBulletin(items, '2026-10', DEFAULT_RULES);
    expect(b.asOf).toBe('2026-10-31');
    expect(b.totals).toEqual({ items: 6, done: 3, open: 3, overdue: 1 });
    const row = (n: string) => b.rows.find((r) => r.unit === n)!;
    // 甲局: done 2, on time 1, overdue 1 → 1 / 3; score 100 + 2 + 0.5 + 2 − 5 − 5 = 94.5
    expect(row('甲局')).toMatchObject({ items: 3, done: 2, doneOnTime: 1, overdue: 1, reportRate: null, score: 94.5 });
    expect(row('甲局').onTimeRate).toBeCloseTo(1 / 3);
    // 乙局: done 1 on time → 100%; reports 9-05 on time, 10-05 late → 50%; score 100 + 2 + 0.5 − 0.1 = 102.4
    expect(row('乙局')).toMatchObject({ items: 2, done: 1, doneOnTime: 1, overdue: 0, onTimeRate: 1, reportsOwed: 2, reportsOnTime: 1, reportRate: 0.5, score: 102.4 });
    // 丙局: one item, open, not yet due → no rate; score 100
    expect(row('丙局')).toMatchObject({ items: 1, done: 0, overdue: 0, onTimeRate: null, score: 100 });
    expect(b.rows.map((r) => [r.unit, r.rank])).toEqual([['乙局', 1], ['丙局', 2], ['甲局', 3]]);
    expect(b.red).toEqual(['乙局']);
    expect(b.black).toEqual(['甲局']);
    // Overdue: 10-16 → 10-31 is 10 working days (19–23, 26–30).
    expect(b.overdueItems.map((o) => [o.itemId, o.deadline, o.workdaysOver])).toEqual([[items[2]!.id, '2026-10-16', 10]]);
  });
});

describe('rules', () => {
  it('defaults are the issue’s', () => {
    expect(DEFAULT_RULES.notices).toMatchObject({ reminderBefore: 3, urgeAfter: 1, superviseAfter: 5, transferAfter: 10 });
    expect(DEFAULT_RULES.lists).toEqual({ red: 0.9, black: 0.85 });
    expect(DEFAULT_RULES.scores).toEqual({ base: 100, doneLead: 2, doneCooperating: 1, early: 0.5, overdueLead: -5, overdueCooperating: -2.5, reportLate: -0.1, reportMissed: -0.5, supervise: -1, transfer: -3 });
  });
  it('an edit is laid over the rules in force and checked, with Chinese messages', () => {
    expect(parseRules({ lists: { red: 0.95 } }).lists).toEqual({ red: 0.95, black: 0.85 });
    const bad = (input: unknown, message: RegExp) => {
      expect(() => parseRules(input)).toThrow(SupervisionError);
      expect(() => parseRules(input)).toThrow(message);
    };
    bad({ notices: { reminderBefore: 0 } }, /提醒单提前天数至少为1个工作日/);
    bad({ notices: { urgeAfter: 1.5 } }, /催办单滞后天数应为整数/);
    bad({ lists: { red: 1.2 } }, /红榜按时办结率应在0%至100%之间/);
    bad({ lists: { red: 0.8, black: 0.85 } }, /黑榜线不应高于红榜线/);
    bad({ scores: { supervise: 1 } }, /督办单扣分应为扣分/);
    bad({ scores: { doneLead: '2' } }, /牵头单位办结加分应为数字/);
    bad({ colours: {} }, /不认识的规则：colours/);
    bad('x', /JSON 对象/);
  });
});
