import { evaluateAnalysis } from '../calc/evaluateAnalysis.js';
import { invalid, objectArgument, optionsArgument, textArgument } from '../model/_arguments.js';
import { columnMappingIssues } from '../csv/columnMapping.js';
import { inputColumns, outcomeColumns } from '../csv/csvColumns.js';
import { notStatedMessage, setNotStated, unstatedAssumptions } from '../csv/_notStated.js';
import { capIssues } from '../schema/_capIssues.js';
import { completeAnalysis } from '../schema/parseAnalysis.js';
import { chooseSheets, csvSheet, inputsScore } from './_chooseSheet.js';
import { readInputsGrid } from './_inputsTable.js';
import { compareFigures } from './_sheetFigures.js';
import { readSettings } from './_sheetSettings.js';
import { readSheet } from './_sheetTable.js';
import { csvGrid, gridName } from './ValueMapGrid.js';
import type { SheetFigure } from './_sheetFigures.js';
import type { Layout, TableRead } from './_sheetTable.js';
import type { ColumnMappingInput } from '../csv/columnMapping.js';
import type { CsvNote } from '../csv/CsvNote.js';
import type { CsvSource, CsvTableAccounting } from '../csv/readCsvAnalysis.js';
import type { TableRows } from '../csv/_tableRows.js';
import type { Analysis } from '../model/analysis.js';
import type { Issue } from '../model/SroiError.js';
import type { ReportIssue } from '../schema/_readerRuntime.js';
import type { ParseAnalysisOptions } from '../schema/parseAnalysis.js';
import type { Workbook, WorkbookIssue } from '../workbook/Workbook.js';

export type { SheetFigure } from './_sheetFigures.js';

/** What `readValueMap` reads: a workbook, or a whole sheet exported as CSV, and the rest. */
export interface ValueMapSources {
  /** A workbook as `readWorkbook` gives it, with its issues: every sheet is considered. */
  readonly workbook?: { readonly workbook: Workbook; readonly issues?: readonly WorkbookIssue[] };
  /** Or one sheet exported as CSV, as text (`decodeText` turns a file's bytes into it). */
  readonly csv?: CsvSource;
  /** An inputs table in a file of its own, for a sheet that has no inputs. */
  readonly inputs?: CsvSource;
  /**
   * Settings as JSON (`name`, `discount`, `horizon`, `priceYear`, `stakeholders`, …, and
   * `inputs` as a list when the sheet has none): each replaces what the sheet's title rows say.
   */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Columns to read fields from, by header, letter or position (`columnMapping.ts`). */
  readonly columns?: ColumnMappingInput;
  /** The analysis's name when neither the sheet nor the settings give one (default: the sheet's). */
  readonly defaultName?: string;
}

/** Options of `readValueMap`. */
export type ReadValueMapOptions = ParseAnalysisOptions;

/** What `readValueMap` returns. */
export type ReadValueMapResult = {
  /** What was read: the sheet (`'Value Map'`) or the CSV file. */
  readonly sheet: string;
  /** Row accounting of the outcome rows and of the input rows (on the sheet or elsewhere). */
  readonly tables: { readonly outcomes: CsvTableAccounting; readonly inputs?: CsvTableAccounting };
  /** What the reader did that is not a problem: settings taken, stakeholders filled down, … */
  readonly notes: readonly CsvNote[];
  /** The sheet's own computed figures beside sroi's (empty when the analysis is not valid). */
  readonly comparisons: readonly SheetFigure[];
} & (
  | { readonly success: true; readonly analysis: Analysis; readonly issues: readonly [] }
  | { readonly success: false; readonly issues: readonly Issue[] }
);

