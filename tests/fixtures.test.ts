/**
 * The published evaluations the library reproduces (docs/fixtures.md). Every folder under `fixtures/`
 * that has an `expected.json` is one fixture. Its analysis goes four ways — `calculateSroi` on
 * `analysis.json`, `readCsvAnalysis` on its CSV tables, and the CLI (`sroi calculate`, and
 * `sroi sensitivity --scenarios` when it has scenarios) on `analysis.json` and on
 * `analysis-csv.json`, and `sroi calculate value-map.xlsx` for a fixture with its Value Map
 * workbook — and every published figure, its scenarios' included, must come out of each: equal when rounded half-up to the precision it was published at, or, for a totals-only
 * fixture whose printed values are rounded, within a stated tolerance that the rounding of those
 * values explains. Adding a fixture needs no test code. The format of `expected.json` is
 * documented in docs/fixtures.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import {
  calculateSroi,
  evaluateAnalysis,
  evaluateScenarios,
  parseAnalysis,
  parseScenarios,
  readCsvAnalysis,
} from '../src/index.js';
import type { AnalysisInput, OutcomeResult, SliceResult, SroiResult } from '../src/index.js';
import { run } from '../src/cli/run.js';
import type { CliIo } from '../src/cli/_io.js';
import { Dec } from '../src/calc/_decimal.js';
import { round } from '../src/report/round.js';
import { readValueMap } from '../src/valuemap/readValueMap.js';
import { readWorkbook } from '../src/workbook/readWorkbook.js';

const root = join(__dirname, '..');
/**
 * `fixtures/csv/` is the corpus of awkward CSV files, `fixtures/hostile/` the hostile inputs
 * (docs/security.md) and `fixtures/valuemap/` the Value Map corpus (docs/value-map.md), not
 * published evaluations.
 */
const NOT_EVALUATIONS = new Set(['csv', 'hostile', 'valuemap']);

