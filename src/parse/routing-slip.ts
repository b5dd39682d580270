// 文件批办单 — placeholder until the slip reader lands.
import type { ParseWarning, RoutingSlip } from '../types.ts';
import type { TextLine } from '../text/lines.ts';

export function readRoutingSlip(_lines: readonly TextLine[], _warnings: ParseWarning[]): RoutingSlip | null {
  return null;
}
