import { inputColumns, outcomeColumns } from './csvColumns.js';
import { objectArgument, optionsArgument, textArgument } from '../model/_arguments.js';
import { findColumn, matchColumns } from './matchColumns.js';
import {
  columnMappingIssues,
  mappingKey,
  resolveColumn,
  unresolvedMessage,
} from './columnMapping.js';
import type { ColumnMappingInput } from './columnMapping.js';
import { normaliseHeader } from './normaliseHeader.js';
import { lettersOfColumn } from '../model/_columnLetters.js';
import { headerScorer } from './readCsvTable.js';
import { scanCsvTable } from './_scanCsvTable.js';
import { tableRows } from './_tableRows.js';
import { totalLabel, totalRowsNote } from './_totalRows.js';
import { setNotStated, unstatedAssumptions } from './_notStated.js';
import { capIssues } from '../schema/_capIssues.js';
import { INVALID, unreadable } from '../schema/_readerRuntime.js';
import { shown } from '../schema/_shown.js';
import { analysisReaders } from '../schema/_analysisReaders.js';
import { completeAnalysis } from '../schema/parseAnalysis.js';
import type { CsvColumn } from './csvColumns.js';
import type { TableRows } from './_tableRows.js';
import type { CsvNote } from './CsvNote.js';
import type { CsvDelimiter, CsvTable } from './readCsvTable.js';
import type { Analysis } from '../model/analysis.js';
import type { Issue } from '../model/SroiError.js';
import type {
  AnalysisReaders,
  CellsReader,
  ReadFields,
  ReportIssue,
} from '../schema/_readerRuntime.js';
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
   * The columns to read fields from, for exports whose headers are their own: field → header,
   * column letter or position from 1 (`{ outcome: 'Result', 'outcomes:proxy_source': 14,
   * 'inputs:value': 'C' }`). A key without a table applies to both (`columnMapping.ts`).
   */
  readonly columns?: ColumnMappingInput;
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
  /** Total, Subtotal and Sum rows, left out (not data rows, never summed). */
  readonly totalRows: number;
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

/**
 * What `readCsvAnalysis` reads a table by: the readers built from a field table and its CSV
 * columns. @internal
 */
export interface CsvAnalysisTable {
  readonly readers: AnalysisReaders;
  readonly outcomes: readonly CsvColumn[];
  readonly inputs: readonly CsvColumn[];
}

const defaultTable = (): CsvAnalysisTable => ({
  readers: analysisReaders,
  outcomes: outcomeColumns,
  inputs: inputColumns,
});

