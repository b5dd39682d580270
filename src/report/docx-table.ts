// Bordered tables for the printed forms: fixed column widths in twips (so Word and WPS lay them out
// the same), single black borders, text in the faces of gbt9704.ts.
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import { FONTS, run, type OfficialFont } from './gbt9704.ts';

const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
export const CELL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE } as const;

export interface CellSpec {
  text: string;
  /** Columns this cell spans. */
  span?: number;
  bold?: boolean;
  font?: OfficialFont;
  align?: 'left' | 'center' | 'right';
  /** Extra lines under the text (several paragraphs in one cell). */
  lines?: readonly string[];
}

/** One cell's paragraphs: the text, then each extra line, at the given size. */
function cellParagraphs(spec: CellSpec, pt: number): Paragraph[] {
  const font = spec.font ?? FONTS.body;
  const alignment = spec.align === 'center' ? AlignmentType.CENTER : spec.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const texts = [spec.text, ...(spec.lines ?? [])];
  return texts.map(
    (text) =>
      new Paragraph({
        alignment,
        spacing: { line: Math.round(pt * 20 * 1.3), lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
        children: [run(text, { font, pt, ...(spec.bold === true ? { bold: true } : {}) })],
      }),
  );
}

export interface TableSpec {
  /** Column widths in twips; they should add up to the width of the type area. */
  widths: readonly number[];
  rows: readonly { cells: readonly CellSpec[]; height?: number; header?: boolean }[];
  /** Text size in points. */
  pt: number;
}

/** A fixed-layout bordered table; header rows repeat on each page. */
export function borderedTable(spec: TableSpec): Table {
  const total = spec.widths.reduce((a, b) => a + b, 0);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...spec.widths],
    borders: { ...CELL_BORDERS, insideHorizontal: LINE, insideVertical: LINE },
    rows: spec.rows.map((row) => {
      let column = 0;
      const cells = row.cells.map((cell) => {
        const span = cell.span ?? 1;
        const width = spec.widths.slice(column, column + span).reduce((a, b) => a + b, 0);
        column += span;
        return new TableCell({
          children: cellParagraphs(cell, spec.pt),
          columnSpan: span,
          width: { size: width, type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          borders: CELL_BORDERS,
          margins: { top: 40, bottom: 40, left: 80, right: 80 },
        });
      });
      return new TableRow({
        children: cells,
        tableHeader: row.header === true,
        cantSplit: true,
        ...(row.height === undefined ? {} : { height: { value: row.height, rule: HeightRule.ATLEAST } }),
      });
    }),
  });
}
