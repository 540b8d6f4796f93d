/**
 * The Value Map corpus (fixtures/valuemap/, made by scripts/make-valuemap-corpus.ts): a charity's
 * Value Map as spreadsheets keep and export it. Every case goes through the library — the file's
 * bytes by `readWorkbook` or `decodeText`, then `readValueMap` (or `readCsvAnalysis` for a plain
 * table) — and through the CLI (`sroi calculate --format json`), and must give the figures of its
 * expected.json (computed by the script with decimal.js alone, independently of src/), the
 * result's warnings, the sheet's own figures that differ, and the issues at their cells.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/calc/_decimal.js';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { run } from '../../src/cli/run.js';
import { readCsvAnalysis } from '../../src/csv/readCsvAnalysis.js';
import { formatIssue } from '../../src/model/formatIssue.js';
import { readValueMap } from '../../src/valuemap/readValueMap.js';
import { valueMapFeatures } from '../../src/valuemap/valueMapFeatures.js';
import { decodeText } from '../../src/workbook/decodeText.js';
import { readWorkbook } from '../../src/workbook/readWorkbook.js';
import { sniffBytes } from '../../src/workbook/sniffBytes.js';
import { fakeIo } from '../cli/_fakeIo.js';
import type { SroiResult } from '../../src/model/result.js';

interface Expected {
  readonly description: string;
  readonly file: string;
  readonly exit: number;
  readonly figures?: Readonly<Record<string, string>>;
  readonly provenance?: string;
  readonly warnings?: readonly string[];
  readonly sheetFiguresDiffer?: readonly string[];
  readonly notes?: readonly string[];
  readonly issues?: readonly string[];
  readonly kind?: string;
  readonly organisation?: string;
}

const corpus = join(__dirname, '..', '..', 'fixtures', 'valuemap');
const cases = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const dir = join(corpus, entry.name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    return {
      name: entry.name,
      rel: `fixtures/valuemap/${entry.name}/${expected.file}`,
      dir,
      expected,
    };
  });

/** The case's file read by the library, routed by its bytes and content as the CLI routes it. */
function readCase(dir: string, file: string) {
  const bytes = new Uint8Array(readFileSync(join(dir, file)));
  if (sniffBytes(bytes) !== 'text') {
    const workbook = readWorkbook(bytes);
    if (workbook.workbook === undefined) throw new Error(JSON.stringify(workbook.issues));
    return readValueMap({ workbook: { workbook: workbook.workbook, issues: workbook.issues } });
  }
  const { text, note } = decodeText(bytes);
  const read =
    valueMapFeatures(text).length > 0
      ? readValueMap({ csv: { file, text } })
      : { ...readCsvAnalysis({ outcomes: { file, text } }), comparisons: [] };
  // how the bytes were decoded, as the CLI says it
  const decoded = note === undefined ? [] : [{ code: 'encoding' as const, message: note, file }];
  return { ...read, notes: [...decoded, ...read.notes] };
}

/** |actual − expected| ≤ 1e-20 × |expected|: the expected figures have 25 significant digits. */
function expectFigure(actual: string | null | undefined, expected: string, what: string): void {
  expect(actual, what).toBeTypeOf('string');
  const gap = new Dec(actual ?? '0').minus(expected).abs();
  expect(gap.lte(new Dec(expected).abs().times('1e-20')), `${what}: ${actual} vs ${expected}`).toBe(
    true,
  );
}

const warningsOf = (result: SroiResult) => result.warnings.map((w) => `${w.code}: ${w.message}`);

