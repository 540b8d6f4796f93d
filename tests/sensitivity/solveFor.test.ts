import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { SroiError } from '../../src/model/SroiError.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { solveFor } from '../../src/sensitivity/solveFor.js';
import { switchingValues } from '../../src/sensitivity/switchingValues.js';
import { D, near } from '../_decimal.js';
import { modelAnalysis, modelOutcome } from '../_model.js';
import { outcomeA, outcomeB, smallAnalysis } from './_smallAnalysis.js';

/**
 * The small analysis every hand derivation below uses. Discount rate 0, so present values are
 * plain sums.
 *   a: 100 × 10 × (1 − 0.2) = 800 in year 1.                       PV_a = 800
 *   b: 10 × 20 × (1 − 0.5) = 100 in year 1, × (1 − 0.5) = 50 in year 2. PV_b = 150 (fiscal)
 *   inputs: 400 in year 0.                 PV = 950, sroiRatio = 950 / 400 = 2.375
 */
const small = parseAnalysis({
  ...smallAnalysis,
  outcomes: [outcomeA, { ...outcomeB, category: 'fiscal' }],
});

describe('switchingValues', () => {
  it('gives hand-derived switching values for target 1 (PV must fall from 950 to 400)', () => {
    expect(switchingValues(small)).toEqual([
      // 150 + 8q = 400 → q = 31.25 (each unit of a is worth 10 × 0.8 = 8)
      {
        parameter: 'quantity',
        outcome: 'a',
        base: '100',
        switchingValue: '31.25',
        reachable: true,
      },
      // 150 + 80p = 400 → p = 3.125
      { parameter: 'proxy', outcome: 'a', base: '10', switchingValue: '3.125', reachable: true },
      // 150 + 1000(1 − d) = 400 → d = 0.75
      {
        parameter: 'deadweight',
        outcome: 'a',
        base: '0.2',
        switchingValue: '0.75',
        reachable: true,
      },
      // 150 + 800(1 − x) = 400 → x = 0.6875, the same for each deduction still at 0
      {
        parameter: 'displacement',
        outcome: 'a',
        base: '0',
        switchingValue: '0.6875',
        reachable: true,
      },
      {
        parameter: 'attribution',
        outcome: 'a',
        base: '0',
        switchingValue: '0.6875',
        reachable: true,
      },
      { parameter: 'leakage', outcome: 'a', base: '0', switchingValue: '0.6875', reachable: true },
      // a lasts one year, so drop-off never applies: the ratio stays 2.375
      {
        parameter: 'dropOff',
        outcome: 'a',
        base: '0',
        switchingValue: null,
        reachable: false,
        ratioAtLimit: '2.375',
      },
      // a fraction d of a's one year is worth 800d: 150 + 800d = 400 → d = 0.3125
      {
        parameter: 'duration',
        outcome: 'a',
        base: '1',
        switchingValue: '0.3125',
        reachable: true,
      },
      // 800 + 15q = 400 → q = −26.7 < 0; at q = 0 the ratio is 800 / 400 = 2
      {
        parameter: 'quantity',
        outcome: 'b',
        base: '10',
        switchingValue: null,
        reachable: false,
        ratioAtLimit: '2',
      },
      // 800 + 7.5p = 400 → p = −160/3 (a proxy may be negative); Python decimal, 34 digits
      {
        parameter: 'proxy',
        outcome: 'b',
        base: '20',
        switchingValue: '-53.33333333333333333333333333333333',
        reachable: true,
      },
      // b has no deadweight … leakage: 800 + 150(1 − x) = 400 needs x = 11/3 > 1; at x = 1, 800 / 400
      {
        parameter: 'deadweight',
        outcome: 'b',
        base: '0',
        switchingValue: null,
        reachable: false,
        ratioAtLimit: '2',
      },
      {
        parameter: 'displacement',
        outcome: 'b',
        base: '0',
        switchingValue: null,
        reachable: false,
        ratioAtLimit: '2',
      },
      // 800 + 300(1 − x) = 400 needs x = 7/3 > 1
      {
        parameter: 'attribution',
        outcome: 'b',
        base: '0.5',
        switchingValue: null,
        reachable: false,
        ratioAtLimit: '2',
      },
      {
        parameter: 'leakage',
        outcome: 'b',
        base: '0',
        switchingValue: null,
        reachable: false,
        ratioAtLimit: '2',
      },
      // PV_b(δ) = 100 + 100(1 − δ) ≥ 100: at δ = 1 the ratio is 900 / 400 = 2.25
      {
        parameter: 'dropOff',
        outcome: 'b',
        base: '0.5',
        switchingValue: null,
        reachable: false,
        ratioAtLimit: '2.25',
      },
      // b's duration tending to 0 leaves a alone: 800 / 400 = 2, which never falls to 1
      {
        parameter: 'duration',
        outcome: 'b',
        base: '2',
        switchingValue: null,
        reachable: false,
        ratioAtLimit: '2',
      },
      // at r = 1 (100%): (900 / 2 + 50 / 4) / 400 = 1.15625
      {
        parameter: 'discountRate',
        base: '0',
        switchingValue: null,
        reachable: false,
        ratioAtLimit: '1.15625',
      },
      // 950 / v = 1 → v = 950
      { parameter: 'inputValue', input: 0, base: '400', switchingValue: '950', reachable: true },
      // 950 s = 400 → s = 8/19; Python decimal, 34 digits
      {
        parameter: 'proxyScale',
        base: '1',
        switchingValue: '0.4210526315789473684210526315789474',
        reachable: true,
      },
    ]);
  });

  it('finds drop-off, duration and discount-rate switching values for target 2.3 and 2', () => {
    const at23 = switchingValues(small, { target: '2.3' });
    const find = (list: typeof at23, parameter: string, outcome?: string) =>
      list.find((v) => v.parameter === parameter && v.outcome === outcome);
    // 800 + 100 + 100(1 − δ) = 2.3 × 400 = 920 → δ = 0.8 (Brent, to 1e-12)
    const dropOff = find(at23, 'dropOff', 'b');
    expect(dropOff?.reachable).toBe(true);
    expect(near(dropOff?.switchingValue ?? 'NaN', '0.8', '1e-11')).toBe(true);
    // 800 + PV_b(d) = 920: on b's second year PV_b(d) = 100 + 50(d − 1) = 120 → d = 1.4
    expect(find(at23, 'duration', 'b')?.switchingValue).toBe('1.4');

    // 900/(1+r) + 50/(1+r)² = 800: with u = 1/(1+r), 50u² + 900u − 800 = 0,
    // u = (√970000 − 900)/100, r = 1/u − 1 = 0.17805361261225654… (Python decimal, 50 digits)
    const rate = find(switchingValues(small, { target: '2' }), 'discountRate');
    expect(rate?.reachable).toBe(true);
    expect(near(rate?.switchingValue ?? 'NaN', '0.1780536126122565451091382134', '1e-11')).toBe(
      true,
    );
  });

  it('solves a duration exactly on the year in which the ratio reaches the target', () => {
    // 100 a year, rate 0, inputs 250: duration d gives 100d / 250, linear in d.
    const analysis = (duration: number) =>
      parseAnalysis({
        name: 'Years',
        discount: { rate: '0' },
        inputs: [{ description: 'Grant', value: '250' }],
        outcomes: [
          {
            id: 'y',
            stakeholder: 's',
            outcome: 'o',
            quantity: '1',
            proxy: { value: '100' },
            duration,
          },
        ],
      });
    const duration = (d: number) =>
      switchingValues(analysis(d)).find((v) => v.parameter === 'duration')?.switchingValue;
    // hand-computed: 100d / 250 = 1 → d = 2.5, two whole years and half of the third
    expect(duration(2)).toBe('2.5'); // up from 0.8
    expect(duration(6)).toBe('2.5'); // down from 2.4
    expect(duration(1)).toBe('2.5'); // up from 0.4, across a whole year
  });

  it('solves a duration within a year of drop-off and discounting', () => {
    // hand-computed: 1000, 500, 250 a year at 25% (factors 0.8, 0.64, 0.512) against inputs of
    // 1000: PV(3) = 800 + 320 + 128 = 1248, PV(2) = 1120, PV(1) = 800, so the ratio falls to 1
    // on the second year: 800 + f × 320 = 1000 → f = 0.625, d = 1.625
    const analysis = parseAnalysis({
      name: 'Within a year',
      discount: { rate: '25%' },
      inputs: [{ description: 'Grant', value: '1000' }],
      outcomes: [
        {
          stakeholder: 's',
          outcome: 'o',
          quantity: '1',
          proxy: { value: '1000' },
          duration: 3,
          dropOff: '50%',
        },
      ],
    });
    const value = switchingValues(analysis).find((v) => v.parameter === 'duration');
    expect(value).toMatchObject({ base: '3', switchingValue: '1.625', reachable: true });
  });
});

