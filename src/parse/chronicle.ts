// 大事记 — placeholder until the chronicle reader lands.
import type { ChronicleEntry, ParseWarning } from '../types.ts';
import type { TextLine } from '../text/lines.ts';

export function readChronicle(_lines: readonly TextLine[], _year: number | string | null, _warnings: ParseWarning[]): ChronicleEntry[] {
  return [];
}
