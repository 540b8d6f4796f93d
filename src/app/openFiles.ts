/**
 * Opening files, dispatched by kind as the CLI dispatches them: an analysis JSON file
 * (everything inline, or naming its tables, which are then looked for among the files opened
 * with it); a charity's Value Map as it is — an .xlsx workbook (known by its bytes, whatever its
 * name), or a whole Value Map sheet exported as CSV (known by what it holds, `valueMapFeatures`)
 * — read by `readValueMap`; or CSV tables — outcomes and inputs, told apart by their headers
 * (`csvTableKind`). Each kind is read by the library function the CLI uses for it — `readJson`
 * (every problem with its line and column, a key given twice included), `readWorkbook`,
 * `readValueMap`, `readCsvAnalysis`, and `safeParseAnalysis` — so the same file gives the same
 * analysis, the same row accounting and the same messages. A text file's bytes are decoded by
 * `decodeText` (UTF-8 with or without a byte-order mark, UTF-16, Windows-1252), whose note says
 * which encoding was used when it is not plain UTF-8. Pure: it gets the files' bytes and names,
 * and reads nothing else.
 */
import { notStatedMessage } from '../csv/_notStated.js';
import { readCsvAnalysis } from '../csv/readCsvAnalysis.js';
import { readJson } from '../json/readJson.js';
import { formatPercent } from '../report/round.js';
import { safeParseAnalysis } from '../schema/parseAnalysis.js';
import { readValueMap } from '../valuemap/readValueMap.js';
import { sheetFiguresWarning } from '../valuemap/_sheetFigures.js';
import { sheetFeaturesNote, valueMapFeatures } from '../valuemap/valueMapFeatures.js';
import { decodeText } from '../workbook/decodeText.js';
import { readWorkbook } from '../workbook/readWorkbook.js';
import { sniffBytes } from '../workbook/sniffBytes.js';
import { csvTableKind } from './csvTableKind.js';
import type { AnalysisDocument, JsonValue } from './AnalysisDocument.js';
import type { CsvNote } from '../csv/CsvNote.js';
import type { CsvTableAccounting } from '../csv/readCsvAnalysis.js';
import type { JsonIssue, ReadJsonResult } from '../json/readJson.js';
import type { Analysis, Discount, Input, Outcome } from '../model/analysis.js';
import type { ResultWarning } from '../model/result.js';
import type { Issue } from '../model/SroiError.js';
import type { TextEncodingName } from '../workbook/decodeText.js';
import type { Workbook, WorkbookIssue } from '../workbook/Workbook.js';

/** A file the person picked or dropped. */
export interface FileToOpen {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Something a reader did that is not a problem but must be said: the CSV and Value Map readers'
 * notes (`CsvNote`: a column ignored, title rows skipped, a setting taken from the sheet,
 * stakeholders filled down) and the encoding a file was read in. A warning is a note the CLI
 * prints as one: a figure of a Value Map that differs from sroi's, and the result's
 * `SHEET_FIGURES_DISAGREE`.
 */
export interface FileNote {
  readonly file: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: string;
  readonly warning?: boolean;
}

/** What opening some files gave. */
export interface OpenedFiles {
  /** The document to edit; absent when the files could not be read into one. */
  readonly document?: AnalysisDocument;
  /** The files, for people: `outcomes.csv and inputs.csv`. */
  readonly source: string;
  /**
   * Every problem, as the CLI reports it (`formatJsonIssue`): those of an analysis JSON file
   * with their line and column. When there is a document, these are the problems it opens with.
   */
  readonly issues: readonly JsonIssue[];
  /** Row accounting of each CSV table read (`sroi validate` prints the same). */
  readonly tables: readonly CsvTableAccounting[];
  readonly notes: readonly FileNote[];
  /**
   * The warnings the result of the map as opened carries beside the engine's own, as the CLI
   * adds them: a Value Map whose own figures differ from sroi's (`SHEET_FIGURES_DISAGREE`). They
   * are about the file, so they hold until the map is edited.
   */
  readonly warnings: readonly ResultWarning[];
  /**
   * The text of each plain CSV table read, by file name, so that a problem can be shown at its
   * cell (a Value Map's problems name their cell: `'Value Map'!C12`, `map.csv:12 [Quantity]`).
   */
  readonly csvTexts: ReadonlyMap<string, string>;
}

/** The kinds of file the app tells apart by their names (a workbook is also known by its bytes). */
export type FileKind = 'analysis' | 'csv' | 'workbook' | 'unknown';

/** A file's kind, from its name's extension. */
export function fileKind(name: string): FileKind {
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === 'json') return 'analysis';
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') return 'csv';
  if (extension === 'xlsx' || extension === 'xls' || extension === 'ods') return 'workbook';
  return 'unknown';
}

