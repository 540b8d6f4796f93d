import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { arbitraryAnalysis } from '../_arbitraryAnalysis.js';
import { D } from '../_decimal.js';
import type { Analysis } from '../../src/model/analysis.js';

/** A decimal string with up to `places` decimals between 0 and max. */
const decimal = (max: number, places = 2) =>
  fc.integer({ min: 0, max: max * 10 ** places }).map((n) => new D(n).div(10 ** places).toString());

const closeRelative = (a: string | null, b: string | null): boolean => {
  if (a === null || b === null) return a === b;
  const scale = D.max(new D(a).abs(), new D(b).abs(), 1);
  return new D(a).minus(b).abs().div(scale).lte('1e-25');
};

/** The analysis with every proxy made non-negative. */
const withoutDisbenefits = (analysis: Analysis): Analysis => ({
  ...analysis,
  outcomes: analysis.outcomes.map((o) => ({
    ...o,
    proxy: { ...o.proxy, value: o.proxy.value.replace('-', '') },
  })),
});

// Every figure against the 60-digit year-by-year oracle: tests/differential.test.ts.
describe('calculation invariants', () => {
  it('impact never exceeds gross when every deduction is in 0–1', () => {
    fc.assert(
      fc.property(arbitraryAnalysis, (generated) => {
        // every outcome's first-year impact lies between 0 and its gross value (no disbenefits)
        const result = evaluateAnalysis(withoutDisbenefits(generated.analysis));
        for (const o of result.outcomes) {
          expect(new D(o.impact).lte(o.grossValue)).toBe(true);
          expect(new D(o.impact).gte(0)).toBe(true);
        }
      }),
    );
  });

  it('present value never rises with the discount rate when every flow is non-negative', () => {
    fc.assert(
      fc.property(arbitraryAnalysis, decimal(0.2, 3), decimal(0.2, 3), (generated, r1, r2) => {
        const analysis = withoutDisbenefits(generated.analysis);
        const [low, high] = new D(r1).lte(r2) ? [r1, r2] : [r2, r1];
        const at = (rate: string) =>
          evaluateAnalysis(
            { ...analysis, discount: { timing: analysis.discount.timing, rate } },
            generated.options,
          ).totalPresentValue;
        expect(new D(at(high)).lte(at(low))).toBe(true);
      }),
    );
  });

  it('leaves the ratio unchanged when all money is scaled by k > 0', () => {
    fc.assert(
      fc.property(
        arbitraryAnalysis,
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom('1', '0.01', '3'),
        (generated, k, unit) => {
          const factor = new D(k).times(unit);
          const { analysis, options } = generated;
          const scaled: Analysis = {
            ...analysis,
            inputs: analysis.inputs.map((i) => ({
              ...i,
              value: new D(i.value).times(factor).toString(),
            })),
            outcomes: analysis.outcomes.map((o) => ({
              ...o,
              proxy: { ...o.proxy, value: new D(o.proxy.value).times(factor).toString() },
            })),
          };
          expect(
            closeRelative(
              evaluateAnalysis(scaled, options).sroiRatio,
              evaluateAnalysis(analysis, options).sroiRatio,
            ),
          ).toBe(true);
        },
      ),
    );
  });

  it('does not depend on the order of outcomes or inputs', () => {
    fc.assert(
      fc.property(arbitraryAnalysis, ({ analysis, options }) => {
        const reversed = {
          ...analysis,
          outcomes: [...analysis.outcomes].reverse(),
          inputs: [...analysis.inputs].reverse(),
        };
        const a = evaluateAnalysis(analysis, options);
        const b = evaluateAnalysis(reversed, options);
        expect(closeRelative(a.totalPresentValue, b.totalPresentValue)).toBe(true);
        expect(closeRelative(a.totalInputs, b.totalInputs)).toBe(true);
        expect(closeRelative(a.sroiRatio, b.sroiRatio)).toBe(true);
        expect(a.years.length).toBe(b.years.length);
        a.years.forEach((year, i) =>
          expect(closeRelative(year.value, b.years[i]?.value ?? 'NaN')).toBe(true),
        );
      }),
    );
  });

  it('does not mutate its input', () => {
    fc.assert(
      fc.property(arbitraryAnalysis, ({ analysis, options }) => {
        const before = structuredClone(analysis);
        evaluateAnalysis(analysis, options);
        expect(analysis).toEqual(before);
      }),
    );
  });

  it('never writes NaN or Infinity into a result', () => {
    fc.assert(
      fc.property(arbitraryAnalysis, ({ analysis, options }) => {
        expect(JSON.stringify(evaluateAnalysis(analysis, options))).not.toMatch(/NaN|Infinity/);
      }),
    );
  });
});
