// Raw text → the cleaned line list every parser works on.
import { rebuildFlatTables } from '../text/flat-tables.ts';
import { dropRunningHeaders } from '../text/headers.ts';
import { splitLines, type DroppedLine, type LineStart, type TextLine } from '../text/lines.ts';

export interface Prepared {
  lines: TextLine[];
  dropped: DroppedLine[];
  lineCount: number;
}

/** A later part of a file (src/parse/windows.ts): where it starts, and the file's repeated header shapes. */
export interface PartOfFile {
  start: LineStart;
  repeated: ReadonlySet<string>;
}

export function prepare(raw: string, part?: PartOfFile): Prepared {
  const later = part !== undefined && part.start.line > 1;
  const split = splitLines(raw, later ? part.start : undefined);
  const headers = dropRunningHeaders(split.lines, part === undefined ? {} : { repeated: part.repeated, continuation: later });
  return {
    // Tables flattened to one cell per line become rows again before anything reads them.
    lines: rebuildFlatTables(headers.lines),
    dropped: [...split.dropped, ...headers.dropped].sort((a, b) => a.line - b.line),
    lineCount: split.lineCount,
  };
}