/** A problem with a whole file. */
function fileIssue(file: string, message: string): Issue {
  return { code: 'invalid_value', message, path: [], file };
}

/**
 * A note as the CLI prints it: `note: 'Value Map'!B4 [Discount rate]: discount rate "0.035"
 * taken from the sheet …`, and a warning as `warning: …`.
 *
 * @example
 * formatNote({ file: 'map.csv', line: 16, column: 'Impact', message: 'the sheet’s own impact …', warning: true });
 * //=> 'warning: map.csv:16 [Impact]: the sheet’s own impact …'
 */
export function formatNote(note: FileNote): string {
  const where = note.line === undefined ? note.file : `${note.file}:${note.line}`;
  const column = note.column === undefined ? '' : ` [${note.column}]`;
  return `${note.warning === true ? 'warning' : 'note'}: ${where}${column}: ${note.message}`;
}

/** A reader's note as the app shows it: a figure of the sheet that differs is a warning. */
function fileNote(note: CsvNote): FileNote {
  const { code, ...rest } = note;
  return code === 'sheet_figure_differs' ? { ...rest, warning: true } : rest;
}

/** The files opened together: the text of each text file, and each workbook read. */
interface Files {
  readonly texts: ReadonlyMap<string, string>;
  readonly workbooks: ReadonlyMap<
    string,
    { readonly workbook: Workbook; readonly issues: readonly WorkbookIssue[] }
  >;
}

const ENCODING_NAMES: Readonly<Record<TextEncodingName, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Windows-1252',
};

/** An analysis file in another encoding than UTF-8, the encoding of JSON files. */
function notUtf8(encoding: TextEncodingName): string {
  return `the file is not UTF-8 text (it reads as ${ENCODING_NAMES[encoding]}), and an analysis file is JSON, which is always UTF-8: save it again as UTF-8`;
}

/** The files' names for people. */
function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? 'nothing';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** The last part of a path as an analysis file may write it: `data/outcomes.csv` → `outcomes.csv`. */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * Opens files picked or dropped together.
 *
 * @example
 * const opened = openFiles([{ name: 'outcomes.csv', bytes: new TextEncoder().encode(
 *   'stakeholder,outcome,quantity,proxy_value,duration,deadweight\nA,B,10,250,1,25\n') }]);
 * opened.issues.map(formatIssue);
 * //=> ['outcomes.csv:2 [deadweight]: deadweight must be a fraction from 0 to 1, got "25" (write 25% or 0.25)']
 */
export function openFiles(files: readonly FileToOpen[]): OpenedFiles {
  const issues: JsonIssue[] = [];
  const notes: FileNote[] = [];
  const texts = new Map<string, string>();
  const workbooks = new Map<string, { workbook: Workbook; issues: readonly WorkbookIssue[] }>();
  const analyses: string[] = [];
  const tables: string[] = [];
  for (const file of files) {
    const kind = fileKind(file.name);
    // A workbook is known by its bytes, whatever its name, as the CLI knows it.
    if (kind === 'workbook' || sniffBytes(file.bytes) !== 'text') {
      const read = readWorkbook(file.bytes);
      if (read.workbook === undefined) {
        for (const issue of read.issues) issues.push(fileIssue(file.name, issue.message));
        continue;
      }
      workbooks.set(file.name, { workbook: read.workbook, issues: read.issues });
      tables.push(file.name);
      continue;
    }
    if (kind === 'unknown') {
      issues.push(
        fileIssue(
          file.name,
          'not a file the app reads: open an analysis .json file, a Value Map (.xlsx, or its sheet as .csv) or .csv tables',
        ),
      );
      continue;
    }
    const decoded = decodeText(file.bytes);
    if (kind === 'analysis' && decoded.encoding !== 'utf-8') {
      issues.push(fileIssue(file.name, notUtf8(decoded.encoding)));
      continue;
    }
    if (decoded.note !== undefined) notes.push({ file: file.name, message: decoded.note });
    texts.set(file.name, decoded.text);
    (kind === 'analysis' ? analyses : tables).push(file.name);
  }
  const source = listNames(files.map((f) => f.name));
  const nothing = {
    source,
    issues,
    tables: [],
    notes,
    warnings: [],
    csvTexts: new Map<string, string>(),
  };
  if (analyses.length > 1) {
    issues.push(
      fileIssue(analyses[1] ?? '', `open one analysis file at a time (got ${listNames(analyses)})`),
    );
    return nothing;
  }
  const opening: Files = { texts, workbooks };
  const [analysisFile] = analyses;
  const opened =
    analysisFile !== undefined
      ? openAnalysisFile(analysisFile, opening, tables, issues)
      : tables.length > 0
        ? openTables(tables, opening, issues)
        : undefined;
  if (opened === undefined) {
    if (issues.length === 0) issues.push(fileIssue(source, 'no file to open'));
    return nothing;
  }
  return { ...opened, notes: [...notes, ...opened.notes], source };
}