/**
 * Reads a charity's SROI Value Map as it is — an .xlsx workbook (`readWorkbook`), or the sheet
 * exported as CSV by Excel, LibreOffice or Google Sheets — into a validated analysis, by the
 * field rules JSON and CSV are read by (docs/value-map.md). It finds the sheet and its header (a
 * row of titles and the row of questions under it, matched tolerantly against every version of
 * the template, the template's repeated titles told apart by their place); reads the title rows
 * above it as the analysis's name, organisation, period, kind and discount rate (each with a
 * note; `settings` replace them); skips the stage row; fills blank or merged stakeholder cells
 * down (a note for each run); reads the inputs from the sheet's own Inputs and Value £ columns,
 * an input-only row as an input, or an inputs sheet or file; leaves Total, Subtotal and Sum
 * rows out (never summed); and never reads the sheet's computed cells (Impact, Year 1 … n,
 * present values, the results block) as data but compares each with sroi's own figure
 * (`comparisons`, and a note that they agree or one at each cell that differs). A table with no
 * column for a deduction or for drop-off leaves it not stated (`Analysis.notStated`), which the
 * result warns of. Every issue is located at its cell (`'Value Map'!F12`, `map.csv:12
 * [Deadweight %]`). Pure: it reads no file and never throws for bad input.
 *
 * @example
 * const text = [
 *   'Organisation,Friends of Oakfield',
 *   'Stakeholders,Outcome,Quantity,Value in currency,Duration,Deadweight %,Impact',
 *   'Older people,Less isolated,10,£100,1,20%,800',
 *   ',Fewer falls,5,£40,1,0%,200',
 *   'Total,,,,,,1000',
 * ].join('\n');
 * const read = readValueMap({ csv: { file: 'map.csv', text }, settings: { discount: { rate: '0' } } });
 * [read.success && read.analysis.outcomes.map((o) => o.stakeholder), read.notes.map((n) => n.code)];
 * //=> [['Older people', 'Older people'], ['sheet_read', 'filled_down', 'total_rows', 'sheet_setting', 'not_stated', 'sheet_figures_agree']]
 */
export function readValueMap(
  sources: ValueMapSources,
  options: ReadValueMapOptions = {},
): ReadValueMapResult {
  valueMapSourcesArgument(sources);
  optionsArgument('readValueMap', options);
  const issues: Issue[] = [];
  const notes: CsvNote[] = [];
  const report: ReportIssue = (issue) => {
    issues.push(issue);
  };
  const mapping = sources.columns ?? {};
  for (const issue of columnMappingIssues(mapping, {
    outcomes: outcomeColumns,
    inputs: inputColumns,
  })) {
    report(issue);
  }

  const found =
    sources.workbook !== undefined
      ? chooseSheets(sources.workbook, notes)
      : csvSheet(sources.csv, notes);
  for (const issue of found.issues) report(issue);
  const main = found.main;
  const extra =
    sources.inputs === undefined
      ? found.inputs
      : { grid: csvGrid(sources.inputs.text, sources.inputs.file, inputsScore) };
  if (main === undefined) {
    return failed(found.name, issues, notes);
  }
  const sheet = readSheet(main.grid, main.header, mapping, report, notes);
  const otherInputs =
    extra === undefined ? undefined : readInputsGrid(extra.grid, mapping, report, notes);
  const settingsInputs = sources.settings?.['inputs'];
  if (sheet.inputs !== undefined && (otherInputs !== undefined || Array.isArray(settingsInputs))) {
    const other =
      otherInputs === undefined ? 'the settings ("inputs")' : `"${extra?.grid.name ?? ''}"`;
    report({
      code: 'invalid_value',
      message: `the sheet has inputs of its own and ${other} gives inputs too: sroi would count both; keep the inputs in one place`,
      path: ['inputs'],
      file: sheet.placeName,
    });
  }

  // The settings: the sheet's title rows, then what the caller gives over them.
  const root = readSettings(sheet, sources, report, notes);
  const inputTable = sheet.inputs ?? otherInputs;
  // A deduction or drop-off with no column, or a column blank in every row, is not stated: the
  // analysis says so, and so does the result, in a warning.
  const missing = unstatedAssumptions(sheet.outcomeColumns, sheet.outcomes.rows);
  if (root.fields !== undefined) setNotStated(root.fields, missing);
  if (missing.length > 0) {
    notes.push({
      code: 'not_stated',
      message: notStatedMessage(missing),
      ...sheet.place.cell(sheet.headerRow, undefined),
    });
  }

  let analysis: Analysis | undefined;
  if (root.fields !== undefined) {
    const outcomeRows = sheet.outcomes.rows;
    const rowsOf = (list: string | number | undefined): TableRows | undefined =>
      list === 'outcomes' ? outcomeRows : list === 'inputs' ? inputTable?.rows : undefined;
    const given = root.fields['inputs'];
    analysis = completeAnalysis(
      root.fields,
      outcomeRows.records,
      inputTable === undefined
        ? Array.isArray(given)
          ? given
          : undefined
        : inputTable.rows.records,
      {
        ...options,
        placeOf: (list, index) => rowsOf(list)?.placeOf(index) ?? `${list}[${index}]`,
      },
      (issue) => {
        const rows = rowsOf(issue.path[0]);
        report(rows === undefined ? root.locate(issue) : rows.locate(issue));
      },
    );
    if (outcomeRows.records.length === 0 && !issues.some((i) => i.path[0] === 'outcomes')) {
      report({
        code: 'required',
        message: 'the sheet has no outcome rows under its header, so there is nothing to value',
        path: ['outcomes'],
        ...sheet.place.cell(sheet.headerRow, undefined),
      });
    }
  }
  const tables = {
    outcomes: accounting(sheet, sheet.outcomes),
    ...(inputTable === undefined
      ? {}
      : { inputs: accounting(inputTable.layout ?? sheet, inputTable) }),
  };
  if (issues.length > 0 || analysis === undefined) {
    return { ...failed(found.name, issues, notes), tables };
  }
  const result = evaluateAnalysis(analysis, options);
  const compared = compareFigures(
    sheet.figures,
    result,
    root.replaced,
    main.grid.kind === 'csv',
    sheet.placeName,
  );
  return {
    sheet: found.name,
    success: true,
    analysis,
    issues: [],
    tables,
    notes: [...notes, ...compared.notes],
    comparisons: compared.comparisons,
  };
}