/**
 * Reads an analysis kept as two CSV tables — `outcomes.csv` and optionally `inputs.csv`
 * (docs/csv-format.md) — plus its settings, validates it by the rules of `safeParseAnalysis`,
 * and locates every problem in the files: each issue carries the file, the physical line, the
 * column header as written and the raw cell. Each file is read once, row by row, and only the
 * validated rows are kept. Nothing is lost: each non-blank data row is in the analysis or named
 * by an issue, and `tables` says how many rows were read, used and rejected. It never throws for
 * bad input and reads no files (give it the text).
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
  const given = objectArgument('readCsvAnalysis', 'sources', sources);
  for (const which of ['outcomes', 'inputs'] as const) {
    if (which === 'inputs' && given[which] === undefined) continue;
    const source = objectArgument('readCsvAnalysis', `sources.${which}`, given[which]);
    textArgument('readCsvAnalysis', source['text'], `sources.${which}.text`);
    textArgument('readCsvAnalysis', source['file'], `sources.${which}.file`);
  }
  if (given['settings'] !== undefined)
    objectArgument('readCsvAnalysis', 'sources.settings', given['settings']);
  if (given['columns'] !== undefined)
    objectArgument('readCsvAnalysis', 'sources.columns', given['columns']);
  optionsArgument('readCsvAnalysis', options);
  return readCsvAnalysisWith(defaultTable(), sources, options);
}

/** `readCsvAnalysis` by the readers and columns of a given field table. @internal */
export function readCsvAnalysisWith(
  table: CsvAnalysisTable,
  sources: CsvAnalysisSources,
  options: ReadCsvAnalysisOptions,
): ReadCsvAnalysisResult {
  const mapping = sources.columns ?? {};
  const issues: Issue[] = [];
  const notes: CsvNote[] = [];
  const report: ReportIssue = (issue) => {
    issues.push(issue);
  };
  for (const issue of columnMappingIssues(mapping, table)) report(issue);

  // The settings are the analysis without its tables, read by the same rules as JSON.
  const settings = sources.settings ?? {};
  const omit = new Set(sources.inputs === undefined ? ['outcomes'] : ['outcomes', 'inputs']);
  let root: ReadFields | typeof INVALID = INVALID;
  try {
    root = table.readers.analysis(settings, [], report, omit);
  } catch (error) {
    report(unreadable([], error));
  }

  const outcomes = readTable(
    'outcomes',
    sources.outcomes,
    table.outcomes,
    table.readers.outcomeCells,
    mapping,
    report,
    notes,
  );
  const inputs =
    sources.inputs === undefined
      ? undefined
      : readTable(
          'inputs',
          sources.inputs,
          table.inputs,
          table.readers.inputCells,
          mapping,
          report,
          notes,
        );
  mappingNotFound(table, sources, [outcomes, inputs], report, notes);
  priceYearsNote(sources, outcomes.rows?.records ?? [], notes);

  const outcomeRecords = outcomes.rows?.records ?? [];
  if (outcomeRecords.length === 0 && !issues.some((i) => i.file === sources.outcomes.file)) {
    // No outcome rows: said once, at the header, unless the table already has its problem.
    report({
      code: 'required',
      message: 'the outcomes table has no data rows, so there is nothing to value',
      path: ['outcomes'],
      file: sources.outcomes.file,
      ...(outcomes.layout === undefined ? {} : { line: outcomes.layout.headerLine }),
    });
  }
  // A deduction or drop-off with no column, or a column blank in every row, is not stated: the analysis says so, and its result
  // warns of it.
  const missing =
    outcomes.columns === undefined ? [] : unstatedAssumptions(outcomes.columns, outcomes.rows);
  let analysis: Analysis | undefined;
  if (root !== INVALID) {
    setNotStated(root, missing);
    // The checks that span records point at rows by their line, and their issues at cells.
    const rowsOf = (list: string | number | undefined): TableRows | undefined =>
      list === 'outcomes' ? outcomes.rows : list === 'inputs' ? inputs?.rows : undefined;
    const given = root['inputs'];
    analysis = completeAnalysis(
      root,
      outcomeRecords,
      inputs === undefined
        ? Array.isArray(given)
          ? given
          : undefined
        : (inputs.rows?.records ?? []),
      {
        ...options,
        placeOf: (list, index) => rowsOf(list)?.placeOf(index) ?? `${list}[${index}]`,
      },
      (issue) => {
        const rows = rowsOf(issue.path[0]);
        report(rows === undefined ? issue : rows.locate(issue));
      },
    );
  }
  issues.sort(byPlace);
  const accounts = {
    outcomes: account(outcomes),
    ...(inputs === undefined ? {} : { inputs: account(inputs) }),
  };
  if (issues.length === 0 && analysis !== undefined) {
    return { success: true, analysis, issues: [], tables: accounts, notes };
  }
  return { success: false, issues: capIssues(issues), tables: accounts, notes };
}

/** The normalised headers that name each column, the mapping's included. */
function knownHeaders(
  columns: readonly CsvColumn[],
  mapping: ColumnMappingInput,
): Map<string, string> {
  const known = new Map<string, string>();
  for (const column of columns) {
    for (const name of [column.name, ...column.aliases])
      known.set(normaliseHeader(name), column.name);
  }
  for (const [key, header] of Object.entries(mapping)) {
    const column = findColumn(columns, mappingKey(key)?.field ?? '');
    if (column !== undefined && typeof header === 'string') {
      known.set(normaliseHeader(header), column.name);
    }
  }
  return known;
}

/** What the notes and the accounting read of a table's layout. */
type Layout = Omit<CsvTable, 'rows'>;

