// One clock: nothing in src/ reads the system time except src/calendar/clock.ts. "Today" taken
// as the UTC day (`new Date().toISOString().slice(0, 10)`) is yesterday in Beijing until 08:00,
// and a Date built here and there cannot be fixed for a demo (--now) or a test.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const CLOCK = 'src/calendar/clock.ts';

/** What reads the system time or turns an instant into a UTC day. */
const FORBIDDEN = [/\bnew Date\(/, /\bDate\.now\(/, /toISOString\(\)\.slice\(0, ?10\)/];

/**
 * Files allowed to build a Date anyway, each with the reason: only where the Date comes from a
 * known value, purely (parsing a stored instant, say) — never to ask what time it is. Empty today:
 * ISO days are integer arithmetic (src/calendar/iso-date.ts) and instants come from a Clock.
 */
const ALLOWED: ReadonlyMap<string, string> = new Map<string, string>([]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.isFile() && /\.[cm]?[jt]sx?$/.test(e.name) ? [p] : [];
  });
}

/** Lines of code, without line comments and the lines of block comments (JSDoc). */
function codeLines(text: string): { line: number; text: string }[] {
  return text
    .split('\n')
    .map((t, i) => ({ line: i + 1, text: t }))
    .filter(({ text: t }) => !/^\s*(\/\/|\/\*|\*)/.test(t));
}

describe('time comes from the clock', () => {
  const files = sources(join(root, 'src')).map((p) => relative(root, p).split('\\').join('/'));

  it('finds the sources (the scan is not vacuous)', () => {
    expect(files).toContain(CLOCK);
    expect(files.length).toBeGreaterThan(50);
    expect(readFileSync(join(root, CLOCK), 'utf8')).toMatch(FORBIDDEN[0]!);
  });

  it('no file but src/calendar/clock.ts builds a Date from the system time', () => {
    const offences: string[] = [];
    for (const f of files) {
      if (f === CLOCK || ALLOWED.has(f)) continue;
      for (const { line, text } of codeLines(readFileSync(join(root, f), 'utf8'))) {
        if (FORBIDDEN.some((re) => re.test(text))) offences.push(`${f}:${line}: ${text.trim()}`);
      }
    }
    expect(offences, 'take the time from a Clock (src/calendar/clock.ts), the day from clock.today()').toEqual([]);
  });

  it('every allowed file still needs its entry', () => {
    for (const f of ALLOWED.keys()) {
      const text = readFileSync(join(root, f), 'utf8');
      expect(FORBIDDEN.some((re) => re.test(text)), `${f} no longer builds a Date: drop it from ALLOWED`).toBe(true);
    }
  });
});
