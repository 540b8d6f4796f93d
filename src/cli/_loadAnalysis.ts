import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { asInputError, CliError, UsageError } from './_errors.js';
import { evaluateAnalysis } from '../calc/evaluateAnalysis.js';
import { issueList, readSummary } from './_printRead.js';
import { readBytes, readDecoded, readJsonFile, setMaxInputSize } from './_readInput.js';
import { columnMappingIssues } from '../csv/columnMapping.js';
import { inputColumns, outcomeColumns } from '../csv/csvColumns.js';
import { notStatedMessage } from '../csv/_notStated.js';
import { readCsvAnalysis } from '../csv/readCsvAnalysis.js';
import { safeParseAnalysis } from '../schema/parseAnalysis.js';
import { readValueMap } from '../valuemap/readValueMap.js';
import { sheetFiguresWarning } from '../valuemap/_sheetFigures.js';
import { sheetFeaturesNote, valueMapFeatures } from '../valuemap/valueMapFeatures.js';
import { readWorkbook } from '../workbook/readWorkbook.js';
import { sniffBytes } from '../workbook/sniffBytes.js';
import type { CliIo } from './_io.js';
import type { CsvNote } from '../csv/CsvNote.js';
import type { CsvSource, CsvTableAccounting } from '../csv/readCsvAnalysis.js';
import type { JsonIssue, ReadJsonResult } from '../json/readJson.js';
import type { Analysis } from '../model/analysis.js';
import type { Issue } from '../model/SroiError.js';
import type { SroiResult } from '../model/result.js';
import type { SheetFigure } from '../valuemap/readValueMap.js';

/** The flags that `calculate` and `validate` share: where the data is and the settings. */
export const analysisFlags = {
  inputs: { type: 'string', short: 'i' },
  map: { type: 'string', short: 'm', multiple: true },
  name: { type: 'string' },
  currency: { type: 'string' },
  'discount-rate': { type: 'string' },
  'discount-schedule': { type: 'string' },
  timing: { type: 'string' },
  'price-year': { type: 'string' },
  horizon: { type: 'string' },
  'max-input-size': { type: 'string' },
} as const;

/** The values of `analysisFlags` after parsing. */
export interface AnalysisFlagValues {
  readonly inputs?: string | undefined;
  readonly map?: string[] | undefined;
  readonly name?: string | undefined;
  readonly currency?: string | undefined;
  readonly 'discount-rate'?: string | undefined;
  readonly 'discount-schedule'?: string | undefined;
  readonly timing?: string | undefined;
  readonly 'price-year'?: string | undefined;
  readonly horizon?: string | undefined;
  readonly 'max-input-size'?: string | undefined;
}

/** An analysis read from the command line's files and flags, or every problem with it. */
export interface LoadedAnalysis {
  readonly analysis?: Analysis;
  /** Every problem; those about a JSON file's values carry their `file:line:column`. */
  readonly issues: readonly JsonIssue[];
  /** Row accounting per CSV table or sheet; empty when the analysis was JSON only. */
  readonly tables: readonly CsvTableAccounting[];
  readonly notes: readonly CsvNote[];
  /** A Value Map's own computed figures beside sroi's (absent for other sources). */
  readonly comparisons?: readonly SheetFigure[];
}

/**
 * Reads the analysis a command names: an analysis JSON file (inline, or naming its tables by
 * path relative to itself: `"outcomes": "outcomes.csv"` or `"value-map.xlsx"`), or a table
 * with `--inputs` and settings as flags — an outcomes CSV, a Value Map workbook (.xlsx, known by
 * its bytes, whatever its name), or a whole Value Map sheet exported as CSV (known by what it
 * holds: `valueMapFeatures`). Text files are decoded from their bytes (`decodeText`, its note
 * kept). Flags override the file's settings; a `--map` that names no column is a usage error.
 */
export async function loadAnalysis(
  io: CliIo,
  file: string,
  flags: AnalysisFlagValues,
): Promise<LoadedAnalysis> {
  setMaxInputSize(io, flags['max-input-size']);
  const columns = parseColumnMap(flags.map ?? []);
  const loaded = await loadFrom(io, file, flags, columns);
  // A mapping the flags gave that names no column of the table is a mistake in the command.
  const flagged = loaded.issues.find(
    (issue) => issue.path[0] === 'columns' && Object.hasOwn(columns, String(issue.path[1])),
  );
  if (flagged !== undefined) throw new UsageError(flagProblem(flagged.message));
  return loaded;
}

/** A mapping's problem as a `--map` flag's: `--map names an unknown field …`. */
function flagProblem(message: string): string {
  const prefix = 'the column mapping ';
  return message.startsWith(prefix) ? `--map ${message.slice(prefix.length)}` : `--map: ${message}`;
}