describe('the Value Map corpus (fixtures/valuemap)', () => {
  it('has every kind of file the corpus is made of', () => {
    expect(cases.map((c) => c.name).sort()).toEqual([
      'excel-csv-utf8',
      'excel-csv-windows-1252',
      'excel-unicode-text',
      'google-sheets-csv',
      'inputs-sheet',
      'libreoffice-semicolon-raw',
      'no-displacement-or-attribution-column',
      'rounded-percentage',
      'title-row-lost',
      'xlsx-as-kept',
      'xlsx-formula-without-result',
      'xlsx-no-saved-results',
    ]);
  });

  describe.each(cases)('$name', ({ dir, rel, expected }) => {
    const read = readCase(dir, expected.file);

    it('reads, or refuses with each problem at its cell', () => {
      expect(read.success).toBe(expected.exit === 0);
      expect(read.issues.map(formatIssue)).toEqual(expected.issues ?? []);
    });

    if (expected.figures !== undefined) {
      const figures = expected.figures;
      it(`gives the figures worked out independently (${expected.provenance ?? ''})`, () => {
        if (!read.success) throw new Error(read.issues.map(formatIssue).join('\n'));
        const result = evaluateAnalysis(read.analysis);
        for (const [name, value] of Object.entries(figures)) {
          expectFigure(result[name as keyof SroiResult] as string, value, name);
        }
      });

      it('warns of exactly what it should', () => {
        if (!read.success) return;
        expect(warningsOf(evaluateAnalysis(read.analysis))).toEqual(expected.warnings ?? []);
      });

      it('compares the sheet’s own figures, and finds exactly those that differ', () => {
        const differ = read.comparisons.filter((c) => !c.agrees).map((c) => c.cell);
        expect(differ).toEqual(expected.sheetFiguresDiffer ?? []);
        const codes = read.notes.map((n) => n.code);
        for (const code of expected.notes ?? []) expect(codes).toContain(code);
      });
    }

    if (expected.kind !== undefined || expected.organisation !== undefined) {
      it('reads the title rows', () => {
        expect(read.success && read.analysis).toMatchObject({
          ...(expected.kind === undefined ? {} : { kind: expected.kind }),
          ...(expected.organisation === undefined ? {} : { organisation: expected.organisation }),
        });
      });
    }

    it('gives the same through the CLI (sroi calculate --format json)', async () => {
      const fake = fakeIo();
      const code = await run(['calculate', rel, '--format', 'json'], fake.io);
      expect(code).toBe(expected.exit);
      if (expected.exit !== 0) {
        for (const issue of expected.issues ?? []) expect(fake.out.stderr).toContain(issue);
        return;
      }
      const result = JSON.parse(fake.out.stdout) as SroiResult;
      for (const [name, value] of Object.entries(expected.figures ?? {})) {
        expectFigure(result[name as keyof SroiResult] as string, value, name);
      }
      const differ = expected.sheetFiguresDiffer ?? [];
      // a figure of the sheet that differs is a warning of the result, and one line each
      const sheetWarnings = result.warnings.filter((w) => w.code === 'SHEET_FIGURES_DISAGREE');
      expect(sheetWarnings).toHaveLength(differ.length === 0 ? 0 : 1);
      expect(
        warningsOf({
          ...result,
          warnings: result.warnings.filter((w) => w.code !== 'SHEET_FIGURES_DISAGREE'),
        }),
      ).toEqual(expected.warnings ?? []);
      // a CSV's cells are named by the file as the command was given it; a sheet's by the sheet
      const folder = rel.slice(0, rel.length - expected.file.length);
      for (const cell of differ) {
        expect(fake.out.stderr).toContain(
          `warning: ${cell.startsWith("'") ? cell : folder + cell}: `,
        );
      }
    });
  });

  it('shows each figure the sheet computes otherwise as a finding of sroi check', async () => {
    const fake = fakeIo();
    const code = await run(
      ['check', 'fixtures/valuemap/rounded-percentage/value-map.csv', '--format', 'json'],
      fake.io,
    );
    expect(code).toBe(0);
    const findings = (JSON.parse(fake.out.stdout) as { findings: { code: string }[] }).findings;
    // the 13 cells of rounded-percentage/expected.json
    expect(findings.filter((f) => f.code === 'SHEET_FIGURES_DISAGREE')).toHaveLength(13);
  });
});
