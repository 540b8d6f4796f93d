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

describe('a scenario with a fractional duration', () => {
  it('reads it from the file and values the last year by its fraction', () => {
    const parsed = safeParseScenarios(
      { shorter: { outcomes: { b: { duration: '1.5' } } } },
      analysis,
    );
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    const { scenarios } = evaluateScenarios(analysis, parsed.scenarios);
    // hand-computed: b keeps year 1 (100) and half of year 2 (50 × 0.5 = 25): 800 + 125 + 150
    // = 1075 over 500 → 2.15
    expect(scenarios[0]?.result.sroiRatio).toBe('2.15');
  });

  it('refuses a duration of 0, with the rule', () => {
    const parsed = safeParseScenarios({ none: { outcomes: { b: { duration: 0 } } } }, analysis);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.issues.map((i) => i.path.join('.'))).toEqual([
      'scenarios.none.outcomes.b.duration',
    ]);
    expect(parsed.issues[0]?.message).toMatch(/greater than 0/);
  });
});

describe('scenarios that leave outcomes and inputs out', () => {
  it('leaves an excluded outcome out of the result', () => {
    const { scenarios } = evaluateScenarios(analysis, {
      withoutA: { outcomes: { a: { exclude: true } } },
    });
    const result = scenarios[0]?.result;
    expect(result?.outcomes.map((o) => o.id)).toEqual(['b', 'c']);
    // hand-computed: b 100 + 50 = 150, c (2 + 1) × 50 = 150 → 300 over 500 = 0.6
    expect(result?.sroiRatio).toBe('0.6');
  });

  it('keeps an outcome that "*" leaves out when its own entry says exclude: false, with the fields of "*"', () => {
    const { scenarios } = evaluateScenarios(analysis, {
      onlyB: { outcomes: { '*': { exclude: true, dropOff: '0' }, b: { exclude: false } } },
    });
    expect(scenarios[0]?.result.outcomes.map((o) => o.id)).toEqual(['b']);
    // hand-computed: b alone without drop-off, 100 + 100 = 200 over 500 = 0.4
    expect(scenarios[0]?.result.sroiRatio).toBe('0.4');
  });

  it('leaves an excluded input out of the total inputs', () => {
    const { scenarios } = evaluateScenarios(analysis, {
      cashOnly: { inputs: { Volunteers: { exclude: true } } },
    });
    // hand-computed: 1100 over the grant of 400 alone = 2.75
    expect(scenarios[0]?.result.inputs.map((i) => i.description)).toEqual(['Grant']);
    expect(scenarios[0]?.result.sroiRatio).toBe('2.75');
  });

  it('reports an own override that both leaves out and changes, and a scenario that leaves out every outcome', () => {
    const parsed = safeParseScenarios(
      {
        odd: {
          outcomes: { a: { exclude: true, quantity: '5' } },
          inputs: { '0': { exclude: true, value: '1', year: 1 } },
        },
        empty: { outcomes: { '*': { exclude: true } } },
      },
      analysis,
    );
    expect(parsed.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'scenarios.odd.outcomes.a.exclude',
        'exclude: true leaves outcome "a" out, so "quantity" would change nothing; remove it or the exclude',
      ],
      [
        'scenarios.odd.inputs.0.exclude',
        'exclude: true leaves input "0" out, so "value", "year" would change nothing; remove them or the exclude',
      ],
      [
        'scenarios.empty.outcomes',
        'this scenario leaves out every outcome, and an analysis needs at least one (keep one with { "exclude": false })',
      ],
    ]);
  });

  it('takes exclude as true or false only', () => {
    const parsed = safeParseScenarios({ low: { outcomes: { a: { exclude: 'yes' } } } }, analysis);
    expect(parsed.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['scenarios.low.outcomes.a.exclude', 'exclude must be boolean, got "yes"'],
    ]);
  });

  it('throws from applyScenario when every outcome is left out', () => {
    expect(() =>
      applyScenario(analysis, { outcomes: { a: { exclude: true }, '*': { exclude: true } } }),
    ).toThrow(/leaves out every outcome/);
  });
});

