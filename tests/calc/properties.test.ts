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

  it('agrees with the year-by-year definition of docs/method.md, worked at 60 digits', () => {
    // An independent reference: every outcome valued year by year from the definitions (no
    // grouping, no shared factors), discounted one year at a time, with a horizon that may cut
    // outcomes short. The engine factors the same sums differently (docs/method.md), so the two
    // agree to rounding at the 34th digit, not necessarily to the last digit.
    fc.assert(
      fc.property(
        analysisArb,
        fc.option(fc.integer({ min: 1, max: 10 })),
        fc.array(fc.constantFrom('0', '0.1', '0.25'), { minLength: 6, maxLength: 6 }),
        (base, horizon, dropOffs) => {
          // Drop-offs from a short list, so that outcomes often share one (and the engine's factors).
          const shared = {
            ...base,
            outcomes: base.outcomes.map((o, i) => ({ ...o, dropOff: dropOffs[i] ?? '0' })),
          };
          const input = horizon === null ? shared : { ...shared, horizon };
          const result = calculateSroi(input);
          const rate = new D(1).plus(input.discount.rate);
          const lastYear = Math.max(...input.outcomes.map((o) => o.start + o.duration - 1));
          const years = horizon ?? lastYear;
          const yearTotals = Array.from({ length: years + 1 }, () => new D(0));
          let total = new D(0);
          const taken = { gross: new D(0), deadweight: new D(0), displacement: new D(0) };
          input.outcomes.forEach((o, i) => {
            const gross = new D(o.quantity).times(o.proxy.value);
            const impact = gross
              .times(new D(1).minus(o.deadweight))
              .times(new D(1).minus(o.displacement))
              .times(new D(1).minus(o.attribution))
              .times(new D(1).minus(o.leakage));
            let pv = new D(0);
            for (let k = 0; k < o.duration; k++) {
              const year = o.start + k;
              if (year > years) break;
              const value = impact.times(new D(1).minus(o.dropOff).pow(k));
              yearTotals[year] = (yearTotals[year] as D).plus(value);
              pv = pv.plus(value.div(rate.pow(year)));
            }
            total = total.plus(pv);
            expect(closeRelative(result.outcomes[i]?.presentValue ?? null, pv.toString())).toBe(
              true,
            );
            taken.gross = taken.gross.plus(gross.times(o.duration));
            taken.deadweight = taken.deadweight.plus(gross.times(o.duration).times(o.deadweight));
            const afterDeadweight = gross.times(o.duration).times(new D(1).minus(o.deadweight));
            taken.displacement = taken.displacement.plus(afterDeadweight.times(o.displacement));
          });
          expect(closeRelative(result.totalPresentValue, total.toString())).toBe(true);
          result.years.forEach((y) =>
            expect(closeRelative(y.value, (yearTotals[y.year] as D).toString())).toBe(true),
          );
          const w = result.waterfall;
          expect(closeRelative(w.grossValue, taken.gross.toString())).toBe(true);
          expect(closeRelative(w.deadweight, taken.deadweight.toString())).toBe(true);
          expect(closeRelative(w.displacement, taken.displacement.toString())).toBe(true);
        },
      ),
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
