/**
 * `leadingAssumptions` (what `sroi sensitivity` lists) against its definition: every assumption
 * worked out exactly by `sensitivityAnalysis`, ranked by `switchingMargin` and by swing with a
 * stable sort, the first k of each. The screen on float64 with error bounds may leave out only
 * what cannot be among them, so the two must agree row for row, digit for digit — on random
 * analyses and on analyses built to defeat the screen: ties everywhere, figures at the edge of
 * float64, ends that fall exactly on a bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { switchingMargin } from '../../src/review/switchingMargin.js';
import { leadingAssumptions, switchingValuesWithin } from '../../src/sensitivity/_leading.js';
import { sensitivityAnalysis, sensitivityPlan } from '../../src/sensitivity/sensitivityAnalysis.js';
import { switchingValues } from '../../src/sensitivity/switchingValues.js';
import { Dec } from '../../src/calc/_decimal.js';
import { arbitraryAnalysis } from '../_arbitraryAnalysis.js';
import { D } from '../_decimal.js';
import { manyOutcomes } from '../_manyOutcomes.js';
import type { Analysis } from '../../src/model/analysis.js';
import type { SensitivityAnalysisOptions } from '../../src/sensitivity/sensitivityAnalysis.js';

/** The tables by their definition (see the file's comment). */
function definition(analysis: Analysis, options: SensitivityAnalysisOptions, k: number) {
  const full = sensitivityAnalysis(analysis, options);
  const ranked = full.switchingValues.map((value) => {
    const margin = switchingMargin(value);
    return { value, steps: margin === null ? null : new D(margin.steps) };
  });
  // closest first, those with no margin last; Array.prototype.sort is stable
  ranked.sort((a, b) => {
    if (a.steps === null) return b.steps === null ? 0 : 1;
    return b.steps === null ? -1 : a.steps.cmp(b.steps);
  });
  return {
    count: full.switchingValues.length,
    switching: ranked.slice(0, k).map((r) => r.value),
    oneWay: full.oneWay.slice(0, k),
  };
}

function leading(analysis: Analysis, options: SensitivityAnalysisOptions, k: number) {
  const { count, switching, oneWay, exact } = leadingAssumptions(
    sensitivityPlan('test', analysis, options),
    k,
  );
  return { shown: { count, switching, oneWay }, exact };
}

const outcome = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  stakeholder: 's',
  outcome: `Outcome ${id}`,
  quantity: '10',
  proxy: { value: '100' },
  duration: 3,
  deadweight: '10%',
  dropOff: '20%',
  ...fields,
});

const analysisOf = (outcomes: unknown[], inputs = '1000', extra: Record<string, unknown> = {}) =>
  parseAnalysis({
    name: 'x',
    discount: { rate: '3.5%' },
    inputs: [{ description: 'Grant', value: inputs }],
    outcomes,
    ...extra,
  });

