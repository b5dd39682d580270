// The version printed by `duban --version`: package.json's, read from the file (src/cli/ and the
// compiled dist/cli/ are both two folders below it), so there is one number, set by npm.
import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const version = (JSON.parse(text) as { version?: unknown }).version;
  return typeof version === 'string' ? version : '0.0.0';
}