async function loadFrom(
  io: CliIo,
  file: string,
  flags: AnalysisFlagValues,
  columns: Record<string, string>,
): Promise<LoadedAnalysis> {
  const flagSettings = withFlags({}, flags); // a usage error in the flags, before any file
  const isTable = sniffBytes(await readBytes(io, file)) !== 'text';
  if (isTable || extname(file).toLowerCase() !== '.json') {
    return readTables(io, file, flags.inputs, flagSettings, columns, defaultName(file));
  }
  const read = await readJsonFile(io, file);
  const encoding = await encodingNotes(io, file);
  if (!read.ok) return { issues: read.issues, tables: [], notes: encoding };
  const json = read.value;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CliError(
      `${file}: an analysis file must hold a JSON object, got ${Array.isArray(json) ? 'a list' : json === null ? 'null' : typeof json}`,
    );
  }
  // Issues about a setting a flag gave are not located in the file: the value is the flag's.
  const fromFlags = flaggedPaths(flags);
  const located = (issues: readonly Issue[]): JsonIssue[] =>
    read
      .withIssues(issues)
      .map((issue) =>
        'location' in issue && fromFlags.some((path) => startsWith(issue.path, path))
          ? withoutLocation(issue)
          : issue,
      );
  const { outcomes, inputs, columns: fileColumns, ...rest } = json as Record<string, unknown>;
  if (typeof outcomes !== 'string' && typeof inputs !== 'string' && flags.inputs === undefined) {
    if (fileColumns !== undefined) {
      throw new CliError(
        `${file}: "columns" applies only when "outcomes" names a table (a CSV file or a Value Map)`,
      );
    }
    const parsed = safeParseAnalysis(
      withFlags({ ...rest, outcomes, ...(inputs === undefined ? {} : { inputs }) }, flags),
    );
    return parsed.success && read.issues.length === 0
      ? { analysis: parsed.analysis, issues: [], tables: [], notes: encoding }
      : { issues: located(parsed.issues), tables: [], notes: encoding };
  }
  if (typeof outcomes !== 'string') {
    throw new CliError(
      `${file}: "outcomes" must name the outcomes CSV file (e.g. "outcomes.csv") when the inputs are a CSV file`,
    );
  }
  const here = dirname(file);
  // Relative to the analysis file; an absolute path stays as it is.
  const near = (path: string): string => (isAbsolute(path) ? path : join(here, path));
  const outcomesFile = near(outcomes);
  const inputsFile = flags.inputs ?? (typeof inputs === 'string' ? near(inputs) : undefined);
  const settings: Record<string, unknown> = withFlags({ ...rest }, flags);
  if (Array.isArray(inputs) && flags.inputs === undefined) settings['inputs'] = inputs;
  const loaded = await readTables(
    io,
    outcomesFile,
    inputsFile,
    settings,
    { ...readColumns(fileColumns, file), ...columns },
    undefined,
  );
  const notes = [...encoding, ...loaded.notes];
  if (loaded.analysis !== undefined && read.issues.length === 0) return { ...loaded, notes };
  return { ...loaded, notes, issues: located(loaded.issues) };
}

/** The note of how a file's bytes were decoded, when it was not plain UTF-8. */
async function encodingNotes(io: CliIo, file: string): Promise<CsvNote[]> {
  const { note } = await readDecoded(io, file);
  return note === undefined ? [] : [{ code: 'encoding', message: note, file }];
}

/**
 * An analysis from its tables, each file routed by its content: a workbook (.xlsx bytes) or a
 * whole Value Map sheet exported as CSV goes to `readValueMap`, an outcomes CSV to
 * `readCsvAnalysis`; the inputs file, when given, is read with it. `name` is the analysis's
 * name when the settings give none (a Value Map's own title row comes before it).
 */
