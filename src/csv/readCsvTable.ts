import { scanCsvTable } from './_scanCsvTable.js';
import { normaliseHeader } from './normaliseHeader.js';
import type { Issue } from '../model/SroiError.js';

/** A delimiter that `readCsvTable` detects. */
export type CsvDelimiter = ',' | ';' | '\t';

/** One data row of a CSV table, with where it sits in the file. */
export interface CsvRow {
  /** The physical line (1-based) on which the row starts. */
  readonly line: number;
  /** The cells as written (not trimmed). */
  readonly cells: readonly string[];
}

/** Options of `readCsvTable`. */
export interface ReadCsvTableOptions {
  /** The file name that issues carry (default `'table.csv'`). */
  readonly file?: string;
  /**
   * Scores a candidate header row: how many different known columns its cells name. The header
   * is the first of the first 30 rows with the highest score, which must be at least
   * `minimumHeaderScore`; rows above it are title rows.
   */
  readonly scoreHeader: (cells: readonly string[]) => number;
  /** Default 2. */
  readonly minimumHeaderScore?: number;
  /** Use this delimiter instead of detecting one. */
  readonly delimiter?: CsvDelimiter;
}

/** A CSV table split into its header and data rows; nothing is dropped without being counted. */
export interface CsvTable {
  readonly file: string;
  readonly delimiter: CsvDelimiter;
  /** The header cells as written. */
  readonly headers: readonly string[];
  /** The physical line of the header row. */
  readonly headerLine: number;
  /** Non-blank rows above the header (titles, notes). */
  readonly titleRows: number;
  /** Rows below the header whose first filled cell starts with `#` (not spreadsheet errors). */
  readonly commentRows: number;
  /** The physical line of each of those comment rows, so that a report can name them. */
  readonly commentLines: readonly number[];
  /** Rows below the header whose cells are all blank. */
  readonly blankRows: number;
  /** Every other row below the header. */
  readonly rows: readonly CsvRow[];
}

/** What `readCsvTable` returns: the table, or the one problem that stopped it being read. */
export type ReadCsvTableResult =
  | { readonly ok: true; readonly table: CsvTable }
  | { readonly ok: false; readonly issue: Issue; readonly rowsRead: number };

/**
 * Reads CSV text as a spreadsheet writes it (docs/csv-format.md): a UTF-8 byte-order mark, CRLF or CR
 * line ends, `,` `;` or tab as the delimiter (detected from the rows that look most like a
 * header), title rows above the header (the header row is found), quoted cells with newlines,
 * blank rows and comment rows. Cells are never converted: every cell stays text. Line numbers
 * are physical lines of the file, so a cell after a quoted newline still has the right line.
 *
 * @example
 * const read = readCsvTable('My charity\r\nname;value\r\nGrant;"1,200"\r\n', {
 *   scoreHeader: (cells) => cells.filter((c) => ['name', 'value'].includes(c)).length,
 * });
 * read.ok ? [read.table.delimiter, read.table.headerLine, read.table.rows] : read.issue;
 * //=> [';', 2, [{ line: 3, cells: ['Grant', '1,200'] }]]
 */
export function readCsvTable(text: string, options: ReadCsvTableOptions): ReadCsvTableResult {
  const rows: CsvRow[] = [];
  const scan = scanCsvTable(text, options, (row) => {
    rows.push(row);
  });
  if (!scan.ok) return scan;
  return { ok: true, table: { ...scan.table, rows } };
}

/** Counts the different columns a row's cells name, given normalised known headers. */
export function headerScorer(known: ReadonlyMap<string, string>) {
  return (cells: readonly string[]): number => {
    const found = new Set<string>();
    for (const cell of cells) {
      const column = known.get(normaliseHeader(cell));
      if (column !== undefined) found.add(column);
    }
    return found.size;
  };
}
