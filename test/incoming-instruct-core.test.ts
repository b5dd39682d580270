// The pure rules of 批示 and 传阅 (src/workflow/instruct.ts, circulation.ts): turns in sequence and
// in parallel, passing on, sending back, and a recipient's way from 未读 to 已阅.
import { describe, expect, it } from 'vitest';
import { circulating, circulationAllowed, circulationHolders, newRecipients, recipientOutcome, type Recipient } from '../src/workflow/circulation.ts';
import { actOnRound, openRound, proposalOutcome, type Step } from '../src/workflow/instruct.ts';

const A = { username: 'a', name: '甲' };
const B = { username: 'b', name: '乙' };
const C = { username: 'c', name: '丙' };
const T0 = '2026-12-04T01:00:00.000Z';
const T1 = '2026-12-04T02:00:00.000Z';

const states = (steps: Step[]) => steps.map((s) => `${s.leaderName}:${s.state}`);
function acted(round: Step[], leader: string, act: Parameters<typeof actOnRound>[2]) {
  const out = actOnRound(round, leader, act, T1);
  if ('refused' in out) throw new Error(out.refused);
  return out;
}

describe('批示 turns', () => {
  it('in sequence: one after another, the later one refused before their turn', () => {
    const round = openRound([A, B, C], 'sequence', 1, T0);
    expect(states(round)).toEqual(['甲:pending', '乙:waiting', '丙:waiting']);
    expect(actOnRound(round, 'b', { action: 'circle' }, T1)).toEqual({ refused: '还没有轮到您批示：请等待甲批示后再办理', outOfTurn: true });
    const one = acted(round, 'a', { action: 'instruct', text: '同意' });
    expect(states(one.steps)).toEqual(['甲:done', '乙:pending', '丙:waiting']);
    expect(one.state).toBe('proposed');
    const two = acted(one.steps, 'b', { action: 'circle', text: '忽略' });
    expect(two.steps[1]).toMatchObject({ action: 'circle', text: null, actedAt: T1 });
    expect(acted(two.steps, 'c', { action: 'circle' }).state).toBe('instructed');
  });

  it('in parallel: all at once, done when the last has acted', () => {
    const round = openRound([A, B], 'parallel', 1, T0);
    expect(states(round)).toEqual(['甲:pending', '乙:pending']);
    const one = acted(round, 'b', { action: 'circle' });
    expect(one.state).toBe('proposed');
    expect(acted(one.steps, 'a', { action: 'instruct', text: '请抓好落实' }).state).toBe('instructed');
  });

  it('passes on to another leader, who takes the turn before those waiting', () => {
    const round = openRound([A, B], 'sequence', 1, T0);
    const passed = acted(round, 'a', { action: 'pass', text: '请丙同志阅示', to: C });
    expect(passed.steps.map((s) => [s.leaderName, s.state, s.seq, s.passedFrom])).toEqual([
      ['甲', 'done', 1, null],
      ['丙', 'pending', 2, 'a'],
      ['乙', 'waiting', 3, null],
    ]);
    expect(actOnRound(passed.steps, 'c', { action: 'pass', to: B }, T1)).toEqual({ refused: '“乙”已在本件的批示流程中，不必再转' });
    expect(actOnRound(round, 'a', { action: 'pass', to: A }, T1)).toEqual({ refused: '不能转批给自己' });
  });

  it('sends it back to the clerk: the open turns are cancelled', () => {
    const round = openRound([A, B], 'parallel', 1, T0);
    expect(actOnRound(round, 'a', { action: 'return' }, T1)).toEqual({ refused: '退回拟办须写明理由' });
    const back = acted(round, 'a', { action: 'return', text: '请补充主办单位意见' });
    expect(back.state).toBe('sent-back');
    expect(states(back.steps)).toEqual(['甲:done', '乙:cancelled']);
  });

  it('a 拟办 is submitted after 初审 or after being sent back, not while it waits', () => {
    const input = { text: '请阅示', leaders: [A], mode: 'sequence' as const, lead: ' 甲局 ', cooperating: ['甲局', '乙局', '乙局'] };
    expect(proposalOutcome('reviewed', '办件', input)).toEqual({ proposal: { text: '请阅示', leaders: [A], mode: 'sequence', lead: '甲局', cooperating: ['乙局'] } });
    expect('proposal' in proposalOutcome('sent-back', '办件', input)).toBe(true);
    expect(proposalOutcome('proposed', '办件', input)).toEqual({ refused: '拟办意见已提交，正在等待领导批示' });
    expect(proposalOutcome('reviewed', '办件', { ...input, leaders: [] })).toEqual({ refused: '请至少选择一位呈批的领导' });
  });
});

describe('传阅 recipients', () => {
  const r = (state: Recipient['state'], recalledAt: string | null = null): Recipient => ({ kind: 'user', recipient: 'x', name: '某', state, recalledAt });
  it('goes 未读 → 已读 → 已阅, reminds and recalls only who has not read it', () => {
    expect(recipientOutcome(r('unread'), 'open')).toEqual({ state: 'opened', recalled: false });
    expect(recipientOutcome(r('opened'), 'open')).toBeNull();
    expect(recipientOutcome(r('unread'), 'read')).toEqual({ state: 'read', recalled: false });
    expect(recipientOutcome(r('read'), 'recall')).toEqual({ refused: '“某”已阅，不能收回' });
    expect(recipientOutcome(r('opened'), 'recall')).toEqual({ state: 'opened', recalled: true });
    expect(recipientOutcome(r('unread', T0), 'open')).toEqual({ refused: '该件已收回' });
  });
  it('is 传阅中 while someone not recalled has not read it', () => {
    expect(circulating([r('read'), r('unread', T0)])).toBe(false);
    expect(circulating([r('read'), r('opened')])).toBe(true);
    expect(circulationHolders([{ ...r('opened'), name: '甲' }, { ...r('read'), name: '乙' }])).toEqual(['甲']);
  });
  it('circulates an instructed document, or a 阅件 without 批示, to someone not holding it already', () => {
    expect(circulationAllowed('instructed', '办件')).toBeNull();
    expect(circulationAllowed('reviewed', '阅件')).toBeNull();
    expect(circulationAllowed('reviewed', '办件')).toBe('办件须经领导批示后再传阅');
    expect(newRecipients([r('unread')], [{ kind: 'user', recipient: 'x', name: '某' }])).toEqual({ refused: '“某”已在传阅中，不必再送' });
    expect(newRecipients([r('unread', T0)], [{ kind: 'user', recipient: 'x', name: '某' }])).toEqual({ add: [{ kind: 'user', recipient: 'x', name: '某' }] });
  });
});