async function readTables(
  io: CliIo,
  outcomesFile: string,
  inputsFile: string | undefined,
  settings: Record<string, unknown>,
  columns: Readonly<Record<string, string | number>>,
  name: string | undefined,
): Promise<LoadedAnalysis> {
  const bytes = await readBytes(io, outcomesFile);
  const notes: CsvNote[] = [];
  const csv = async (path: string): Promise<CsvSource> => {
    const decoded = await readDecoded(io, path);
    if (decoded.note !== undefined)
      notes.push({ code: 'encoding', message: decoded.note, file: path });
    return { text: decoded.text, file: path };
  };
  if (sniffBytes(bytes) !== 'text') {
    const workbook = readWorkbook(bytes);
    if (workbook.workbook === undefined) {
      return {
        issues: workbook.issues.map((issue) => ({
          code: 'invalid_value',
          message: issue.message,
          path: [],
          file: outcomesFile,
        })),
        tables: [],
        notes,
      };
    }
    const inputs = inputsFile === undefined ? undefined : await csv(inputsFile);
    const read = readValueMap({
      workbook: { workbook: workbook.workbook, issues: workbook.issues },
      ...(inputs === undefined ? {} : { inputs }),
      settings,
      columns,
      defaultName: name ?? defaultName(outcomesFile),
    });
    return fromValueMap(read, notes);
  }
  const outcomes = await csv(outcomesFile);
  const inputs = inputsFile === undefined ? undefined : await csv(inputsFile);
  const features = valueMapFeatures(outcomes.text);
  if (features.length > 0) {
    notes.push(sheetFeaturesNote(outcomesFile, features));
    const read = readValueMap({
      csv: outcomes,
      ...(inputs === undefined ? {} : { inputs }),
      settings,
      columns,
      defaultName: name ?? defaultName(outcomesFile),
    });
    return fromValueMap(read, notes);
  }
  const read = readCsvAnalysis({
    outcomes,
    ...(inputs === undefined ? {} : { inputs }),
    settings: name === undefined ? settings : { name, ...settings },
    columns,
  });
  const tables = [
    read.tables.outcomes,
    ...(read.tables.inputs === undefined ? [] : [read.tables.inputs]),
  ];
  for (const note of read.notes) notes.push(note);
  if (!read.success) return { issues: read.issues, tables, notes };
  const notStated = read.analysis.notStated;
  if (notStated !== undefined) {
    notes.push({ code: 'not_stated', message: notStatedMessage(notStated), file: outcomesFile });
  }
  return { analysis: read.analysis, issues: [], tables, notes };
}

function fromValueMap(read: ReturnType<typeof readValueMap>, notes: CsvNote[]): LoadedAnalysis {
  const tables = [
    read.tables.outcomes,
    ...(read.tables.inputs === undefined ? [] : [read.tables.inputs]),
  ];
  const all = [...notes, ...read.notes];
  return read.success
    ? { analysis: read.analysis, issues: [], tables, notes: all, comparisons: read.comparisons }
    : { issues: read.issues, tables, notes: all };
}

/** The paths of the settings the flags give (they replace the file's own). */
function flaggedPaths(flags: AnalysisFlagValues): (readonly string[])[] {
  const paths: (readonly string[])[] = [];
  if (flags.name !== undefined) paths.push(['name']);
  if (flags.currency !== undefined) paths.push(['currency']);
  if (flags['price-year'] !== undefined) paths.push(['priceYear']);
  if (flags.horizon !== undefined) paths.push(['horizon']);
  if (flags.timing !== undefined) paths.push(['discount', 'timing']);
  if (flags['discount-rate'] !== undefined || flags['discount-schedule'] !== undefined) {
    paths.push(['discount', 'rate'], ['discount', 'rates'], ['discount', 'schedule']);
  }
  return paths;
}

function startsWith(path: readonly (string | number)[], prefix: readonly string[]): boolean {
  return prefix.every((segment, i) => path[i] === segment);
}

function withoutLocation(issue: JsonIssue): JsonIssue {
  const rest = { ...issue };
  delete rest.location;
  return rest;
}

/** The file's name without extension, or its folder's name when the file is `outcomes.csv`. */
function defaultName(file: string): string {
  const name = basename(file, extname(file));
  const folder = basename(dirname(file));
  return name.toLowerCase() === 'outcomes' && folder !== '.' && folder !== '' ? folder : name;
}

/** Applies the setting flags over an analysis' own settings. */
function withFlags(
  json: Record<string, unknown>,
  flags: AnalysisFlagValues,
): Record<string, unknown> {
  const out = { ...json };
  if (flags.name !== undefined) out['name'] = flags.name;
  if (flags.currency !== undefined) out['currency'] = flags.currency;
  if (flags['price-year'] !== undefined) out['priceYear'] = flags['price-year'];
  if (flags.horizon !== undefined) out['horizon'] = flags.horizon;
  const rate = flags['discount-rate'];
  const schedule = flags['discount-schedule'];
  if (rate !== undefined && schedule !== undefined) {
    throw new UsageError('give --discount-rate or --discount-schedule, not both');
  }
  if (rate !== undefined || schedule !== undefined || flags.timing !== undefined) {
    const own = out['discount'];
    const discount: Record<string, unknown> =
      typeof own === 'object' && own !== null && !Array.isArray(own) ? { ...own } : {};
    if (rate !== undefined || schedule !== undefined) {
      delete discount['rate'];
      delete discount['rates'];
      delete discount['schedule'];
    }
    if (rate !== undefined) {
      const rates = rate.split('/').map((r) => r.trim());
      if (rates.length === 1) discount['rate'] = rate;
      else discount['rates'] = rates;
    }
    if (schedule !== undefined) discount['schedule'] = schedule;
    if (flags.timing !== undefined) discount['timing'] = flags.timing;
    out['discount'] = discount;
  }
  return out;
}

