/**
 * The differential test: one generator of analyses (`_arbitraryAnalysis.ts`), three consumers of
 * the one valuation (the engine, the sensitivity model, the Monte Carlo path), one reference
 * (the 60-digit year-by-year oracle, `_oracle.ts`). For each generated analysis:
 * - every figure of `evaluateAnalysis` agrees with the oracle;
 * - every one-way point, and every switching value, agrees with the oracle on the analysis with
 *   that assumption moved to it (written here, independently of the library), and the engine on
 *   that moved analysis agrees with the oracle too;
 * - a Monte Carlo run with every assumption it can draw pinned at its base value gives the
 *   engine's figures to 1e-9 relative (docs/precision.md).
 * 60 analyses in the normal suite; for a deeper run, e.g. `RUNS=1000 SEED=7 npx vitest run
 * tests/differential.test.ts --testTimeout=0`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../src/calc/evaluateAnalysis.js';
import { sensitivityAnalysis } from '../src/sensitivity/sensitivityAnalysis.js';
import { simulate } from '../src/sensitivity/simulate.js';
import { arbitraryAnalysis } from './_arbitraryAnalysis.js';
import { D } from './_decimal.js';
import { oracle, oracleRate } from './_oracle.js';
import type { Analysis } from '../src/model/analysis.js';
import type { SroiResult } from '../src/model/result.js';
import type { OneWayPoint } from '../src/sensitivity/oneWaySensitivity.js';
import type { SwitchingValue } from '../src/sensitivity/solveFor.js';
import type { UncertainAssumption } from '../src/sensitivity/Uncertainty.js';
import type { GeneratedAnalysis } from './_arbitraryAnalysis.js';
import type { OracleAnalysis, OracleResult } from './_oracle.js';

/** |a − b| ≤ tolerance × max(scale, 1); `null` only equals `null`. */
function close(
  what: string,
  actual: string | null,
  expected: D | null,
  scale: D | string | number,
  tolerance = '1e-27',
): void {
  if (actual === null || expected === null) {
    expect(actual, what).toBe(expected === null ? null : expected.toString());
    return;
  }
  const bound = D.max(new D(scale).abs(), 1).times(tolerance);
  const gap = new D(actual).minus(expected).abs();
  expect(gap.lte(bound), `${what}: ${actual} vs ${expected.toString()}`).toBe(true);
}

