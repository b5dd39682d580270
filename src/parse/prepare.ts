// Raw text → the cleaned line list every parser works on.
import { dropRunningHeaders } from '../text/headers.ts';
import { splitLines, type DroppedLine, type TextLine } from '../text/lines.ts';

export interface Prepared {
  lines: TextLine[];
  dropped: DroppedLine[];
  lineCount: number;
}

export function prepare(raw: string): Prepared {
  const split = splitLines(raw);
  const headers = dropRunningHeaders(split.lines);
  return {
    lines: headers.lines,
    dropped: [...split.dropped, ...headers.dropped].sort((a, b) => a.line - b.line),
    lineCount: split.lineCount,
  };
}
