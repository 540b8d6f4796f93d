/**
 * The rows of one table (outcomes or inputs) turned into read records, one row at a time, each
 * problem located at its cell: file, physical line, the header as written and the raw cell. It
 * knows nothing of where the rows come from — CSV text today (`readCsvAnalysis`), a sheet of a
 * workbook next — only of rows of cells with their line (a sheet's row number), the header and
 * the matched columns; a row's `lineEnds` (line ends inside its cells, 0 for a sheet) says when
 * a cell's line is below the row's. Each row is read by the reader built from the field table, as a JSON outcome
 * or input is, and only the read record and the few raw cells that the checks spanning records
 * may point at are kept, never the row itself.
 */
import { shown } from '../schema/_shown.js';
import { CROSS_FIELD_PATHS } from '../schema/_crossFieldIssues.js';
import type { CsvColumn } from './csvColumns.js';
import type { ColumnMatch } from './matchColumns.js';
import type { CsvRow } from './readCsvTable.js';
import type { CellsReader, Path, ReadPath, ReportIssue } from '../schema/_readerRuntime.js';
import type { Issue } from '../model/SroiError.js';

/** What `tableRows` needs to know of a table. */
export interface TableRowsOptions {
  readonly which: 'outcomes' | 'inputs';
  readonly file: string;
  /** The header cells as written. */
  readonly headers: readonly string[];
  readonly match: ColumnMatch;
  /** The reader of one record (an outcome or an input) from its cells, built from the field table. */
  readonly read: CellsReader;
  /** The file is separated by `;`, where `1.200` and `1,200` are ambiguous (docs/csv-format.md). */
  readonly semicolons: boolean;
  /** The delimiter as messages name it, when the rows come from delimited text. */
  readonly delimiter?: string;
  /** Where each issue goes. */
  readonly report: ReportIssue;
  /** Where a cell is, when not `file:line` (a sheet's cell is `'Value Map'!C12`). */
  readonly place?: CellPlace;
}

/** How the issues of a table's rows name their place. */
export interface CellPlace {
  /**
   * The `file` and `line` an issue carries for the cell at `position` of the row on `line`
   * (`position` undefined: the row itself).
   */
  readonly cell: (line: number, position: number | undefined) => CellAt;
  /** How a message names the row on `line`: `line 12`, `row 12`. */
  readonly row: (line: number) => string;
}

/** Where a cell is, as an issue carries it. */
export interface CellAt {
  readonly file: string;
  readonly line?: number;
}

/** The place of a cell of delimited text: `file:line`. */
export function textPlace(file: string): CellPlace {
  return { cell: (line) => ({ file, line }), row: (line) => `line ${line}` };
}

/** The rows of a table, read. */
export interface TableRows {
  /** Reads one data row; `lineEnds` counts the line ends inside its cells. */
  add(row: CsvRow, lineEnds: number): void;
  /** The read records of the rows that could be read, in order (an outcome's index is its place here). */
  readonly records: readonly unknown[];
  /** How many data rows were named by an issue. */
  rejected(): number;
  /** Locates an issue found by the checks that span records (path `[which, index, …]`). */
  locate(issue: Issue): Issue;
  /** How a message names the record at `index`: its line. */
  placeOf(index: number): string;
  /** Whether some row added so far has a value in the column that fills this field (`deadweight`). */
  filled(field: string): boolean;
}

/** Marks a cell whose problem is already reported, so that the record reader refuses it quietly. */
const REPORTED: Readonly<Record<string, never>> = Object.freeze({});

/**
 * Reads the rows of a table whose header has been matched to its columns.
 *
 * @example
 * const headers = ['stakeholder', 'Value £', 'Notes'];
 * const table = { file: 'o.csv', delimiter: ',', headers, headerLine: 1, titleRows: 0,
 *   commentRows: 0, commentLines: [], blankRows: 0, rows: [] } as const;
 * // A reader of cells that keeps them: the values come in the order of its fields.
 * const read = { fields: ['proxy.value', 'stakeholder'], read: (cells) => ({ cells: [...cells] }) };
 * const rows = tableRows({ which: 'outcomes', file: 'o.csv', headers, semicolons: false,
 *   match: matchColumns(table, outcomeColumns), read, report: () => undefined });
 * rows.add({ line: 2, cells: ['Older people', ' £5 ', 'not read'] }, 0);
 * rows.records;
 * //=> [{ cells: ['£5', 'Older people'] }]
 */