/** Compares every figure of the engine's result with the oracle's. */
function expectResult(result: SroiResult, expected: OracleResult): void {
  // money is compared relative to the largest sum involved, ratios relative to themselves
  const money = D.max(
    expected.waterfall.grossValue.abs(),
    expected.totalInputs,
    ...expected.outcomes.map((o) => o.grossValue.abs().times(10)),
  );
  expect(result.method.horizon).toBe(expected.horizon);
  expect(result.method.deflatorSeries).toBe(expected.deflatorSeries);
  close('totalPresentValue', result.totalPresentValue, expected.totalPresentValue, money);
  close('totalInputs', result.totalInputs, expected.totalInputs, money);
  close('netPresentValue', result.netPresentValue, expected.netPresentValue, money);
  const ratioScale = money.div(expected.totalInputs.isZero() ? 1 : expected.totalInputs);
  close('sroiRatio', result.sroiRatio, expected.sroiRatio, ratioScale);
  close('netSroiRatio', result.netSroiRatio, expected.netSroiRatio, ratioScale);
  // payback divides by the first year's value; a year whose value cancels to ~0 is skipped
  if (
    expected.paybackYearValue === null ||
    expected.paybackYearValue.abs().gt(money.times('1e-20'))
  ) {
    close(
      'paybackMonths',
      result.paybackMonths,
      expected.paybackMonths,
      expected.paybackMonths ?? 1,
      '1e-25',
    );
  }
  const tie = expected.years.some((y) =>
    y.cumulativePresentValue.minus(expected.totalInputs).abs().lte(money.times('1e-25')),
  );
  if (!tie) expect(result.breakEvenYear, 'breakEvenYear').toBe(expected.breakEvenYear);
  expect(result.years.map((y) => y.year)).toEqual(expected.years.map((y) => y.year));
  result.years.forEach((y, i) => {
    const e = expected.years[i];
    if (e === undefined) return;
    close(`years[${i}].value`, y.value, e.value, money);
    close(`years[${i}].discountFactor`, y.discountFactor, e.discountFactor, 1);
    close(`years[${i}].presentValue`, y.presentValue, e.presentValue, money);
    close(`years[${i}].cumulative`, y.cumulativePresentValue, e.cumulativePresentValue, money);
  });
  result.inputs.forEach((input, i) => {
    close(
      `inputs[${i}].discountFactor`,
      input.discountFactor,
      expected.inputs[i]?.discountFactor ?? null,
      1,
    );
    close(
      `inputs[${i}].presentValue`,
      input.presentValue,
      expected.inputs[i]?.presentValue ?? null,
      money,
    );
  });
  result.outcomes.forEach((o, i) => {
    const e = expected.outcomes[i];
    if (e === undefined) throw new Error(`no outcome ${i} in the oracle`);
    close(`outcomes[${i}].proxyValue`, o.proxyValue, e.proxyValue, e.proxyValue);
    close(`outcomes[${i}].grossValue`, o.grossValue, e.grossValue, money);
    close(`outcomes[${i}].impact`, o.impact, e.impact, money);
    close(`outcomes[${i}].presentValue`, o.presentValue, e.presentValue, money);
    expect(o.years.map((y) => y.year)).toEqual(e.years.map((y) => y.year));
    o.years.forEach((y, k) =>
      close(`outcomes[${i}].years[${k}]`, y.value, e.years[k]?.value ?? null, money),
    );
  });
  const slices = (
    name: string,
    actual: readonly { presentValue: string; share: string | null; sroiRatio: string | null }[],
    keys: readonly string[],
    wanted: OracleResult['stakeholders'],
  ) => {
    expect(keys, name).toEqual(wanted.map((s) => s.key));
    actual.forEach((s, i) => {
      const e = wanted[i];
      if (e === undefined) return;
      close(`${name}[${i}].presentValue`, s.presentValue, e.presentValue, money);
      // a share of a total that cancels to ~0 is ill-conditioned: compare it only otherwise
      if (expected.totalPresentValue.abs().gt(money.times('1e-20'))) {
        close(`${name}[${i}].share`, s.share, e.share, money.div(expected.totalPresentValue.abs()));
      }
      close(`${name}[${i}].sroiRatio`, s.sroiRatio, e.sroiRatio, ratioScale);
    });
  };
  slices(
    'stakeholders',
    result.stakeholders,
    result.stakeholders.map((s) => s.stakeholder),
    expected.stakeholders,
  );
  slices(
    'categories',
    result.categories,
    result.categories.map((c) => c.category),
    expected.categories,
  );
  for (const step of [
    'grossValue',
    'deadweight',
    'displacement',
    'attribution',
    'leakage',
    'dropOff',
    'beyondHorizon',
    'discounting',
  ] as const) {
    close(`waterfall.${step}`, result.waterfall[step], expected.waterfall[step], money);
  }
  close('waterfall.presentValue', result.waterfall.presentValue, expected.totalPresentValue, money);
  expect([...result.warnings.map((w) => w.code)].sort()).toEqual([...expected.warnings].sort());
}

/** The analysis with one assumption at `value`, written from docs/sensitivity.md alone. */
function moved(
  analysis: Analysis,
  row: { parameter: string; outcome?: string; input?: number },
  value: string,
): OracleAnalysis {
  const outcomes = (change: (o: Analysis['outcomes'][number]) => object) =>
    analysis.outcomes.map((o) => (o.id === row.outcome ? { ...o, ...change(o) } : o));
  switch (row.parameter) {
    case 'discountRate': {
      const d = analysis.discount;
      if ('rate' in d) return { ...analysis, discount: { timing: d.timing, rate: value } };
      // every year's rate moves by the same points; the value is the year-1 rate
      const shift = new D(value).minus(oracleRate(d, 1));
      const years = Math.max(oracle(analysis).horizon, ...analysis.inputs.map((i) => i.year), 1);
      const rates = Array.from({ length: years }, (_, k) =>
        shift.plus(oracleRate(d, k + 1)).toString(),
      );
      return { ...analysis, discount: { timing: d.timing, rates } };
    }
    case 'inputValue':
      return {
        ...analysis,
        inputs: analysis.inputs.map((i, k) => (k === row.input ? { ...i, value } : i)),
      };
    case 'proxyScale':
      return {
        ...analysis,
        outcomes: analysis.outcomes.map((o) => ({
          ...o,
          proxy: { ...o.proxy, value: new D(o.proxy.value).times(value).toString() },
        })),
      };
    case 'proxy':
      return { ...analysis, outcomes: outcomes((o) => ({ proxy: { ...o.proxy, value } })) };
    case 'quantity':
      // a profile is scaled through its first year's quantity
      return {
        ...analysis,
        outcomes: outcomes((o) =>
          o.quantityByYear === undefined
            ? { quantity: value }
            : {
                quantity: value,
                quantityByYear: o.quantityByYear.map((q) =>
                  new D(q)
                    .times(value)
                    .div(o.quantityByYear?.[0] ?? 1)
                    .toString(),
                ),
              },
        ),
      };
    case 'duration':
      return { ...analysis, outcomes: outcomes(() => ({ duration: value })) };
    default:
      return { ...analysis, outcomes: outcomes(() => ({ [row.parameter]: value })) };
  }
}

