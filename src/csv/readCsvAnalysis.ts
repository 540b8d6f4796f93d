import { inputColumns, outcomeColumns } from './csvColumns.js';
import { findColumn, matchColumns } from './matchColumns.js';
import { normaliseHeader } from './normaliseHeader.js';
import { headerScorer, readCsvTable } from './readCsvTable.js';
import { safeParseAnalysis } from '../schema/parseAnalysis.js';
import type { CsvColumn } from './csvColumns.js';
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
   * Everything else of the analysis as JSON (DESIGN §3): `name`, `currency`, `priceYear`,
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
 * Reads an analysis kept as two CSV tables — `outcomes.csv` and optionally `inputs.csv` (DESIGN
 * §4) — plus its settings, validates it with `safeParseAnalysis`, and locates every problem in
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
  const mapping = sources.columns ?? {};
  const issues: Issue[] = [];
  const notes: CsvNote[] = [];
  for (const field of Object.keys(mapping)) {
    if (
      findColumn(outcomeColumns, field) === undefined &&
      findColumn(inputColumns, field) === undefined
    ) {
      issues.push({
        code: 'csv_header',
        message: `the column mapping names an unknown field ${JSON.stringify(field)} (fields: ${[...new Set([...outcomeColumns, ...inputColumns].map((c) => c.name))].join(', ')})`,
        path: ['columns', field],
        received: field,
      });
    }
  }

  const outcomes = readTable('outcomes', sources.outcomes, outcomeColumns, mapping, issues, notes);
  const inputs =
    sources.inputs === undefined
      ? undefined
      : readTable('inputs', sources.inputs, inputColumns, mapping, issues, notes);
  const mappedHeaders = Object.entries(mapping);
  for (const [field, header] of mappedHeaders) {
    const known =
      findColumn(outcomeColumns, field) !== undefined ||
      findColumn(inputColumns, field) !== undefined;
    const key = normaliseHeader(header);
    const inTable = [outcomes, inputs].some((t) =>
      t?.table?.headers.some((h) => normaliseHeader(h) === key),
    );
    if (known && !inTable && (outcomes.table !== undefined || inputs?.table !== undefined)) {
      notes.push({
        code: 'unused_mapping',
        message: `the column mapping ${field}=${header} is not used: no column ${JSON.stringify(header)} in ${[sources.outcomes.file, sources.inputs?.file].filter((f) => f !== undefined).join(' or ')}`,
        file: sources.outcomes.file,
      });
    }
  }

  const settings = { ...(sources.settings ?? {}) };
  const json: Record<string, unknown> = { ...settings, outcomes: toObjects(outcomes) };
  if (inputs !== undefined) json['inputs'] = toObjects(inputs);
  const parsed = safeParseAnalysis(json, options);
  const dated = (json['outcomes'] as { proxy?: { priceYear?: unknown } }[]).filter(
    (o) => o.proxy?.priceYear !== undefined,
  ).length;
  if (dated > 0 && settings['priceYear'] === undefined) {
    notes.push({
      code: 'price_years_not_used',
      message: `${dated} row${dated === 1 ? ' gives' : 's give'} a proxy_price_year but the analysis has no price year, so no proxy is rebased; set one (--price-year or "priceYear") to put every proxy on one price base`,
      file: sources.outcomes.file,
    });
  }
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

function readTable(
  which: 'outcomes' | 'inputs',
  source: CsvSource,
  columns: readonly CsvColumn[],
  mapping: Readonly<Record<string, string>>,
  issues: Issue[],
  notes: CsvNote[],
): TableWork {
  const known = new Map<string, string>();
  for (const column of columns) {
    for (const name of [column.name, ...column.aliases])
      known.set(normaliseHeader(name), column.name);
  }
  for (const [field, header] of Object.entries(mapping)) {
    const column = findColumn(columns, field);
    if (column !== undefined) known.set(normaliseHeader(header), column.name);
  }
  const read = readCsvTable(source.text, { file: source.file, scoreHeader: headerScorer(known) });
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
  if (table.rows.length === 0) {
    notes.push({
      code: 'no_rows',
      message: `no data rows below the header on line ${table.headerLine}`,
      file: table.file,
      line: table.headerLine,
    });
  }
  // A header problem other than a missing optional column makes every row unusable.
  const fatal = match.issues.length > 0;
  const width = lastFilled(table.headers) + 1;
  const used: CsvRow[] = [];
  const rejected = new Set<CsvRow>();
  for (const row of table.rows) {
    const problems = rowProblems(row, table, width);
    if (problems.length === 0 && table.delimiter === ';') {
      problems.push(...ambiguousNumbers(row, table, match.columns));
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
  table: CsvTable,
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
function rowProblems(row: CsvRow, table: CsvTable, width: number): Issue[] {
  const where = { path: [] as string[], file: table.file };
  const filledWidth = lastFilled(row.cells) + 1;
  if (row.cells.length < width) {
    return [
      {
        code: 'csv_row',
        message: `the row has ${row.cells.length} cells but the header has ${width}: a delimiter is missing, or a cell holds an unquoted "${table.delimiter === '\t' ? 'tab' : table.delimiter}"; the row is not read`,
        ...where,
        line: row.line,
        received: row.cells.join(table.delimiter),
      },
    ];
  }
  if (filledWidth > width) {
    const extra = row.cells.slice(width).filter((c) => c.trim() !== '');
    return [
      {
        code: 'csv_row',
        message: `the row has values beyond the last header column (${extra.map((c) => JSON.stringify(c)).join(', ')}): a cell holds an unquoted "${table.delimiter === '\t' ? 'tab' : table.delimiter}", or a header is missing; the row is not read`,
        ...where,
        line: lineOfCell(
          row,
          row.cells.findIndex((c, i) => i >= width && c.trim() !== ''),
        ),
        received: row.cells.join(table.delimiter),
      },
    ];
  }
  const problems: Issue[] = [];
  table.headers.forEach((header, index) => {
    const cell = row.cells[index] ?? '';
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
  const objects: Record<string, unknown>[] = [];
  for (const row of work.used) {
    const object: Record<string, unknown> = {};
    work.columns.forEach((column, index) => {
      if (column === undefined) return;
      const cell = (row.cells[index] ?? '').trim();
      if (cell === '') return;
      const value = column.list === true ? cell.split(/[;|]/).map((part) => part.trim()) : cell;
      if (column.path.length === 1) object[column.path[0] ?? ''] = value;
      else {
        const [outer = '', inner = ''] = column.path;
        const nested = (object[outer] ?? {}) as Record<string, unknown>;
        nested[inner] = value;
        object[outer] = nested;
      }
    });
    if (work.which === 'outcomes' && object['proxy'] === undefined) object['proxy'] = {};
    objects.push(object);
  }
  return objects;
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
  const rejected = work.fatal ? work.rowsRead : work.rejected.size;
  return {
    file: work.file,
    delimiter: work.table?.delimiter ?? null,
    headerLine: work.table?.headerLine ?? null,
    rowsRead: work.rowsRead,
    rowsUsed: work.rowsRead - rejected,
    rowsRejected: rejected,
    blankRows: work.table?.blankRows ?? 0,
    commentRows: work.table?.commentRows ?? 0,
    titleRows: work.table?.titleRows ?? 0,
  };
}

function byPlace(a: Issue, b: Issue): number {
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}
