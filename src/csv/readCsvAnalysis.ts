import { inputColumns, outcomeColumns } from './csvColumns.js';
import { findColumn, matchColumns } from './matchColumns.js';
import { normaliseHeader } from './normaliseHeader.js';
import { headerScorer, readCsvTable } from './readCsvTable.js';
import { fastInput, fastOutcome } from '../schema/_fastPath.js';
import { completeFastParse, safeParseAnalysis } from '../schema/parseAnalysis.js';
import { scanCsvTable } from './_scanCsvTable.js';
import type { CsvColumn } from './csvColumns.js';
import type { ColumnMatch } from './matchColumns.js';
import type { ParsedInput } from '../schema/_fastPath.js';
import type { CsvNote } from './CsvNote.js';
import type { CsvDelimiter, CsvRow, CsvTable } from './readCsvTable.js';
import type { Analysis } from '../model/analysis.js';
import type { Issue } from '../model/SroiError.js';
import type { ParseAnalysisOptions } from '../schema/parseAnalysis.js';

/** One CSV file's text and the name its issues are reported under. */
export interface CsvSource {
  readonly text: string;
  /** The file name as the user gave it, e.g. `outcomes.csv`; issues carry it. */
  readonly file: string;
}

/** What `readCsvAnalysis` reads. */
export interface CsvAnalysisSources {
  readonly outcomes: CsvSource;
  readonly inputs?: CsvSource;
  /**
   * Everything else of the analysis as JSON (docs/model.md): `name`, `currency`, `priceYear`,
   * `discount`, `horizon`, `stakeholders`, and `inputs` as a list when there is no inputs file.
   */
  readonly settings?: Readonly<Record<string, unknown>>;
  /**
   * Headers to read a field from, field → header, for exports whose headers are their own:
   * `{ outcome: 'Result', proxy_value: 'Unit cost' }`. Applies to both tables.
   */
  readonly columns?: Readonly<Record<string, string>>;
}

/** Options of `readCsvAnalysis`. */
export type ReadCsvAnalysisOptions = ParseAnalysisOptions;

/** How the rows of one table were accounted for: `rowsRead = rowsUsed + rowsRejected`. */
export interface CsvTableAccounting {
  readonly file: string;
  /** The detected delimiter, or `null` when the file could not be read. */
  readonly delimiter: CsvDelimiter | null;
  /** Physical line of the header row, or `null` when none was found. */
  readonly headerLine: number | null;
  /** Non-blank data rows below the header (blank and comment rows are not data rows). */
  readonly rowsRead: number;
  /** Rows with no problem of their own in a table whose header is sound. */
  readonly rowsUsed: number;
  /** Rows named by at least one issue, or every row when the table itself has a problem. */
  readonly rowsRejected: number;
  readonly blankRows: number;
  readonly commentRows: number;
  readonly titleRows: number;
}

/** What `readCsvAnalysis` returns. */
export type ReadCsvAnalysisResult = {
  /** Per table; `inputs` is absent when no inputs file was given. */
  readonly tables: {
    readonly outcomes: CsvTableAccounting;
    readonly inputs?: CsvTableAccounting;
  };
  /** Ignored columns and other things done that are not errors. */
  readonly notes: readonly CsvNote[];
} & (
  | { readonly success: true; readonly analysis: Analysis; readonly issues: readonly [] }
  | { readonly success: false; readonly issues: readonly Issue[] }
);

/** What the row checks read of a table. */
type TableShape = Pick<CsvTable, 'file' | 'delimiter' | 'headers'>;

interface TableWork {
  readonly which: 'outcomes' | 'inputs';
  readonly file: string;
  readonly table?: CsvTable;
  readonly columns: readonly (CsvColumn | undefined)[];
  readonly missing: readonly CsvColumn[];
  readonly fatal: boolean;
  /** Rows that went into the JSON analysis, in order. */
  readonly used: CsvRow[];
  readonly rejected: Set<CsvRow>;
  readonly rowsRead: number;
}

