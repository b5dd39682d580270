// The watched inbox folder: the output folder of a scanner or of a 公文交换 system, from which
// `duban serve --inbox DIR` signs for and registers every file that arrives (签收 and 登记), so the
// clerk does not carry files from one program to another. The folder is polled, not watched
// through the file system's events: network shares and some scanners' drivers do not deliver
// those, and a poll that sees a file twice with the same size and time knows the writer is done.
//   DIR/收到的文件.ofd            → registered in the default series
//   DIR/党/收到的文件.pdf         → registered in the series 党 (a sub-folder names the series)
//   DIR/已登记/2026-12-04/…       ← where a registered file is moved
//   DIR/未能登记/…  + ….原因.txt   ← a file that could not be registered, with the reason in Chinese
// A file is never left half-handled: it is moved only after its registration has committed (or
// been refused); a registration that fails for another reason (the store down) leaves the file
// where it was, and the next poll tries again.
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Clock } from '../calendar/clock.ts';
import { INPUT_EXTENSIONS } from '../input/read.ts';
import type { Actor } from '../store/audit.ts';
import { IncomingError } from '../store/incoming/errors.ts';
import { registerIncoming, type Registration } from '../store/incoming/register.ts';
import type { Store } from '../store/open.ts';
import { normalizeSeries } from '../workflow/incoming.ts';

export const REGISTERED_FOLDER = '已登记';
export const FAILED_FOLDER = '未能登记';
export const INBOX_ACTOR: Actor = { name: 'inbox' };
const REASON_SUFFIX = '.原因.txt';

export interface InboxOptions {
  dir: string;
  store: Store;
  clock: Clock;
  /** Between polls, ms. */
  intervalMs?: number;
  /** Told of each file handled, and of problems with the folder itself. */
  log?: (line: string) => void;
}

export interface InboxOutcome {
  file: string;
  series: string | null;
  registered: Registration | null;
  /** Why it was not registered (then the file is in 未能登记). */
  refused: string | null;
}

interface Seen {
  size: number;
  mtimeMs: number;
}

/** Files that are not a document yet: a writer's temporary names, hidden files, our own reasons. */
function ignored(name: string): boolean {
  if (name.startsWith('.') || name.startsWith('~$') || name.endsWith(REASON_SUFFIX)) return true;
  const ext = extname(name).toLowerCase();
  return ext === '.tmp' || ext === '.part' || ext === '.crdownload' || ext === '.partial';
}

/** A name in `folder` not yet taken: 文件.pdf, then 文件(2).pdf … */
async function freeName(folder: string, name: string): Promise<string> {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = join(folder, n === 1 ? name : `${stem}(${n})${ext}`);
    try {
      await stat(candidate);
    } catch {
      return candidate;
    }
  }
}

/** Candidate files of one poll: the top level (default series) and each series sub-folder. */
async function candidates(dir: string): Promise<{ path: string; series: string | null }[]> {
  const out: { path: string; series: string | null }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (ignored(entry.name)) continue;
    if (entry.isFile()) out.push({ path: join(dir, entry.name), series: null });
    else if (entry.isDirectory() && entry.name !== REGISTERED_FOLDER && entry.name !== FAILED_FOLDER && normalizeSeries(entry.name) !== null) {
      for (const inner of await readdir(join(dir, entry.name), { withFileTypes: true })) {
        if (inner.isFile() && !ignored(inner.name)) out.push({ path: join(dir, entry.name, inner.name), series: normalizeSeries(entry.name) });
      }
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export class InboxWatcher {
  private readonly seen = new Map<string, Seen>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<InboxOutcome[]> | null = null;
  private stopped = false;
  private folderProblem: string | null = null;

  constructor(private readonly options: InboxOptions) {}

  start(): void {
    const every = this.options.intervalMs ?? 5000;
    const loop = () => {
      if (this.stopped) return;
      void this.poll().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, every);
      });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.running;
  }

  /** One poll: registers every file that has not changed since the previous poll. Polls never overlap. */
  poll(): Promise<InboxOutcome[]> {
    if (this.running !== null) return this.running;
    this.running = this.pollOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private say(line: string): void {
    this.options.log?.(line);
  }

  private async pollOnce(): Promise<InboxOutcome[]> {
    const { dir } = this.options;
    let files;
    try {
      files = await candidates(dir);
      this.folderProblem = null;
    } catch (e) {
      const problem = `收文目录 ${dir} 无法读取：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '目录不存在' : (e as Error).message}`;
      if (problem !== this.folderProblem) this.say(problem); // once, not every five seconds
      this.folderProblem = problem;
      return [];
    }
    const outcomes: InboxOutcome[] = [];
    const present = new Set<string>();
    for (const file of files) {
      present.add(file.path);
      let info;
      try {
        info = await stat(file.path);
      } catch {
        continue; // moved away between the listing and now
      }
      const before = this.seen.get(file.path);
      this.seen.set(file.path, { size: info.size, mtimeMs: info.mtimeMs });
      // Still being written (or first seen): wait for a poll that finds it unchanged.
      if (before === undefined || before.size !== info.size || before.mtimeMs !== info.mtimeMs || info.size === 0) continue;
      const outcome = await this.handle(file.path, file.series);
      if (outcome !== null) {
        this.seen.delete(file.path);
        outcomes.push(outcome);
      }
    }
    for (const path of this.seen.keys()) if (!present.has(path)) this.seen.delete(path);
    return outcomes;
  }

  /** Registers one file and moves it; null when it must stay for the next poll. */
  private async handle(path: string, series: string | null): Promise<InboxOutcome | null> {
    const { dir, store, clock } = this.options;
    const name = basename(path);
    const known = INPUT_EXTENSIONS.includes(extname(name).toLowerCase());
    let registered: Registration | null = null;
    let refused: string | null = null;
    // The library knows a file by its path, and a later file at the same path replaces it: so the
    // document is imported under the path it is moved to, which no later arrival takes.
    const registeredFolder = join(dir, REGISTERED_FOLDER, clock.today());
    let target: string;
    try {
      await mkdir(registeredFolder, { recursive: true });
      target = await freeName(registeredFolder, name);
    } catch (e) {
      this.say(`收文目录：无法创建 ${registeredFolder}（${(e as Error).message}）`);
      return null;
    }
    try {
      if (!known) throw new IncomingError('unreadable', `不是可登记的文件格式（${extname(name) || '无扩展名'}）：请放入 .txt、.docx、.pdf、.html 或 .ofd 文件`);
      registered = await registerIncoming(store, { bytes: await readFile(path), name, path: target }, { actor: INBOX_ACTOR, clock, series, channel: '收文目录' });
    } catch (e) {
      if (!(e instanceof IncomingError)) {
        this.say(`收文目录：${name} 暂未登记（${(e as Error).message}），稍后重试`);
        return null;
      }
      refused = e.message;
    }
    try {
      if (registered !== null) {
        await rename(path, target);
        this.say(`收文目录：${name} 已登记，运转号 ${registered.incoming.serial}`);
      } else {
        const folder = join(dir, FAILED_FOLDER);
        await mkdir(folder, { recursive: true });
        const failed = await freeName(folder, name);
        await rename(path, failed);
        await writeFile(`${failed}${REASON_SUFFIX}`, `${refused}\n`, 'utf8');
        this.say(`收文目录：${name} 未能登记：${refused}`);
      }
    } catch (e) {
      // Registered but not moved: the next poll would find it again and be told it is a duplicate, which is moved.
      this.say(`收文目录：${name} 无法移走（${(e as Error).message}）`);
    }
    return { file: name, series, registered, refused };
  }
}
