// `--now` (or DUBAN_NOW): the moment Duban takes for now, for demonstrations and tests; the
// clock runs on from it. Without it, the system's clock. Always Beijing time.
import type { Command } from 'commander';
import { clockFrom, type Clock } from '../calendar/clock.ts';

export function clockOf(command: Command, setExit: (code: number) => void): Clock | null {
  const spec = command.optsWithGlobals<{ now?: string }>().now ?? process.env.DUBAN_NOW;
  try {
    return clockFrom(spec || undefined);
  } catch (e) {
    process.stderr.write(`duban: --now/DUBAN_NOW：${(e as Error).message}\n`);
    setExit(2);
    return null;
  }
}