/**
 * Reads an analysis kept as two CSV tables — `outcomes.csv` and optionally `inputs.csv`
 * (docs/csv-format.md) — plus its settings, validates it with `safeParseAnalysis`, and locates every problem in
 * the files: each issue carries the file, the physical line, the column header as written and
 * the raw cell. Nothing is lost: each non-blank data row is in the analysis or named by an
 * issue, and `tables` says how many rows were read, used and rejected. It never throws for bad
 * input and reads no files (give it the text).
 *
 * @example
 * const read = readCsvAnalysis({
 *   outcomes: {
 *     file: 'outcomes.csv',
 *     text: 'Stakeholder;Outcome;Quantity;Value £;Duration;Deadweight %\nOlder people;Less isolated;40;"£1,000";3;25\n',
 *   },
 *   settings: { name: 'Befriending' },
 * });
 * read.issues.map(formatIssue);
 * //=> ['outcomes.csv:2 [Deadweight %]: deadweight must be a fraction from 0 to 1, got "25" (write 25% or 0.25)']
 */
export function readCsvAnalysis(
  sources: CsvAnalysisSources,
  options: ReadCsvAnalysisOptions = {},
): ReadCsvAnalysisResult {
  // Files with no problem are read in one streaming pass; any problem, and the full reading runs.
  return readValidQuickly(sources, options) ?? readCsvAnalysisInFull(sources, options);
}

/**
 * `readCsvAnalysis` without its one-pass reading of valid files: every row kept as cells, then
 * as JSON, then validated, and every issue located. For any file `readValidQuickly` accepts, it
 * gives the same result (`tests/csv/corpus.test.ts` checks that on every valid file). @internal
 */
export function readCsvAnalysisInFull(
  sources: CsvAnalysisSources,
  options: ReadCsvAnalysisOptions = {},
): ReadCsvAnalysisResult {
  const mapping = sources.columns ?? {};
  const issues: Issue[] = [];
  const notes: CsvNote[] = [];
  for (const field of unknownMappedFields(mapping)) {
    issues.push({
      code: 'csv_header',
      message: `the column mapping names an unknown field ${JSON.stringify(field)} (fields: ${[...new Set([...outcomeColumns, ...inputColumns].map((c) => c.name))].join(', ')})`,
      path: ['columns', field],
      received: field,
    });
  }

  const outcomes = readTable('outcomes', sources.outcomes, outcomeColumns, mapping, issues, notes);
  const inputs =
    sources.inputs === undefined
      ? undefined
      : readTable('inputs', sources.inputs, inputColumns, mapping, issues, notes);
  unusedMappingNotes(sources, outcomes.table, inputs?.table, notes);

  const settings = { ...(sources.settings ?? {}) };
  const json: Record<string, unknown> = { ...settings, outcomes: toObjects(outcomes) };
  if (inputs !== undefined) json['inputs'] = toObjects(inputs);
  const parsed = safeParseAnalysis(json, options);
  const dated = (json['outcomes'] as { proxy?: { priceYear?: unknown } }[]).filter(
    (o) => o.proxy?.priceYear !== undefined,
  ).length;
  priceYearsNote(sources, dated, notes);
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      if (issue.path.length === 1 && issue.path[0] === 'outcomes' && issue.code === 'required') {
        // No outcome rows: said once, at the header, unless the table already has its problem.
        if (!issues.some((i) => i.file === sources.outcomes.file)) {
          issues.push({
            code: 'required',
            message: 'the outcomes table has no data rows, so there is nothing to value',
            path: ['outcomes'],
            file: sources.outcomes.file,
            ...(outcomes.table === undefined ? {} : { line: outcomes.table.headerLine }),
          });
        }
        continue;
      }
      const located = locate(issue, outcomes, inputs);
      if (located !== undefined) issues.push(located);
    }
  }
  issues.sort(byPlace);
  const tables = {
    outcomes: account(outcomes),
    ...(inputs === undefined ? {} : { inputs: account(inputs) }),
  };
  if (issues.length === 0 && parsed.success) {
    return { success: true, analysis: parsed.analysis, issues: [], tables, notes };
  }
  return { success: false, issues, tables, notes };
}

/** Fields of the column mapping that name no column of either table. */
function unknownMappedFields(mapping: Readonly<Record<string, string>>): string[] {
  return Object.keys(mapping).filter(
    (field) =>
      findColumn(outcomeColumns, field) === undefined &&
      findColumn(inputColumns, field) === undefined,
  );
}

