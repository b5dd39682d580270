// The rules of 三单一函, lights, lists and scores as data: these are the defaults (issue 11, after
// a county's scheme); an administrator edits them and the store keeps the edit
// (src/store/supervision-rules.ts). Every figure the core uses comes from here, never a literal.
import { z } from 'zod';
import { SupervisionError } from './errors.ts';

export interface SupervisionRules {
  notices: {
    /** 提醒单: this many working days before the deadline. */
    reminderBefore: number;
    /** 催办单: this many working days after the deadline (1: the first working day after). */
    urgeAfter: number;
    /** 督办单: this many working days after the deadline. */
    superviseAfter: number;
    /** 移交函: this many working days after the 督办单. */
    transferAfter: number;
    /** Where a 移交函 goes (copied): 纪检监察, or the body the office names. */
    transferTo: string;
  };
  lights: {
    /** Yellow within this many working days of the deadline. */
    yellowWithin: number;
  };
  lists: {
    /** 红榜: 按时办结率 at or above this share (0–1). */
    red: number;
    /** 黑榜: 按时办结率 below this share (0–1). */
    black: number;
  };
  scores: {
    base: number;
    doneLead: number;
    doneCooperating: number;
    early: number;
    overdueLead: number;
    overdueCooperating: number;
    reportLate: number;
    reportMissed: number;
    supervise: number;
    transfer: number;
  };
}

export const DEFAULT_RULES: SupervisionRules = {
  notices: { reminderBefore: 3, urgeAfter: 1, superviseAfter: 5, transferAfter: 10, transferTo: '县纪委监委' },
  lights: { yellowWithin: 3 },
  lists: { red: 0.9, black: 0.85 },
  scores: {
    base: 100,
    doneLead: 2,
    doneCooperating: 1,
    early: 0.5,
    overdueLead: -5,
    overdueCooperating: -2.5,
    reportLate: -0.1,
    reportMissed: -0.5,
    supervise: -1,
    transfer: -3,
  },
};

const days = (label: string, max: number) =>
  z
    .number({ error: `${label}应为数字` })
    .int({ error: `${label}应为整数` })
    .min(1, { error: `${label}至少为1个工作日` })
    .max(max, { error: `${label}不应超过${max}个工作日` });
const share = (label: string) => z.number({ error: `${label}应为数字` }).min(0, { error: `${label}应在0%至100%之间` }).max(1, { error: `${label}应在0%至100%之间` });
const points = (label: string, sign: 1 | -1) =>
  z
    .number({ error: `${label}应为数字` })
    .refine((n) => Number.isFinite(n) && Math.abs(n) <= 100, { error: `${label}应在-100至100分之间` })
    .refine((n) => (sign > 0 ? n >= 0 : n <= 0), { error: sign > 0 ? `${label}应为加分（不小于0）` : `${label}应为扣分（不大于0）` });

const schema = z
  .object({
    notices: z.object({
      reminderBefore: days('提醒单提前天数', 30),
      urgeAfter: days('催办单滞后天数', 30),
      superviseAfter: days('督办单滞后天数', 60),
      transferAfter: days('移交函间隔天数', 60),
      transferTo: z.string({ error: '移交函移交单位应为文字' }).trim().min(1, { error: '请填写移交函的移交单位' }).max(60, { error: '移交单位名称过长' }),
    }),
    lights: z.object({ yellowWithin: days('黄灯提前天数', 30) }),
    lists: z.object({ red: share('红榜按时办结率'), black: share('黑榜按时办结率') }),
    scores: z.object({
      base: z.number({ error: '基础分应为数字' }).min(0, { error: '基础分不应小于0' }).max(1000, { error: '基础分不应超过1000' }),
      doneLead: points('牵头单位办结加分', 1),
      doneCooperating: points('配合单位办结加分', 1),
      early: points('提前办结加分', 1),
      overdueLead: points('牵头单位超期扣分', -1),
      overdueCooperating: points('配合单位超期扣分', -1),
      reportLate: points('迟报扣分', -1),
      reportMissed: points('漏报扣分', -1),
      supervise: points('督办单扣分', -1),
      transfer: points('移交函扣分', -1),
    }),
  })
  .refine((r) => r.notices.superviseAfter > r.notices.urgeAfter, { error: '督办单应晚于催办单', path: ['notices', 'superviseAfter'] })
  .refine((r) => r.lists.black <= r.lists.red, { error: '黑榜线不应高于红榜线', path: ['lists', 'black'] });

/**
 * An administrator's edit, checked: a partial edit is laid over `base` (the rules in force), and
 * the whole is validated. Throws SupervisionError (400) naming the first problem in Chinese.
 */
export function parseRules(input: unknown, base: SupervisionRules = DEFAULT_RULES): SupervisionRules {
  const merged = mergeRules(base, input);
  const result = schema.safeParse(merged);
  if (!result.success) {
    const messages = result.error.issues.map((i) => i.message);
    throw new SupervisionError(`规则有误：${messages.join('；')}`, 400);
  }
  return result.data;
}

function mergeRules(base: SupervisionRules, input: unknown): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new SupervisionError('规则应为一组设置（JSON 对象）', 400);
  const edit = input as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const section of Object.keys(base) as (keyof SupervisionRules)[]) {
    const given = edit[section];
    if (given === undefined) out[section] = base[section];
    else if (given === null || typeof given !== 'object' || Array.isArray(given)) throw new SupervisionError(`规则“${section}”应为一组设置`, 400);
    else out[section] = { ...base[section], ...(given as object) };
  }
  const unknown = Object.keys(edit).filter((k) => !(k in base));
  if (unknown.length > 0) throw new SupervisionError(`不认识的规则：${unknown.join('、')}`, 400);
  return out;
}