/** Every evaluation folder, `fixtures/<name>/`, by name. */
function evaluationFolders(): { readonly name: string; readonly rel: string }[] {
  return readdirSync(join(root, 'fixtures'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NOT_EVALUATIONS.has(entry.name))
    .map((entry) => ({ name: entry.name, rel: `fixtures/${entry.name}` }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Headline figures, each a field of the result. */
const TOTALS = [
  'totalPresentValue',
  'totalInputs',
  'netPresentValue',
  'sroiRatio',
  'netSroiRatio',
  'paybackMonths',
] as const;
/**
 * `totalImpact` is the Value Map's total impact row, Σ `outcomes[].impact`; the result has no
 * field for it, so the test adds up the engine's per-outcome impacts (as it does for a
 * stakeholder's or category's `impact`).
 */
const FIGURES = [...TOTALS, 'totalImpact'] as const;
const OUTCOME_FIGURES = ['grossValue', 'impact', 'presentValue'] as const;
const SLICE_FIGURES = ['impact', 'presentValue', 'share', 'sroiRatio'] as const;
const YEAR_FIGURES = ['value', 'presentValue'] as const;

const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/, 'value must be a plain decimal string');
const sameDecimals = (f: { value: string; decimals: number }) =>
  (f.value.split('.')[1] ?? '').length === f.decimals;

/** A figure written with exactly `decimals` places, as it was published. */
const figureSchema = z
  .strictObject({
    value: decimalText,
    decimals: z.number().int().min(0).max(12),
    basis: z.enum(['published', 'derived']),
    wording: z.string().min(1),
    tolerance: z.strictObject({ amount: decimalText, reason: z.string().min(1) }).optional(),
  })
  .refine(sameDecimals, {
    message: 'value must be written with exactly `decimals` decimal places',
  });
type Figure = z.infer<typeof figureSchema>;

function figures<const K extends string>(keys: readonly K[]) {
  const shape = Object.fromEntries(keys.map((k) => [k, figureSchema.optional()])) as Record<
    K,
    z.ZodOptional<typeof figureSchema>
  >;
  return z.strictObject(shape);
}

/** Published figures of one result: the base case's, or a scenario's. */
const resultChecksShape = {
  figures: figures(FIGURES).optional(),
  outcomes: z.record(z.string(), figures(OUTCOME_FIGURES)).optional(),
  stakeholders: z.record(z.string(), figures(SLICE_FIGURES)).optional(),
  categories: z.record(z.string(), figures(SLICE_FIGURES)).optional(),
  years: z
    .record(z.string().regex(/^\d+$/, 'a year is a whole number'), figures(YEAR_FIGURES))
    .optional(),
};
type ResultChecks = z.infer<z.ZodObject<typeof resultChecksShape>>;

const claimSchema = z
  .strictObject({
    figure: z.enum(TOTALS),
    category: z.string().min(1).optional(),
    value: decimalText,
    decimals: z.number().int().min(0).max(12),
    wording: z.string().min(1),
    source: z.string().min(1),
  })
  .refine(sameDecimals, {
    message: 'value must be written with exactly `decimals` decimal places',
  });

const expectedSchema = z.strictObject({
  fixture: z.string().min(1),
  map: z.enum(['original', 'reconstruction', 'totals-only']),
  source: z.string().min(1),
  ...resultChecksShape,
  figures: figures(FIGURES),
  scenarios: z.record(z.string(), z.strictObject(resultChecksShape)).optional(),
  combined: z
    .array(
      z.strictObject({
        with: z.array(z.string().min(1)).min(1),
        source: z.string().min(1),
        figures: figures(TOTALS),
      }),
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

type Picked = string | number | null | undefined;

/** One published figure to compare: where it is in the result, its value, its precision. */
interface Check<R> extends Figure {
  readonly label: string;
  readonly pick: (result: R) => Picked;
  /**
   * For a totals-only fixture: how far the figure may lie from the published one because the
   * values it is computed from were printed rounded (`roundingAllowances`), before the half unit
   * by which the published figure is itself rounded.
   */
  readonly allowance?: (result: R) => Dec;
}

/** Σ of the engine's impacts of the outcomes that `keep` selects; `undefined` when none is. */
function impactOf(result: SroiResult, keep: (o: SroiResult['outcomes'][number]) => boolean) {
  const outcomes = result.outcomes.filter(keep);
  if (outcomes.length === 0) return undefined;
  return outcomes.reduce((total, o) => total.plus(o.impact), new Dec(0)).toString();
}

function checksOf(
  spec: ResultChecks,
  allowances: Allowances | undefined,
  prefix = '',
): Check<SroiResult>[] {
  const checks: Check<SroiResult>[] = [];
  const add = (
    label: string,
    figure: Figure | undefined,
    pick: Check<SroiResult>['pick'],
    allowance?: Check<SroiResult>['allowance'],
  ) => {
    if (figure === undefined) return;
    checks.push({
      label: `${prefix}${label}`,
      pick,
      ...figure,
      ...(allowance ? { allowance } : {}),
    });
  };
  for (const name of FIGURES) {
    const money = name === 'totalPresentValue' || name === 'netPresentValue';
    add(
      name,
      spec.figures?.[name],
      (r) => (name === 'totalImpact' ? impactOf(r, () => true) : r[name]),
      money ? allowances?.presentValue : undefined,
    );
  }
  for (const [id, slice] of Object.entries(spec.outcomes ?? {})) {
    for (const name of OUTCOME_FIGURES) {
      add(
        `outcomes["${id}"].${name}`,
        slice[name],
        (r) => r.outcomes.find((o) => o.id === id)?.[name],
      );
    }
  }
  // A stakeholder's and a category's figures are read alike: its slice of the result, or, for
  // `impact`, the sum of its outcomes' impacts.
  const slices: [
    string,
    ResultChecks['stakeholders'],
    (o: OutcomeResult) => string,
    (r: SroiResult, id: string) => SliceResult | undefined,
  ][] = [
    [
      'stakeholders',
      spec.stakeholders,
      (o) => o.stakeholder,
      (r, id) => r.stakeholders.find((s) => s.stakeholder === id),
    ],
    [
      'categories',
      spec.categories,
      (o) => o.category,
      (r, id) => r.categories.find((c) => c.category === id),
    ],
  ];
  for (const [section, block, belongsTo, sliceOf] of slices) {
    for (const [id, slice] of Object.entries(block ?? {})) {
      for (const name of SLICE_FIGURES) {
        add(`${section}["${id}"].${name}`, slice[name], (r) =>
          name === 'impact' ? impactOf(r, (o) => belongsTo(o) === id) : sliceOf(r, id)?.[name],
        );
      }
    }
  }
  for (const [year, slice] of Object.entries(spec.years ?? {})) {
    for (const name of YEAR_FIGURES) {
      add(
        `years[${year}].${name}`,
        slice[name],
        (r) => r.years.find((y) => y.year === Number(year))?.[name],
        name === 'presentValue' && allowances !== undefined
          ? (r) => allowances.year(r, Number(year))
          : undefined,
      );
    }
  }
  return checks;
}

function claimChecks(spec: Expected): Check<SroiResult>[] {
  return spec.claims.map((claim) => {
    const { figure, category } = claim;
    return {
      label: `claim: ${category === undefined ? '' : `categories["${category}"].`}${figure} ${claim.value} (${claim.source})`,
      pick: (r: SroiResult) =>
        category === undefined
          ? r[figure]
          : r.categories.find((c) => c.category === category)?.[figure as 'sroiRatio'],
      value: claim.value,
      decimals: claim.decimals,
      basis: 'published' as const,
      wording: claim.wording,
    };
  });
}

/** The figure rounded half-up to its published precision, or a note of why there is none. */
function rounded(actual: Picked, decimals: number): string {
  if (actual === null || actual === undefined) return `no figure (${String(actual)})`;
  return round(String(actual), decimals);
}

/**
 * Expects a check's tolerance to be no wider than the rounding of the printed values explains:
 * it must have an allowance (a totals-only fixture's PV, NPV or year PV), and not exceed it.
 */
function expectHonestTolerance<R>(check: Check<R>, result: R): void {
  const allowance = allowed(check, result);
  expect(allowance, `${check.label} cannot be checked within a tolerance`).toBeDefined();
  expect({
    tolerance: check.tolerance?.amount,
    allowance: allowance?.toString(),
    withinAllowance: allowance !== undefined && allowance.gte(check.tolerance?.amount ?? 0),
  }).toMatchObject({ withinAllowance: true });
}

/** Expects the engine's figure to reproduce the published one (see the file's comment). */
function expectReproduced<R>(check: Check<R>, result: R): void {
  const actual = check.pick(result);
  if (check.tolerance === undefined) {
    expect(rounded(actual, check.decimals)).toBe(check.value);
    return;
  }
  expect(actual, `${check.label}: no figure`).toBeTypeOf('string');
  const gap = new Dec(String(actual)).minus(check.value).abs();
  expect({
    published: check.value,
    engine: actual,
    gap: gap.toString(),
    withinTolerance: gap.lte(check.tolerance.amount),
  }).toMatchObject({ withinTolerance: true });
}

/**
 * What the rounding of a totals-only fixture's printed values explains. Each outcome carries a
 * printed value as its proxy (quantity 1), written to some number of decimals, so the report's
 * own value lies within half a unit of its last printed digit; the outcome's present value,
 * linear in its proxy, then lies within that half unit × |PV ÷ proxy| of the report's. Summed
 * over the outcomes: for the whole PV (and the NPV, the inputs being exact), or for one year's.
 */
interface Allowances {
  readonly presentValue: (result: SroiResult) => Dec;
  readonly year: (result: SroiResult, year: number) => Dec;
}

function roundingAllowances(analysis: AnalysisInput): Allowances {
  const relative = new Map(
    analysis.outcomes.map((o, index) => {
      const written = String(o.proxy.value);
      const places = (/\.(\d+)$/.exec(written)?.[1] ?? '').length;
      return [o.id ?? `o${index + 1}`, halfUnit(places).div(new Dec(written).abs())];
    }),
  );
  const share = (id: string) => relative.get(id) ?? new Dec(0);
  return {
    presentValue: (r) =>
      r.outcomes.reduce((t, o) => t.plus(share(o.id).times(o.presentValue).abs()), new Dec(0)),
    year: (r, year) => {
      const factor = r.years.find((y) => y.year === year)?.discountFactor ?? '0';
      return r.outcomes.reduce((t, o) => {
        const value = o.years.find((y) => y.year === year)?.value ?? '0';
        return t.plus(share(o.id).times(value).times(factor).abs());
      }, new Dec(0));
    },
  };
}

/** Half a unit of the last of `decimals` places: 0.5 for whole pounds. */
const halfUnit = (decimals: number) => new Dec(5).times(new Dec(10).pow(-decimals - 1));

/** The tolerance a check may have: its allowance and half a unit of its published precision. */
function allowed<R>(check: Check<R>, result: R): Dec | undefined {
  return check.allowance?.(result).plus(halfUnit(check.decimals));
}

// ── The fixtures ────────────────────────────────────────────────────────────────────────────

interface Fixture {
  readonly name: string;
  /** The folder, relative to the repository root (`fixtures/<name>`). */
  readonly rel: string;
  readonly dir: string;
  readonly expected: z.ZodSafeParseResult<Expected>;
  readonly json: AnalysisInput & { readonly scenarios?: Record<string, unknown> };
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const fixtures: Fixture[] = evaluationFolders()
  .filter(({ rel }) => existsSync(join(root, rel, 'expected.json')))
  .map(({ name, rel }) => {
    const dir = join(root, rel);
    return {
      name,
      rel,
      dir,
      expected: expectedSchema.safeParse(readJson(join(dir, 'expected.json'))),
      json: readJson(join(dir, 'analysis.json')) as Fixture['json'],
    };
  });

// ── Four ways through the library and the CLI ───────────────────────────────────────────────

/** A fixture's base result and each scenario's, by name. */
interface Run {
  readonly base: SroiResult;
  readonly scenarios: ReadonlyMap<string, SroiResult>;
}

async function runCli(argv: readonly string[]): Promise<unknown> {
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
    readBytes: async (path) => new Uint8Array(await readFile(path)),
    writeFile: () => Promise.reject(new Error('the fixture test writes no files')),
    cwd: root,
  };
  const code = await run(argv, io);
  if (code !== 0) throw new Error(`sroi ${argv.join(' ')} exited ${code}:\n${stderr}`);
  return JSON.parse(stdout);
}

function scenarioResults(
  analysis: Parameters<typeof evaluateScenarios>[0],
  section: unknown,
): Map<string, SroiResult> {
  if (section === undefined) return new Map();
  const { scenarios } = evaluateScenarios(analysis, parseScenarios(section, analysis));
  return new Map(scenarios.map((s) => [s.name, s.result]));
}

const ROUTES = {
  'calculateSroi(analysis.json)': (f: Fixture): Promise<Run> => {
    const base = calculateSroi(f.json);
    return Promise.resolve({
      base,
      scenarios: scenarioResults(parseAnalysis(f.json), f.json.scenarios),
    });
  },
  'readCsvAnalysis(outcomes.csv, inputs.csv)': async (f: Fixture): Promise<Run> => {
    const { outcomes, inputs, ...settings } = readJson(join(f.dir, 'analysis-csv.json')) as Record<
      string,
      unknown
    >;
    const table = (file: unknown) => {
      const path = join(f.dir, String(file));
      return { file: path, text: readFileSync(path, 'utf8') };
    };
    const read = readCsvAnalysis({
      outcomes: table(outcomes),
      ...(inputs === undefined ? {} : { inputs: table(inputs) }),
      settings,
    });
    if (!read.success)
      throw new Error(`the CSV tables do not read: ${JSON.stringify(read.issues)}`);
    return Promise.resolve({
      base: evaluateAnalysis(read.analysis),
      scenarios: scenarioResults(read.analysis, settings['scenarios']),
    });
  },
  'sroi calculate analysis.json': (f: Fixture) => cliRun(`${f.rel}/analysis.json`, f),
  'sroi calculate analysis-csv.json': (f: Fixture) => cliRun(`${f.rel}/analysis-csv.json`, f),
  // The fixture's Value Map workbook (scripts/write-fixture-value-map.ts), when it has one: the
  // base case by the CLI, and the scenarios of analysis.json over the analysis read from it
  // (a workbook holds no scenarios).
  'sroi calculate value-map.xlsx': async (f: Fixture): Promise<Run> => {
    const file = `${f.rel}/${VALUE_MAP}`;
    const base = (await runCli(['calculate', file, '--format', 'json'])) as SroiResult;
    const workbook = readWorkbook(new Uint8Array(readFileSync(join(root, file))));
    if (workbook.workbook === undefined) throw new Error(JSON.stringify(workbook.issues));
    const read = readValueMap({ workbook: { workbook: workbook.workbook } });
    if (!read.success)
      throw new Error(`the workbook does not read: ${JSON.stringify(read.issues)}`);
    // A Value Map names its stakeholders; analysis.json's list says which id each name has.
    const ids = new Map((f.json.stakeholders ?? []).map((s) => [s.name ?? s.id, s.id ?? s.name]));
    const byId = (r: SroiResult): SroiResult => ({
      ...r,
      stakeholders: r.stakeholders.map((s) => ({
        ...s,
        stakeholder: ids.get(s.name) ?? s.stakeholder,
      })),
      outcomes: r.outcomes.map((o) => ({
        ...o,
        stakeholder: ids.get(o.stakeholder) ?? o.stakeholder,
      })),
    });
    const scenarios = scenarioResults(read.analysis, f.json.scenarios);
    return {
      base: byId(base),
      scenarios: new Map([...scenarios].map(([name, result]) => [name, byId(result)])),
    };
  },
};
/** The Value Map workbook a fixture may hold, as `sroi export` writes it. */
const VALUE_MAP = 'value-map.xlsx';
/** The routes a fixture goes: every one, but the workbook's only where there is a workbook. */
const routesOf = (f: Fixture): RouteName[] =>
  ROUTE_NAMES.filter(
    (route) => route !== 'sroi calculate value-map.xlsx' || existsSync(join(f.dir, VALUE_MAP)),
  );
type RouteName = keyof typeof ROUTES;
const ROUTE_NAMES = Object.keys(ROUTES) as RouteName[];
const REFERENCE: RouteName = 'calculateSroi(analysis.json)';

async function cliRun(file: string, f: Fixture): Promise<Run> {
  const base = (await runCli(['calculate', file, '--format', 'json'])) as SroiResult;
  if (f.json.scenarios === undefined) return { base, scenarios: new Map() };
  const printed = (await runCli(['sensitivity', file, '--scenarios', '--format', 'json'])) as {
    scenarios: { name: string; result: SroiResult }[];
  };
  return { base, scenarios: new Map(printed.scenarios.map((s) => [s.name, s.result])) };
}

const runs = new Map<string, Promise<Run>>();
/** Each fixture is run once per route, however many tests read it. */
function runOf(route: RouteName, name: string): Promise<Run> {
  const key = `${route}\n${name}`;
  let cached = runs.get(key);
  if (cached === undefined) {
    const fixture = fixtures.find((f) => f.name === name);
    cached =
      fixture === undefined
        ? Promise.reject(new Error(`no fixture "${name}"`))
        : ROUTES[route](fixture);
    runs.set(key, cached);
  }
  return cached;
}

/** What two routes must agree on, to the last digit. */
function figuresOf(result: SroiResult) {
  return {
    totalPresentValue: result.totalPresentValue,
    totalInputs: result.totalInputs,
    years: result.years,
    categories: result.categories,
    stakeholders: result.stakeholders,
    outcomes: result.outcomes.map((o) => [o.id, o.impact, o.presentValue]),
  };
}

// ── The tests ───────────────────────────────────────────────────────────────────────────────

describe('fixtures/', () => {
  it('holds the published fixtures, each with an expected.json', () => {
    const names = fixtures.map((f) => f.name);
    for (const name of [
      'befriending-pssru-2010',
      'changing-minds',
      'connected-care-basildon',
      'ctbc-brothers-baseball',
      'ctbc-love-and-arts-2018',
      'food-for-life-calderdale',
      'food-for-life-kirklees',
      'health-precinct',
      'living-well-taking-control',
      'restoration-trust-2016-17',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('has no evaluation folder without an expected.json (none is skipped silently)', () => {
    expect(evaluationFolders().map((f) => f.name)).toEqual(fixtures.map((f) => f.name));
  });
});

describe.each(fixtures)('fixture $name', (fixture) => {
  const { name, dir, expected, json } = fixture;
  it('has an expected.json in the documented format', () => {
    expect(expected.error?.issues ?? []).toEqual([]);
    expect(expected.data?.fixture).toBe(name);
  });
  if (!expected.success) return;
  const spec = expected.data;
  // Only a totals-only fixture may check a figure within a tolerance (docs/fixtures.md).
  const allowances = spec.map === 'totals-only' ? roundingAllowances(json) : undefined;
  const baseChecks = [...checksOf(spec, allowances), ...claimChecks(spec)];
  const scenarioChecks = Object.entries(spec.scenarios ?? {}).map(([scenario, block]) => ({
    scenario,
    checks: checksOf(block, allowances, `scenarios["${scenario}"].`),
  }));

  it('checks at least one published figure', () => {
    expect(baseChecks.filter((c) => !c.label.startsWith('claim:')).length).toBeGreaterThan(0);
    for (const { scenario, checks } of scenarioChecks) {
      expect(checks.length, `scenario "${scenario}" checks nothing`).toBeGreaterThan(0);
    }
  });

  it(`has a SOURCE.md whose first line says the map is ${spec.map}`, () => {
    const source = readFileSync(join(dir, 'SOURCE.md'), 'utf8');
    const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
    expect(firstLine).toMatch(FIRST_LINE[spec.map]);
  });

  it('checks every scenario of analysis.json, and no other', () => {
    expect(Object.keys(spec.scenarios ?? {}).sort()).toEqual(
      Object.keys(json.scenarios ?? {}).sort(),
    );
  });

  if (spec.map === 'original') {
    it('checks a published figure of every outcome, or says why not (notChecked)', () => {
      const unchecked = json.outcomes
        .map((o) => o.id ?? '')
        .filter((id) => spec.outcomes?.[id] === undefined)
        .filter((id) => !spec.notChecked.some((n) => n.figure.startsWith(`outcomes.${id}`)));
      expect(unchecked).toEqual([]);
    });

    it('carries the evidence of every assumption it states, with the report page', () => {
      // an original is a worked, sourced example: each proxy's source, and the evidence for the
      // quantity, the duration and every deduction or drop-off that is not zero
      const missing: string[] = [];
      for (const o of json.outcomes) {
        const id = o.id ?? '';
        if ((o.proxy.source ?? '').trim() === '') missing.push(`${id}.proxy.source`);
        const stated = ['quantity', 'duration'] as const;
        const deductions = (
          ['deadweight', 'displacement', 'attribution', 'leakage', 'dropOff'] as const
        ).filter((t) => Number(String(o[t] ?? '0').replace('%', '')) !== 0);
        for (const topic of [...stated, ...deductions]) {
          const text = o.evidence?.[topic] ?? '';
          if (!/\bp{1,2}\.\s?\d/.test(text)) missing.push(`${id}.evidence.${topic}`);
        }
      }
      expect(missing).toEqual([]);
    });
  }

  if (spec.map === 'totals-only') {
    it('carries the published values untransformed (quantity 1, duration 1, no deductions)', async () => {
      for (const outcome of json.outcomes) {
        expect(Number(outcome.quantity)).toBe(1);
        expect(outcome.duration).toBe(1);
        for (const field of [
          'deadweight',
          'displacement',
          'attribution',
          'leakage',
          'dropOff',
        ] as const) {
          expect(Number(outcome[field] ?? 0), `${outcome.id ?? ''}.${field}`).toBe(0);
        }
        expect(outcome.quantityByYear).toBeUndefined();
      }
      const { base } = await runOf(REFERENCE, name);
      // so each outcome's impact is its printed value, and so are the inputs
      expect(base.outcomes.map((o) => o.impact)).toEqual(base.outcomes.map((o) => o.proxyValue));
      expect(base.inputs.map((i) => i.presentValue)).toEqual(base.inputs.map((i) => i.value));
    });
  }

  const tolerant = [
    ...baseChecks.map((check) => ({ scenario: undefined, check })),
    ...scenarioChecks.flatMap(({ scenario, checks }) =>
      checks.map((check) => ({ scenario, check })),
    ),
  ].filter(({ check }) => check.tolerance !== undefined);
  if (tolerant.length > 0) {
    it.each(tolerant)(
      'allows $check.label no more tolerance than the rounding of the printed values explains',
      async ({ scenario, check }) => {
        const run = await runOf(REFERENCE, name);
        const result = scenario === undefined ? run.base : run.scenarios.get(scenario);
        if (result === undefined) throw new Error(`scenario "${String(scenario)}" was not run`);
        expectHonestTolerance(check, result);
      },
    );
  }

  describe.each(routesOf(fixture))('%s', (route) => {
    const result = () => runOf(route, name);

    it('runs', async () => {
      await expect(result()).resolves.toBeDefined();
    });

    it.each(baseChecks)('reproduces $label = $value', async (check) => {
      expectReproduced(check, (await result()).base);
    });

    for (const { scenario, checks } of scenarioChecks) {
      it.each(checks)('reproduces $label = $value', async (check) => {
        const scenarioResult = (await result()).scenarios.get(scenario);
        expect(scenarioResult, `scenario "${scenario}" was not run`).toBeDefined();
        if (scenarioResult !== undefined) expectReproduced(check, scenarioResult);
      });
    }

    it('raises no warnings', async () => {
      expect((await result()).base.warnings).toEqual([]);
    });

    if (route !== REFERENCE) {
      it('gives exactly the figures of calculateSroi(analysis.json), its scenarios too', async () => {
        const [mine, reference] = await Promise.all([result(), runOf(REFERENCE, name)]);
        const scenarios = (r: Run) => [...r.scenarios].map(([n, s]) => [n, figuresOf(s)]);
        expect({ base: figuresOf(mine.base), scenarios: scenarios(mine) }).toEqual({
          base: figuresOf(reference.base),
          scenarios: scenarios(reference),
        });
      });
    }
  });

  for (const combined of spec.combined ?? []) {
    const together = [name, ...combined.with];
    // the combined PV has an allowance only when every fixture in it is totals-only
    const allTotalsOnly = together.every(
      (n) => fixtures.find((f) => f.name === n)?.expected.data?.map === 'totals-only',
    );
    describe(`combined with ${combined.with.join(', ')} (${combined.source})`, () => {
      const checks: Check<CombinedTotals>[] = TOTALS.flatMap((figure) => {
        const published = combined.figures[figure];
        if (published === undefined) return [];
        const money = figure === 'totalPresentValue' || figure === 'netPresentValue';
        return [
          {
            label: figure,
            pick: (t: CombinedTotals) => t[figure],
            ...published,
            ...(money && allTotalsOnly ? { allowance: (t: CombinedTotals) => t.allowance } : {}),
          },
        ];
      });

      const shared = ROUTE_NAMES.filter((route) =>
        together.every((n) => {
          const f = fixtures.find((x) => x.name === n);
          return f !== undefined && routesOf(f).includes(route);
        }),
      );
      it.each(shared)('%s reproduces every combined figure', async (route) => {
        const totals = combine(await Promise.all(together.map((n) => runOf(route, n))), together);
        for (const check of checks) expectReproduced(check, totals);
      });

      const tolerantCombined = checks.filter((c) => c.tolerance !== undefined);
      if (tolerantCombined.length > 0) {
        it.each(tolerantCombined)(
          'allows combined $label no more tolerance than the rounding of the printed values explains',
          async (check) => {
            const runs = await Promise.all(together.map((n) => runOf(REFERENCE, n)));
            expectHonestTolerance(check, combine(runs, together));
          },
        );
      }
    });
  }
});

/** Fixtures taken together, as a report that sums its areas does (inputs and PV added). */
interface CombinedTotals {
  readonly totalPresentValue: string;
  readonly totalInputs: string;
  readonly netPresentValue: string;
  readonly sroiRatio: string;
  readonly netSroiRatio: string;
  readonly paybackMonths: undefined;
  /** The fixtures' rounding allowances on PV, added (`roundingAllowances`). */
  readonly allowance: Dec;
}

function combine(results: readonly Run[], names: readonly string[]): CombinedTotals {
  const add = (pick: (r: SroiResult) => string) =>
    results.reduce((total, r) => total.plus(pick(r.base)), new Dec(0));
  const pv = add((r) => r.totalPresentValue);
  const inputs = add((r) => r.totalInputs);
  const allowance = names.reduce((total, n, i) => {
    const fixture = fixtures.find((f) => f.name === n);
    const result = results[i];
    if (fixture === undefined || result === undefined) return total;
    return total.plus(roundingAllowances(fixture.json).presentValue(result.base));
  }, new Dec(0));
  return {
    totalPresentValue: pv.toString(),
    totalInputs: inputs.toString(),
    netPresentValue: pv.minus(inputs).toString(),
    sroiRatio: pv.div(inputs).toString(),
    netSroiRatio: pv.minus(inputs).div(inputs).toString(),
    paybackMonths: undefined,
    allowance,
  };
}
