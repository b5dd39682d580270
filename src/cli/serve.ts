// `duban serve`: the web application and its API over the store. Signs in with accounts kept in
// the store; with none yet, creates the first administrator (DUBAN_ADMIN_PASSWORD, or a random
// password printed once). Listens on 127.0.0.1 by default and answers only to the allowed host
// names; stops cleanly on SIGINT and SIGTERM, also when started through npx.
import type { Command } from 'commander';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { authSettingsFrom } from '../auth/settings.ts';
import type { Searcher } from '../store/search-pool.ts';
import { allowedHostsFor, DEFAULT_SERVER_SETTINGS, LOCAL_HOSTS, type ServerSettings } from '../server/settings.ts';
import { commandClock } from './clock-option.ts';
import { fileProblem } from './failure.ts';
import { ASSIGN_DAYS_OPTION, assignDaysProblem, assignWorkingDays } from './assign-days-option.ts';
import { OFFICE_OPTION, officeName, officeProblem } from './office-option.ts';
import { openStoreOrFail, storeTarget } from './store-target.ts';
import { ensureWebBuild } from './web-build.ts';

interface ServeOpts {
  port: string;
  host: string;
  public?: boolean;
  publicUrl?: string;
  allowedHost?: string[];
  logDir?: string;
  /** --no-scheduler: no timed 督办文书 (tests, a second server on the same store). */
  scheduler?: boolean;
  /** The watched inbox folder (签收 from a scanner's or an exchange system's output folder). */
  inbox?: string;
  /** How the supervising office signs its 督办文书 and 通报. */
  office?: string;
  /** Working days a 分办 gets when neither the clerk nor the document sets a deadline. */
  assignDays?: string;
}

const assignDays = (opts: ServeOpts) => assignWorkingDays(opts.assignDays);

const say = (line: string) => process.stderr.write(`${line}\n`);

/** Why the options cannot be served, or null. */
function optionProblem(opts: ServeOpts): string | null {
  if (!/^\d{1,5}$/.test(opts.port) || Number(opts.port) < 1 || Number(opts.port) > 65535) return `端口应为 1–65535 的整数，现为“${opts.port}”`;
  if (opts.publicUrl) {
    try {
      const u = new URL(opts.publicUrl);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return `--public-url 应以 http:// 或 https:// 开头：${opts.publicUrl}`;
    } catch {
      return `--public-url 不是有效的网址：${opts.publicUrl}`;
    }
  }
  const local = LOCAL_HOSTS.includes(opts.host.toLowerCase()) || opts.host === '[::1]';
  if (!local && !opts.publicUrl && !(opts.allowedHost?.length)) {
    return `监听 ${opts.host} 时须用 --public-url（如 https://duban.example.gov.cn）或 --allowed-host 说明用户访问的主机名，以防 DNS 重绑定攻击`;
  }
  if (assignDays(opts) === null) return assignDaysProblem(opts.assignDays);
  return officeProblem(opts.office);
}

/** Search worker threads from DUBAN_SEARCH_WORKERS: undefined when unset (the pool's default), null when not 0–16. */
function searchWorkers(value: string | undefined): number | undefined | null {
  if (value === undefined || value.trim() === '') return undefined;
  return /^\d{1,2}$/.test(value.trim()) && Number(value) <= 16 ? Number(value) : null;
}

/**
 * npx runs Duban as a child of npm, and npm does not pass SIGTERM on: stopping npx by its PID
 * would leave the server running. Under npx, the server stops when its parent is gone.
 */
function stopWithParent(stop: () => void): void {
  if (process.env.npm_command !== 'exec') return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 1000);
  timer.unref();
}

