// The import rules (.dependency-cruiser.cjs, run by `npm run lint` inside `npm test`) bite: on
// test/fixtures/lint/, a tree that breaks each rule once, depcruise with the project's config
// fails and names every rule; on the real tree it passes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const fixture = join(root, 'test', 'fixtures', 'lint');
const depcruise = join(root, 'node_modules', '.bin', 'depcruise');
const config = join(root, '.dependency-cruiser.cjs');
const ruleNames: string[] = (createRequire(import.meta.url)(config) as { forbidden: { name: string }[] }).forbidden.map((r) => r.name);

function cruise(cwd: string, args: string[]) {
  const run = spawnSync(depcruise, ['--config', config, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw run.error;
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** Each probe of the fixture: the rule it breaks, the importing file, the imported one. */
const EXPECTED: [rule: string, from: string, to: string][] = [
  ['no-circular', 'src/text/a.ts', 'src/text/b.ts'],
  ['bottom-imports-only-bottom', 'src/calendar/iso-date.ts', 'src/parse/dates.ts'],
  ['directory-over-bottom', 'src/directory/index.ts', 'src/parse/dates.ts'],
  ['parse-below-extract', 'src/parse/index.ts', 'src/extract/index.ts'],
  ['extract-below-pipeline', 'src/extract/index.ts', 'src/links/refs.ts'],
  ['pipeline-over-stages', 'src/pipeline.ts', 'src/api/types.ts'],
  ['side-stages-over-parse', 'src/report/ledger.ts', 'src/links/refs.ts'],
  ['pure-stages-no-infrastructure', 'src/report/sql.ts', 'node_modules/kysely'],
  ['pure-stages-no-infrastructure', 'src/workflow/core.ts', 'src/store/writer.ts'],
  ['pure-stages-no-disk', 'src/extract/disk.ts', 'fs'],
  ['store-below-server', 'src/store/writer.ts', 'src/server/app.ts'],
  ['auth-below-server', 'src/auth/session.ts', 'src/cli/main.ts'],
  ['server-below-cli', 'src/server/app.ts', 'src/cli/main.ts'],
  ['pure-stages-no-infrastructure', 'src/workflow/notice.ts', 'src/notify/mail.ts'],
  ['notify-below-server', 'src/notify/mail.ts', 'src/server/app.ts'],
  ['migrations-frozen', 'src/store/migrations/0001_init.ts', 'src/types.ts'],
  ['web-through-api', 'web/src/app.ts', 'src/store/writer.ts'],
];

describe('the import rules', () => {
  it('fail on the fixture tree, naming every rule of the config', () => {
    const { status, out } = cruise(fixture, ['src', 'web']);
    expect(status).not.toBe(0);
    for (const name of ruleNames) expect(out, name).toContain(`error ${name}:`);
  });

  it('find exactly the probes of the fixture, and let its allowed imports pass', () => {
    const { out } = cruise(fixture, ['src', 'web', '--output-type', 'json']);
    const report = JSON.parse(out) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
    const found = report.summary.violations.map((v): [string, string, string] => [v.rule.name, v.from, v.to.replace(/^.*(node_modules\/[^/]+).*$/, '$1')]);
    const key = (v: readonly string[]) => v.join(' ');
    expect(found.map(key).sort()).toEqual(EXPECTED.map(key).sort());
  });

  it('probe every rule the config has (a new rule needs a probe in test/fixtures/lint/)', () => {
    expect([...new Set(EXPECTED.map(([rule]) => rule))].sort()).toEqual([...ruleNames].sort());
  });

  it('pass on the real tree, as `npm run lint` runs them', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const lint = pkg.scripts.lint!;
    expect(pkg.scripts.test, 'npm test runs the same lint').toContain(lint);
    const args = lint.split(/\s+/).slice(1);
    expect(args.slice(0, 2)).toEqual(['--config', '.dependency-cruiser.cjs']);
    // web/ is cruised once it exists (its rule is above); until then depcruise would refuse the path.
    if (existsSync(join(root, 'web'))) expect(args).toContain('web');
    const { status, out } = cruise(root, args.slice(2));
    expect(out).toContain('no dependency violations found');
    expect(status).toBe(0);
  });
});