type Opened = Omit<OpenedFiles, 'source'>;

/** An analysis JSON file, with the tables it names (CSV files or a Value Map) when it names them. */
function openAnalysisFile(
  file: string,
  opening: Files,
  csvs: readonly string[],
  issues: JsonIssue[],
): Opened {
  const none: Opened = { issues, tables: [], notes: [], warnings: [], csvTexts: new Map() };
  const read = readJson(opening.texts.get(file) ?? '', { file });
  if (!read.ok) {
    for (const issue of read.issues) issues.push(issue);
    return none;
  }
  const json = read.value;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    issues.push(
      fileIssue(
        file,
        `an analysis file must hold a JSON object, got ${Array.isArray(json) ? 'a list' : json === null ? 'null' : typeof json}`,
      ),
    );
    return none;
  }
  const document = json as AnalysisDocument;
  const { outcomes, inputs, columns, ...settings } = document;
  if (typeof outcomes !== 'string' && typeof inputs !== 'string') {
    for (const csv of csvs) {
      issues.push(
        fileIssue(
          csv,
          `not used: ${file} holds its outcomes and inputs itself and names no CSV table`,
        ),
      );
    }
    const parsed = safeParseAnalysis(document);
    for (const issue of read.withIssues(parsed.success ? [] : parsed.issues)) issues.push(issue);
    // A key given twice or a number out of range is fixed in the file first, as the CLI asks:
    // of a key given twice, the editor would keep only the first, and lose the second.
    return read.issues.length > 0 ? none : { ...none, document };
  }
  if (typeof outcomes !== 'string') {
    issues.push(
      fileIssue(
        file,
        '"outcomes" must name the outcomes CSV file (e.g. "outcomes.csv") when the inputs are a CSV file',
      ),
    );
    return none;
  }
  const named = [outcomes, ...(typeof inputs === 'string' ? [inputs] : [])];
  const byName = new Map(csvs.map((csv) => [baseName(csv), csv]));
  const missing = named.filter((name) => !byName.has(baseName(name)));
  if (missing.length > 0) {
    issues.push(
      fileIssue(
        file,
        `it names ${listNames(missing.map((m) => JSON.stringify(m)))}: open ${missing.length === 1 ? 'that file' : 'those files'} together with ${file}`,
      ),
    );
    return none;
  }
  const mapping =
    columns !== undefined &&
    typeof columns === 'object' &&
    columns !== null &&
    !Array.isArray(columns)
      ? (columns as Readonly<Record<string, string>>)
      : {};
  if (columns !== undefined && mapping !== columns) {
    issues.push(
      fileIssue(
        file,
        '"columns" must map field names to your headers, e.g. { "outcome": "Result" }',
      ),
    );
    return none;
  }
  const tableSettings: Record<string, JsonValue> = { ...settings };
  if (Array.isArray(inputs)) tableSettings['inputs'] = inputs;
  const assigned = {
    outcomes: byName.get(baseName(outcomes)) ?? outcomes,
    ...(typeof inputs === 'string' ? { inputs: byName.get(baseName(inputs)) ?? inputs } : {}),
  };
  for (const csv of csvs) {
    if (csv !== assigned.outcomes && csv !== assigned.inputs) {
      issues.push(fileIssue(csv, `not used: ${file} does not name it`));
    }
  }
  return readTables(assigned, opening, tableSettings, mapping, issues, read);
}

/**
 * Tables opened on their own: a Value Map (a workbook, or a CSV file holding a whole sheet:
 * `valueMapFeatures`, the CLI's test), or CSV tables, each told from its header; an inputs
 * table may come with either.
 */