export function registerServeCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('启动督办（网页与接口）；首次启动时创建管理员账户 admin')
    .option('--port <port>', '端口', '8080')
    .option('--host <host>', '监听地址（默认只在本机）', '127.0.0.1')
    .option('--public', '开放公开政策文件库 /public（无需登录；也可设 DUBAN_PUBLIC=1）')
    .option('--public-url <url>', '用户访问督办的地址（经反向代理时；https 时 Cookie 加 Secure）')
    .option('--allowed-host <host...>', '另外允许的主机名（默认只允许 127.0.0.1 与 localhost）')
    .option('--log-dir <dir>', '访问日志目录（默认数据库所在目录下的 logs；也可设 DUBAN_LOG_DIR）')
    .option('--no-scheduler', '不定时签发督办文书、不自动催办逾期收文（默认每日北京时间9时及启动时执行）')
    .option(...OFFICE_OPTION)
    .option(...ASSIGN_DAYS_OPTION)
    .option('--inbox <dir>', '收文目录：自动签收登记放入此目录的文件（扫描仪或公文交换系统的输出目录；也可设 DUBAN_INBOX_DIR）')
    .action(async (opts: ServeOpts, command: Command) => {
      const problem = optionProblem(opts);
      if (problem) {
        say(`duban: ${problem}`);
        setExit(2);
        return;
      }
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      let auth;
      try {
        auth = authSettingsFrom(process.env);
      } catch (e) {
        say(`duban: ${(e as Error).message}`);
        setExit(2);
        return;
      }
      const workers = searchWorkers(process.env.DUBAN_SEARCH_WORKERS);
      if (workers === null) {
        say(`duban: DUBAN_SEARCH_WORKERS 应为 0–16 的整数（0：在主进程中检索），现为“${process.env.DUBAN_SEARCH_WORKERS}”`);
        setExit(2);
        return;
      }
      const store = await openStoreOrFail(command, setExit);
      if (store === null) return;
      // The server and its plugins load for this command only.
      const [{ createStream }, { ensureFirstAdmin, FIRST_ADMIN }, { countUsers }, { buildServer }, { inProcessSearcher, searcherFor }] = await Promise.all([
        import('rotating-file-stream'),
        import('../auth/bootstrap.ts'),
        import('../auth/users.ts'),
        import('../server/app.ts'),
        import('../store/search-pool.ts'),
      ]);

      const target = storeTarget(command);
      const logDir = resolve(opts.logDir ?? process.env.DUBAN_LOG_DIR ?? (store.dialect === 'sqlite' ? resolve(dirname(resolve(target)), 'logs') : 'logs'));
      try {
        mkdirSync(logDir, { recursive: true });
      } catch (e) {
        const problem = fileProblem(e);
        if (problem === null) throw e;
        say(`duban: 无法创建访问日志目录 ${logDir}：${problem}（请用 --log-dir 指定可写的目录）`);
        await store.close();
        setExit(2);
        return;
      }
      // Requests (method, address, status, time; never bodies, cookies or tokens) to a file that
      // turns over daily or at 10 MB, 14 files kept.
      const stream = createStream('duban.log', { path: logDir, size: '10M', interval: '1d', maxFiles: 14 });
      const settings: ServerSettings = {
        ...DEFAULT_SERVER_SETTINGS,
        allowedHosts: allowedHostsFor({ publicUrl: opts.publicUrl ?? null, allowedHosts: opts.allowedHost ?? [] }),
        publicUrl: opts.publicUrl ?? null,
        publicLibrary: opts.public === true || process.env.DUBAN_PUBLIC === '1',
        logDir,
        webRoot: ensureWebBuild(say),
        office: officeName(opts.office),
        assignWorkingDays: assignDays(opts)!,
        auth,
      };

      let first;
      try {
        first = await ensureFirstAdmin(store.db, process.env.DUBAN_ADMIN_PASSWORD, clock.now());
      } catch (e) {
        say(`duban: ${(e as Error).message}`);
        await store.close();
        setExit(2);
        return;
      }
      let searcher: Searcher;
      try {
        // DUBAN_SEARCH_CACHE=0: every search computed afresh (for measuring a search's own cost).
        searcher = workers === 0 ? inProcessSearcher(store) : await searcherFor(store, target, { workers, cacheEntries: process.env.DUBAN_SEARCH_CACHE === '0' ? 0 : undefined });
      } catch (e) {
        say(`duban: 无法启动检索进程：${(e as Error).message}`);
        await store.close();
        setExit(2);
        return;
      }
      const app = await buildServer({
        store,
        searcher,
        clock,
        settings,
        logger: { level: 'info', stream, redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'] },
      });

      let scheduler: { stop(): Promise<void> } | null = null;
      let inbox: { stop(): Promise<void> } | null = null;
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        void (async () => {
          await scheduler?.stop();
          await inbox?.stop();
          await app.close();
          await store.close();
          stream.end();
          process.exit(0);
        })();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      stopWithParent(stop);

      try {
        await app.listen({ port: Number(opts.port), host: opts.host });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        say(
          code === 'EADDRINUSE'
            ? `duban: 端口 ${opts.port} 已被占用：请换一个端口（--port ${Number(opts.port) + 1}）或先停止占用它的程序`
            : code === 'EACCES'
              ? `duban: 无权监听端口 ${opts.port}：请使用 1024 以上的端口`
              : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
                ? `duban: 本机没有地址 ${opts.host}：请检查 --host`
                : `duban: 无法启动服务：${(e as Error).message}`,
        );
        await app.close();
        await store.close();
        setExit(2);
        return;
      }

      if (opts.scheduler !== false) {
        const { startSupervisionScheduler } = await import('../server/scheduler.ts');
        const { mailerFrom } = await import('../notify/mail.ts');
        const mailer = mailerFrom(process.env);
        if (mailer.problem !== null) say(`duban: ${mailer.problem}`);
        else if (mailer.configured) say('督办文书邮件：已配置 SMTP，签发的文书将发往各单位设置的邮箱');
        scheduler = startSupervisionScheduler(store, clock, app.log, mailer.configured ? { mail: { sender: mailer, office: settings.office } } : {});
      }
      const inboxDir = opts.inbox ?? (process.env.DUBAN_INBOX_DIR?.trim() || undefined);
      if (inboxDir !== undefined) {
        const { InboxWatcher } = await import('../server/inbox.ts');
        const watcher = new InboxWatcher({ dir: resolve(inboxDir), store, clock, log: say });
        watcher.start();
        inbox = watcher;
        say(`收文目录：${resolve(inboxDir)}（放入的文件自动签收登记；子目录名为运转号系列，如 党、政）`);
      }

      const shown = opts.publicUrl ?? `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${opts.port}`;
      if (first?.generatedPassword) {
        say('────────────────────────────────────────────');
        say(`已创建管理员账户：用户名 ${FIRST_ADMIN}，初始密码 ${first.generatedPassword}`);
        say('此密码只显示这一次，首次登录后须修改。');
        say('────────────────────────────────────────────');
      }
      say(`数据库：${store.label}；访问日志：${logDir}`);
      if (settings.publicLibrary) say(`公开政策文件库：${shown}/public（无需登录）`);
      const how = first
        ? first.generatedPassword
          ? `用户名 ${FIRST_ADMIN}，密码见上方`
          : `用户名 ${FIRST_ADMIN}，密码为 DUBAN_ADMIN_PASSWORD 所设`
        : `用已有账户登录（共 ${await countUsers(store.db)} 个；忘记密码可运行 duban users passwd 用户名）`;
      say(`督办已启动：请在浏览器打开 ${shown}/ 登录（${how}）`);
      // Keep the command running until a signal closes the server.
      await new Promise<void>((done) => app.server.once('close', () => done()));
    });
}