/**
 * Reads `--map` flags into a column mapping: `field=Header` for both tables, `table:field=C` for
 * one, the column named by its header, its letter or its position from 1 (`columnMapping.ts`).
 * A field, a table or a value sroi cannot read is a usage error naming the alternatives; every
 * name is data (`__proto__=X` is an unknown field, not a prototype).
 */
export function parseColumnMap(maps: readonly string[]): Record<string, string> {
  const columns = new Map<string, string>();
  for (const map of maps) {
    const at = map.indexOf('=');
    const field = map.slice(0, at).trim();
    const header = map.slice(at + 1).trim();
    if (at === -1 || field === '' || header === '') {
      throw new UsageError(
        `--map must be written "field=Your header", "field=C" (a column letter) or "field=3" (a position), for one table "outcomes:field=…" or "inputs:field=…", got "${map}"`,
      );
    }
    columns.set(field, header);
  }
  // Object.fromEntries makes each name an own property, "__proto__" included.
  const mapping = Object.fromEntries(columns);
  const [problem] = columnMappingIssues(mapping, {
    outcomes: outcomeColumns,
    inputs: inputColumns,
  });
  if (problem !== undefined) throw new UsageError(flagProblem(problem.message));
  return mapping;
}

function readColumns(value: unknown, file: string): Record<string, string | number> {
  if (value === undefined) return {};
  const ok =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(
      (header) => typeof header === 'string' || typeof header === 'number',
    );
  if (!ok) {
    throw new CliError(
      `${file}: "columns" must map field names to your headers, column letters or positions, e.g. { "outcome": "Result", "outcomes:proxy_source": "N", "inputs:value": 3 }`,
    );
  }
  return value as Record<string, string | number>;
}

/** Loads the analysis with the shared loader; prints the row accounting and any problems. */
export async function loadOrReport(
  io: CliIo,
  file: string,
  flags: Parameters<typeof loadAnalysis>[2],
): Promise<Analysis | undefined> {
  return (await loadAndReport(io, file, flags)).analysis;
}

/** `loadOrReport`, giving everything the loader read (a Value Map's own figures among it). */
export async function loadAndReport(
  io: CliIo,
  file: string,
  flags: Parameters<typeof loadAnalysis>[2],
): Promise<LoadedAnalysis> {
  const loaded = await loadAnalysis(io, file, flags);
  const summary = readSummary(loaded);
  if (summary !== '') io.stderr(summary);
  if (loaded.analysis === undefined) io.stderr(issueList(file, loaded.issues));
  else if (loaded.comparisons !== undefined) sheetFigures.set(loaded.analysis, loaded.comparisons);
  return loaded;
}

/** The figures of the Value Map each analysis was read from, for its result's warnings. */
const sheetFigures = new WeakMap<Analysis, readonly SheetFigure[]>();

/**
 * The result of an analysis a command loaded (`evaluateAnalysis`), with a warning when the Value
 * Map it was read from computes figures of its own that differ from sroi's, so that no report
 * shows a figure the sheet disagrees with in silence.
 */
export function resultOf(file: string, analysis: Analysis): SroiResult {
  const result = asInputError(file, () => evaluateAnalysis(analysis));
  const warning = sheetFiguresWarning(sheetFigures.get(analysis) ?? []);
  return warning === undefined ? result : { ...result, warnings: [...result.warnings, warning] };
}

/**
 * The raw `scenarios` or `uncertainty` section of an analysis JSON file (already read, and
 * checked for shape, by the loader: the file is read once per command); `undefined` when the
 * file is a CSV or has no such section.
 */
export async function readSection(
  io: CliIo,
  file: string,
  key: 'scenarios' | 'uncertainty',
): Promise<unknown> {
  const read = await jsonOf(io, file);
  const json = read?.value;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  return Object.hasOwn(json, key) ? (json as Record<string, unknown>)[key] : undefined;
}

/** Prints the issues of a section of the analysis file, each located in the file. */
export async function printIssues(
  io: CliIo,
  file: string,
  issues: readonly Issue[],
): Promise<void> {
  const read = await jsonOf(io, file);
  io.stderr(issueList(file, read === undefined ? issues : read.locate(issues)));
}

async function jsonOf(io: CliIo, file: string): Promise<ReadJsonResult | undefined> {
  return extname(file).toLowerCase() === '.json' ? readJsonFile(io, file) : undefined;
}