/** One table, read. */
interface TableRead {
  readonly file: string;
  /** The layout, when the header was found. */
  readonly layout?: Layout;
  /** The rows, when the header was found. */
  readonly rows?: TableRows;
  /** The columns the header was matched to, when it was found. */
  readonly columns?: readonly (CsvColumn | undefined)[];
  /** The keys of the mapping for both tables that this table could not place. */
  readonly unresolved?: readonly string[];
  readonly rowsRead: number;
  /** Total rows left out. */
  readonly totalRows: number;
  /** The header has a problem (or the file could not be read): no row is usable. */
  readonly fatal: boolean;
}

/** Reads one table in one pass: its header, then each row into a validated record. */
function readTable(
  which: 'outcomes' | 'inputs',
  source: CsvSource,
  columns: readonly CsvColumn[],
  read: CellsReader,
  mapping: ColumnMappingInput,
  report: ReportIssue,
  notes: CsvNote[],
): TableRead {
  let rows: TableRows | undefined;
  let matched: readonly (CsvColumn | undefined)[] | undefined;
  let unresolved: readonly string[] = [];
  let fatal = false;
  // Total rows are left out, never read as data (they would count their rows twice).
  const totals: number[] = [];
  const scan = scanCsvTable(
    source.text,
    { file: source.file, scoreHeader: headerScorer(knownHeaders(columns, mapping)) },
    (row, lineEnds) => {
      if (totalLabel(row.cells) === undefined) rows?.add(row, lineEnds);
      else totals.push(row.line);
    },
    (header) => {
      const table = {
        file: source.file,
        ...header,
        titleRows: 0,
        commentRows: 0,
        commentLines: [],
        blankRows: 0,
        rows: [],
      };
      const match = matchColumns(table, columns, mapping, { table: which });
      for (const issue of match.issues) report(issue);
      for (const note of match.notes) notes.push(note);
      // A header problem other than a missing optional column makes every row unusable.
      fatal = match.issues.length > 0;
      matched = match.columns;
      unresolved = match.unresolved;
      rows = tableRows({
        which,
        file: source.file,
        headers: mappedHeaders(header.headers, match.columns),
        match,
        read,
        semicolons: header.delimiter === ';',
        delimiter: header.delimiter,
        report,
      });
    },
  );
  const rowsRead = scan.rowsRead - totals.length;
  if (!scan.ok) {
    report(scan.issue);
    return {
      file: source.file,
      ...(rows === undefined ? {} : { rows }),
      rowsRead,
      totalRows: totals.length,
      fatal: true,
    };
  }
  if (totals.length > 0) notes.push(totalRowsNote(source.file, totals));
  tableNotes(scan.table, rowsRead, notes);
  return {
    file: source.file,
    layout: scan.table,
    ...(rows === undefined ? {} : { rows }),
    ...(matched === undefined ? {} : { columns: matched, unresolved }),
    rowsRead,
    totalRows: totals.length,
    fatal,
  };
}

/**
 * The headers as the rows' messages name them: a column with no header that the mapping places
 * (by letter or position) is named by its letter, `column C`.
 */
function mappedHeaders(
  headers: readonly string[],
  columns: readonly (CsvColumn | undefined)[],
): string[] {
  const named = [...headers];
  columns.forEach((column, index) => {
    if (column !== undefined && (named[index] ?? '').trim() === '') {
      named[index] = `column ${lettersOfColumn(index + 1)}`;
    }
  });
  return named;
}

/**
 * An issue for each mapping for both tables that no table read could place, and a note for one
 * whose field is in no table given (an inputs mapping with no inputs file).
 */