/** The normalised headers that name each column, the mapping's included. */
function knownHeaders(
  columns: readonly CsvColumn[],
  mapping: Readonly<Record<string, string>>,
): Map<string, string> {
  const known = new Map<string, string>();
  for (const column of columns) {
    for (const name of [column.name, ...column.aliases])
      known.set(normaliseHeader(name), column.name);
  }
  for (const [field, header] of Object.entries(mapping)) {
    const column = findColumn(columns, field);
    if (column !== undefined) known.set(normaliseHeader(header), column.name);
  }
  return known;
}

/** A note for each mapped header that is in neither table. */
function unusedMappingNotes(
  sources: CsvAnalysisSources,
  outcomes: TableShape | undefined,
  inputs: TableShape | undefined,
  notes: CsvNote[],
): void {
  for (const [field, header] of Object.entries(sources.columns ?? {})) {
    const known =
      findColumn(outcomeColumns, field) !== undefined ||
      findColumn(inputColumns, field) !== undefined;
    const key = normaliseHeader(header);
    const inTable = [outcomes, inputs].some((t) =>
      t?.headers.some((h) => normaliseHeader(h) === key),
    );
    if (known && !inTable && (outcomes !== undefined || inputs !== undefined)) {
      notes.push({
        code: 'unused_mapping',
        message: `the column mapping ${field}=${header} is not used: no column ${JSON.stringify(header)} in ${[sources.outcomes.file, sources.inputs?.file].filter((f) => f !== undefined).join(' or ')}`,
        file: sources.outcomes.file,
      });
    }
  }
}

/** A note when rows give proxy price years but the analysis has no price year. */
function priceYearsNote(sources: CsvAnalysisSources, dated: number, notes: CsvNote[]): void {
  if (dated > 0 && sources.settings?.['priceYear'] === undefined) {
    notes.push({
      code: 'price_years_not_used',
      message: `${dated} row${dated === 1 ? ' gives' : 's give'} a proxy_price_year but the analysis has no price year, so no proxy is rebased; set one (--price-year or "priceYear") to put every proxy on one price base`,
      file: sources.outcomes.file,
    });
  }
}

/** One table read by `readValidQuickly`: its layout and its rows, each already read. */
interface QuickTable<T> {
  readonly table: Omit<CsvTable, 'rows'>;
  readonly read: T[];
}

/**
 * The whole of `readCsvAnalysis` for files without a single problem, in one streaming pass:
 * each row goes from its cells to its JSON form to its validated form at once, and only the
 * validated form is kept, so that the cells and the JSON form of every row are never held
 * together (W5 in docs/performance.md). `undefined` at the first thing that would be an issue;
 * the full reading then runs and reports every issue. For a file it accepts it gives exactly
 * what the full reading gives (`tests/csv/corpus.test.ts` checks that on every valid file).
 * @internal
 */
export function readValidQuickly(
  sources: CsvAnalysisSources,
  options: ReadCsvAnalysisOptions,
): ReadCsvAnalysisResult | undefined {
  const mapping = sources.columns ?? {};
  if (unknownMappedFields(mapping).length > 0) return undefined;
  const notes: CsvNote[] = [];
  const outcomes = readTableQuickly(
    'outcomes',
    sources.outcomes,
    outcomeColumns,
    mapping,
    notes,
    fastOutcome,
  );
  if (outcomes === undefined) return undefined;
  const settings = sources.settings ?? {};
  let inputs: QuickTable<ParsedInput> | undefined;
  let inputList: ParsedInput[] | undefined;
  if (sources.inputs !== undefined) {
    inputs = readTableQuickly('inputs', sources.inputs, inputColumns, mapping, notes, fastInput);
    if (inputs === undefined) return undefined;
    inputList = inputs.read;
  } else if (settings['inputs'] !== undefined) {
    const given = settings['inputs'];
    if (!Array.isArray(given)) return undefined;
    inputList = [];
    for (const raw of given) {
      const input = fastInput(raw);
      if (input === undefined) return undefined;
      inputList.push(input);
    }
  }
  unusedMappingNotes(sources, outcomes.table, inputs?.table, notes);
  const analysis = completeFastParse(settings, outcomes.read, inputList, options);
  if (analysis === undefined) return undefined;
  let dated = 0;
  for (const outcome of outcomes.read) if (outcome.proxy.priceYear !== undefined) dated += 1;
  priceYearsNote(sources, dated, notes);
  const tables = {
    outcomes: accounting(sources.outcomes.file, outcomes.table, outcomes.read.length, 0),
    ...(inputs === undefined
      ? {}
      : { inputs: accounting(inputs.table.file, inputs.table, inputs.read.length, 0) }),
  };
  return { success: true, analysis, issues: [], tables, notes };
}

