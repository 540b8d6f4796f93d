/**
 * The published evaluations the library reproduces (docs/fixtures.md). Every folder under `fixtures/`
 * that has an `expected.json` is one fixture: its `analysis.json` goes through `calculateSroi`,
 * its CSV form (`analysis-csv.json` naming `outcomes.csv` and `inputs.csv`) goes through the CLI
 * in-process, and every published figure must come out equal when rounded half-up to the
 * precision it was published at. Adding a fixture needs no test code. The format of
 * `expected.json` is documented in docs/fixtures.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { calculateSroi } from '../src/index.js';
import type { AnalysisInput, SroiResult } from '../src/index.js';
import { run } from '../src/cli/run.js';
import type { CliIo } from '../src/cli/_io.js';
import { round } from '../src/report/round.js';

const root = join(__dirname, '..');
const fixturesDir = join(root, 'fixtures');
/** `fixtures/csv/` is the corpus of awkward CSV files, not published evaluations. */
const NOT_EVALUATIONS = new Set(['csv', 'hostile']);

const TOTALS = [
  'totalPresentValue',
  'totalInputs',
  'netPresentValue',
  'sroiRatio',
  'netSroiRatio',
  'paybackMonths',
] as const;
const SLICE = ['presentValue', 'share', 'sroiRatio'] as const;

/** A figure written with exactly `decimals` places, as it was published. */
const figureSchema = z
  .strictObject({
    value: z.string().regex(/^-?\d+(\.\d+)?$/, 'value must be a plain decimal string'),
    decimals: z.number().int().min(0).max(12),
    basis: z.enum(['published', 'derived']),
    wording: z.string().min(1),
  })
  .refine((f) => (f.value.split('.')[1] ?? '').length === f.decimals, {
    message: 'value must be written with exactly `decimals` decimal places',
  });

const claimSchema = z
  .strictObject({
    figure: z.enum(TOTALS),
    category: z.string().min(1).optional(),
    value: z.string().regex(/^-?\d+(\.\d+)?$/),
    decimals: z.number().int().min(0).max(12),
    wording: z.string().min(1),
    source: z.string().min(1),
  })
  .refine((c) => (c.value.split('.')[1] ?? '').length === c.decimals, {
    message: 'value must be written with exactly `decimals` decimal places',
  });

const expectedSchema = z.strictObject({
  fixture: z.string().min(1),
  map: z.enum(['original', 'reconstruction', 'totals-only']),
  source: z.string().min(1),
  figures: z.strictObject(Object.fromEntries(TOTALS.map((k) => [k, figureSchema.optional()]))),
  categories: z
    .record(
      z.string(),
      z.strictObject(Object.fromEntries(SLICE.map((k) => [k, figureSchema.optional()]))),
    )
    .optional(),
  claims: z.array(claimSchema),
  notChecked: z.array(
    z.strictObject({
      figure: z.string().min(1),
      value: z.string().min(1),
      wording: z.string().min(1),
      reason: z.string().min(1),
    }),
  ),
});
type Expected = z.infer<typeof expectedSchema>;

/** The first line of SOURCE.md for each kind of map. */
const FIRST_LINE: Record<Expected['map'], RegExp> = {
  original: /^Original: \S/,
  reconstruction: /^Reconstruction: \S/,
  'totals-only': /^Totals-only: \S/,
};

/** One published figure to compare: where it is in the result, its value, its precision. */
interface Check {
  readonly label: string;
  readonly pick: (result: SroiResult) => string | number | null | undefined;
  readonly value: string;
  readonly decimals: number;
}

function checksOf(expected: Expected): Check[] {
  const checks: Check[] = [];
  for (const name of TOTALS) {
    const figure = expected.figures[name];
    if (figure === undefined) continue;
    checks.push({ label: name, pick: (r) => r[name], ...figure });
  }
  for (const [category, slice] of Object.entries(expected.categories ?? {})) {
    for (const name of SLICE) {
      const figure = slice[name];
      if (figure === undefined) continue;
      checks.push({
        label: `categories["${category}"].${name}`,
        pick: (r) => r.categories.find((c) => c.category === category)?.[name],
        ...figure,
      });
    }
  }
  for (const claim of expected.claims) {
    const { figure, category } = claim;
    checks.push({
      label: `claim: ${category === undefined ? '' : `categories["${category}"].`}${figure} ${claim.value} (${claim.source})`,
      pick: (r) =>
        category === undefined
          ? r[figure]
          : r.categories.find((c) => c.category === category)?.[figure as (typeof SLICE)[number]],
      value: claim.value,
      decimals: claim.decimals,
    });
  }
  return checks;
}