function openTables(files: readonly string[], opening: Files, issues: JsonIssue[]): Opened {
  const byKind = { maps: [] as string[], outcomes: [] as string[], inputs: [] as string[] };
  for (const file of files) {
    const text = opening.texts.get(file);
    if (text === undefined || valueMapFeatures(text).length > 0) byKind.maps.push(file);
    else byKind[csvTableKind(text, file)].push(file);
  }
  const none: Opened = { issues, tables: [], notes: [], warnings: [], csvTexts: new Map() };
  for (const table of ['outcomes', 'inputs'] as const) {
    if (byKind[table].length > 1) {
      issues.push(
        fileIssue(
          byKind[table][1] ?? '',
          `${listNames(byKind[table])} are all ${table} tables (by their headers): open one ${table} table, with at most one table of the other kind`,
        ),
      );
    }
  }
  const maps = [...byKind.maps, ...byKind.outcomes];
  if (byKind.maps.length > 0 && maps.length > 1) {
    issues.push(
      fileIssue(
        maps[1] ?? '',
        `${listNames(maps)} each hold outcomes (${listNames(byKind.maps)} a whole Value Map): open one map at a time, with at most one inputs table`,
      ),
    );
  }
  if (issues.length > 0) return none;
  const [outcomes] = maps;
  const [inputs] = byKind.inputs;
  if (outcomes === undefined) {
    issues.push(
      fileIssue(
        inputs ?? '',
        'this is an inputs table (by its header); open the outcomes table with it (a table with stakeholder, outcome, quantity, proxy_value and duration columns)',
      ),
    );
    return none;
  }
  return readTables(
    { outcomes, ...(inputs === undefined ? {} : { inputs }) },
    opening,
    {},
    {},
    issues,
    undefined,
    baseName(outcomes).replace(/\.[^.]+$/, ''),
  );
}

/**
 * Reads the tables as the CLI does: a Value Map (a workbook, or a CSV file holding a whole
 * sheet) with `readValueMap`, CSV tables with `readCsvAnalysis`. The problems of the analysis
 * file naming them (`settingsFile`) come first, and a problem with one of its settings is
 * located in it. `name` is the analysis's name when the settings give none (a Value Map's own
 * title row comes before it).
 */
function readTables(
  files: { readonly outcomes: string; readonly inputs?: string },
  opening: Files,
  settings: Readonly<Record<string, JsonValue>>,
  columns: Readonly<Record<string, string>>,
  issues: JsonIssue[],
  settingsFile?: ReadJsonResult,
  name?: string,
): Opened {
  const { texts, workbooks } = opening;
  const source = (file: string) => ({ file, text: texts.get(file) ?? '' });
  const inputs = files.inputs === undefined ? {} : { inputs: source(files.inputs) };
  const workbook = workbooks.get(files.outcomes);
  const features = workbook === undefined ? valueMapFeatures(source(files.outcomes).text) : [];
  const located = (found: readonly Issue[]) =>
    settingsFile === undefined ? found : settingsFile.withIssues(found);
  const fails = (read: { readonly success: boolean }) =>
    !read.success || (settingsFile?.issues.length ?? 0) > 0;
  if (workbook !== undefined || features.length > 0) {
    const read = readValueMap({
      ...(workbook === undefined ? { csv: source(files.outcomes) } : { workbook }),
      ...inputs,
      settings,
      columns,
      ...(name === undefined ? {} : { defaultName: name }),
    });
    const tables = [
      read.tables.outcomes,
      ...(read.tables.inputs === undefined ? [] : [read.tables.inputs]),
    ];
    const warning = read.success ? sheetFiguresWarning(read.comparisons) : undefined;
    const notes = [
      ...(features.length > 0 ? [sheetFeaturesNote(files.outcomes, features)] : []),
      ...read.notes,
    ].map(fileNote);
    for (const issue of located(read.issues)) issues.push(issue);
    const csvTexts = new Map<string, string>();
    if (!read.success || fails(read)) return { issues, tables, notes, warnings: [], csvTexts };
    return {
      document: documentOf(read.analysis, { ...settingsOf(read.analysis), ...settings }),
      issues,
      tables,
      notes,
      warnings: warning === undefined ? [] : [warning],
      csvTexts,
    };
  }
  const read = readCsvAnalysis({
    outcomes: source(files.outcomes),
    ...inputs,
    settings: name === undefined ? settings : { name, ...settings },
    columns,
  });
  const tables = [
    read.tables.outcomes,
    ...(read.tables.inputs === undefined ? [] : [read.tables.inputs]),
  ];
  const csvTexts = new Map(tables.map((t) => [t.file, texts.get(t.file) ?? '']));
  for (const issue of located(read.issues)) issues.push(issue);
  const notes = read.notes.map(fileNote);
  if (!read.success || fails(read)) return { issues, tables, notes, warnings: [], csvTexts };
  // As the CLI says it: the table has no column for a deduction or drop-off.
  const { notStated } = read.analysis;
  if (notStated !== undefined) {
    notes.push({ message: notStatedMessage(notStated), file: files.outcomes });
  }
  return {
    document: documentOf(read.analysis, name === undefined ? settings : { name, ...settings }),
    issues,
    tables,
    notes,
    warnings: [],
    csvTexts,
  };
}