/** The engine on a moved analysis (a duration goes into the model as a JavaScript number). */
function engineOn(analysis: OracleAnalysis, options: GeneratedAnalysis['options']): SroiResult {
  return evaluateAnalysis(
    {
      ...analysis,
      outcomes: analysis.outcomes.map((o) => ({ ...o, duration: Number(o.duration) })),
    },
    options,
  );
}

/** Checks one-way points and switching values against the oracle on the moved analysis. */
function expectSensitivity({ analysis, options }: GeneratedAnalysis, target: string): void {
  const base = oracle(analysis, options);
  const baseRatio = base.sroiRatio as D;
  const result = sensitivityAnalysis(analysis, {
    ...options,
    target,
    step: '0.2',
    fractionStep: '0.15',
    durationStep: 1.5,
  });
  close('base ratio', result.base.sroiRatio, baseRatio, baseRatio);
  const at = (row: { parameter: string; outcome?: string; input?: number }, value: string) => {
    const analysisAt = moved(analysis, row, value);
    const expected = oracle(analysisAt, options);
    // the engine on the moved analysis, with the duration it can hold (a double); a duration
    // of 0 is the limit of the range, which only the oracle values
    if (!(row.parameter === 'duration' && new D(value).isZero())) {
      const engine = engineOn(analysisAt, options);
      const rounded = oracle(
        {
          ...analysisAt,
          outcomes: analysisAt.outcomes.map((o) => ({ ...o, duration: Number(o.duration) })),
        },
        options,
      );
      close(
        `engine at ${row.parameter} = ${value}`,
        engine.sroiRatio,
        rounded.sroiRatio,
        rounded.sroiRatio ?? 1,
      );
    }
    return expected.sroiRatio;
  };
  for (const row of result.oneWay) {
    const points: [string, OneWayPoint][] = [
      ['low', row.low],
      ['high', row.high],
    ];
    expect(new D(row.low.value).lte(row.high.value)).toBe(true);
    for (const [end, point] of points) {
      const expected = at(row, point.value);
      close(
        `${row.parameter} ${row.outcome ?? row.input ?? ''} ${end}`,
        point.sroiRatio,
        expected,
        expected ?? 1,
      );
    }
  }
  for (const value of result.switchingValues) {
    checkSwitchingValue(value, at, new D(target), baseRatio);
  }
}

