// The clock: Beijing time whatever the server's zone, --now / $DUBAN_NOW read strictly, a running
// offset clock for demos and a manual one for tests.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { beijingDateTime, beijingDay, clockFrom, instantFrom, manualClock, systemClock } from '../src/calendar/clock.ts';
import { main } from '../src/cli/main.ts';
import { validityStatus } from '../src/links/validity.ts';

describe('the Beijing day', () => {
  it('is already 12-04 at 2026-12-03T23:30Z (the UTC day, the old "today", was still 12-03)', () => {
    const at = new Date('2026-12-03T23:30:00Z');
    expect(beijingDay(at)).toBe('2026-12-04');
    expect(at.toISOString().slice(0, 10)).toBe('2026-12-03');
  });

  it('is still 12-03 at 2026-12-03T15:59:59Z and turns at 16:00Z (midnight in Beijing)', () => {
    expect(beijingDay(new Date('2026-12-03T15:59:59Z'))).toBe('2026-12-03');
    expect(beijingDay(new Date('2026-12-03T15:59:59.999Z'))).toBe('2026-12-03');
    expect(beijingDay(new Date('2026-12-03T16:00:00Z'))).toBe('2026-12-04');
  });

  it('writes Beijing wall time', () => {
    expect(beijingDateTime(new Date('2026-12-03T23:30:05Z'))).toBe('2026-12-04 07:30:05');
    expect(beijingDateTime(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00:00');
    expect(beijingDateTime(new Date('1969-12-31T15:59:59Z'))).toBe('1969-12-31 23:59:59');
  });

  it('rejects an invalid Date instead of writing NaN', () => {
    expect(() => beijingDay(new Date(Number.NaN))).toThrow(RangeError);
  });

  describe('whatever the process time zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it('gives the same day and time west and east of Greenwich', () => {
      const answers = () => [beijingDay(new Date('2026-12-03T23:30:00Z')), beijingDateTime(new Date('2026-03-08T18:30:00Z')), instantFrom('2026-03-09T02:30').toISOString()];
      const seen = ['America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati', 'UTC'].map((tz) => {
        process.env.TZ = tz;
        return answers();
      });
      for (const s of seen) expect(s).toEqual(['2026-12-04', '2026-03-09 02:30:00', '2026-03-08T18:30:00.000Z']);
    });
  });
});

describe('instantFrom (--now, $DUBAN_NOW)', () => {
  it('reads a day as 09:00 Beijing, wall times as Beijing time, instants with their zone', () => {
    expect(instantFrom('2026-12-04').toISOString()).toBe('2026-12-04T01:00:00.000Z');
    expect(instantFrom('2026-12-04T07:30').toISOString()).toBe('2026-12-03T23:30:00.000Z');
    expect(instantFrom('2026-12-04 07:30:15').toISOString()).toBe('2026-12-03T23:30:15.000Z');
    expect(instantFrom('2026-12-03T23:30:00.000Z').toISOString()).toBe('2026-12-03T23:30:00.000Z');
    expect(instantFrom('2026-12-04T07:30+08:00').toISOString()).toBe('2026-12-03T23:30:00.000Z');
    expect(instantFrom('2026-12-03T18:30:00-0500').toISOString()).toBe('2026-12-03T23:30:00.000Z');
    expect(instantFrom(' 2026-12-04 ').toISOString()).toBe('2026-12-04T01:00:00.000Z');
  });

  it('throws a RangeError with a Chinese message on a value that does not exist', () => {
    expect(() => instantFrom('2023-02-30')).toThrow(RangeError);
    expect(() => instantFrom('2023-02-30')).toThrow(/不存在的时间：2023-02-30/);
    expect(() => instantFrom('2024-02-29')).not.toThrow();
    expect(() => instantFrom('2026-12-04T24:00')).toThrow(/不存在的时间/);
    expect(() => instantFrom('2026-12-04T09:60')).toThrow(/不存在的时间/);
    expect(() => instantFrom('2026-12-04T09:00+24:00')).toThrow(/不存在的时区偏移/);
  });

  it('refuses what it cannot read rather than guessing', () => {
    for (const bad of ['tomorrow', '2026-12-4', '2026/12/04', '2026-12-04Z', '1733300000000', '']) {
      expect(() => instantFrom(bad), bad).toThrow(/时间格式有误/);
    }
  });
});

