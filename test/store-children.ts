// Runs test/store-import-child.ts in child processes, for the store's concurrency and fault tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const childScript = join(import.meta.dirname, 'store-import-child.ts');

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Child {
  process: ChildProcess;
  /** Resolves when a line of stdout starts with `prefix` (with that line). */
  line(prefix: string): Promise<string>;
  /** Writes a line to the child's stdin. */
  send(line?: string): void;
  done: Promise<ChildResult>;
}

/** Starts the child on `target` with `args` (files and options); `wrap` runs it through bash (e.g. 'ulimit -f 64'); `script` is another child than the importer. */
export function startChild(target: string, args: readonly string[], options: { wrap?: string; env?: NodeJS.ProcessEnv; script?: string } = {}): Child {
  const argv = ['--import', 'tsx', options.script ?? childScript, target, ...args];
  const child = options.wrap
    ? spawn('bash', ['-c', `${options.wrap}; exec "$0" "$@"`, process.execPath, ...argv], { cwd: root, env: { ...process.env, ...options.env } })
    : spawn(process.execPath, argv, { cwd: root, env: { ...process.env, ...options.env } });
  let stdout = '';
  let stderr = '';
  const waiters: { prefix: string; resolve: (line: string) => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      const line = stdout.split('\n').find((l) => l.startsWith(w.prefix));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
    check();
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<ChildResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return {
    process: child,
    line: (prefix) =>
      new Promise<string>((resolve, reject) => {
        waiters.push({ prefix, resolve });
        check();
        void done.then((r) => reject(new Error(`the child ended (${r.code ?? r.signal}) before "${prefix}": ${r.stdout} ${r.stderr}`)));
      }),
    send: (line = 'go') => child.stdin!.write(`${line}\n`),
    done,
  };
}

/** Runs children at one instant: each announces "ready", then all are told to go together. */
export async function runTogether(runs: { target: string; args: readonly string[] }[]): Promise<ChildResult[]> {
  const children = runs.map((r) => startChild(r.target, ['--wait-go', ...r.args]));
  await Promise.all(children.map((c) => c.line('ready')));
  for (const c of children) c.send();
  return Promise.all(children.map((c) => c.done));
}