describe('leadingAssumptions', () => {
  it('gives the tables of the exact analysis on random analyses, targets and steps', () => {
    fc.assert(
      fc.property(
        arbitraryAnalysis,
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom('1', '0.5', '3', 'base'),
        fc.constantFrom('0.1', '0.25', '0'),
        fc.constantFrom(undefined, '0.05', '0.3'),
        fc.constantFrom(1, 0.5, 2),
        ({ analysis, options }, k, target, step, fractionStep, durationStep) => {
          // 'base': the base ratio itself, where every switching value is its base (all ties)
          const base = sensitivityPlan('test', analysis, options).base.sroiRatio;
          const all = {
            ...options,
            // (a base ratio of 0 or below is no target: then 1)
            target: target === 'base' ? (Number(base) > 0 ? base : '1') : target,
            step,
            ...(fractionStep === undefined ? {} : { fractionStep }),
            durationStep,
          };
          expect(leading(analysis, all, k).shown).toEqual(definition(analysis, all, k));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('breaks ties among identical outcomes in their order', () => {
    const analysis = analysisOf(Array.from({ length: 40 }, (_, i) => outcome(`o${i}`)));
    for (const k of [1, 3, 20]) {
      expect(leading(analysis, {}, k).shown).toEqual(definition(analysis, {}, k));
    }
  });

  it('agrees where a one-way end falls exactly on a bound and a drop-off moves nothing', () => {
    // deadweight 10% − 10 points is exactly 0 (in float64 only nearly); drop-off of a one-year
    // outcome changes nothing; quantity 0 moves to 0 both ways
    const analysis = analysisOf([
      ...Array.from({ length: 15 }, (_, i) => outcome(`a${i}`, { duration: 1 })),
      ...Array.from({ length: 15 }, (_, i) => outcome(`b${i}`, { quantity: '0' })),
      ...Array.from({ length: 15 }, (_, i) =>
        outcome(`c${i}`, { deadweight: '0.3', leakage: '1' }),
      ),
    ]);
    for (const k of [2, 20]) {
      expect(leading(analysis, {}, k).shown).toEqual(definition(analysis, {}, k));
    }
  });

  it('agrees on figures at the edges of float64', () => {
    // The schema's limits (exponents from -100, money below 10^15) give ratios from about
    // 1e-230 to 1e128; with a 100% discount rate over 1,000 years a year's discounted value
    // falls to 1e-500, far below float64's smallest number (5e-324), and is lost there.
    const cases = [
      { quantity: '1e-100', proxy: 'e-100', inputs: '900000000000000', extra: {} },
      { quantity: '100000000000000', proxy: 'e13', inputs: '1e-100', extra: {} },
      {
        quantity: '1e-100',
        proxy: 'e-100',
        inputs: '1',
        extra: { discount: { rate: '1' } },
        duration: 1000,
      },
    ];
    for (const c of cases) {
      const analysis = analysisOf(
        [
          ...Array.from({ length: 10 }, (_, i) =>
            outcome(`t${i}`, {
              quantity: c.quantity,
              proxy: { value: `${i + 1}${c.proxy}` },
              duration: c.duration ?? 1 + (i % 3),
            }),
          ),
          outcome('n', { quantity: '3', proxy: { value: '-7' } }),
        ],
        c.inputs,
        c.extra,
      );
      for (const k of [1, 5, 20]) {
        expect(leading(analysis, {}, k).shown).toEqual(definition(analysis, {}, k));
      }
    }
  });

  it('agrees with per-year rates, a schedule, a horizon and several inputs', () => {
    const outcomes = Array.from({ length: 30 }, (_, i) =>
      outcome(`o${i}`, { quantity: String(1 + (i % 7)), duration: 1 + (i % 4) + (i % 3) / 4 }),
    );
    for (const discount of [
      { rates: ['0.035', '0.03', '0'] },
      { schedule: 'green-book', timing: 'mid' },
    ]) {
      const analysis = parseAnalysis({
        name: 'x',
        discount,
        horizon: 4,
        inputs: [
          { description: 'Grant', value: '500' },
          { description: 'Later', value: '500', year: 2 },
        ],
        outcomes,
      });
      expect(leading(analysis, { target: '2' }, 6).shown).toEqual(
        definition(analysis, { target: '2' }, 6),
      );
    }
  });

  it('works out only a few assumptions exactly when the analysis is large', () => {
    // 300 outcomes of the kind of the 150,000-outcome case: 2,403 assumptions, 20 shown
    const analysis = analysisOf(manyOutcomes(300), '10000000');
    const { shown, exact } = leading(analysis, {}, 20);
    expect(shown).toEqual(definition(analysis, {}, 20));
    expect(shown.count).toBe(2403);
    expect(exact).toBeLessThan(200);
  });
});

describe('switchingValuesWithin', () => {
  /** By definition: every switching value, kept when `switchingMargin` is at most `within`. */
  const definition = (
    analysis: Analysis,
    options: SensitivityAnalysisOptions,
    within: string,
    steps: { relative: string; points: string; years: string },
  ) =>
    switchingValues(analysis, options).filter((value) => {
      const margin = switchingMargin(value, steps);
      return margin !== null && new D(margin.steps).lte(within);
    });

  it('keeps exactly the switching values within so many small moves, in their order', () => {
    fc.assert(
      fc.property(
        arbitraryAnalysis,
        fc.constantFrom('1', '0.5', '3', 'base'),
        fc.constantFrom('0', '1', '5', '1000'),
        fc.constantFrom(
          { relative: '0.1', points: '0.1', years: '1' },
          { relative: '0.25', points: '0.05', years: '0.5' },
        ),
        ({ analysis, options }, target, within, steps) => {
          const base = sensitivityPlan('test', analysis, options).base.sroiRatio;
          const all = {
            ...options,
            target: target === 'base' ? (Number(base) > 0 ? base : '1') : target,
          };
          const plan = sensitivityPlan('test', analysis, all);
          expect(switchingValuesWithin(plan, new Dec(within), steps)).toEqual(
            definition(analysis, all, within, steps),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