/**
 * The document of an analysis read from tables: the settings as given, the assumptions the
 * tables did not state (`notStated`, so that the result keeps warning of them), and the tables'
 * rows as the validated analysis holds them — every field, evidence included — fractions
 * written as percentages (`0.25` → `25%`) as people type them. Validating it gives the same
 * analysis back (tests/app/openFiles.test.ts).
 */
export function documentOf(
  analysis: Analysis,
  settings: Readonly<Record<string, JsonValue>>,
): AnalysisDocument {
  return {
    ...settings,
    ...(analysis.notStated === undefined ? {} : { notStated: [...analysis.notStated] }),
    inputs: analysis.inputs.map(inputDocument),
    outcomes: analysis.outcomes.map(outcomeDocument),
  };
}

/** A fraction as people type it: `0.035` → `3.5%`. */
function percent(value: string): string {
  return formatPercent(value).replaceAll(',', '');
}

/**
 * The settings of an analysis read from a Value Map, as a document holds them: its name and
 * metadata (from the sheet's title rows), currency, price year, discount, horizon and the
 * stakeholders when they are listed.
 */
function settingsOf(analysis: Analysis): Record<string, JsonValue> {
  const settings: Record<string, JsonValue> = { name: analysis.name };
  for (const key of ['organisation', 'author', 'period', 'kind', 'description', 'date'] as const) {
    const value = analysis[key];
    if (value !== undefined) settings[key] = value;
  }
  settings['currency'] = analysis.currency;
  if (analysis.priceYear !== undefined) settings['priceYear'] = analysis.priceYear;
  settings['discount'] = discountDocument(analysis.discount);
  if (analysis.horizon !== undefined) settings['horizon'] = analysis.horizon;
  if (analysis.stakeholders.length > 0) {
    settings['stakeholders'] = analysis.stakeholders.map((stakeholder) => ({ ...stakeholder }));
  }
  return settings;
}

function discountDocument(discount: Discount): JsonValue {
  if ('rate' in discount) return { rate: percent(discount.rate), timing: discount.timing };
  if ('rates' in discount) return { rates: discount.rates.map(percent), timing: discount.timing };
  return { schedule: discount.schedule, timing: discount.timing };
}

function inputDocument(input: Input): JsonValue {
  return {
    ...(input.stakeholder === undefined ? {} : { stakeholder: input.stakeholder }),
    description: input.description,
    ...(input.kind === undefined ? {} : { kind: input.kind }),
    value: input.value,
    year: input.year,
  };
}

function outcomeDocument(outcome: Outcome): JsonValue {
  const { proxy } = outcome;
  return {
    id: outcome.id,
    stakeholder: outcome.stakeholder,
    outcome: outcome.outcome,
    ...(outcome.output === undefined ? {} : { output: outcome.output }),
    ...(outcome.indicator === undefined ? {} : { indicator: outcome.indicator }),
    ...(outcome.category === undefined ? {} : { category: outcome.category }),
    quantity: outcome.quantity,
    ...(outcome.quantityByYear === undefined
      ? {}
      : { quantityByYear: [...outcome.quantityByYear] }),
    proxy: {
      ...(proxy.description === undefined ? {} : { description: proxy.description }),
      value: proxy.value,
      ...(proxy.source === undefined ? {} : { source: proxy.source }),
      ...(proxy.priceYear === undefined ? {} : { priceYear: proxy.priceYear }),
    },
    duration: outcome.duration,
    start: outcome.start,
    deadweight: percent(outcome.deadweight),
    displacement: percent(outcome.displacement),
    attribution: percent(outcome.attribution),
    leakage: percent(outcome.leakage),
    dropOff: percent(outcome.dropOff),
    ...(outcome.evidence === undefined ? {} : { evidence: { ...outcome.evidence } }),
  };
}
