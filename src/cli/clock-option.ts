// The clock of a command: --now (a global option), else $DUBAN_NOW, else the system clock. A demo
// or a test on a fixed day runs the commands at that time (clock.ts says which forms are read).
import type { Command } from 'commander';
import { clockFrom, type Clock } from '../calendar/clock.ts';

export const NOW_OPTION = [
  '--now <time>',
  '当前时间（演示、测试用）：YYYY-MM-DD（北京时间9时）、YYYY-MM-DDTHH:mm（北京时间）或带时区的 ISO 时间（默认 $DUBAN_NOW 或系统时间）',
] as const;

/** The command's clock, or null after reporting on stderr why the time given cannot be read (exit 2). */
export function commandClock(command: Command, setExit: (code: number) => void): Clock | null {
  const { now } = command.optsWithGlobals<{ now?: string }>();
  try {
    return clockFrom(now ?? process.env.DUBAN_NOW);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    process.stderr.write(`duban: ${now === undefined ? 'DUBAN_NOW' : '--now'}：${e.message}\n`);
    setExit(2);
    return null;
  }
}
