// What the 分办 tests start from: two notices written for them — one with measures (a 牵头 and a
// 配合 unit each, one with a date), one without any — each registered, sorted as a 办件, proposed
// and instructed, so it waits for 分办. Through the store's own commands, nothing inserted by hand.
import { createUser } from '../src/auth/users.ts';
import type { Clock } from '../src/calendar/clock.ts';
import { instructIncoming } from '../src/store/incoming/instruct.ts';
import { submitIncomingProposal } from '../src/store/incoming/propose.ts';
import { registerIncoming } from '../src/store/incoming/register.ts';
import { reviewIncoming } from '../src/store/incoming/review.ts';
import type { IncomingView } from '../src/store/incoming/view.ts';
import type { Store } from '../src/store/open.ts';

/** A city notice in the 牵头/配合 style, two measures, one with its own date. */
export const MEASURES_NOTICE = [
  '通辽市人民政府安全生产委员会办公室关于开展汛后道路桥梁安全隐患排查的通知',
  '通安办发〔2026〕31号',
  '各旗县市区安委会，市安委会各成员单位：',
  '为防范汛后道路桥梁安全风险，现就开展隐患排查有关事项通知如下。',
  '一、全面排查桥梁隐患。对辖区内桥梁逐座检查，建立隐患台账，于10月20日前报送排查结果。（牵头单位：市交通运输局；配合单位：市应急管理局）',
  '二、加强城市道路巡查。对城区主次干道开展巡查，发现问题及时整改。（牵头单位：市住房和城乡建设局；配合单位：市应急管理局）',
  '通辽市人民政府安全生产委员会办公室',
  '2026年9月18日',
].join('\n');

/** A letter that sets no date and names no measure. */
export const PLAIN_LETTER = [
  '通辽市应急管理局关于征求应急物资储备管理办法意见的函',
  '通应急函〔2026〕9号',
  '各有关单位：',
  '我局起草了应急物资储备管理办法（征求意见稿），请研究提出修改意见。',
  '通辽市应急管理局',
  '2026年9月20日',
].join('\n');

export const CLERK = 'zhoumin';
export const LEADER = 'hanzr';

export async function addPeople(store: Store, clock: Clock): Promise<void> {
  const people = [
    { username: CLERK, displayName: '周敏', roles: ['clerk' as const], unit: null },
    { username: LEADER, displayName: '韩主任', roles: ['leader' as const], unit: null },
  ];
  for (const p of people) await createUser(store.db, { ...p, password: 'Test-Passw0rd', mustChangePassword: false }, () => true, { actor: { name: 'test' }, now: clock.now() });
}

/** Registered, 初审 as 办件, 拟办 (lead and cooperating units as given), 批示 by the leader: waiting for 分办. */
export async function instructedIncoming(store: Store, clock: Clock, text: string, name: string, units: { lead: string | null; cooperating: string[] }, leader = LEADER): Promise<IncomingView> {
  const as = { actor: { name: CLERK }, clock };
  const { incoming } = await registerIncoming(store, { bytes: Buffer.from(text, 'utf8'), name }, { ...as, series: '政' });
  await reviewIncoming(store, incoming.id, { kind: '办件' }, as);
  await submitIncomingProposal(store, incoming.id, { text: '呈韩主任阅示。', leaders: [leader], mode: 'sequence', ...units }, as);
  return instructIncoming(store, incoming.id, { action: 'instruct', text: '请交通运输局牵头抓好落实。' }, { actor: { name: leader }, clock });
}
