// The scheduler inside `duban serve`: the supervision tick (三单一函) and the automatic 催办 of
// 收文 assignments past their deadline every day at 09:00 Beijing time and once at start, so a server that was down catches up as soon as it is back. It runs
// every day, not only working days: the tick itself knows the calendar (a rest day has nothing to
// tick, and the next working day catches up). Runs never overlap — the start run and the first
// timed run are chained — and a failed run is logged and tried again at the next time.
import { Cron } from 'croner';
import type { Clock } from '../calendar/clock.ts';
import type { Store } from '../store/open.ts';
import { deliverNotices, type NoticeSender } from '../store/supervision/mail.ts';
import { runTick, type TickResult } from '../store/supervision-tick.ts';
import { autoUrgeAssignments } from '../store/incoming/assign.ts';

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

export interface SupervisionSchedulerOptions extends Partial<Omit<SchedulerOptions, 'run' | 'onError'>> {
  /** Mail the notices after each tick (and those whose mail failed before), signed by `office`. */
  mail?: { sender: NoticeSender; office: string };
}

/**
 * The supervision tick on a schedule, then the mail of what it issued (and of what earlier runs
 * could not send); results and failures said through `log`.
 */
export function startSupervisionScheduler(
  store: Pick<Store, 'db' | 'dialect'>,
  clock: Clock,
  log: { info: (o: object, msg: string) => void; warn?: (o: object, msg: string) => void; error: (o: object, msg: string) => void },
  options: SupervisionSchedulerOptions = {},
): Scheduler {
  const { mail, ...timing } = options;
  return startScheduler({
    ...timing,
    run: async () => {
      const result: TickResult = await runTick(store, { clock });
      if (result.days.length > 0) log.info({ days: result.days, notices: result.notices.length }, `督办文书：检查 ${result.days.length} 个工作日，签发 ${result.notices.length} 件`);
      const urged = await autoUrgeAssignments(store, clock);
      if (urged.length > 0) log.info({ urged: urged.length }, `收文催办：逾期未答复的承办 ${urged.length} 项已自动催办`);
      if (mail === undefined || !mail.sender.configured) return;
      const delivered = await deliverNotices(store.db, mail.sender, mail.office, clock);
      if (delivered.sent.length > 0) log.info({ sent: delivered.sent.length }, `督办文书：邮件发出 ${delivered.sent.length} 件`);
      for (const f of delivered.failed) (log.warn ?? log.error)({ notice: f.number, address: f.address }, `督办文书 ${f.number} 的邮件未发出：${f.error}`);
    },
    onError: (e) => log.error({ err: e }, '督办文书定时签发失败，将在下次定时重试'),
  });
}
