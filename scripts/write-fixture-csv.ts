/**
 * Writes a fixture's CSV form from its analysis.json (docs/fixtures.md, "The files of a
 * fixture"): `outcomes.csv` and `inputs.csv` with the canonical headers of src/csv/csvColumns.ts,
 * and `analysis-csv.json`, the same settings naming the two tables.
 *
 *   npx tsx scripts/write-fixture-csv.ts fixtures/living-well-taking-control …
 *   npx tsx scripts/write-fixture-csv.ts --check fixtures/…   # exit 1 if a file would change
 *
 * Cells are the analysis' own text ("10%", "45.33"), so the CSV says what the JSON says. A
 * stakeholder is written by its name when the analysis lists stakeholders (as a Value Map
 * would), and every deduction and drop-off column is written, 0 where the analysis leaves it out,
 * so that neither form warns of a missing column. `tests/fixtures.test.ts` checks that both
 * forms give the same figures to the last digit.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputColumns, outcomeColumns } from '../src/csv/csvColumns.js';
import { formatCsv } from '../src/csv/formatCsv.js';
import type { CsvColumn } from '../src/csv/csvColumns.js';

type Row = Record<string, unknown>;

/** Columns written with a default when the analysis leaves the field out. */
const DEFAULTS: Record<string, string> = {
  start: '1',
  deadweight: '0',
  displacement: '0',
  attribution: '0',
  leakage: '0',
  drop_off: '0',
};

function at(row: Row, path: readonly string[]): unknown {
  let value: unknown = row;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Row)[key];
  }
  return value;
}

function cell(value: unknown, column: CsvColumn): string | undefined {
  if (value === undefined || value === null) return DEFAULTS[column.name];
  if (column.list === true && Array.isArray(value)) return value.map(String).join(';');
  return String(value);
}

/** One table: the columns some row fills (and the defaulted ones), then one line per row. */
function table(rows: readonly Row[], columns: readonly CsvColumn[]): string {
  const used = columns.filter(
    (column) =>
      DEFAULTS[column.name] !== undefined || rows.some((row) => at(row, column.path) !== undefined),
  );
  const lines = rows.map((row) => used.map((column) => cell(at(row, column.path), column)));
  return formatCsv([used.map((column) => column.name), ...lines], { newline: '\n' });
}

function csvForm(folder: string): Record<string, string> {
  const analysis = JSON.parse(readFileSync(join(folder, 'analysis.json'), 'utf8')) as Row;
  const { outcomes, inputs, ...settings } = analysis;
  const stakeholders = Array.isArray(settings['stakeholders'])
    ? new Map((settings['stakeholders'] as Row[]).map((s) => [s['id'], s['name']]))
    : undefined;
  const named = (row: Row): Row =>
    stakeholders?.has(row['stakeholder']) === true
      ? { ...row, stakeholder: stakeholders.get(row['stakeholder']) }
      : row;
  return {
    'outcomes.csv': table((outcomes as Row[]).map(named), outcomeColumns),
    'inputs.csv': table(((inputs ?? []) as Row[]).map(named), inputColumns),
    'analysis-csv.json': `${JSON.stringify({ ...settings, outcomes: 'outcomes.csv', inputs: 'inputs.csv' }, null, 2)}\n`,
  };
}

const check = process.argv.includes('--check');
const folders = process.argv.slice(2).filter((arg) => arg !== '--check');
if (folders.length === 0) {
  console.error('usage: npx tsx scripts/write-fixture-csv.ts [--check] fixtures/<name> …');
  process.exit(2);
}
let stale = 0;
for (const folder of folders) {
  for (const [file, text] of Object.entries(csvForm(folder))) {
    const path = join(folder, file);
    const same = existsSync(path) && readFileSync(path, 'utf8') === text;
    if (check) {
      if (!same) {
        stale += 1;
        console.error(`${path} differs from what analysis.json gives`);
      }
    } else if (!same) {
      writeFileSync(path, text);
      console.log(`wrote ${path}`);
    }
  }
}
if (stale > 0) process.exit(1);