describe('switchingValues (long durations)', () => {
  const longRun = (rate: string, grant: string) =>
    switchingValues(
      parseAnalysis({
        name: 'Long',
        discount: { rate },
        inputs: [{ description: 'Grant', value: grant }],
        outcomes: [
          { stakeholder: 's', outcome: 'o', quantity: '1', proxy: { value: '100' }, duration: 5 },
        ],
      }),
    ).find((v) => v.parameter === 'duration');

  it('finds a duration of many years at a rate of 0', () => {
    // 100 a year undiscounted against 10,000: the ratio reaches 1 at exactly 100 years
    expect(longRun('0', '10000')?.switchingValue).toBe('100');
  });

  it('finds a duration of many years at a flat rate', () => {
    // PV(m) = Σ_{t ≤ m} 100 / 1.05^t reaches 1800 in year 48 (ln 10 / ln 1.05 = 47.19…); on
    // that year PV = PV(47) + f × 100 / 1.05^48, so d = 47 + (1800 − PV(47)) × 1.05^48 / 100,
    // worked here at 60 digits
    let pv47 = new D(0);
    for (let t = 1; t <= 47; t++) pv47 = pv47.plus(new D(100).div(new D('1.05').pow(t)));
    const expected = new D(1800).minus(pv47).times(new D('1.05').pow(48)).div(100).plus(47);
    expect(near(longRun('5%', '1800')?.switchingValue ?? 'NaN', expected, '1e-28')).toBe(true);
    expect(expected.toFixed(6)).toBe('47.197461');
  });

  it('reports the ratio at 1000 years when even that is not enough', () => {
    // PV(1000) = 100(1 − 1.05^−1000)/0.05 = 2000 − 2000·1.05^−1000 (1.05^−1000 ≈ 6e-22), / 4000
    const value = longRun('5%', '4000');
    expect(value?.reachable).toBe(false);
    expect(near(value?.ratioAtLimit ?? 'NaN', '0.5', '1e-20')).toBe(true);
  });
});

