// The one error a reader throws for a file it cannot read; its message is shown to the user as is.
import type { ParseWarning } from '../types.ts';

export class InputError extends Error {
  override name = 'InputError';
}

/** What a reader makes of a file's bytes. */
export interface ReadResult {
  text: string;
  warnings: ParseWarning[];
}
