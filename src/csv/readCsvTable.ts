import { parse } from 'csv-parse/sync';
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

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];
const HEADER_SEARCH_ROWS = 30;
const SPREADSHEET_ERROR = /^#(?:[A-Z/0-9_]+[!?]|N\/A|GETTING_DATA)$/i;

/**
 * Reads CSV text as a spreadsheet writes it (DESIGN §4): a UTF-8 byte-order mark, CRLF or CR
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
  const file = options.file ?? 'table.csv';
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalised.trim() === '') {
    return {
      ok: false,
      rowsRead: 0,
      issue: {
        code: 'csv_header',
        message: 'the file is empty: expected a header row and one row per record',
        path: [],
        file,
      },
    };
  }
  const minimum = options.minimumHeaderScore ?? 2;
  const candidates = options.delimiter === undefined ? DELIMITERS : [options.delimiter];
  let best: { delimiter: CsvDelimiter; index: number; score: number; width: number } | undefined;
  for (const delimiter of candidates) {
    const head = records(normalised, delimiter, HEADER_SEARCH_ROWS);
    // The header is the first row with the highest score; between delimiters, the higher score
    // wins, then the header with more filled cells, then the order `,` `;` tab.
    head.records.forEach((cells, index) => {
      const score = options.scoreHeader(cells);
      const width = cells.filter((c) => c.trim() !== '').length;
      const better =
        best === undefined ||
        score > best.score ||
        (score === best.score && best.delimiter !== delimiter && width > best.width);
      if (better) best = { delimiter, index, score, width };
    });
  }
  if (best === undefined || best.score < minimum) {
    const firstLine = normalised.split('\n').find((line) => line.trim() !== '') ?? '';
    return {
      ok: false,
      rowsRead: 0,
      issue: {
        code: 'csv_header',
        message: `no header row found in the first ${HEADER_SEARCH_ROWS} lines: expected column names such as those of \`sroi template\`; the first line reads ${JSON.stringify(firstLine.slice(0, 120))}`,
        path: [],
        file,
        line: 1,
        received: firstLine,
      },
    };
  }
  const { delimiter, index: headerIndex } = best;
  const all = records(normalised, delimiter);
  const ends = all.ends;
  const lineOf = (index: number): number => (index === 0 ? 1 : (ends[index - 1] ?? 0) + 1);
  let titleRows = 0;
  let blankRows = 0;
  const commentLines: number[] = [];
  const rows: CsvRow[] = [];
  all.records.forEach((cells, index) => {
    if (index < headerIndex) {
      if (!isBlank(cells)) titleRows += 1;
      return;
    }
    if (index === headerIndex) return;
    if (isBlank(cells)) blankRows += 1;
    else if (isComment(cells)) commentLines.push(lineOf(index));
    else rows.push({ line: lineOf(index), cells });
  });
  if (all.error !== undefined) {
    return {
      ok: false,
      rowsRead: rows.length + 1,
      issue: {
        code: 'csv_row',
        message: all.error.message,
        path: [],
        file,
        line: all.error.line,
      },
    };
  }
  const headers = all.records[headerIndex] ?? [];
  return {
    ok: true,
    table: {
      file,
      delimiter,
      headers,
      headerLine: lineOf(headerIndex),
      titleRows,
      commentRows: commentLines.length,
      commentLines,
      blankRows,
      rows,
    },
  };
}

interface Records {
  readonly records: string[][];
  /** The physical line on which each record ends. */
  readonly ends: number[];
  readonly error?: { readonly message: string; readonly line: number };
}

function records(text: string, delimiter: CsvDelimiter, to?: number): Records {
  // The text has only LF line ends, and blank lines are kept as records, so a record spans one
  // line plus one for each line break inside its (quoted) cells: lines are counted here rather
  // than asked of the parser, whose per-record info is slow.
  const options = {
    delimiter,
    cast: false,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    ...(to === undefined ? {} : { to }),
  } as const;
  let out: string[][] = [];
  let error: Records['error'];
  try {
    out = parse(text, options) as string[][];
  } catch (caught) {
    // Read again, keeping each record as it comes, to know how far the text was valid. (The
    // callback makes csv-parse build per-record context, which is slow: only on this path.)
    out = [];
    try {
      parse(text, {
        ...options,
        on_record: (record: string[]) => {
          out.push(record);
          return null;
        },
      });
    } catch {
      // the same error as above
    }
    const e = caught as { code?: string; message?: string };
    const ends = lineEnds(out);
    const line = (ends[ends.length - 1] ?? 0) + 1;
    const message =
      e.code === 'CSV_QUOTE_NOT_CLOSED'
        ? `a quoted cell in the row that starts on line ${line} is never closed: add the missing " (everything after it was read as one cell)`
        : `the file is not valid CSV from line ${line}: ${e.message ?? String(caught)}`;
    error = { message, line };
  }
  return { records: out, ends: lineEnds(out), ...(error === undefined ? {} : { error }) };
}

function lineEnds(rows: readonly (readonly string[])[]): number[] {
  const ends: number[] = [];
  let line = 0;
  for (const cells of rows) {
    line += 1;
    for (const cell of cells) {
      if (cell.includes('\n')) line += cell.split('\n').length - 1;
    }
    ends.push(line);
  }
  return ends;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function isComment(cells: readonly string[]): boolean {
  const first = cells.find((cell) => cell.trim() !== '')?.trim() ?? '';
  return first.startsWith('#') && !SPREADSHEET_ERROR.test(first);
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
