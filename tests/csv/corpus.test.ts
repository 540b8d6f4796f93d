/**
 * The corpus of awkward and malformed CSV files: each folder of `fixtures/csv/` holds
 * `outcomes.csv`, perhaps `inputs.csv`, and `expected.json` with the exact issues (code, file,
 * line, column, raw cell), the row accounting, the notes and — for files that should read —
 * hand-computed figures with their provenance.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { readCsvAnalysis } from '../../src/csv/readCsvAnalysis.js';

const corpus = join(__dirname, '..', '..', 'fixtures', 'csv');

interface Expected {
  readonly description: string;
  readonly settings: Record<string, unknown>;
  readonly columns?: Record<string, string>;
  readonly success: boolean;
  readonly issues: readonly Record<string, unknown>[];
  readonly tables: Record<string, Record<string, number>>;
  readonly notes?: readonly string[];
  readonly delimiter?: string;
  readonly headerLine?: number;
  readonly blankRows?: number;
  readonly commentRows?: number;
  readonly figures?: Record<string, string>;
}

const cases = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const dir = join(corpus, entry.name);
    const read = (file: string) =>
      existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : undefined;
    const expected = JSON.parse(read('expected.json') ?? '{}') as Expected;
    const inputs = read('inputs.csv');
    const sources = {
      outcomes: { text: read('outcomes.csv') ?? '', file: 'outcomes.csv' },
      ...(inputs === undefined ? {} : { inputs: { text: inputs, file: 'inputs.csv' } }),
      settings: expected.settings,
      ...(expected.columns === undefined ? {} : { columns: expected.columns }),
    };
    const result = readCsvAnalysis(sources);
    return [entry.name, { expected, result, sources }] as const;
  });

describe('readCsvAnalysis on the corpus (fixtures/csv)', () => {
  it('has at least 30 files', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('%s: reports exactly the expected issues', (_name, { expected, result }) => {
    expect(result.success).toBe(expected.success);
    expect(result.issues).toHaveLength(expected.issues.length);
    expected.issues.forEach((issue, index) => {
      expect(result.issues[index]).toMatchObject(issue);
    });
  });

  it.each(cases)(
    '%s: accounts for every row (read = used + rejected)',
    (_name, { expected, result }) => {
      const tables = Object.entries(result.tables);
      expect(tables.map(([which]) => which).sort()).toEqual(Object.keys(expected.tables).sort());
      for (const [which, table] of tables) {
        expect(table.rowsRead).toBe(table.rowsUsed + table.rowsRejected);
        expect(table).toMatchObject(expected.tables[which] ?? {});
      }
    },
  );

  it.each(cases)('%s: gives the expected notes and layout', (_name, { expected, result }) => {
    expect(result.notes.map((note) => note.code).sort()).toEqual(
      [...(expected.notes ?? [])].sort(),
    );
    const outcomes = result.tables.outcomes;
    if (expected.delimiter !== undefined) expect(outcomes.delimiter).toBe(expected.delimiter);
    if (expected.headerLine !== undefined) expect(outcomes.headerLine).toBe(expected.headerLine);
    if (expected.blankRows !== undefined) expect(outcomes.blankRows).toBe(expected.blankRows);
    if (expected.commentRows !== undefined) expect(outcomes.commentRows).toBe(expected.commentRows);
  });

  const withFigures = cases.filter(([, { expected }]) => expected.figures !== undefined);
  it.each(withFigures)('%s: gives the hand-computed figures', (_name, { expected, result }) => {
    expect(result.success).toBe(true);
    if (!result.success) return;
    const sroi = evaluateAnalysis(result.analysis) as unknown as Record<string, unknown>;
    const { provenance, ...figures } = expected.figures ?? {};
    expect(provenance).toMatch(/hand-computed/);
    for (const [figure, value] of Object.entries(figures)) expect(sroi[figure]).toBe(value);
  });
});
