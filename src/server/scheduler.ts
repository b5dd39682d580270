// The scheduler inside `duban serve`: the supervision tick (三单一函) every day at 09:00 Beijing
// time and once at start, so a server that was down catches up as soon as it is back. It runs
// every day, not only working days: the tick itself knows the calendar (a rest day has nothing to
// tick, and the next working day catches up). Runs never overlap — the start run and the first
// timed run are chained — and a failed run is logged and tried again at the next time.
import { Cron } from 'croner';
import type { Clock } from '../calendar/clock.ts';
import type { Store } from '../store/open.ts';
import { runTick, type TickResult } from '../store/supervision-tick.ts';

export const TICK_PATTERN = '0 0 9 * * *';
export const TICK_TIMEZONE = 'Asia/Shanghai';

export interface SchedulerOptions {
  /** The job: by default the supervision tick on the store. */
  run: () => Promise<unknown>;
  /** croner's pattern (seconds first); the default is 09:00 daily. */
  pattern?: string;
  timezone?: string;
  runAtStart?: boolean;
  onError?: (error: unknown) => void;
}

export interface Scheduler {
  /** The next timed run. */
  nextRun(): Date | null;
  /** Resolves when the runs started so far have finished. */
  idle(): Promise<void>;
  /** No further runs; resolves when the current one has finished. */
  stop(): Promise<void>;
}

export function startScheduler(options: SchedulerOptions): Scheduler {
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;
  const once = () => {
    if (stopped) return chain;
    chain = chain.then(async () => {
      if (stopped) return;
      try {
        await options.run();
      } catch (e) {
        options.onError?.(e);
      }
    });
    return chain;
  };
  const job = new Cron(options.pattern ?? TICK_PATTERN, { timezone: options.timezone ?? TICK_TIMEZONE, protect: true }, () => once());
  if (options.runAtStart ?? true) void once();
  return {
    nextRun: () => job.nextRun(),
    idle: () => chain,
    stop: async () => {
      stopped = true;
      job.stop();
      await chain;
    },
  };
}

/** The supervision tick on a schedule, its results and failures said through `log`. */
export function startSupervisionScheduler(
  store: Pick<Store, 'db'>,
  clock: Clock,
  log: { info: (o: object, msg: string) => void; error: (o: object, msg: string) => void },
  options: Partial<Omit<SchedulerOptions, 'run' | 'onError'>> = {},
): Scheduler {
  return startScheduler({
    ...options,
    run: async () => {
      const result: TickResult = await runTick(store, { clock });
      if (result.days.length > 0) log.info({ days: result.days, notices: result.notices.length }, `督办文书：检查 ${result.days.length} 个工作日，签发 ${result.notices.length} 件`);
    },
    onError: (e) => log.error({ err: e }, '督办文书定时签发失败，将在下次定时重试'),
  });
}
