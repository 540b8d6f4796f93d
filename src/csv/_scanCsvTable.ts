/**
 * The engine of `readCsvTable`: finds the delimiter and the header row, then reads the rest of
 * the table one row at a time and gives each data row to `onRow` instead of keeping it, so that
 * a caller that turns rows into something else need not hold every row at once.
 */
import { tokenizeCsv } from './_tokenizeCsv.js';
import type { CsvDelimiter, CsvRow, CsvTable, ReadCsvTableOptions } from './readCsvTable.js';
import type { Issue } from '../model/SroiError.js';

/** What `scanCsvTable` returns: the table without its rows, or the problem that stopped it. */
export type ScanCsvTableResult =
  | {
      readonly ok: true;
      readonly table: Omit<CsvTable, 'rows'>;
      /** Data rows given to `onRow`. */
      readonly rowsRead: number;
      /** Whether `onRow` or `onHeader` stopped the reading by returning `false`. */
      readonly stopped: boolean;
    }
  | { readonly ok: false; readonly issue: Issue; readonly rowsRead: number };

/** The header row, as `scanCsvTable` gives it to `onHeader` before any data row. */
export interface CsvHeader {
  readonly delimiter: CsvDelimiter;
  readonly headers: readonly string[];
  readonly headerLine: number;
}

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];
const HEADER_SEARCH_ROWS = 30;
const SPREADSHEET_ERROR = /^#(?:[A-Z/0-9_]+[!?]|N\/A|GETTING_DATA)$/i;

/**
 * Reads CSV text as `readCsvTable` does, giving each data row (not blank, not a comment, below
 * the header) to `onRow` as it is read, after giving the header row to `onHeader`; stops early
 * when either returns `false`.
 *
 * @example
 * const lines: number[] = [];
 * const scan = scanCsvTable('name,value\n\nGrant,1\n# note\nGift,2\n', {
 *   scoreHeader: (cells) => cells.filter((c) => ['name', 'value'].includes(c)).length,
 * }, (row) => { lines.push(row.line); });
 * [lines, scan.rowsRead, scan.ok && scan.table.blankRows];
 * //=> [[3, 5], 2, 1]
 */
export function scanCsvTable(
  text: string,
  options: ReadCsvTableOptions,
  onRow: (row: CsvRow) => unknown,
  onHeader?: (header: CsvHeader) => unknown,
): ScanCsvTableResult {
  const file = options.file ?? 'table.csv';
  // trim() removes a byte-order mark and CR as well as spaces and LF.
  if (text.trim() === '') {
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
    // The header is the first row with the highest score; between delimiters, the higher score
    // wins, then the header with more filled cells, then the order `,` `;` tab.
    let index = 0;
    tokenizeCsv(text, delimiter, (cells) => {
      const score = options.scoreHeader(cells);
      const width = cells.filter((c) => c.trim() !== '').length;
      const better =
        best === undefined ||
        score > best.score ||
        (score === best.score && best.delimiter !== delimiter && width > best.width);
      if (better) best = { delimiter, index, score, width };
      index += 1;
      return index < HEADER_SEARCH_ROWS;
    });
  }
  if (best === undefined || best.score < minimum) {
    const firstLine =
      text
        .replace(/^\uFEFF/, '')
        .split(/\r\n?|\n/)
        .find((line) => line.trim() !== '') ?? '';
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
  let titleRows = 0;
  let blankRows = 0;
  let headers: readonly string[] = [];
  let headerLine = 1;
  const commentLines: number[] = [];
  let rowsRead = 0;
  let stopped = false;
  let index = 0;
  // Each record is sorted as it is read: no list of every record is kept.
  const end = tokenizeCsv(text, delimiter, (cells, line) => {
    if (index < headerIndex) {
      if (!isBlank(cells)) titleRows += 1;
    } else if (index === headerIndex) {
      headers = cells;
      headerLine = line;
      if (onHeader?.({ delimiter, headers, headerLine }) === false) stopped = true;
    } else if (isBlank(cells)) blankRows += 1;
    else if (isComment(cells)) commentLines.push(line);
    else {
      rowsRead += 1;
      if (onRow({ line, cells }) === false) stopped = true;
    }
    index += 1;
    return !stopped;
  });
  if (end.unclosedQuoteLine !== undefined) {
    const line = end.unclosedQuoteLine;
    return {
      ok: false,
      rowsRead: rowsRead + 1,
      issue: {
        code: 'csv_row',
        message: `a quoted cell in the row that starts on line ${line} is never closed: add the missing " (everything after it was read as one cell)`,
        path: [],
        file,
        line,
      },
    };
  }
  return {
    ok: true,
    stopped,
    rowsRead,
    table: {
      file,
      delimiter,
      headers,
      headerLine,
      titleRows,
      commentRows: commentLines.length,
      commentLines,
      blankRows,
    },
  };
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function isComment(cells: readonly string[]): boolean {
  const first = cells.find((cell) => cell.trim() !== '')?.trim() ?? '';
  return first.startsWith('#') && !SPREADSHEET_ERROR.test(first);
}