/** The figure rounded half-up to its published precision, or a note of why there is none. */
function rounded(actual: string | number | null | undefined, decimals: number): string {
  if (actual === null || actual === undefined) return `no figure (${String(actual)})`;
  return round(String(actual), decimals);
}

interface Fixture {
  readonly name: string;
  readonly dir: string;
  readonly expected: z.ZodSafeParseResult<Expected>;
}

const fixtures: Fixture[] = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !NOT_EVALUATIONS.has(entry.name))
  .filter((entry) => existsSync(join(fixturesDir, entry.name, 'expected.json')))
  .map((entry) => entry.name)
  .sort()
  .map((name) => {
    const dir = join(fixturesDir, name);
    const json: unknown = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    return { name, dir, expected: expectedSchema.safeParse(json) };
  });

async function runCli(argv: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: () => Promise.reject(new Error('the fixture test writes no files')),
    cwd: root,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

describe('fixtures/', () => {
  it('holds the five published fixtures, each with an expected.json', () => {
    const names = fixtures.map((f) => f.name);
    for (const name of [
      'befriending-pssru-2010',
      'changing-minds',
      'connected-care-basildon',
      'health-precinct',
      'restoration-trust-2016-17',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('has no evaluation folder without an expected.json (none is skipped silently)', () => {
    const folders = readdirSync(fixturesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !NOT_EVALUATIONS.has(entry.name))
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual(fixtures.map((f) => f.name));
  });
});

describe.each(fixtures)('fixture $name', ({ name, dir, expected }) => {
  it('has an expected.json in the documented format', () => {
    expect(expected.error?.issues ?? []).toEqual([]);
    expect(expected.data?.fixture).toBe(name);
  });
  if (!expected.success) return;
  const spec = expected.data;
  const checks = checksOf(spec);

  it('checks at least one published figure', () => {
    expect(checks.filter((c) => !c.label.startsWith('claim:')).length).toBeGreaterThan(0);
  });

  it(`has a SOURCE.md whose first line says the map is ${spec.map}`, () => {
    const source = readFileSync(join(dir, 'SOURCE.md'), 'utf8');
    const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
    expect(firstLine).toMatch(FIRST_LINE[spec.map]);
  });

  const analysis = JSON.parse(readFileSync(join(dir, 'analysis.json'), 'utf8')) as AnalysisInput;
  const result = calculateSroi(analysis);

  describe('calculateSroi(analysis.json)', () => {
    it.each(checks)('reproduces $label = $value', ({ pick, value, decimals }) => {
      expect(rounded(pick(result), decimals)).toBe(value);
    });

    it('raises no warnings', () => {
      expect(result.warnings).toEqual([]);
    });

    if (spec.map === 'totals-only') {
      it('carries the published totals untransformed (one input, one outcome)', () => {
        const [outcome, ...moreOutcomes] = analysis.outcomes;
        const [input, ...moreInputs] = analysis.inputs ?? [];
        expect(moreOutcomes).toEqual([]);
        expect(moreInputs).toEqual([]);
        // totals-only: quantity 1, duration 1, no deductions, discount rate 0, so PV = proxy value
        expect(result.totalPresentValue).toBe(String(outcome?.proxy.value));
        expect(result.totalInputs).toBe(String(input?.value));
      });
    }
  });

  describe('run(calculate analysis-csv.json --format json)', () => {
    const file = `fixtures/${name}/analysis-csv.json`;
    let cached: ReturnType<typeof runCli> | undefined;
    const cli = () => (cached ??= runCli(['calculate', file, '--format', 'json']));
    const fromCsv = async (): Promise<SroiResult> => {
      const { code, stdout, stderr } = await cli();
      if (code !== 0) throw new Error(`sroi calculate ${file} exited ${code}:\n${stderr}`);
      return JSON.parse(stdout) as SroiResult;
    };

    it('exits 0', async () => {
      const { code, stderr } = await cli();
      expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' }); // stderr shown on failure
    });

    it.each(checks)('reproduces $label = $value', async ({ pick, value, decimals }) => {
      expect(rounded(pick(await fromCsv()), decimals)).toBe(value);
    });

    it('gives exactly the figures of analysis.json', async () => {
      const csv = await fromCsv();
      expect({
        totalPresentValue: csv.totalPresentValue,
        totalInputs: csv.totalInputs,
        categories: csv.categories,
        outcomes: csv.outcomes.map((o) => [o.id, o.presentValue]),
      }).toEqual({
        totalPresentValue: result.totalPresentValue,
        totalInputs: result.totalInputs,
        categories: result.categories,
        outcomes: result.outcomes.map((o) => [o.id, o.presentValue]),
      });
    });
  });
});
