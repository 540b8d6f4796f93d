import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { CliError, UsageError } from './_errors.js';
import { issueList, readSummary } from './_printRead.js';
import { readJsonFile, readText, setMaxInputSize } from './_readInput.js';
import { inputColumns, outcomeColumns } from '../csv/csvColumns.js';
import { findColumn } from '../csv/matchColumns.js';
import { readCsvAnalysis } from '../csv/readCsvAnalysis.js';
import { safeParseAnalysis } from '../schema/parseAnalysis.js';
import type { CliIo } from './_io.js';
import type { CsvNote } from '../csv/CsvNote.js';
import type { CsvTableAccounting } from '../csv/readCsvAnalysis.js';
import type { JsonIssue, ReadJsonResult } from '../json/readJson.js';
import type { Analysis } from '../model/analysis.js';
import type { Issue } from '../model/SroiError.js';

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
  /** Row accounting per CSV table; empty when the analysis was JSON only. */
  readonly tables: readonly CsvTableAccounting[];
  readonly notes: readonly CsvNote[];
}

/**
 * Reads the analysis a command names: an analysis JSON file (inline, or naming its CSV tables
 * by path relative to itself: `"outcomes": "outcomes.csv"`), or an outcomes CSV file with
 * `--inputs` and settings as flags. Flags override the file's settings.
 */
export async function loadAnalysis(
  io: CliIo,
  file: string,
  flags: AnalysisFlagValues,
): Promise<LoadedAnalysis> {
  setMaxInputSize(io, flags['max-input-size']);
  const columns = parseColumnMap(flags.map ?? []);
  if (extname(file).toLowerCase() === '.json') {
    const read = await readJsonFile(io, file);
    if (!read.ok) return { issues: read.issues, tables: [], notes: [] };
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
        throw new CliError(`${file}: "columns" applies only when "outcomes" names a CSV file`);
      }
      const parsed = safeParseAnalysis(
        withFlags({ ...rest, outcomes, ...(inputs === undefined ? {} : { inputs }) }, flags),
      );
      return parsed.success && read.issues.length === 0
        ? { analysis: parsed.analysis, issues: [], tables: [], notes: [] }
        : { issues: located(parsed.issues), tables: [], notes: [] };
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
    const loaded = await readCsv(io, outcomesFile, inputsFile, settings, {
      ...readColumns(fileColumns, file),
      ...columns,
    });
    if (loaded.analysis !== undefined && read.issues.length === 0) return loaded;
    return { tables: loaded.tables, notes: loaded.notes, issues: located(loaded.issues) };
  }
  const settings = withFlags({ name: defaultName(file) }, flags);
  return readCsv(io, file, flags.inputs, settings, columns);
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

async function readCsv(
  io: CliIo,
  outcomesFile: string,
  inputsFile: string | undefined,
  settings: Record<string, unknown>,
  columns: Record<string, string>,
): Promise<LoadedAnalysis> {
  const outcomesText = await readText(io, outcomesFile);
  const inputsText = inputsFile === undefined ? undefined : await readText(io, inputsFile);
  const read = readCsvAnalysis({
    outcomes: { text: outcomesText, file: outcomesFile },
    ...(inputsText === undefined || inputsFile === undefined
      ? {}
      : { inputs: { text: inputsText, file: inputsFile } }),
    settings,
    columns,
  });
  const tables = [
    read.tables.outcomes,
    ...(read.tables.inputs === undefined ? [] : [read.tables.inputs]),
  ];
  return read.success
    ? { analysis: read.analysis, issues: [], tables, notes: read.notes }
    : { issues: read.issues, tables, notes: read.notes };
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
 * Reads `--map "Field=Header"` flags into a field → header mapping. A field sroi does not read
 * is a usage error; every name is data (`__proto__=X` is an unknown field, not a prototype).
 */
export function parseColumnMap(maps: readonly string[]): Record<string, string> {
  const columns = new Map<string, string>();
  for (const map of maps) {
    const at = map.indexOf('=');
    const field = map.slice(0, at).trim();
    const header = map.slice(at + 1).trim();
    if (at === -1 || field === '' || header === '') {
      throw new UsageError(
        `--map must be written "field=Your header", e.g. --map "outcome=Result", got "${map}"`,
      );
    }
    if (
      findColumn(outcomeColumns, field) === undefined &&
      findColumn(inputColumns, field) === undefined
    ) {
      const fields = [...new Set([...outcomeColumns, ...inputColumns].map((c) => c.name))];
      throw new UsageError(
        `--map names an unknown field "${field}" (fields: ${fields.join(', ')})`,
      );
    }
    columns.set(field, header);
  }
  // Object.fromEntries makes each name an own property, "__proto__" included.
  return Object.fromEntries(columns);
}

function readColumns(value: unknown, file: string): Record<string, string> {
  if (value === undefined) return {};
  const ok =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((header) => typeof header === 'string');
  if (!ok) {
    throw new CliError(
      `${file}: "columns" must map field names to your headers, e.g. { "outcome": "Result" }`,
    );
  }
  return value as Record<string, string>;
}

/** Loads the analysis with the shared loader; prints the row accounting and any problems. */
export async function loadOrReport(
  io: CliIo,
  file: string,
  flags: Parameters<typeof loadAnalysis>[2],
): Promise<Analysis | undefined> {
  const loaded = await loadAnalysis(io, file, flags);
  const summary = readSummary(loaded);
  if (summary !== '') io.stderr(summary);
  if (loaded.analysis === undefined) io.stderr(issueList(file, loaded.issues));
  return loaded.analysis;
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