describe('scenario names are data', () => {
  /** Two outcomes named like Object.prototype's members; inputs 10. a: 10, b: 20, rate 0. */
  const awkward = parseAnalysis({
    name: 'Awkward names',
    discount: { rate: '0' },
    inputs: [{ description: 'toString', value: '10' }],
    outcomes: [
      {
        id: '__proto__',
        stakeholder: 's',
        outcome: 'A',
        quantity: 1,
        proxy: { value: 10 },
        duration: 1,
      },
      {
        id: 'constructor',
        stakeholder: 's',
        outcome: 'B',
        quantity: 1,
        proxy: { value: 20 },
        duration: 1,
      },
    ],
  });

  it('keeps a scenario named "__proto__" and overrides keyed "__proto__" and "constructor"', () => {
    // JSON.parse makes "__proto__" an own key, as an analysis file read from disk does
    const section: unknown = JSON.parse(
      '{"__proto__": {"outcomes": {"__proto__": {"quantity": "0"}}},' +
        ' "constructor": {"outcomes": {"constructor": {"exclude": true}}, "inputs": {"toString": {"value": "5"}}}}',
    );
    const parsed = safeParseScenarios(section, awkward);
    expect(parsed.issues).toEqual([]);
    if (!parsed.success) return;
    expect(Object.keys(parsed.scenarios)).toEqual(['__proto__', 'constructor']);
    const { scenarios } = evaluateScenarios(awkward, parsed.scenarios);
    expect(scenarios.map((s) => [s.name, s.result.totalPresentValue, s.result.sroiRatio])).toEqual([
      ['__proto__', '20', '2'], // hand-computed: outcome "__proto__" at quantity 0 leaves 20; 20 / 10
      ['constructor', '10', '2'], // hand-computed: without "constructor", 10 over the input set to 5
    ]);
  });

  it('reports "__proto__" and "constructor" as unknown outcome ids where the analysis has none', () => {
    const section: unknown = JSON.parse(
      '{"low": {"outcomes": {"__proto__": {"quantity": "1"}, "constructor": {"quantity": "2"}}}}',
    );
    const parsed = safeParseScenarios(section, analysis);
    expect(parsed.issues.map((i) => i.path.join('.'))).toEqual([
      'scenarios.low.outcomes.__proto__',
      'scenarios.low.outcomes.constructor',
    ]);
  });

  it('checks the fields of a scenario named "__proto__"', () => {
    const section: unknown = JSON.parse('{"__proto__": {"outcomes": {"a": {"deadweight": 40}}}}');
    const parsed = safeParseScenarios(section, analysis);
    expect(parsed.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'scenarios.__proto__.outcomes.a.deadweight',
        'deadweight must be a fraction from 0 to 1, got 40 (write 40% or 0.4)',
      ],
    ]);
  });

  it('reads no override from Object.prototype for an outcome the scenario does not name', () => {
    const profiled = parseAnalysis({
      ...smallAnalysis,
      outcomes: [{ ...outcomeA, id: 'constructor', quantityByYear: ['1', '2'], duration: 2 }],
    });
    // the problem is the "*" entry's: {}.constructor is Object, not an override of "constructor"
    const parsed = safeParseScenarios({ short: { outcomes: { '*': { duration: 1 } } } }, profiled);
    expect(parsed.issues.map((i) => i.path.join('.'))).toEqual(['scenarios.short.outcomes.*']);
  });

  it('names a bounded number of ids when an id is unknown, the one that differs only in case first', () => {
    const many = parseAnalysis({
      ...smallAnalysis,
      outcomes: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => ({ ...outcomeA, id })),
    });
    const parsed = safeParseScenarios({ low: { outcomes: { G: { quantity: '1' } } } }, many);
    expect(parsed.issues.map((i) => i.message)).toEqual([
      'no outcome has the id "G" (one of 7 ids, e.g. "g", "a", "b", "c", "d"; "*" means every outcome)',
    ]);
  });
});
