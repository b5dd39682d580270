// The pure rules of 分办 and 承办 (src/workflow/assignment.ts): who may be assigned, the units and
// the deadline a 分办 gets, a unit's 签收 and 答复, when the office may 办结, overdue, and the day
// of the automatic 催办 on the official calendar (国庆 2026: 1–7 October off, 10 October worked).
import { describe, expect, it } from 'vitest';
import { assignAllowed, assignmentDeadline, autoUrgeDay, autoUrgeDue, concludeAllowed, isOverdue, planAssignment, unitActOutcome, urgeAllowed, type Assignment } from '../src/workflow/assignment.ts';

const known = new Set(['甲局', '乙局', '丙局']);
const context = { today: '2026-09-24', isKnown: (u: string) => known.has(u), documentDates: [] as string[], workingDays: 15 };
const lead: Assignment = { unit: '甲局', role: 'lead', state: 'pending', deadline: '2026-09-30' };
const helper: Assignment = { unit: '乙局', role: 'cooperate', state: 'pending', deadline: '2026-09-30' };

describe('分办 rules', () => {
  it('assigns only an instructed 办件', () => {
    expect(assignAllowed('instructed', '办件')).toBeNull();
    expect(assignAllowed('reviewed', '办件')).toContain('尚未经领导批示');
    expect(assignAllowed('proposed', '办件')).toContain('等待领导批示');
    expect(assignAllowed('instructed', '阅件')).toContain('阅件只传阅');
    expect(assignAllowed('assigned', '办件')).toContain('已分办');
    expect(assignAllowed('concluded', '办件')).toContain('已办结');
  });

  it('takes the clerk’s date, else the earliest date of the document not passed, else working days', () => {
    expect(assignmentDeadline('2026-09-24', '2026-10-09', ['2026-10-20'], 15)).toEqual({ deadline: '2026-10-09', source: 'given' });
    expect(assignmentDeadline('2026-09-24', null, ['2026-11-30', '2026-09-01', '2026-10-20'], 15)).toEqual({ deadline: '2026-10-20', source: 'document' });
    // 28–30 September, then 8 October: the 4th working day after Thursday 24 September.
    expect(assignmentDeadline('2026-09-24', null, ['2026-09-01'], 4)).toEqual({ deadline: '2026-10-08', source: 'default' });
    // 10 October, a Saturday, is a 调休 working day: the 6th.
    expect(assignmentDeadline('2026-09-24', '', [], 6)).toEqual({ deadline: '2026-10-10', source: 'default' });
  });

  it('plans one lead and distinct cooperating units of the directory, or refuses in Chinese', () => {
    expect(planAssignment({ lead: ' 甲局 ', cooperating: ['乙局', '甲局', '乙局', ' '] }, context)).toEqual({
      units: [
        { unit: '甲局', role: 'lead' },
        { unit: '乙局', role: 'cooperate' },
      ],
      deadline: '2026-10-22',
      deadlineSource: 'default',
    });
    expect(planAssignment({ lead: '' }, context)).toEqual({ refused: '请选择主办单位' });
    expect(planAssignment({ lead: '甲局', cooperating: ['丁局', '戊局'] }, context)).toEqual({ refused: '单位“丁局”“戊局”不在单位目录中，请从目录中选择' });
    expect(planAssignment({ lead: '甲局', deadline: '2026-09-23' }, context)).toEqual({ refused: '办理期限 2026-09-23 已过，不能早于今天（2026-09-24）' });
    expect(planAssignment({ lead: '甲局', deadline: '2026-02-30' }, context)).toEqual({ refused: '办理期限应为 YYYY-MM-DD 格式的日期，现为“2026-02-30”' });
    expect(planAssignment({ lead: '甲局', deadline: '2026-09-24' }, context)).toMatchObject({ deadline: '2026-09-24', deadlineSource: 'given' });
  });

  it('signs, replies (signing too), and refuses what is done or empty', () => {
    expect(unitActOutcome(lead, 'accept')).toEqual({ state: 'accepted', text: null });
    expect(unitActOutcome({ ...lead, state: 'accepted' }, 'accept')).toBeNull();
    expect(unitActOutcome(lead, 'reply', '  已办理。 ')).toEqual({ state: 'replied', text: '已办理。' });
    expect(unitActOutcome(lead, 'reply', ' ')).toEqual({ refused: '答复内容不能为空' });
    expect(unitActOutcome({ ...lead, state: 'replied' }, 'accept')).toEqual({ refused: '甲局已答复，不能再签收' });
  });

  it('concludes once the lead replied, whatever the cooperating units did', () => {
    expect(concludeAllowed('assigned', [lead, helper])).toBe('主办单位甲局尚未答复，答复后才能办结');
    expect(concludeAllowed('assigned', [{ ...lead, state: 'replied' }, helper])).toBeNull();
    expect(concludeAllowed('instructed', [])).toBe('该收文尚未分办，不能办结');
    expect(concludeAllowed('concluded', [{ ...lead, state: 'replied' }])).toBe('该收文已办结');
    expect(urgeAllowed('assigned', helper)).toBeNull();
    expect(urgeAllowed('concluded', helper)).toBe('该收文已办结，不必催办');
  });

  it('is overdue after the deadline, and urged automatically on the first working day after it', () => {
    expect(isOverdue(lead, '2026-09-30')).toBe(false);
    expect(isOverdue(lead, '2026-10-01')).toBe(true);
    expect(isOverdue({ ...lead, state: 'replied' }, '2026-12-01')).toBe(false);
    // Due Wednesday 30 September: 国庆 runs to 7 October, so the 催办 falls on Thursday 8 October.
    expect(autoUrgeDay('2026-09-30')).toBe('2026-10-08');
    expect(autoUrgeDue(lead, false, '2026-10-07')).toBe(false);
    expect(autoUrgeDue(lead, false, '2026-10-08')).toBe(true);
    expect(autoUrgeDue(lead, false, '2026-10-12')).toBe(true);
    expect(autoUrgeDue(lead, true, '2026-10-08')).toBe(false);
    expect(autoUrgeDue({ ...lead, state: 'replied' }, false, '2026-10-08')).toBe(false);
  });
});