function checkSwitchingValue(
  value: SwitchingValue,
  at: (row: SwitchingValue, value: string) => D | null,
  target: D,
  baseRatio: D,
): void {
  const what = `${value.parameter} ${value.outcome ?? value.input ?? ''}`;
  if (value.reachable) {
    const ratio = at(value, value.switchingValue as string);
    // closed forms and duration (solved exactly on its year) to ~30 digits; drop-off and the
    // discount rate are found by Brent's method to 1e-12 in the assumption
    const rootFound = value.parameter === 'dropOff' || value.parameter === 'discountRate';
    close(
      `${what} at ${value.switchingValue}`,
      ratio?.toString() ?? null,
      target,
      target,
      rootFound ? '1e-8' : '1e-25',
    );
    return;
  }
  const limit = value.ratioAtLimit;
  if (limit === undefined || limit === null) return;
  // not reachable: the limit is on the base's side of the target, and is the ratio at one end
  const gap = new D(limit).minus(target);
  expect(gap.isZero(), `${what}: limit on the target`).toBe(false);
  if (value.parameter !== 'discountRate') {
    expect(gap.isNegative(), `${what}: limit side`).toBe(baseRatio.minus(target).isNegative());
  }
  const ends: Record<string, string[]> = {
    quantity: ['0', value.base],
    proxy: [value.base],
    dropOff: ['0', '1'],
    duration: ['0', '1000'],
    inputValue: ['0', value.base],
    proxyScale: ['0', value.base],
    discountRate: [],
  };
  const candidates = ends[value.parameter] ?? ['0', '1'];
  if (candidates.length === 0) return;
  const matches = candidates.some((end) => {
    const ratio = at(value, end);
    return ratio !== null && ratio.minus(limit).abs().lte(D.max(ratio.abs(), 1).times('1e-25'));
  });
  expect(matches, `${what}: ratioAtLimit ${limit} is the ratio at an end of the range`).toBe(true);
}

/** Every assumption a simulation can draw, pinned at its base value (a zero-width uniform). */
function pinned(analysis: Analysis, drawRate: boolean): UncertainAssumption[] {
  const pin = (outcome: string, parameter: UncertainAssumption['parameter'], value: string) =>
    ({ outcome, parameter, distribution: 'uniform', min: value, max: value }) as const;
  const parameters: UncertainAssumption[] = analysis.outcomes.flatMap((o) => [
    ...(o.quantityByYear !== undefined && new D(o.quantity).isZero()
      ? []
      : [pin(o.id, 'quantity', o.quantity)]),
    pin(o.id, 'proxy', o.proxy.value),
    pin(o.id, 'deadweight', o.deadweight),
    pin(o.id, 'displacement', o.displacement),
    pin(o.id, 'attribution', o.attribution),
    pin(o.id, 'leakage', o.leakage),
    ...(o.quantityByYear === undefined ? [pin(o.id, 'dropOff', o.dropOff)] : []),
  ]);
  if (drawRate) {
    const rate = oracleRate(analysis.discount, 1);
    parameters.push({ parameter: 'discountRate', distribution: 'uniform', min: rate, max: rate });
  }
  return parameters;
}

function expectPinnedSimulation(
  { analysis, options }: GeneratedAnalysis,
  exact: SroiResult,
  drawRate: boolean,
): void {
  const result = simulate(
    analysis,
    { seed: 1, draws: 3, bins: 1, parameters: pinned(analysis, drawRate) },
    options,
  );
  // relative to the largest outcome value (a total near zero can cancel), and to the ratio
  const scale = Math.max(1, ...exact.outcomes.map((o) => Math.abs(Number(o.grossValue)) * 10));
  for (const figure of [result.presentValue.p5, result.presentValue.p95]) {
    expect(Math.abs(Number(figure) - Number(exact.totalPresentValue)) / scale).toBeLessThan(1e-9);
  }
  const ratio = Number(exact.sroiRatio);
  const ratioScale = Math.max(1, Math.abs(ratio), scale / Number(exact.totalInputs));
  for (const figure of [result.sroiRatio.p5, result.sroiRatio.p95]) {
    expect(Math.abs(Number(figure) - ratio) / ratioScale).toBeLessThan(1e-9);
  }
}

describe('the valuation, differentially', () => {
  it('gives the 60-digit oracle’s figures in the engine, the sensitivity model and Monte Carlo', () => {
    fc.assert(
      fc.property(
        arbitraryAnalysis,
        fc.constantFrom('0.3', '0.8', '0.97', '1.04', '1.6'),
        fc.boolean(),
        (generated, move, drawRate) => {
          const exact = evaluateAnalysis(generated.analysis, generated.options);
          const expected = oracle(generated.analysis, generated.options);
          expectResult(exact, expected);
          // a target near the base ratio, so that many switching values are within reach
          const base = expected.sroiRatio as D;
          const target = base.gt(0) ? base.times(move).toSignificantDigits(6).toString() : '0.5';
          expectSensitivity(generated, target);
          expectPinnedSimulation(generated, exact, drawRate);
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 60), seed: Number(process.env.SEED ?? 20250101) },
    );
  });
});