describe('solveFor', () => {
  it('seeks a category ratio', () => {
    // fiscal PV = PV_b = 15q; 15q / 400 = 1 → q = 80/3 (Python decimal, 34 digits)
    expect(
      solveFor(
        small,
        { parameter: 'quantity', outcome: 'b' },
        { categoryRatio: '1', category: 'fiscal' },
      ),
    ).toEqual({
      parameter: 'quantity',
      outcome: 'b',
      base: '10',
      switchingValue: '26.66666666666666666666666666666667',
      reachable: true,
    });
  });

  it('reports an assumption outside the category as unreachable at the category ratio', () => {
    // a is uncategorised: the fiscal ratio stays 150 / 400 = 0.375 whatever a's quantity is
    expect(
      solveFor(
        small,
        { parameter: 'quantity', outcome: 'a' },
        { categoryRatio: '1', category: 'fiscal' },
      ),
    ).toEqual({
      parameter: 'quantity',
      outcome: 'a',
      base: '100',
      switchingValue: null,
      reachable: false,
      ratioAtLimit: '0.375',
    });
  });

  it('rejects a target that is not above zero, an unknown category and an unknown outcome', () => {
    const ref = { parameter: 'quantity', outcome: 'a' } as const;
    expect(() => solveFor(small, ref, { sroiRatio: '0' })).toThrow(
      'solveFor: goal.sroiRatio must be a ratio above 0, got "0"',
    );
    expect(() => solveFor(small, ref, { sroiRatio: 'one' })).toThrow(
      'solveFor: goal.sroiRatio must be a decimal string such as "1234.5", got "one"',
    );
    expect(() => solveFor(small, ref, { categoryRatio: '1', category: 'social' })).toThrow(
      /no outcome has the category "social" \(categories: "uncategorised", "fiscal"\)/,
    );
    expect(() => solveFor(small, { parameter: 'proxy', outcome: 'z' }, { sroiRatio: '1' })).toThrow(
      /no outcome has the id "z"/,
    );
  });

  it('names a few ids, not all of them, when an outcome id is unknown', () => {
    const many = modelAnalysis(
      Array.from({ length: 1000 }, (_, i) => modelOutcome({ id: `o${i + 1}` })),
    );
    expect(() => solveFor(many, { parameter: 'proxy', outcome: 'z' }, { sroiRatio: '1' })).toThrow(
      'no outcome has the id "z" (one of 1,000 ids, e.g. "o1", "o2", "o3")',
    );
  });

  it('throws UNDEFINED_RATIO when total inputs are zero', () => {
    const free = parseAnalysis({
      name: 'Free',
      outcomes: [
        { stakeholder: 's', outcome: 'o', quantity: '1', proxy: { value: '1' }, duration: 1 },
      ],
    });
    expect(() => solveFor(free, { parameter: 'proxyScale' }, { sroiRatio: '1' })).toThrow(
      SroiError,
    );
    try {
      solveFor(free, { parameter: 'proxyScale' }, { sroiRatio: '1' });
    } catch (error) {
      expect((error as SroiError).code).toBe('UNDEFINED_RATIO');
    }
  });

  it('moves every rate of a schedule together and reports the year-1 rate', () => {
    // Rates 10% then 20%: values 110 in year 1 and 132 in year 2, input 100 in year 0.
    // Shift s: 110/(1.1+s) + 132/((1.1+s)(1.2+s)) = 100 × 2 → at s = 0: 100 + 100 = 200, so the
    // ratio is exactly 2 at the base and the switching value for target 2 is the base, 0.1.
    const analysis = parseAnalysis({
      name: 'Rates',
      discount: { rates: ['10%', '20%'] },
      inputs: [{ description: 'Grant', value: '100' }],
      outcomes: [
        { stakeholder: 's', outcome: 'o1', quantity: '1', proxy: { value: '110' }, duration: 1 },
        {
          stakeholder: 's',
          outcome: 'o2',
          quantity: '1',
          proxy: { value: '132' },
          duration: 1,
          start: 2,
        },
      ],
    });
    expect(solveFor(analysis, { parameter: 'discountRate' }, { sroiRatio: '2' })).toEqual({
      parameter: 'discountRate',
      base: '0.1',
      switchingValue: '0.1',
      reachable: true,
    });
    // Target 1: 110/(1.1+s) + 132/((1.1+s)(1.2+s)) = 100 → s = 0.69614813968157204…
    // (mpmath findroot, 40 digits), so the year-1 rate is 0.79614813968157204…
    const one = solveFor(analysis, { parameter: 'discountRate' }, { sroiRatio: '1' });
    expect(near(one.switchingValue ?? 'NaN', '0.796148139681572046193193487', '1e-11')).toBe(true);
  });

  it('gives the base duration when the target is the base ratio and the horizon ends with it', () => {
    // Found by the property test of switchingValuesWithin: the year after a horizon of 3 adds
    // nothing, so the gap is flat from 3 to 4 years; the gap at the base (3) and at the knot 3
    // differ only in their last digit, and on opposite sides of zero, so the walk up used to
    // divide by the flat segment's zero change (RangeError: not finite). At the base ratio the
    // switching value of a duration is its base: 3.
    const analysis = parseAnalysis({
      name: 'x',
      discount: { rate: '0.09' },
      horizon: 3,
      inputs: [{ description: 'Grant', value: '22796' }],
      outcomes: [
        {
          id: 'o1',
          stakeholder: 'p',
          outcome: 'o',
          quantity: '21',
          proxy: { value: '2024.32' },
          duration: 3,
          attribution: '0.25',
          leakage: '0.081',
          dropOff: '0.1',
        },
      ],
    });
    const ratio = evaluateAnalysis(analysis).sroiRatio ?? '1';
    expect(
      solveFor(analysis, { parameter: 'duration', outcome: 'o1' }, { sroiRatio: ratio }),
    ).toEqual({
      parameter: 'duration',
      outcome: 'o1',
      base: '3',
      switchingValue: '3',
      reachable: true,
    });
  });
});
