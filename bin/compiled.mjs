// Whether dist/ (the JavaScript that `npm run build:cli` compiles from src/) is there and as new
// as the sources, and how to build it. Plain JavaScript: it runs before anything is compiled.
// Fresh means every file and folder under src/ (and the two tsconfig files) is older than the
// stamp the build leaves, dated when that build began — a source saved during a build, a
// checkout that changed files, a file added or removed (its folder's date changes) make it stale.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.built');
const INPUTS = ['tsconfig.json', 'tsconfig.build.json'];

function newestUnder(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** 'fresh', 'missing' (never built, or no sources to build from) or 'stale'. */
export function compiledState() {
  if (!existsSync(join(ROOT, 'src'))) return existsSync(join(DIST, 'cli', 'main.js')) ? 'fresh' : 'missing';
  if (!existsSync(STAMP)) return 'missing';
  const built = statSync(STAMP).mtimeMs;
  const newest = Math.max(newestUnder(join(ROOT, 'src')), ...INPUTS.filter((f) => existsSync(join(ROOT, f))).map((f) => statSync(join(ROOT, f)).mtimeMs));
  return newest <= built ? 'fresh' : 'stale';
}

/**
 * Compiles src/ into a clean dist/, file by file (TypeScript's transpileModule: no type checking,
 * which `npm run typecheck` does, and tsconfig.json's isolatedModules keeps every file safe to
 * compile alone). A whole-program tsc took ~12 s of CPU, this ~1 s. Returns 0 when built.
 */
export function buildCompiled({ quiet = false } = {}) {
  const began = new Date();
  const ts = createRequire(import.meta.url)('typescript');
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.build.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (parsed === undefined || parsed.errors.length > 0) {
    process.stderr.write('duban: tsconfig.build.json 无法读取\n');
    return 1;
  }
  rmSync(DIST, { recursive: true, force: true });
  // Each file alone is an ES module (package.json's type), so NodeNext's per-file format lookup is not needed.
  const options = { ...parsed.options, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: false, declaration: false };
  const srcDir = join(ROOT, 'src');
  const files = parsed.fileNames.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  let failed = 0;
  for (const file of files) {
    const out = join(DIST, relative(srcDir, file)).replace(/\.ts$/, '.js');
    const result = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file, reportDiagnostics: true });
    for (const d of result.diagnostics ?? []) {
      failed++;
      process.stderr.write(`${relative(ROOT, file)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}\n`);
    }
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, result.outputText.replace(/\/\/# sourceMappingURL=.*$/m, `//# sourceMappingURL=${basename(out)}.map`));
    if (result.sourceMapText) writeFileSync(`${out}.map`, result.sourceMapText);
  }
  if (failed > 0) return 1;
  writeFileSync(STAMP, `${began.toISOString()}\n`);
  utimesSync(STAMP, began, began);
  if (!quiet) process.stdout.write(`已编译 ${files.length} 个文件到 dist/\n`);
  return 0;
}
