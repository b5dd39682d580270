// The web application is built once: by `npm ci` (the root package's prepare script) or, when
// its files are missing (a checkout without install scripts), by `duban serve` at its first start
// — never per request.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_ROOT = join(REPO_ROOT, 'web', 'dist');

/** The folder of the built web application, building it first if needed; null when it cannot be built (the API still runs). */
export function ensureWebBuild(log: (line: string) => void): string | null {
  if (existsSync(join(WEB_ROOT, 'index.html'))) return WEB_ROOT;
  if (!existsSync(join(REPO_ROOT, 'web', 'package.json'))) return null;
  log('首次启动：正在构建网页（约需一分钟）…');
  // Under npm (npx), npm_execpath is npm's own script; otherwise npm is on the PATH.
  const npmCli = process.env.npm_execpath;
  const run = npmCli
    ? spawnSync(process.execPath, [npmCli, 'run', 'build:web'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
    : spawnSync('npm', ['run', 'build:web'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status === 0 && existsSync(join(WEB_ROOT, 'index.html'))) return WEB_ROOT;
  log('网页构建失败：仅提供接口（/api）。请运行 npm run build:web 查看原因。');
  return null;
}
