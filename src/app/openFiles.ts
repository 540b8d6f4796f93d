/**
 * Opening files, dispatched by kind: an analysis JSON file (everything inline, or naming its CSV
 * tables, which are then looked for among the files opened with it), or CSV tables — outcomes
 * and inputs, told apart by their headers (`csvTableKind`). Each kind is read by the library
 * function the CLI uses for it — `readJson` (every problem with its line and column, a key
 * given twice included), `readCsvAnalysis`, and `safeParseAnalysis` — so the same file gives the
 * same analysis, the same row accounting and the same messages. A CSV file's bytes are decoded
 * by `decodeText` (UTF-8 with or without a byte-order mark, UTF-16, Windows-1252), whose note
 * says which encoding was used when it is not plain UTF-8. Pure: it gets the files' bytes and
 * names, and reads nothing else.
 */
import { readCsvAnalysis } from '../csv/readCsvAnalysis.js';
import { readJson } from '../json/readJson.js';
import { formatPercent } from '../report/round.js';
import { safeParseAnalysis } from '../schema/parseAnalysis.js';
import { decodeText } from '../workbook/decodeText.js';
import { csvTableKind } from './csvTableKind.js';
import type { AnalysisDocument, JsonValue } from './AnalysisDocument.js';
import type { CsvTableAccounting } from '../csv/readCsvAnalysis.js';
import type { JsonIssue, ReadJsonResult } from '../json/readJson.js';
import type { Analysis, Input, Outcome } from '../model/analysis.js';
import type { Issue } from '../model/SroiError.js';
import type { TextEncodingName } from '../workbook/decodeText.js';

/** A file the person picked or dropped. */
export interface FileToOpen {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Something a reader did that is not a problem but must be said: the CSV reader's notes
 * (`CsvNote`: a column ignored, title rows skipped) and the encoding a file was read in.
 */
export interface FileNote {
  readonly file: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: string;
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
  /** The text of each CSV table read, by file name, so that a problem can be shown at its cell. */
  readonly csvTexts: ReadonlyMap<string, string>;
}

/** The kinds of file the app tells apart by their names. */
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
  const analyses: string[] = [];
  const csvs: string[] = [];
  for (const file of files) {
    const kind = fileKind(file.name);
    if (kind === 'workbook') {
      issues.push(
        fileIssue(
          file.name,
          'the app does not open spreadsheet workbooks yet (that comes with the Value Map reader); save the outcomes and the inputs as CSV files (File › Save as › CSV) and open those',
        ),
      );
      continue;
    }
    if (kind === 'unknown') {
      issues.push(
        fileIssue(
          file.name,
          'not a file the app reads: open an analysis .json file or .csv tables',
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
    (kind === 'analysis' ? analyses : csvs).push(file.name);
  }
  const source = listNames(files.map((f) => f.name));
  const nothing = { source, issues, tables: [], notes, csvTexts: new Map<string, string>() };
  if (analyses.length > 1) {
    issues.push(
      fileIssue(analyses[1] ?? '', `open one analysis file at a time (got ${listNames(analyses)})`),
    );
    return nothing;
  }
  const [analysisFile] = analyses;
  const opened =
    analysisFile !== undefined
      ? openAnalysisFile(analysisFile, texts, csvs, issues)
      : csvs.length > 0
        ? openTables(csvs, texts, {}, {}, issues)
        : undefined;
  if (opened === undefined) {
    if (issues.length === 0) issues.push(fileIssue(source, 'no file to open'));
    return nothing;
  }
  return { ...opened, notes: [...notes, ...opened.notes], source };
}

type Opened = Omit<OpenedFiles, 'source'>;

/** An analysis JSON file, with the CSV tables it names when it names them. */
function openAnalysisFile(
  file: string,
  texts: ReadonlyMap<string, string>,
  csvs: readonly string[],
  issues: JsonIssue[],
): Opened {
  const none: Opened = { issues, tables: [], notes: [], csvTexts: new Map() };
  const read = readJson(texts.get(file) ?? '', { file });
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
  return readTables(assigned, texts, tableSettings, mapping, issues, read);
}

/** CSV tables opened on their own: each file's table told from its header. */
function openTables(
  csvs: readonly string[],
  texts: ReadonlyMap<string, string>,
  settings: Readonly<Record<string, JsonValue>>,
  mapping: Readonly<Record<string, string>>,
  issues: JsonIssue[],
): Opened {
  const byKind = { outcomes: [] as string[], inputs: [] as string[] };
  for (const csv of csvs) byKind[csvTableKind(texts.get(csv) ?? '', csv)].push(csv);
  const none: Opened = { issues, tables: [], notes: [], csvTexts: new Map() };
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
  if (issues.length > 0) return none;
  const [outcomes] = byKind.outcomes;
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
  const name = baseName(outcomes).replace(/\.[^.]+$/, '');
  return readTables(
    { outcomes, ...(inputs === undefined ? {} : { inputs }) },
    texts,
    { name, ...settings },
    mapping,
    issues,
  );
}

/**
 * Reads the tables with `readCsvAnalysis`, as the CLI does; the problems of the analysis file
 * naming them (`settingsFile`) come first, and a problem with one of its settings is located in it.
 */
function readTables(
  files: { readonly outcomes: string; readonly inputs?: string },
  texts: ReadonlyMap<string, string>,
  settings: Readonly<Record<string, JsonValue>>,
  columns: Readonly<Record<string, string>>,
  issues: JsonIssue[],
  settingsFile?: ReadJsonResult,
): Opened {
  const source = (file: string) => ({ file, text: texts.get(file) ?? '' });
  const read = readCsvAnalysis({
    outcomes: source(files.outcomes),
    ...(files.inputs === undefined ? {} : { inputs: source(files.inputs) }),
    settings,
    columns,
  });
  const tables = [
    read.tables.outcomes,
    ...(read.tables.inputs === undefined ? [] : [read.tables.inputs]),
  ];
  const csvTexts = new Map(tables.map((t) => [t.file, texts.get(t.file) ?? '']));
  const located = settingsFile === undefined ? read.issues : settingsFile.withIssues(read.issues);
  for (const issue of located) issues.push(issue);
  if (!read.success || (settingsFile?.issues.length ?? 0) > 0) {
    return { issues, tables, notes: read.notes, csvTexts };
  }
  return {
    document: documentOf(read.analysis, settings),
    issues,
    tables,
    notes: read.notes,
    csvTexts,
  };
}

/**
 * The document of an analysis read from CSV tables: the settings as given, and the tables'
 * rows as the validated analysis holds them, fractions written as percentages (`0.25` → `25%`)
 * as people type them. Validating it gives the same analysis back (tests/app/openFiles.test.ts).
 */
export function documentOf(
  analysis: Analysis,
  settings: Readonly<Record<string, JsonValue>>,
): AnalysisDocument {
  return {
    ...settings,
    inputs: analysis.inputs.map(inputDocument),
    outcomes: analysis.outcomes.map(outcomeDocument),
  };
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
  const percent = (value: string) => formatPercent(value).replaceAll(',', '');
  return {
    id: outcome.id,
    stakeholder: outcome.stakeholder,
    outcome: outcome.outcome,
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
  };
}