export function tableRows(options: TableRowsOptions): TableRows {
  const { which, file, headers, match, read, semicolons, report } = options;
  const place = options.place ?? textPlace(file);
  const delimiter = options.delimiter === '\t' ? 'tab' : (options.delimiter ?? ',');
  const columns = match.columns;
  const width = lastFilled(headers) + 1;
  // A field's place in a row, by its path; the required fields whose column is missing.
  const positionOf = new Map<string, number>();
  columns.forEach((column, index) => {
    if (column !== undefined) positionOf.set(column.path.join('.'), index);
  });
  const missing = new Set(match.missing.map((column) => column.path.join('.')));
  const keptPositions = CROSS_FIELD_PATHS.map((path) => positionOf.get(path));
  // The positions that fill a field, and the place of each one's value in the reader's cells.
  const used: number[] = [];
  const slotOf: number[] = [];
  columns.forEach((column, p) => {
    if (column === undefined) return;
    const slot = read.fields.indexOf(column.path.join('.'));
    if (slot === -1) throw new Error(`no field of the table reads the column ${column.name}`);
    used.push(p);
    slotOf.push(slot);
  });
  // One row's values, for the reader of cells; the same array serves every row (a reader never
  // keeps it).
  const values = new Array<unknown>(read.fields.length).fill(undefined);
  // The used positions no row has a value in yet: most are filled by the first row, so after it
  // the check costs nothing on a row.
  let unfilled = used.slice();
  const records: unknown[] = [];
  // Where each record's row was: its line, and the raw cells (and their lines, for a row with
  // cells on several lines) of the columns the cross-record checks read, in flat lists.
  const lines: number[] = [];
  const kept: (string | undefined)[] = [];
  const keptLines = new Map<number, number[]>();
  const rejectedRecords = new Set<number>();
  let rejectedRows = 0;
  const blankHeaders = headers.map((header) => header.trim() === '');
  const anyBlankHeader = blankHeaders.slice(0, width).includes(true);

  const position = (path: Path): number | undefined => {
    const rest = path.slice(2);
    return positionOf.get(rest.join('.')) ?? positionOf.get(String(rest[0]));
  };
  const fieldOf = (path: Path): string => path.slice(2).join('.');

  // The row being read, for the one reporter that locates its issues.
  let row: CsvRow = { line: 0, cells: [] };
  let rowLineEnds = 0;
  let bad = false;
  let reported: Set<number> | undefined;
  const rowReport: ReportIssue = (issue) => {
    const at = position(issue.path);
    if (at !== undefined && reported?.has(at) === true) return; // said already, at its cell
    if (issue.code === 'required' && missing.has(fieldOf(issue.path))) return; // said at the header
    bad = true;
    report(atCell(issue, row, at, headers, place, rowLineEnds));
  };
  const path: ReadPath = [which, 0];

  return {
    records,
    rejected: () => rejectedRows + rejectedRecords.size,
    filled: (field) => {
      const at = positionOf.get(field);
      return at !== undefined && !unfilled.includes(at);
    },
    placeOf: (index) => {
      const line = lines[index];
      return line === undefined ? 'line ?' : place.row(line);
    },
    add(next, lineEnds) {
      // The usual row is as wide as the header, under headers with no gap: nothing to check.
      const cells = next.cells;
      const usual = !anyBlankHeader && cells.length >= width && lastFilled(cells) < width;
      const problems = usual
        ? undefined
        : rowProblems(next, lineEnds, headers, blankHeaders, width, delimiter, place);
      if (problems !== undefined) {
        for (const problem of problems) report(problem);
        rejectedRows += 1;
        return;
      }
      row = next;
      rowLineEnds = lineEnds;
      bad = false;
      reported = undefined;
      const index = records.length;
      // Every used slot is written on every row; the other slots stay undefined.
      for (let i = 0; i < used.length; i += 1) {
        const p = used[i] as number;
        const slot = slotOf[i] as number;
        const text = (cells[p] ?? '').trim();
        if (text === '') {
          values[slot] = undefined;
          continue;
        }
        let value: unknown = text;
        const column = columns[p] as CsvColumn;
        if (column.list === true) value = text.split(/[;|]/).map((part) => part.trim());
        else if (semicolons && column.numeric === 'fraction') value = withDecimalPoint(text);
        else if (semicolons && column.numeric === 'amount' && isAmbiguous(text)) {
          report(ambiguous(column, next, p, headers, place, lineEnds));
          (reported ??= new Set()).add(p);
          bad = true;
          value = REPORTED;
        }
        values[slot] = value;
      }
      if (unfilled.length > 0) unfilled = unfilled.filter((p) => (cells[p] ?? '').trim() === '');
      path[1] = index;
      records.push(read.read(values, path, rowReport));
      lines.push(next.line);
      for (const p of keptPositions) kept.push(p === undefined ? undefined : cells[p]);
      if (lineEnds > 0) {
        keptLines.set(
          index,
          keptPositions.map((p) => (p === undefined ? next.line : lineOfCell(next, p))),
        );
      }
      if (bad) rejectedRecords.add(index);
    },
    locate(issue) {
      const index = issue.path[1];
      const line = typeof index === 'number' ? lines[index] : undefined;
      if (line === undefined || typeof index !== 'number') return issue;
      rejectedRecords.add(index);
      const at = position(issue.path);
      const k = keptPositions.findIndex((p) => p !== undefined && p === at);
      const header = at === undefined ? undefined : headers[at];
      const raw = k === -1 ? undefined : kept[index * keptPositions.length + k];
      return {
        ...issue,
        ...place.cell(k === -1 ? line : (keptLines.get(index)?.[k] ?? line), at),
        ...(header === undefined ? {} : { column: header }),
        ...(raw === undefined ? {} : { received: raw }),
      };
    },
  };
}