/** One table for `readValidQuickly`: `undefined` at its first problem. */
function readTableQuickly<T>(
  which: 'outcomes' | 'inputs',
  source: CsvSource,
  columns: readonly CsvColumn[],
  mapping: Readonly<Record<string, string>>,
  notes: CsvNote[],
  readRow: (object: Record<string, unknown>) => T | undefined,
): QuickTable<T> | undefined {
  let shape: TableShape = { file: source.file, delimiter: ',', headers: [] };
  let match: ColumnMatch | undefined;
  let width = 0;
  const read: T[] = [];
  const scan = scanCsvTable(
    source.text,
    { file: source.file, scoreHeader: headerScorer(knownHeaders(columns, mapping)) },
    (row) => {
      if (match === undefined || rowProblems(row, shape, width).length > 0) return false;
      if (shape.delimiter === ';' && ambiguousNumbers(row, shape, match.columns).length > 0) {
        return false;
      }
      const value = readRow(toObject(row, match.columns, which));
      if (value === undefined) return false;
      read.push(value);
      return true;
    },
    (header) => {
      shape = { file: source.file, delimiter: header.delimiter, headers: header.headers };
      const table = {
        ...shape,
        headerLine: header.headerLine,
        titleRows: 0,
        commentRows: 0,
        commentLines: [],
        blankRows: 0,
        rows: [],
      };
      match = matchColumns(table, columns, mapping);
      width = lastFilled(header.headers) + 1;
      return match.issues.length === 0;
    },
  );
  if (!scan.ok || scan.stopped || match === undefined) return undefined;
  tableNotes(scan.table, match, scan.rowsRead, notes);
  return { table: scan.table, read };
}

function readTable(
  which: 'outcomes' | 'inputs',
  source: CsvSource,
  columns: readonly CsvColumn[],
  mapping: Readonly<Record<string, string>>,
  issues: Issue[],
  notes: CsvNote[],
): TableWork {
  const read = readCsvTable(source.text, {
    file: source.file,
    scoreHeader: headerScorer(knownHeaders(columns, mapping)),
  });
  const empty = {
    which,
    file: source.file,
    columns: [],
    missing: [],
    used: [],
    rejected: new Set<CsvRow>(),
  };
  if (!read.ok) {
    issues.push(read.issue);
    return { ...empty, fatal: true, rowsRead: read.rowsRead };
  }
  const table = read.table;
  const match = matchColumns(table, columns, mapping);
  issues.push(...match.issues);
  tableNotes(table, match, table.rows.length, notes);
  // A header problem other than a missing optional column makes every row unusable.
  const fatal = match.issues.length > 0;
  const width = lastFilled(table.headers) + 1;
  const used: CsvRow[] = [];
  const rejected = new Set<CsvRow>();
  for (const row of table.rows) {
    let problems = rowProblems(row, table, width);
    if (problems.length === 0 && table.delimiter === ';') {
      problems = ambiguousNumbers(row, table, match.columns);
    }
    if (problems.length === 0) used.push(row);
    else {
      rejected.add(row);
      issues.push(...problems);
    }
  }
  return {
    which,
    file: table.file,
    table,
    columns: match.columns,
    missing: match.missing,
    fatal,
    used,
    rejected,
    rowsRead: table.rows.length,
  };
}

/** The notes of a table whose header was found: ignored columns, title, comment and no rows. */
function tableNotes(
  table: Omit<CsvTable, 'rows'>,
  match: ColumnMatch,
  rowsRead: number,
  notes: CsvNote[],
): void {
  notes.push(...match.notes);
  if (table.titleRows > 0) {
    notes.push({
      code: 'title_rows',
      message: `${table.titleRows} row${table.titleRows === 1 ? '' : 's'} above the header on line ${table.headerLine} ${table.titleRows === 1 ? 'was' : 'were'} read as a title and skipped`,
      file: table.file,
      line: table.headerLine,
    });
  }
  if (table.commentRows > 0) {
    notes.push({
      code: 'comment_rows',
      message: `${table.commentRows} comment row${table.commentRows === 1 ? '' : 's'} (starting with #) skipped, on line${table.commentRows === 1 ? '' : 's'} ${table.commentLines.join(', ')}; remove the # if a row is data`,
      file: table.file,
    });
  }
  if (rowsRead === 0) {
    notes.push({
      code: 'no_rows',
      message: `no data rows below the header on line ${table.headerLine}`,
      file: table.file,
      line: table.headerLine,
    });
  }
}

