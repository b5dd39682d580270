// When bin/duban.mjs may run the compiled dist/ and when it must run the sources: the freshness
// rule of bin/compiled.mjs, on a copy of it in a checkout of its own (real files, real dates).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const checkout = mkdtempSync(join(tmpdir(), 'duban-build-'));
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

function state(): string {
  const script = `import(${JSON.stringify(join(checkout, 'bin', 'compiled.mjs'))}).then((m) => process.stdout.write(m.compiledState()))`;
  return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout;
}

/** Sets a file's or folder's date, seconds from now. */
function dated(path: string, secondsFromNow: number): void {
  const t = new Date(Date.now() + secondsFromNow * 1000);
  utimesSync(path, t, t);
}

describe('the compiled command', () => {
  it('is fresh only when built after every change to src/, else the sources run', () => {
    mkdirSync(join(checkout, 'bin'));
    copyFileSync(join(root, 'bin', 'compiled.mjs'), join(checkout, 'bin', 'compiled.mjs'));
    mkdirSync(join(checkout, 'src', 'cli'), { recursive: true });
    writeFileSync(join(checkout, 'src', 'cli', 'main.ts'), 'export {};\n');
    writeFileSync(join(checkout, 'tsconfig.json'), '{}\n');
    for (const p of ['src/cli/main.ts', 'src/cli', 'src', 'tsconfig.json']) dated(join(checkout, p), -60);
    expect(state()).toBe('missing');

    mkdirSync(join(checkout, 'dist', 'cli'), { recursive: true });
    writeFileSync(join(checkout, 'dist', 'cli', 'main.js'), 'export {};\n');
    expect(state()).toBe('missing'); // compiled, but by no finished build (no stamp)
    writeFileSync(join(checkout, 'dist', '.built'), '');
    dated(join(checkout, 'dist', '.built'), -30);
    expect(state()).toBe('fresh');

    dated(join(checkout, 'src', 'cli', 'main.ts'), -10); // edited after the build
    expect(state()).toBe('stale');
    dated(join(checkout, 'src', 'cli', 'main.ts'), -60);
    rmSync(join(checkout, 'src', 'cli', 'main.ts')); // removed: its folder's date moves
    expect(state()).toBe('stale');
    dated(join(checkout, 'src', 'cli'), -60);
    expect(state()).toBe('fresh');
    dated(join(checkout, 'tsconfig.json'), -10); // the compiler's settings changed
    expect(state()).toBe('stale');
  });
});