/** An issue of one row put at its cell: file, line, header as written, raw cell. */
function atCell(
  issue: Issue,
  row: CsvRow,
  at: number | undefined,
  headers: readonly string[],
  place: CellPlace,
  lineEnds: number,
): Issue {
  if (at === undefined) return { ...issue, ...place.cell(row.line, undefined) };
  const header = headers[at];
  const raw = row.cells[at];
  return {
    ...issue,
    ...place.cell(lineEnds === 0 ? row.line : lineOfCell(row, at), at),
    ...(header === undefined ? {} : { column: header }),
    ...(raw === undefined ? {} : { received: raw }),
  };
}

/**
 * `1.200` or `1,200` (an optional sign, bracket or euro sign around it): digits grouped by three
 * after one kind of separator, the first group not `0`. In a `;` file that can be one thousand
 * two hundred or 1.2. A pound or dollar sign marks an English number (`£1,200`), which is not
 * ambiguous, and `0.125` cannot be a thousands grouping. A loop, not a pattern: it takes time
 * linear in the cell, whatever the cell holds.
 */
export function isAmbiguous(cell: string): boolean {
  let text = cell;
  if (text.startsWith('-') || text.startsWith('(')) text = text.slice(1);
  if (text.endsWith(')')) text = text.slice(0, -1);
  text = text.trim();
  if (text.startsWith('€')) text = text.slice(1).trim();
  if (text.endsWith('€')) text = text.slice(0, -1).trim();
  let i = 0;
  while (i < text.length && isDigit(text.charCodeAt(i))) i += 1;
  if (i === 0 || i > 3 || text.charCodeAt(0) === ZERO) return false;
  const separator = text[i];
  if (separator !== '.' && separator !== ',') return false;
  while (i < text.length) {
    if (text[i] !== separator) return false;
    for (let k = 1; k <= 3; k += 1) if (!isDigit(text.charCodeAt(i + k))) return false;
    i += 4;
  }
  return true;
}

const ZERO = 48;
const isDigit = (code: number) => code >= ZERO && code <= 57;

/**
 * A fraction cell of a `;` file with its decimal comma as a point: `0,125` reads 0.125 and
 * `12,5%` reads 12.5 %. A fraction is never in the thousands, so a separator there can only be
 * the decimal mark (docs/csv-format.md).
 */
