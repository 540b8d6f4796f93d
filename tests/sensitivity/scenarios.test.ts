import { describe, expect, it } from 'vitest';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { applyScenario } from '../../src/sensitivity/applyScenario.js';
import { evaluateScenarios } from '../../src/sensitivity/evaluateScenarios.js';
import { safeParseScenarios } from '../../src/sensitivity/safeParseScenarios.js';
import { outcomeA, outcomeB, smallAnalysis } from './_smallAnalysis.js';

/** a: 100 × 10 × 0.8 = 800; b: 10 × 20 × 0.5 = 100 then 50; rate 0; inputs 400 + 100. */
const analysis = parseAnalysis({
  ...smallAnalysis,
  inputs: [
    { description: 'Grant', value: '400' },
    { description: 'Volunteers', value: '100', kind: 'in-kind' },
  ],
  outcomes: [
    outcomeA,
    outcomeB,
    {
      id: 'c',
      stakeholder: 'People',
      outcome: 'C',
      quantityByYear: ['2', '1'],
      proxy: { value: '50' },
      duration: 2,
    },
  ],
});

describe('safeParseScenarios', () => {
  it('reads money and fractions as people write them', () => {
    const parsed = safeParseScenarios(
      {
        conservative: {
          description: 'Cautious',
          discount: { rate: '3.5%' },
          outcomes: { '*': { deadweight: '30%' }, a: { proxy: { value: '£8' } } },
        },
      },
      analysis,
    );
    expect(parsed).toEqual({
      success: true,
      scenarios: {
        conservative: {
          description: 'Cautious',
          discount: { rate: '0.035' },
          outcomes: { '*': { deadweight: '0.3' }, a: { proxy: { value: '8' } } },
        },
      },
      issues: [],
    });
  });

  it('reports every problem at once, each with its path', () => {
    const parsed = safeParseScenarios(
      {
        low: {
          outcomes: { a: { deadweight: 30, colour: 'red' }, z: { quantity: '1' } },
          inputs: { Rent: { value: '10' } },
          discount: { rate: '3%', schedule: 'green-book' },
        },
      },
      analysis,
    );
    expect(parsed.success).toBe(false);
    expect(parsed.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['scenarios.low.discount', 'discount must give one of rate, rates or schedule, not several'],
      [
        'scenarios.low.outcomes.a.deadweight',
        'deadweight must be a fraction from 0 to 1, got 30 (write 30% or 0.3)',
      ],
      [
        'scenarios.low.outcomes.a',
        'unknown field "colour" (check the spelling; see docs/sensitivity.md)',
      ],
      [
        'scenarios.low.outcomes.z',
        'no outcome has the id "z" (ids: "a", "b", "c"; "*" means every outcome)',
      ],
      [
        'scenarios.low.inputs.Rent',
        'no input has the description or position "Rent" (the analysis has 2 inputs, numbered from 0)',
      ],
    ]);
  });

  it('rejects an override that leaves quantityByYear and duration apart', () => {
    const parsed = safeParseScenarios({ short: { outcomes: { c: { duration: 1 } } } }, analysis);
    expect(parsed.issues.map((i) => i.code)).toEqual(['length_mismatch']);
    expect(parsed.issues[0]?.path).toEqual(['scenarios', 'short', 'outcomes', 'c']);
  });
});

describe('safeParseScenarios (price years)', () => {
  it('reports a price year outside the deflator series at the scenario, not at the outcome', () => {
    const dated = parseAnalysis({
      name: 'Dated',
      priceYear: 2023,
      outcomes: [
        {
          id: 'a',
          stakeholder: 'A',
          outcome: 'B',
          quantity: 1,
          proxy: { value: 1, priceYear: 2019 },
          duration: 1,
        },
      ],
    });
    const parsed = safeParseScenarios(
      { old: { outcomes: { a: { proxy: { priceYear: 1900 } } } } },
      dated,
    );
    expect(parsed.success).toBe(false);
    expect(parsed.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['price_year', 'scenarios.old.outcomes.a.proxy.priceYear'],
    ]);
  });
});

describe('applyScenario', () => {
  it('applies "*" first and an outcome’s own entry after it, and finds inputs by description or position', () => {
    const changed = applyScenario(analysis, {
      outcomes: { '*': { deadweight: '0.5' }, a: { deadweight: '0.1' } },
      inputs: { Grant: { value: '300' }, '1': { year: 1 } },
      discount: { timing: 'start' },
    });
    expect(changed.outcomes.map((o) => o.deadweight)).toEqual(['0.1', '0.5', '0.5']);
    expect(changed.inputs.map((i) => [i.value, i.year])).toEqual([
      ['300', 0],
      ['100', 1],
    ]);
    expect(changed.discount).toEqual({ timing: 'start', rate: '0' });
  });

  it('does not change the analysis it is given', () => {
    const copy = structuredClone(analysis);
    applyScenario(analysis, { outcomes: { '*': { leakage: '0.2' } } });
    expect(analysis).toEqual(copy);
  });

  it('throws one SroiError listing the problems', () => {
    expect(() => applyScenario(analysis, { outcomes: { nope: {} } }, 'broken')).toThrow(
      /scenario "broken" has 1 problem:\n {2}no outcome has the id "nope"/,
    );
  });
});

describe('evaluateScenarios', () => {
  it('gives each scenario a full result beside the base case', () => {
    const { base, scenarios } = evaluateScenarios(analysis, {
      conservative: { description: 'More deadweight', outcomes: { '*': { deadweight: '0.5' } } },
      optimistic: { inputs: { '1': { value: '0' } } },
    });
    // base: 800 + 150 + (2 + 1) × 50 = 1100 over 500 → 2.2
    expect(base.sroiRatio).toBe('2.2');
    expect(scenarios.map((s) => [s.name, s.description, s.result.sroiRatio])).toEqual([
      // deadweight 0.5 everywhere: 500 + 75 + 75 = 650 over 500 → 1.3
      ['conservative', 'More deadweight', '1.3'],
      // volunteers valued at 0: 1100 over 400 → 2.75
      ['optimistic', undefined, '2.75'],
    ]);
  });
});
