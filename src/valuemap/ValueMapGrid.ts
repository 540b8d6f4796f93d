/**
 * A sheet as the Value Map reader reads it: rows of cells as text, each row with its number (a
 * sheet's row, or the physical line of a CSV record), whether it comes from a workbook or from a
 * whole sheet exported as CSV. The two sources differ only in how a cell is named in a message
 * (`'Value Map'!C12`, or `map.csv:12 [Deadweight %]`), in merged ranges (a sheet's) and in the
 * formulas that hold no saved result (a workbook's).
 */
import { csvRecords } from '../csv/_csvRecords.js';
import { textPlace } from '../csv/_tableRows.js';
import { cellAddress, cellReference } from '../workbook/cellAddress.js';
import type { CellPlace } from '../csv/_tableRows.js';
import type { CsvDelimiter } from '../csv/readCsvTable.js';
import type { CellRange, WorkbookIssue, WorkbookSheet } from '../workbook/Workbook.js';

/** One row of a grid that holds at least one cell. */
export interface GridRow {
  /** The sheet's row number, or the physical line on which the CSV record starts. */
  readonly row: number;
  /** Line ends inside the row's quoted cells (CSV); 0 for a sheet's row. */
  readonly lineEnds: number;
  /** The cells' text from column A on, `''` where blank. */
  readonly cells: readonly string[];
}

/** A sheet, or a whole sheet exported as CSV, as rows of text cells. */
export interface ValueMapGrid {
  readonly kind: 'sheet' | 'csv';
  /** The sheet's name, or the CSV file as the user gave it. */
  readonly name: string;
  readonly rows: readonly GridRow[];
  /** A sheet's merged ranges (only a range's first cell holds its value). */
  readonly merges: readonly CellRange[];
  /** The formulas without a saved result, by address (`C12`), each with its issue. */
  readonly uncached: ReadonlyMap<string, WorkbookIssue>;
  /** The delimiter a CSV grid was split on. */
  readonly delimiter?: CsvDelimiter;
  /** Why a CSV grid ends early: a quote never closed, on the line its record starts. */
  readonly unreadable?: { readonly line: number; readonly message: string };
}

/**
 * A worksheet's cells as a grid; `issues` are `readWorkbook`'s, of which those of formulas with
 * no saved result are kept by address.
 */
export function sheetGrid(sheet: WorkbookSheet, issues: readonly WorkbookIssue[]): ValueMapGrid {
  const rows: GridRow[] = sheet.rows.map((row) => {
    const cells: string[] = [];
    for (const cell of row.cells) {
      while (cells.length < cell.column - 1) cells.push('');
      cells.push(cell.value);
    }
    return { row: row.row, lineEnds: 0, cells };
  });
  const uncached = new Map<string, WorkbookIssue>();
  for (const issue of issues) {
    if (issue.code === 'no_cached_value' && issue.sheet === sheet.name && issue.cell !== undefined)
      uncached.set(issue.cell, issue);
  }
  return { kind: 'sheet', name: sheet.name, rows, merges: sheet.merges, uncached };
}

/** How many records the delimiter is chosen from. */
const DELIMITER_SEARCH = 100;
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * CSV text — a whole sheet as Excel, LibreOffice or Google Sheets export it — as a grid, split on
 * the delimiter under which `score` finds the best header in the first hundred records (ties:
 * `,` then `;` then tab). Blank records are left out; quoted cells keep their line ends.
 */
export function csvGrid(
  text: string,
  file: string,
  score: (cells: readonly string[]) => number,
): ValueMapGrid {
  let best: { delimiter: CsvDelimiter; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    let found = -1;
    csvRecords(
      text,
      delimiter,
      (cells) => {
        found = Math.max(found, score(cells));
      },
      { limit: DELIMITER_SEARCH },
    );
    if (found > best.score) best = { delimiter, score: found };
  }
  const rows: GridRow[] = [];
  const end = csvRecords(text, best.delimiter, (cells, line, lineEnds) => {
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ row: line, lineEnds, cells });
  });
  return {
    kind: 'csv',
    name: file,
    rows,
    merges: [],
    uncached: new Map(),
    delimiter: best.delimiter,
    ...(end.error === undefined ? {} : { unreadable: end.error }),
  };
}

/** How a message names the grid as a whole: the sheet (`'Value Map'`), or the CSV file. */
export function gridName(grid: ValueMapGrid): string {
  return grid.kind === 'csv' ? grid.name : cellReference(grid.name);
}

/** How the issues and notes of a grid name a cell and a row. */
export function gridPlace(grid: ValueMapGrid): CellPlace {
  if (grid.kind === 'csv') return textPlace(grid.name);
  return {
    cell: (row, position) => ({
      file: cellReference(
        grid.name,
        position === undefined ? `${row}:${row}` : cellAddress(row, position + 1),
      ),
    }),
    row: (row) => `row ${row}`,
  };
}
