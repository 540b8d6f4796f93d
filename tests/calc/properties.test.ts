import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { impact } from '../../src/calc/impact.js';
import { calculateSroi } from '../../src/calculateSroi.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { D } from '../_decimal.js';
import type { AnalysisInput } from '../../src/schema/analysisSchema.js';

/** A decimal string with up to `places` decimals between 0 and max. */
const decimal = (max: number, places = 2) =>
  fc.integer({ min: 0, max: max * 10 ** places }).map((n) => new D(n).div(10 ** places).toString());
const fraction = decimal(1, 3);

const outcomeArb = fc.record({
  stakeholder: fc.constantFrom('A', 'B', 'C'),
  outcome: fc.constantFrom('x', 'y'),
  category: fc.constantFrom('social', 'fiscal'),
  quantity: decimal(500, 0),
  proxy: fc.record({ value: fc.integer({ min: -2000, max: 20000 }).map(String) }),
  duration: fc.integer({ min: 1, max: 8 }),
  start: fc.integer({ min: 1, max: 3 }),
  deadweight: fraction,
  displacement: fraction,
  attribution: fraction,
  leakage: fraction,
  dropOff: fraction,
});
const inputArb = fc.record({
  description: fc.constant('input'),
  value: fc.integer({ min: 1, max: 100000 }).map(String),
  year: fc.integer({ min: 0, max: 3 }),
});
const analysisArb = fc.record({
  name: fc.constant('property'),
  discount: fc.record({ rate: decimal(0.2, 3) }),
  inputs: fc.array(inputArb, { minLength: 1, maxLength: 4 }),
  outcomes: fc.array(outcomeArb, { minLength: 1, maxLength: 6 }),
});

const closeRelative = (a: string | null, b: string | null): boolean => {
  if (a === null || b === null) return a === b;
  const scale = D.max(new D(a).abs(), new D(b).abs(), 1);
  return new D(a).minus(b).abs().div(scale).lte('1e-25');
};

describe('calculation invariants', () => {
  it('impact never exceeds gross when every deduction is in 0–1', () => {
    fc.assert(
      fc.property(
        decimal(1e6),
        fraction,
        fraction,
        fraction,
        fraction,
        (gross, deadweight, displacement, attribution, leakage) => {
          const value = impact(gross, { deadweight, displacement, attribution, leakage });
          expect(new D(value).lte(gross)).toBe(true);
          expect(new D(value).gte(0)).toBe(true);
        },
      ),
    );
  });

  it('present value never rises with the discount rate when every flow is non-negative', () => {
    fc.assert(
      fc.property(analysisArb, decimal(0.2, 3), decimal(0.2, 3), (input, r1, r2) => {
        const positive = {
          ...input,
          outcomes: input.outcomes.map((o) => ({
            ...o,
            proxy: { value: o.proxy.value.replace('-', '') },
          })),
        };
        const [low, high] = new D(r1).lte(r2) ? [r1, r2] : [r2, r1];
        const pvLow = calculateSroi({ ...positive, discount: { rate: low } }).totalPresentValue;
        const pvHigh = calculateSroi({ ...positive, discount: { rate: high } }).totalPresentValue;
        expect(new D(pvHigh).lte(pvLow)).toBe(true);
      }),
    );
  });

  it('leaves the ratio unchanged when all money is scaled by k > 0', () => {
    fc.assert(
      fc.property(
        analysisArb,
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom('1', '0.01', '3'),
        (input, k, unit) => {
          const factor = new D(k).times(unit);
          const scaled: AnalysisInput = {
            ...input,
            inputs: input.inputs.map((i) => ({
              ...i,
              value: new D(i.value).times(factor).toString(),
            })),
            outcomes: input.outcomes.map((o) => ({
              ...o,
              proxy: { value: new D(o.proxy.value).times(factor).toString() },
            })),
          };
          expect(
            closeRelative(calculateSroi(scaled).sroiRatio, calculateSroi(input).sroiRatio),
          ).toBe(true);
        },
      ),
    );
  });

  it('does not depend on the order of outcomes or inputs', () => {
    fc.assert(
      fc.property(analysisArb, (input) => {
        const reversed = {
          ...input,
          outcomes: [...input.outcomes].reverse(),
          inputs: [...input.inputs].reverse(),
        };
        const a = calculateSroi(input);
        const b = calculateSroi(reversed);
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
      fc.property(analysisArb, (input) => {
        const before = structuredClone(input);
        const parsed = parseAnalysis(input);
        const parsedBefore = structuredClone(parsed);
        calculateSroi(input);
        evaluateAnalysis(parsed);
        expect(input).toEqual(before);
        expect(parsed).toEqual(parsedBefore);
      }),
    );
  });

  it('never writes NaN or Infinity into a result', () => {
    fc.assert(
      fc.property(analysisArb, (input) => {
        expect(JSON.stringify(calculateSroi(input))).not.toMatch(/NaN|Infinity/);
      }),
    );
  });
});