function withDecimalPoint(text: string): string {
  const comma = text.indexOf(',');
  if (comma === -1 || text.indexOf(',', comma + 1) !== -1 || text.includes('.')) return text;
  return `${text.slice(0, comma)}.${text.slice(comma + 1)}`;
}

function ambiguous(
  column: CsvColumn,
  row: CsvRow,
  at: number,
  headers: readonly string[],
  place: CellPlace,
  lineEnds: number,
): Issue {
  const cell = row.cells[at] ?? '';
  return {
    code: 'invalid_number',
    message: `${column.name} ${shown(cell)} is ambiguous in a file separated by semicolons, where 1.200 can mean one thousand two hundred and 1,200 can mean 1.2: write it without a thousands separator (1200, or 1.2)`,
    path: [],
    ...place.cell(lineEnds === 0 ? row.line : lineOfCell(row, at), at),
    column: headers[at] ?? column.name,
    received: cell,
  };
}

/** How many extra cells a ragged-row message names. */
const NAMED_CELLS = 3;

/** Ragged rows and values under no header: the row cannot be read safely. `undefined` if none. */
function rowProblems(
  row: CsvRow,
  lineEnds: number,
  headers: readonly string[],
  blankHeaders: readonly boolean[],
  width: number,
  delimiter: string,
  place: CellPlace,
): readonly Issue[] | undefined {
  const cells = row.cells;
  if (cells.length >= width && lastFilled(cells) < width) {
    // The usual row: no problem unless a column without a header holds a value.
    let clean = true;
    for (let index = 0; index < width && clean; index += 1) {
      if (blankHeaders[index] === true && !isBlank(cells[index])) clean = false;
    }
    if (clean) return undefined;
  }
  const path: string[] = [];
  const filledWidth = lastFilled(cells) + 1;
  if (cells.length < width) {
    return [
      {
        code: 'csv_row',
        message: `the row has ${cells.length} cells but the header has ${width}: a delimiter is missing, or a cell holds an unquoted "${delimiter}"; the row is not read`,
        path,
        ...place.cell(row.line, undefined),
        received: cells.join(delimiter === 'tab' ? '\t' : delimiter),
      },
    ];
  }
  if (filledWidth > width) {
    const extra: string[] = [];
    let first = -1;
    let count = 0;
    for (let i = width; i < cells.length; i += 1) {
      if (isBlank(cells[i])) continue;
      if (first === -1) first = i;
      count += 1;
      if (extra.length < NAMED_CELLS) extra.push(shown(cells[i]));
    }
    const more = count > NAMED_CELLS ? ` and ${count - NAMED_CELLS} more` : '';
    return [
      {
        code: 'csv_row',
        message: `the row has values beyond the last header column (${extra.join(', ')}${more}): a cell holds an unquoted "${delimiter}", or a header is missing; the row is not read`,
        path,
        ...place.cell(lineEnds === 0 ? row.line : lineOfCell(row, first), first),
        received: cells.join(delimiter === 'tab' ? '\t' : delimiter),
      },
    ];
  }
  const problems: Issue[] = [];
  headers.forEach((header, index) => {
    const cell = cells[index] ?? '';
    if (header.trim() === '' && cell.trim() !== '') {
      problems.push({
        code: 'csv_row',
        message: `column ${index + 1} has no header but this row has a value there (${shown(cell)}); give the column a header, or move the value; the row is not read`,
        path,
        ...place.cell(lineEnds === 0 ? row.line : lineOfCell(row, index), index),
        received: cell,
      });
    }
  });
  return problems.length > 0 ? problems : undefined;
}

function isBlank(cell: string | undefined): boolean {
  return cell === undefined || cell.trim() === '';
}

/** The index of the last cell with something in it, or -1. */
export function lastFilled(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i -= 1) if ((cells[i] ?? '').trim() !== '') return i;
  return -1;
}

/** The physical line of a cell: the row's line plus the newlines in the cells before it. */
function lineOfCell(row: CsvRow, index: number): number {
  let line = row.line;
  for (let i = 0; i < index && i < row.cells.length; i += 1) {
    const cell = row.cells[i] ?? '';
    for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) line += 1;
  }
  return line;
}
