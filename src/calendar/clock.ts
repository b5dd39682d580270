// The one clock. Beijing time (Asia/Shanghai: UTC+8 all year, no daylight saving since 1991) is
// the only time zone of the domain: a deadline, a 成文日期, "today" in a reminder or a validity
// check are days of the office's calendar, whatever zone the server is set to. So "today" is the
// Beijing day of the current instant — never the UTC day (`toISOString().slice(0, 10)` is still
// yesterday in Beijing until 08:00) nor the machine's local day.
//
// Code that needs the time takes a Clock: the CLI and the server build one (systemClock, or
// clockFrom(--now / $DUBAN_NOW) for a demo or a test on a fixed day), tests use manualClock. This
// file is the only one that reads the system time (a test scans src/ for it).
import { fromEpochDay, isIsoDate, toEpochDay, type IsoDate } from './iso-date.ts';

export interface Clock {
  now(): Date;
  /** Beijing calendar day */
  today(): IsoDate;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Beijing is UTC+8, without daylight saving. */
const BEIJING_OFFSET_MS = 8 * HOUR_MS;

function instantMs(at: Date): number {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('无效的时间（Invalid Date）');
  return ms;
}

/** Beijing day of an instant. */
export function beijingDay(at: Date): IsoDate {
  return fromEpochDay(Math.floor((instantMs(at) + BEIJING_OFFSET_MS) / DAY_MS));
}

/** 'YYYY-MM-DD HH:mm:ss', Beijing time. */
export function beijingDateTime(at: Date): string {
  const local = instantMs(at) + BEIJING_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const seconds = Math.floor((local - day * DAY_MS) / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${fromEpochDay(day)} ${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => beijingDay(new Date()),
};

const FORMS = 'YYYY-MM-DD（北京时间 9:00）、YYYY-MM-DDTHH:mm[:ss]（北京时间）或带 Z/时区偏移的 ISO 时间';
/** 2026-12-04, 2026-12-04T09:30, 2026-12-04 09:30:15, 2026-12-03T23:30:00.000Z, 2026-12-04T07:30+08:00. */
const SPEC = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The offset from UTC a written zone names: Z, +08:00, -0500. */
function zoneOffsetMs(zone: string, spec: string): number {
  if (zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5));
  if (hours > 23 || minutes > 59) throw new RangeError(`不存在的时区偏移：${spec}`);
  return (zone[0] === '-' ? -1 : 1) * (hours * HOUR_MS + minutes * MINUTE_MS);
}

/**
 * The instant a --now / $DUBAN_NOW value names: 'YYYY-MM-DD' (09:00 Beijing, the start of an
 * office day), 'YYYY-MM-DDTHH:mm[:ss]' Beijing time (a space may stand for the T), or an ISO
 * instant with Z or an offset. RangeError with a Chinese message on anything else, and on a value
 * that does not exist (2023-02-30, 24:00).
 */
export function instantFrom(spec: string): Date {
  const m = SPEC.exec(spec.trim());
  if (!m) throw new RangeError(`时间格式有误：${spec}（应为 ${FORMS}）`);
  const [, date = '', hh = '09', mm = '00', ss = '00', fraction = '', zone] = m;
  const [h, min, s] = [Number(hh), Number(mm), Number(ss)];
  if (!isIsoDate(date) || h > 23 || min > 59 || s > 59) throw new RangeError(`不存在的时间：${spec}`);
  const offset = zone === undefined ? BEIJING_OFFSET_MS : zoneOffsetMs(zone, spec);
  return new Date(toEpochDay(date) * DAY_MS + h * HOUR_MS + min * MINUTE_MS + s * 1000 + Number(fraction.padEnd(3, '0')) - offset);
}

/**
 * The clock for --now / $DUBAN_NOW (see instantFrom for the forms). The clock starts at that
 * instant when created and runs forward in real time, so session timeouts and "how long ago"
 * still work in a demo. Undefined or blank → `real` (the system clock).
 */
export function clockFrom(spec: string | undefined, real: Clock = systemClock): Clock {
  if (spec === undefined || spec.trim() === '') return real;
  const offset = instantFrom(spec).getTime() - real.now().getTime();
  const now = () => new Date(real.now().getTime() + offset);
  return { now, today: () => beijingDay(now()) };
}

/** Tests: a clock that only moves when told. */
export function manualClock(start: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  const msOf = (at: Date | string) => (typeof at === 'string' ? instantFrom(at).getTime() : instantMs(at));
  let current = msOf(start);
  return {
    now: () => new Date(current),
    today: () => beijingDay(new Date(current)),
    set(at) {
      current = msOf(at);
    },
    advance(ms) {
      if (!Number.isFinite(ms)) throw new RangeError(`时间间隔应为有限的毫秒数：${ms}`);
      current += ms;
    },
  };
}

/** The first instant of a Beijing calendar day (00:00 Beijing time). */
export function startOfBeijingDay(day: IsoDate): Date {
  if (!isIsoDate(day)) throw new RangeError(`日期不存在：${day}`);
  return new Date(toEpochDay(day) * DAY_MS - BEIJING_OFFSET_MS);
}

/** Midnight UTC of a day: how spreadsheets store a date with no time (exceljs writes it as that day's serial). */
export function utcMidnightOf(day: IsoDate): Date {
  if (!isIsoDate(day)) throw new RangeError(`日期不存在：${day}`);
  return new Date(toEpochDay(day) * DAY_MS);
}

/** The instant `ms` milliseconds after `at` (before, when negative). */
export function later(at: Date, ms: number): Date {
  return new Date(instantMs(at) + ms);
}