/** Columns whose cells are money or fractions, where a separator changes the number. */
const NUMERIC = new Set([
  'quantity',
  'proxy_value',
  'deadweight',
  'displacement',
  'attribution',
  'leakage',
  'drop_off',
  'value',
]);
/**
 * `1.200` or `1,200`: groups of three digits after one kind of separator. A pound or dollar sign
 * marks an English-style number (`£1,200`), which is not ambiguous.
 */
const AMBIGUOUS = /^[-(]?\s*€?\s*\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*\s*€?\s*\)?$/;

/**
 * In a file separated by semicolons — how spreadsheets export where the decimal mark is a comma —
 * `1.200` may mean one thousand two hundred (a European thousands separator) or 1.2, and `1,200`
 * may mean 1.2 (a European decimal comma) or 1200. sroi will not guess: each such cell is an
 * issue asking for the number without a thousands separator.
 */
function ambiguousNumbers(
  row: CsvRow,
  table: TableShape,
  columns: readonly (CsvColumn | undefined)[],
): Issue[] {
  const issues: Issue[] = [];
  row.cells.forEach((cell, index) => {
    const column = columns[index];
    if (column === undefined || !NUMERIC.has(column.name) || !AMBIGUOUS.test(cell.trim())) return;
    issues.push({
      code: 'invalid_number',
      message: `${column.name} ${JSON.stringify(cell)} is ambiguous in a file separated by semicolons, where 1.200 can mean one thousand two hundred and 1,200 can mean 1.2: write it without a thousands separator (1200, or 1.2)`,
      path: [],
      file: table.file,
      line: lineOfCell(row, index),
      column: table.headers[index] ?? column.name,
      received: cell,
    });
  });
  return issues;
}

/** Ragged rows and values under no header: the row cannot be read safely. */
function rowProblems(row: CsvRow, table: TableShape, width: number): readonly Issue[] {
  const cells = row.cells;
  if (cells.length >= width && lastFilled(cells) < width) {
    // The usual row: no problem unless a column without a header holds a value.
    let clean = true;
    for (let index = 0; index < width && clean; index += 1) {
      if (isBlank(table.headers[index]) && !isBlank(cells[index])) clean = false;
    }
    if (clean) return NO_ISSUES;
  }
  const where = { path: [] as string[], file: table.file };
  const filledWidth = lastFilled(cells) + 1;
  if (cells.length < width) {
    return [
      {
        code: 'csv_row',
        message: `the row has ${cells.length} cells but the header has ${width}: a delimiter is missing, or a cell holds an unquoted "${table.delimiter === '\t' ? 'tab' : table.delimiter}"; the row is not read`,
        ...where,
        line: row.line,
        received: cells.join(table.delimiter),
      },
    ];
  }
  if (filledWidth > width) {
    const extra = cells.slice(width).filter((c) => c.trim() !== '');
    return [
      {
        code: 'csv_row',
        message: `the row has values beyond the last header column (${extra.map((c) => JSON.stringify(c)).join(', ')}): a cell holds an unquoted "${table.delimiter === '\t' ? 'tab' : table.delimiter}", or a header is missing; the row is not read`,
        ...where,
        line: lineOfCell(
          row,
          cells.findIndex((c, i) => i >= width && c.trim() !== ''),
        ),
        received: cells.join(table.delimiter),
      },
    ];
  }
  const problems: Issue[] = [];
  table.headers.forEach((header, index) => {
    const cell = cells[index] ?? '';
    if (header.trim() === '' && cell.trim() !== '') {
      problems.push({
        code: 'csv_row',
        message: `column ${index + 1} has no header but this row has a value there (${JSON.stringify(cell)}); give the column a header, or move the value; the row is not read`,
        ...where,
        line: lineOfCell(row, index),
        received: cell,
      });
    }
  });
  return problems;
}

