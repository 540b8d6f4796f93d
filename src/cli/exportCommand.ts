import { parseCommandArgs, theOneFile } from './_parseCommandArgs.js';
import { UsageError } from './_errors.js';
import { analysisFlags, loadOrReport, resultOf } from './_loadAnalysis.js';
import { inputColumns, outcomeColumns } from '../csv/csvColumns.js';
import type { CsvColumn } from '../csv/csvColumns.js';
import { formatCsv } from '../csv/formatCsv.js';
import { writeValueMap } from '../workbook/writeValueMap.js';
import { refuseInput, writeFiles, writeOutput, writeText } from './_writeOutput.js';
import type { CliIo } from './_io.js';
import type { Analysis } from '../model/analysis.js';

const FORMATS = ['xlsx', 'json', 'csv'] as const;

/** `sroi export --help`. */
export const EXPORT_HELP = `Usage: sroi export <analysis.json | value-map.xlsx | outcomes.csv> [options] --out PATH

Writes the analysis in another form: a Value Map workbook whose formulas give sroi's figures
when Excel or LibreOffice recalculates it, the validated analysis as JSON, or the two CSV tables
with the analysis file that names them. See docs/value-map.md.

Where the data is, and settings: as for sroi calculate (sroi calculate --help).
Output:
  -f, --format <format>         xlsx: a Value Map workbook, --out map.xlsx (default)
                                json: the validated analysis (standard output without --out)
                                csv: outcomes.csv, inputs.csv and analysis.json in --out DIR
  -o, --out <path>              the file (xlsx, json) or the folder (csv)
  --force                       overwrite existing CSV tables

Examples:
  sroi export examples/befriending/analysis.json --out befriending.xlsx
  sroi export outcomes.csv --inputs inputs.csv --format json --out analysis.json
  sroi export analysis.json --format csv --out tables
`;

/**
 * `sroi export <analysis.json | value-map.xlsx | outcomes.csv> [--format xlsx|json|csv] --out PATH [settings]`:
 * the analysis in another form. `xlsx` (the default): a Value Map workbook with live formulas
 * (`--out map.xlsx`); `json`: the validated analysis, one file (standard output without
 * `--out`); `csv`: `outcomes.csv`, `inputs.csv` and `analysis.json` naming them, into the folder
 * `--out DIR` (existing files are kept unless `--force`).
 */
export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...analysisFlags,
    format: { type: 'string', short: 'f', default: 'xlsx' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean', default: false },
  });
  const file = theOneFile(
    positionals,
    'export needs an analysis file or an outcomes CSV: sroi export analysis.json --out map.xlsx',
  );
  const format = FORMATS.find((f) => f === values.format);
  if (format === undefined) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
  }
  const out = values.out;
  if (out === undefined && format !== 'json') {
    throw new UsageError(
      format === 'xlsx'
        ? '--format xlsx writes a workbook: give the file with --out, e.g. --out map.xlsx'
        : '--format csv writes three files: give their folder with --out, e.g. --out tables',
    );
  }

  const analysis = await loadOrReport(io, file, values);
  if (analysis === undefined) return 1;
  if (format === 'json') {
    await writeOutput(io, out, `${JSON.stringify(analysis, null, 2)}\n`, 'data');
    return 0;
  }
  if (format === 'xlsx' && out !== undefined) {
    const result = resultOf(file, analysis);
    await refuseInput(io, out);
    await writeText(io, out, writeValueMap(analysis, result));
    io.stderr(`wrote ${out}\n`);
    return 0;
  }
  await writeFiles(io, out ?? '.', analysisTables(analysis), values.force);
  const hasColumn = (field: string) => outcomeColumns.some((c) => c.path[0] === field);
  const lost = [
    !hasColumn('evidence') && analysis.outcomes.some((o) => o.evidence !== undefined)
      ? 'the evidence of each assumption'
      : '',
    !hasColumn('output') && analysis.outcomes.some((o) => o.output !== undefined)
      ? 'the outputs'
      : '',
  ].filter((what) => what !== '');
  if (lost.length > 0) {
    io.stderr(
      `note: the CSV tables have no column for ${lost.join(' or ')}; --format json and --format xlsx keep them\n`,
    );
  }
  return 0;
}

/**
 * The analysis as the two tables of docs/csv-format.md and the settings file naming them. An
 * assumption the analysis does not state gets no column, as in the table it came from (the
 * outcomes table decides `notStated` when it is read back).
 */
function analysisTables(analysis: Analysis): Record<string, string> {
  const table = (columns: readonly CsvColumn[], rows: readonly object[]) =>
    formatCsv([
      columns.map((c) => c.name),
      ...rows.map((row) => columns.map((c) => cellText(valueAt(row, c.path)))),
    ]);
  const { outcomes, inputs, notStated, ...settings } = analysis;
  const unstated = new Set<string>(notStated ?? []);
  return {
    'outcomes.csv': table(
      outcomeColumns.filter((c) => !unstated.has(c.path.join('.'))),
      outcomes,
    ),
    'inputs.csv': table(inputColumns, inputs),
    'analysis.json': `${JSON.stringify({ ...settings, outcomes: 'outcomes.csv', inputs: 'inputs.csv' }, null, 2)}\n`,
  };
}

function valueAt(row: object, path: readonly string[]): unknown {
  let value: unknown = row;
  for (const key of path) {
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  return value;
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}
