// What every `duban supervise …` command that works on the store does around its own work: open
// the existing store (or say why not), run, answer a refusal of the supervision core
// (SupervisionError: an unknown document, a bad month, an unknown unit …) in one Chinese line with
// exit 2, and close the store whatever happened.
import type { Command } from 'commander';
import type { Store } from '../store/open.ts';
import { openStoreOrFail } from './store-target.ts';

export async function withSupervisionStore(command: Command, setExit: (code: number) => void, work: (store: Store) => Promise<void>): Promise<void> {
  const store = await openStoreOrFail(command, setExit, 'existing');
  if (store === null) return;
  const { SupervisionError } = await import('../workflow/errors.ts');
  try {
    await work(store);
  } catch (e) {
    if (!(e instanceof SupervisionError)) throw e;
    process.stderr.write(`duban: ${e.message}\n`);
    setExit(2);
  } finally {
    await store.close();
  }
}
