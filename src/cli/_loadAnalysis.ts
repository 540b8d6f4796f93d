import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { CliError, UsageError } from './_errors.js';
import { issueList, readSummary } from './_printRead.js';
import { parseJson, readText } from './_readInput.js';
import { readCsvAnalysis } from '../csv/readCsvAnalysis.js';
import { safeParseAnalysis } from '../schema/parseAnalysis.js';
import type { CliIo } from './_io.js';
import type { CsvNote } from '../csv/CsvNote.js';
import type { CsvTableAccounting } from '../csv/readCsvAnalysis.js';
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
}

/** An analysis read from the command line's files and flags, or every problem with it. */
export interface LoadedAnalysis {
  readonly analysis?: Analysis;
  readonly issues: readonly Issue[];
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
  const columns = parseColumnMap(flags.map ?? []);
  if (extname(file).toLowerCase() === '.json') {
    const json = parseJson(await readText(io, file), file);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new CliError(
        `${file}: an analysis file must hold a JSON object, got ${Array.isArray(json) ? 'a list' : typeof json}`,
      );
    }
    const { outcomes, inputs, columns: fileColumns, ...rest } = json as Record<string, unknown>;
    if (typeof outcomes !== 'string' && typeof inputs !== 'string' && flags.inputs === undefined) {
      if (fileColumns !== undefined) {
        throw new CliError(`${file}: "columns" applies only when "outcomes" names a CSV file`);
      }
      const parsed = safeParseAnalysis(
        withFlags({ ...rest, outcomes, ...(inputs === undefined ? {} : { inputs }) }, flags),
      );
      return parsed.success
        ? { analysis: parsed.analysis, issues: [], tables: [], notes: [] }
        : { issues: parsed.issues, tables: [], notes: [] };
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
    return readCsv(io, outcomesFile, inputsFile, settings, {
      ...readColumns(fileColumns, file),
      ...columns,
    });
  }
  const settings = withFlags({ name: defaultName(file) }, flags);
  return readCsv(io, file, flags.inputs, settings, columns);
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

/** Reads `--map "Field=Header"` flags into a field → header mapping. */
export function parseColumnMap(maps: readonly string[]): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const map of maps) {
    const at = map.indexOf('=');
    const field = map.slice(0, at).trim();
    const header = map.slice(at + 1).trim();
    if (at === -1 || field === '' || header === '') {
      throw new UsageError(
        `--map must be written "field=Your header", e.g. --map "outcome=Result", got "${map}"`,
      );
    }
    columns[field] = header;
  }
  return columns;
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
 * The raw `scenarios` or `uncertainty` section of an analysis JSON file (already checked for
 * shape by the loader); `undefined` when the file is a CSV or has no such section.
 */
export async function readSection(
  io: CliIo,
  file: string,
  key: 'scenarios' | 'uncertainty',
): Promise<unknown> {
  if (extname(file).toLowerCase() !== '.json') return undefined;
  const json = parseJson(await readText(io, file), file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  return (json as Record<string, unknown>)[key];
}