function failed(sheet: string, issues: Issue[], notes: CsvNote[]): ReadValueMapResult {
  issues.sort(byPlace);
  const empty: CsvTableAccounting = {
    file: sheet,
    delimiter: null,
    headerLine: null,
    rowsRead: 0,
    rowsUsed: 0,
    rowsRejected: 0,
    blankRows: 0,
    commentRows: 0,
    titleRows: 0,
    totalRows: 0,
  };
  return {
    sheet,
    success: false,
    issues: capIssues(issues),
    tables: { outcomes: empty },
    notes,
    comparisons: [],
  };
}

// ── Accounting ────────────────────────────────────────────────────────────────────────────────

function accounting(
  layout: Layout & { readonly placeName?: string },
  table: TableRead | undefined,
): CsvTableAccounting {
  const grid = layout.grid;
  const rowsRead = table?.rowsRead ?? 0;
  const rejected =
    table === undefined ? 0 : table.fatal ? rowsRead : table.refused + table.rows.rejected();
  return {
    file: gridName(grid),
    delimiter: grid.delimiter ?? null,
    headerLine: layout.headerRow,
    rowsRead,
    rowsUsed: rowsRead - rejected,
    rowsRejected: rejected,
    blankRows: layout.blankRows,
    commentRows: 0,
    titleRows: layout.titleRows,
    totalRows: layout.totalRows,
  };
}

/** Issues by file, then by row: a CSV line, or the row of a sheet's cell (`'Value Map'!F12`). */
function byPlace(a: Issue, b: Issue): number {
  const [fa, ra] = sortKey(a);
  const [fb, rb] = sortKey(b);
  if (fa !== fb) return fa < fb ? -1 : 1;
  return ra - rb;
}

function sortKey(issue: Issue): [string, number] {
  const file = issue.file ?? '';
  const cell = /^(.*)!\$?[A-Z]{1,3}\$?(\d+)(?::.*)?$/.exec(file) ?? /^(.*)!(\d+):\d+$/.exec(file);
  if (cell !== null) return [cell[1] ?? '', Number(cell[2])];
  return [file, issue.line ?? 0];
}

/** Checks `readValueMap`'s sources: a workbook (as `readWorkbook` gives it) or CSV text. */
function valueMapSourcesArgument(sources: unknown): void {
  const given = objectArgument('readValueMap', 'sources', sources);
  if (given['workbook'] === undefined && given['csv'] === undefined) {
    throw invalid('readValueMap', 'sources must give a workbook or csv', sources);
  }
  if (given['workbook'] !== undefined) {
    const read = objectArgument('readValueMap', 'sources.workbook', given['workbook']);
    const workbook = objectArgument('readValueMap', 'sources.workbook.workbook', read['workbook']);
    if (!Array.isArray(workbook['sheets'])) {
      throw invalid(
        'readValueMap',
        'sources.workbook.workbook.sheets must be a list',
        workbook['sheets'],
      );
    }
  }
  for (const which of ['csv', 'inputs'] as const) {
    if (given[which] === undefined) continue;
    const source = objectArgument('readValueMap', `sources.${which}`, given[which]);
    textArgument('readValueMap', source['text'], `sources.${which}.text`);
    textArgument('readValueMap', source['file'], `sources.${which}.file`);
  }
  if (given['settings'] !== undefined)
    objectArgument('readValueMap', 'sources.settings', given['settings']);
  if (given['columns'] !== undefined)
    objectArgument('readValueMap', 'sources.columns', given['columns']);
  if (given['defaultName'] !== undefined)
    textArgument('readValueMap', given['defaultName'], 'sources.defaultName');
}
