import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { switchingValues } from '../../src/sensitivity/switchingValues.js';
import { D } from '../_decimal.js';
import type { Analysis, Outcome } from '../../src/model/analysis.js';
import type { SwitchingValue } from '../../src/sensitivity/solveFor.js';

const fraction = fc.integer({ min: 0, max: 19 }).map((n) => String(n * 0.05));
const outcome = fc.record({
  quantity: fc.integer({ min: 1, max: 1000 }).map(String),
  proxy: fc.record({ value: fc.integer({ min: -50, max: 500 }).map(String) }),
  duration: fc.integer({ min: 1, max: 6 }),
  start: fc.integer({ min: 1, max: 2 }),
  deadweight: fraction,
  displacement: fraction,
  attribution: fraction,
  leakage: fraction,
  dropOff: fraction,
});
const analysisInput = fc.record({
  rate: fc.integer({ min: 0, max: 10 }).map((n) => `${n}%`),
  outcomes: fc.array(outcome, { minLength: 1, maxLength: 3 }),
  inputs: fc.array(
    fc.record({
      value: fc.integer({ min: 100, max: 20000 }).map(String),
      year: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
});

function build(input: { rate: string; outcomes: object[]; inputs: object[] }): Analysis {
  return parseAnalysis({
    name: 'Property',
    discount: { rate: input.rate },
    inputs: input.inputs.map((i) => ({ description: 'Input', ...i })),
    outcomes: input.outcomes.map((o) => ({ stakeholder: 's', outcome: 'o', ...o })),
  });
}

/** The analysis with one assumption set to a value, written independently of the library. */
function substitute(analysis: Analysis, value: SwitchingValue, to: string): Analysis {
  const setOutcome = (change: (o: Outcome) => Outcome): Analysis => ({
    ...analysis,
    outcomes: analysis.outcomes.map((o) => (o.id === value.outcome ? change(o) : o)),
  });
  switch (value.parameter) {
    case 'discountRate':
      return { ...analysis, discount: { timing: 'end', rate: to } };
    case 'inputValue':
      return {
        ...analysis,
        inputs: analysis.inputs.map((i, k) => (k === value.input ? { ...i, value: to } : i)),
      };
    case 'proxyScale':
      return {
        ...analysis,
        outcomes: analysis.outcomes.map((o) => ({
          ...o,
          proxy: { ...o.proxy, value: new D(o.proxy.value).times(to).toString() },
        })),
      };
    case 'proxy':
      return setOutcome((o) => ({ ...o, proxy: { ...o.proxy, value: to } }));
    case 'duration':
      return setOutcome((o) => ({ ...o, duration: Number(to) }));
    default: {
      const field = value.parameter;
      return setOutcome((o) => ({ ...o, [field]: to }));
    }
  }
}

const ratioOf = (analysis: Analysis): D => new D(evaluateAnalysis(analysis).sroiRatio ?? 'NaN');

describe('switchingValues (properties)', () => {
  it('puts the ratio on the target at every reachable switching value', () => {
    fc.assert(
      fc.property(analysisInput, fc.constantFrom('0.5', '1', '2'), (input, target) => {
        const analysis = build(input);
        for (const value of switchingValues(analysis, { target })) {
          if (!value.reachable || value.switchingValue === null) continue;
          const ratio = ratioOf(substitute(analysis, value, value.switchingValue));
          // closed forms agree to ~30 digits; the root-found values (drop-off, discount rate)
          // are within 1e-12 of the root, which moves the ratio by far less than 1e-8 here
          // a duration goes into the model as a JavaScript number (about 16 digits)
          const tolerance =
            value.parameter === 'dropOff' || value.parameter === 'discountRate'
              ? '1e-8'
              : value.parameter === 'duration'
                ? '1e-14'
                : '1e-25';
          expect(
            ratio.minus(target).abs().lte(new D(tolerance).times(target)),
            `${value.parameter} ${value.switchingValue}: ratio ${ratio.toString()}`,
          ).toBe(true);
        }
      }),
      { numRuns: 60, seed: 20241126 },
    );
  });

  it('reports unreachable only when the ratio at the limit has not reached the target', () => {
    fc.assert(
      fc.property(analysisInput, (input) => {
        const analysis = build(input);
        const base = ratioOf(analysis);
        for (const value of switchingValues(analysis)) {
          if (value.reachable || value.ratioAtLimit === undefined || value.ratioAtLimit === null)
            continue;
          const gap = new D(value.ratioAtLimit).minus(1);
          // the limit is on the same side of 1 as the base
          expect(gap.isZero()).toBe(false);
          expect(gap.isNegative()).toBe(base.minus(1).isNegative());
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
