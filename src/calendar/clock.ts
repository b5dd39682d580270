// PROVISIONAL: replaced by the layout branch's clock on merge (same API).
export type IsoDate = string;
export interface Clock { now(): Date; today(): IsoDate }
const OFFSET = 8 * 3_600_000;
export function beijingDay(at: Date): IsoDate { return new Date(at.getTime() + OFFSET).toISOString().slice(0, 10); }
export function beijingDateTime(at: Date): string { return new Date(at.getTime() + OFFSET).toISOString().slice(0, 19).replace('T', ' '); }
export const systemClock: Clock = { now: () => new Date(), today: () => beijingDay(new Date()) };
export function clockFrom(spec: string | undefined, real: Clock = systemClock): Clock {
  if (!spec) return real;
  const start = /^\d{4}-\d{2}-\d{2}$/.test(spec) ? new Date(`${spec}T09:00:00+08:00`) : /[zZ]|[+-]\d{2}:?\d{2}$/.test(spec) ? new Date(spec) : new Date(`${spec}+08:00`);
  if (Number.isNaN(start.getTime())) throw new RangeError(`时间格式有误：${spec}`);
  const base = real.now().getTime();
  const now = () => new Date(start.getTime() + (real.now().getTime() - base));
  return { now, today: () => beijingDay(now()) };
}
export function manualClock(start: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), today: () => beijingDay(new Date(t)), set: (at) => { t = new Date(at).getTime(); }, advance: (ms) => { t += ms; } };
}
export function startOfBeijingDay(day: IsoDate): Date { return new Date(`${day}T00:00:00+08:00`); }
export function later(at: Date, ms: number): Date { return new Date(at.getTime() + ms); }
