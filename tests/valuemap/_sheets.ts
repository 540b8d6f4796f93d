/**
 * Small Value Map workbooks and CSV sheets for the reader's tests, written cell by cell (the
 * workbook with sroi's own writer of .xlsx parts, so that merged ranges, formulas and their
 * saved results are exactly as given).
 */
import { readWorkbook } from '../../src/workbook/readWorkbook.js';
import { writeXlsx } from '../../src/workbook/_writeXlsx.js';
import { readValueMap } from '../../src/valuemap/readValueMap.js';
import type { ValueMapSources } from '../../src/valuemap/readValueMap.js';
import type { XlsxCell } from '../../src/workbook/_writeXlsx.js';

/** A cell: text, a number, or a formula with (or without) its saved result. */
export type Cell = string | number | null | { readonly f: string; readonly v?: number | string };

/** One sheet: its name, rows from row 1, merged ranges. */
export interface SheetSpec {
  readonly name?: string;
  readonly rows: readonly (readonly Cell[])[];
  readonly merges?: readonly string[];
}

/** The .xlsx bytes of sheets given cell by cell. */
export function workbookOf(...sheets: SheetSpec[]): Uint8Array {
  return writeXlsx(
    sheets.map((sheet, s) => ({
      name: sheet.name ?? (s === 0 ? 'Value Map' : `Sheet${s + 1}`),
      merges: sheet.merges ?? [],
      cells: sheet.rows.flatMap((cells, r) =>
        cells.flatMap((cell, c): XlsxCell[] => {
          const at = { row: r + 1, column: c + 1 };
          if (cell === null || cell === '') return [];
          if (typeof cell === 'number') return [{ ...at, value: { number: String(cell) } }];
          if (typeof cell === 'string') return [{ ...at, value: { text: cell } }];
          const value =
            cell.v === undefined
              ? {}
              : {
                  value: typeof cell.v === 'number' ? { number: String(cell.v) } : { text: cell.v },
                };
          return [{ ...at, formula: cell.f, ...value }];
        }),
      ),
    })),
  );
}

/** Reads sheets given cell by cell with `readValueMap`, as a workbook. */
export function readSheets(
  sheets: readonly SheetSpec[],
  more: Omit<ValueMapSources, 'workbook' | 'csv'> = {},
) {
  const read = readWorkbook(workbookOf(...sheets));
  if (read.workbook === undefined) throw new Error(JSON.stringify(read.issues));
  return readValueMap({ workbook: { workbook: read.workbook, issues: read.issues }, ...more });
}

/** Rows as CSV text (cells quoted when they hold the delimiter, a quote or a line end). */
export function csvOf(
  rows: readonly (readonly Cell[])[],
  delimiter = ',',
  newline = '\r\n',
): string {
  const quote = (text: string) =>
    text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  return (
    rows
      .map((cells) =>
        cells
          .map((cell) =>
            quote(
              cell === null ? '' : typeof cell === 'object' ? String(cell.v ?? '') : String(cell),
            ),
          )
          .join(delimiter),
      )
      .join(newline) + newline
  );
}