function mappingNotFound(
  table: CsvAnalysisTable,
  sources: CsvAnalysisSources,
  reads: readonly (TableRead | undefined)[],
  report: ReportIssue,
  notes: CsvNote[],
): void {
  const given = [
    { read: reads[0], columns: table.outcomes, source: sources.outcomes },
    ...(sources.inputs === undefined
      ? []
      : [{ read: reads[1], columns: table.inputs, source: sources.inputs }]),
  ];
  for (const [key, value] of Object.entries(sources.columns ?? {})) {
    const read = mappingKey(key);
    if (read === undefined || read.table !== undefined) continue;
    const known = [table.outcomes, table.inputs].some(
      (columns) => findColumn(columns, read.field) !== undefined,
    );
    if (!known) continue; // an unknown field: said already
    const holding = given.filter((t) => findColumn(t.columns, read.field) !== undefined);
    // Only tables whose header was found say whether they placed it.
    const placedBy = holding.filter(
      (t) => t.read?.unresolved !== undefined && !t.read.unresolved.includes(key),
    );
    const headerless = holding.filter((t) => t.read?.unresolved === undefined);
    if (placedBy.length > 0 || headerless.length > 0) continue;
    if (holding.length === 0) {
      notes.push({
        code: 'unused_mapping',
        message: `the column mapping ${key}=${shown(String(value))} is not used: no table given has the field ${read.field}`,
        file: sources.outcomes.file,
      });
      continue;
    }
    for (const { source, read: tableRead } of holding) {
      const headers = tableRead?.layout?.headers ?? [];
      const resolved = resolveColumn(value, headers);
      if (!('problem' in resolved)) continue;
      report({
        code: 'csv_header',
        message: unresolvedMessage(key, value, source.file, resolved),
        path: ['columns', key],
        received: value,
      });
    }
  }
}

/** A note when rows give proxy price years but the analysis has no price year. */
function priceYearsNote(
  sources: CsvAnalysisSources,
  outcomes: readonly unknown[],
  notes: CsvNote[],
): void {
  let dated = 0;
  for (const outcome of outcomes) {
    const proxy = outcome === INVALID ? undefined : (outcome as ReadFields)['proxy'];
    if (
      typeof proxy === 'object' &&
      proxy !== null &&
      (proxy as ReadFields)['priceYear'] !== undefined
    ) {
      dated += 1;
    }
  }
  if (dated > 0 && sources.settings?.['priceYear'] === undefined) {
    notes.push({
      code: 'price_years_not_used',
      message: `${dated} row${dated === 1 ? ' gives' : 's give'} a proxy_price_year but the analysis has no price year, so no proxy is rebased; set one (--price-year or "priceYear") to put every proxy on one price base`,
      file: sources.outcomes.file,
    });
  }
}

/** The notes of a table whose header was found: title, comment and no rows. */
function tableNotes(table: Layout, rowsRead: number, notes: CsvNote[]): void {
  if (table.titleRows > 0) {
    notes.push({
      code: 'title_rows',
      message: `${table.titleRows} row${table.titleRows === 1 ? '' : 's'} above the header on line ${table.headerLine} ${table.titleRows === 1 ? 'was' : 'were'} read as a title and skipped`,
      file: table.file,
      line: table.headerLine,
    });
  }
  if (table.commentRows > 0) {
    const lines = table.commentLines;
    const named = lines.slice(0, NAMED_LINES).join(', ');
    const more = lines.length > NAMED_LINES ? ` and ${lines.length - NAMED_LINES} more` : '';
    notes.push({
      code: 'comment_rows',
      message: `${table.commentRows} comment row${table.commentRows === 1 ? '' : 's'} (starting with #) skipped, on line${table.commentRows === 1 ? '' : 's'} ${named}${more}; remove the # if a row is data`,
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

/** How many comment lines a note names before it counts the rest. */
const NAMED_LINES = 20;

function account(read: TableRead): CsvTableAccounting {
  const layout = read.layout;
  const rowsRejected = read.fatal ? read.rowsRead : (read.rows?.rejected() ?? 0);
  return {
    file: read.file,
    delimiter: layout?.delimiter ?? null,
    headerLine: layout?.headerLine ?? null,
    rowsRead: read.rowsRead,
    rowsUsed: read.rowsRead - rowsRejected,
    rowsRejected,
    blankRows: layout?.blankRows ?? 0,
    commentRows: layout?.commentRows ?? 0,
    titleRows: layout?.titleRows ?? 0,
    totalRows: read.totalRows,
  };
}

function byPlace(a: Issue, b: Issue): number {
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}
