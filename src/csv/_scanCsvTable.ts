/**
 * The engine of `readCsvTable`: finds the delimiter and the header row, then reads the rest of
 * the table one row at a time and gives each data row to `onRow` instead of keeping it, so that
 * a caller that turns rows into something else need not hold every row at once. Records come
 * from csv-parse (`_csvRecords.ts`); the text is read once, after the header search.
 */
import { csvRecords } from './_csvRecords.js';
import { shown } from '../schema/_shown.js';
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
/** How much of the text the header search reads first (30 rows of most tables fit in it). */
const SEARCH_PREFIX = 1 << 14;
const SPREADSHEET_ERROR = /^#(?:[A-Z/0-9_]+[!?]|N\/A|GETTING_DATA)$/i;

/**
 * Reads CSV text as `readCsvTable` does, giving each data row (not blank, not a comment, below
 * the header) to `onRow` as it is read, with the number of line ends inside its quoted cells, after giving the header row to `onHeader`; stops early
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
  onRow: (row: CsvRow, lineEnds: number) => unknown,
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
  // The header search reads the first rows only: the start of the text, longer when they do not
  // fit in it.
  for (const delimiter of candidates) {
    // The header is the first row with the highest score; between delimiters, the higher score
    // wins, then the header with more filled cells, then the order `,` `;` tab.
    const search = (within: number) => {
      let index = 0;
      let found: typeof best;
      const end = csvRecords(
        text,
        delimiter,
        (cells) => {
          const score = options.scoreHeader(cells);
          if (found === undefined || score > found.score) {
            found = { delimiter, index, score, width: filledCells(cells) };
          }
          index += 1;
        },
        { limit: HEADER_SEARCH_ROWS, within },
      );
      return { found, complete: end.records >= HEADER_SEARCH_ROWS || within >= text.length };
    };
    let within = SEARCH_PREFIX;
    let attempt = search(within);
    while (!attempt.complete) {
      within *= 4;
      attempt = search(within);
    }
    const found = attempt.found;
    if (found !== undefined && (best === undefined || beats(found, best))) best = found;
  }
  if (best === undefined || best.score < minimum) {
    const firstLine = firstFilledLine(text);
    // A line holding NUL characters is not text (a binary file, or /proc/self/environ named by
    // mistake): none of it is shown, since what it holds may be anything, secrets included.
    const binary = firstLine.includes('\u0000');
    return {
      ok: false,
      rowsRead: 0,
      issue: {
        code: 'csv_header',
        message: `no header row found in the first ${HEADER_SEARCH_ROWS} lines: expected column names such as those of \`sroi template\`; ${binary ? 'the first line holds NUL characters, so the file is not text (its content is not shown)' : `the first line reads ${shown(firstLine)}`}`,
        path: [],
        file,
        line: 1,
        ...(binary ? {} : { received: firstLine }),
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
  const end = csvRecords(text, delimiter, (cells, line, lineEnds) => {
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
      if (onRow({ line, cells }, lineEnds) === false) stopped = true;
    }
    index += 1;
    return !stopped;
  });
  if (end.error !== undefined) {
    return {
      ok: false,
      rowsRead: rowsRead + 1,
      issue: { code: 'csv_row', message: end.error.message, path: [], file, line: end.error.line },
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

/** Whether `found` is a better header than `best` from an earlier delimiter. */
function beats(
  found: { readonly score: number; readonly width: number },
  best: { readonly score: number; readonly width: number },
): boolean {
  return found.score > best.score || (found.score === best.score && found.width > best.width);
}

function filledCells(cells: readonly string[]): number {
  let filled = 0;
  for (const cell of cells) if (cell.trim() !== '') filled += 1;
  return filled;
}

/** The first line of the text with something on it, without its byte-order mark, cut short. */
function firstFilledLine(text: string): string {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end += 1;
    const line = text.slice(start, end);
    if (line.trim() !== '') return line.length > 200 ? line.slice(0, 200) : line;
    start = end + 1;
  }
  return '';
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

function isComment(cells: readonly string[]): boolean {
  for (const cell of cells) {
    const first = cell.trim();
    if (first !== '') return first.startsWith('#') && !SPREADSHEET_ERROR.test(first);
  }
  return false;
}