const NO_ISSUES: readonly Issue[] = [];

function isBlank(cell: string | undefined): boolean {
  return cell === undefined || cell.trim() === '';
}

function lastFilled(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i -= 1) if ((cells[i] ?? '').trim() !== '') return i;
  return -1;
}

/** The physical line of a cell: the row's line plus the newlines in the cells before it. */
function lineOfCell(row: CsvRow, index: number): number {
  let line = row.line;
  for (let i = 0; i < index && i < row.cells.length; i += 1) {
    const cell = row.cells[i] ?? '';
    if (cell.includes('\n')) line += cell.split('\n').length - 1;
  }
  return line;
}

/** The rows as the JSON analysis writes them; empty cells are left out (the default applies). */
function toObjects(work: TableWork): Record<string, unknown>[] {
  return work.used.map((row) => toObject(row, work.columns, work.which));
}

/** One row as the JSON analysis writes it. */
function toObject(
  row: CsvRow,
  columns: readonly (CsvColumn | undefined)[],
  which: 'outcomes' | 'inputs',
): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let index = 0; index < columns.length; index += 1) {
    const column = columns[index];
    if (column === undefined) continue;
    const cell = (row.cells[index] ?? '').trim();
    if (cell === '') continue;
    const value = column.list === true ? cell.split(/[;|]/).map((part) => part.trim()) : cell;
    if (column.path.length === 1) object[column.path[0] ?? ''] = value;
    else {
      const [outer = '', inner = ''] = column.path;
      const nested = (object[outer] ?? {}) as Record<string, unknown>;
      nested[inner] = value;
      object[outer] = nested;
    }
  }
  if (which === 'outcomes' && object['proxy'] === undefined) object['proxy'] = {};
  return object;
}

/** Puts a JSON-path issue back in its file, line and column; `undefined` to drop it. */
function locate(
  issue: Issue,
  outcomes: TableWork,
  inputs: TableWork | undefined,
): Issue | undefined {
  const [head, index, ...rest] = issue.path;
  const work = head === 'outcomes' ? outcomes : head === 'inputs' ? inputs : undefined;
  if (work === undefined || typeof index !== 'number') return issue; // a setting
  const row = work.used[index];
  if (row === undefined) return issue;
  const position = work.columns.findIndex(
    (column) => column !== undefined && column.path.every((p, i) => rest[i] === p),
  );
  const column = position === -1 ? undefined : work.columns[position];
  // One issue for a missing required column, not one per row.
  if (
    issue.code === 'required' &&
    work.missing.some((c) => c.path.every((p, i) => rest[i] === p))
  ) {
    return undefined;
  }
  work.rejected.add(row);
  const raw = position === -1 ? undefined : row.cells[position];
  // Messages that point at another row by JSON path point at its line instead.
  const message = issue.message.replace(/\b(outcomes|inputs)\[(\d+)\]/g, (text, which, at) => {
    const other = (which === 'outcomes' ? outcomes : inputs)?.used[Number(at)];
    return other === undefined ? text : `line ${other.line}`;
  });
  return {
    ...issue,
    message,
    file: work.file,
    line: position === -1 ? row.line : lineOfCell(row, position),
    ...(column === undefined ? {} : { column: work.table?.headers[position] ?? column.name }),
    ...(raw === undefined ? {} : { received: raw }),
  };
}

function account(work: TableWork): CsvTableAccounting {
  return accounting(
    work.file,
    work.table,
    work.rowsRead,
    work.fatal ? work.rowsRead : work.rejected.size,
  );
}

function accounting(
  file: string,
  table: Omit<CsvTable, 'rows'> | undefined,
  rowsRead: number,
  rowsRejected: number,
): CsvTableAccounting {
  return {
    file,
    delimiter: table?.delimiter ?? null,
    headerLine: table?.headerLine ?? null,
    rowsRead,
    rowsUsed: rowsRead - rowsRejected,
    rowsRejected,
    blankRows: table?.blankRows ?? 0,
    commentRows: table?.commentRows ?? 0,
    titleRows: table?.titleRows ?? 0,
  };
}

function byPlace(a: Issue, b: Issue): number {
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}