describe('clockFrom', () => {
  it('is the real clock when nothing is given', () => {
    expect(clockFrom(undefined)).toBe(systemClock);
    expect(clockFrom('  ')).toBe(systemClock);
    const real = manualClock('2026-01-01');
    expect(clockFrom(undefined, real)).toBe(real);
  });

  it('starts at the time given and runs on with the real clock (session timeouts still work)', () => {
    const real = manualClock('2026-06-01T12:00');
    const demo = clockFrom('2026-12-03T23:30:00Z', real);
    expect(demo.now().toISOString()).toBe('2026-12-03T23:30:00.000Z');
    expect(demo.today()).toBe('2026-12-04');
    real.advance(30 * 60_000);
    expect(demo.now().toISOString()).toBe('2026-12-04T00:00:00.000Z');
    real.advance(16 * 3_600_000);
    expect(demo.today()).toBe('2026-12-05');
  });

  it('on the system clock moves forward in real time', async () => {
    // Starts at the instant named, moved on by exactly the real time since (no time limit: the
    // real clock read around it bounds what may have passed).
    const before = systemClock.now().getTime();
    const demo = clockFrom('2023-07-21');
    const first = demo.now().getTime();
    const after = systemClock.now().getTime();
    expect(first - instantFrom('2023-07-21').getTime()).toBeGreaterThanOrEqual(0);
    expect(first - instantFrom('2023-07-21').getTime()).toBeLessThanOrEqual(after - before);
    await new Promise((r) => setTimeout(r, 20));
    expect(demo.now().getTime()).toBeGreaterThan(first);
    expect(demo.today()).toBe('2023-07-21');
  });

  it('throws on an impossible value', () => {
    expect(() => clockFrom('2023-02-30')).toThrow(RangeError);
  });
});

describe('manualClock', () => {
  it('moves only when told', () => {
    const clock = manualClock('2026-12-03T15:59:59Z');
    expect(clock.today()).toBe('2026-12-03');
    clock.advance(1000);
    expect(clock.today()).toBe('2026-12-04');
    clock.set('2026-12-31T23:59');
    expect(beijingDateTime(clock.now())).toBe('2026-12-31 23:59:00');
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(clock.today()).toBe('2027-01-01');
  });

  it('hands out copies, so a caller cannot move it by mutating a Date', () => {
    const clock = manualClock('2026-12-04');
    clock.now().setUTCFullYear(1999);
    expect(clock.today()).toBe('2026-12-04');
  });
});

describe('the bug the clock fixes', () => {
  it('a document in force until 12-03 has expired at 07:30 on 12-04 Beijing time (the UTC day still said valid)', () => {
    const clock = manualClock('2026-12-03T23:30:00Z');
    const v = { validFrom: '2024-12-04', validUntil: '2026-12-03' };
    expect(validityStatus(v, false, clock.today())).toBe('expired');
    expect(validityStatus(v, false, clock.now().toISOString().slice(0, 10))).toBe('valid');
  });
});

describe('duban --now', () => {
  it('refuses an impossible time with exit 2 and a Chinese message, before touching the store', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--db', '/nonexistent/dir/never.db', '--now', '2023-02-30', 'search', '通知'])).toBe(2);
      expect(err.mock.calls.map((c) => String(c[0])).join('')).toMatch(/--now：不存在的时间：2023-02-30/);
    } finally {
      err.mockRestore();
    }
  });
});
