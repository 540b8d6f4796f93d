import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { D, near } from '../_decimal.js';
import type { AnalysisInput } from '../../src/schema/analysisSchema.js';
import type { SroiResult } from '../../src/model/result.js';

const run = (input: AnalysisInput): SroiResult => evaluateAnalysis(parseAnalysis(input));
const outcome = (fields: Record<string, unknown> = {}) => ({
  stakeholder: 'Residents',
  outcome: 'Change',
  quantity: '10',
  proxy: { value: '100' },
  duration: 1,
  ...fields,
});

/** The docs/model.md example: £1 of inputs, 3.5%, end-of-year, written out by hand. */
describe('evaluateAnalysis', () => {
  const befriending = run({
    name: 'Befriending',
    discount: { rate: '3.5%' },
    inputs: [{ description: 'Grant', value: '24000' }],
    outcomes: [
      outcome({
        quantity: '40',
        proxy: { value: '1000' },
        duration: 3,
        deadweight: '20%',
        attribution: '25%',
        dropOff: '50%',
      }),
    ],
  });

  it('values the first year at the impact and applies compounding drop-off after it', () => {
    // hand-computed: 40 × 1000 × 0.8 × 0.75 = 24000; then × 0.5 each year: 12000, 6000
    expect(befriending.years.map((y) => y.value)).toEqual(['24000', '12000', '6000']);
    expect(befriending.outcomes[0]?.grossValue).toBe('40000');
    expect(befriending.outcomes[0]?.impact).toBe('24000');
  });

  it('discounts at the end of each year, like Excel NPV', () => {
    // LibreOffice/Excel: =NPV(0.035; 24000; 12000; 6000) = 39802.1904355064…
    const expected = new D(24000)
      .div('1.035')
      .plus(new D(12000).div(new D('1.035').pow(2)))
      .plus(new D(6000).div(new D('1.035').pow(3)));
    expect(near(befriending.totalPresentValue, expected, '1e-28')).toBe(true);
    expect(befriending.totalPresentValue.startsWith('39802.190435506')).toBe(true);
    expect(near(befriending.sroiRatio ?? 'NaN', expected.div(24000), '1e-30')).toBe(true);
    expect(near(befriending.netSroiRatio ?? 'NaN', expected.minus(24000).div(24000), '1e-30')).toBe(
      true,
    );
    expect(near(befriending.netPresentValue, expected.minus(24000), '1e-28')).toBe(true);
  });

  it('gives payback in months from the first year with value, undiscounted', () => {
    // hand-computed: 24000 / (24000 / 12) = 12 months
    expect(befriending.paybackMonths).toBe('12');
  });

  it('finds the first year whose cumulative PV reaches the inputs', () => {
    // hand-computed: year 1 PV 23188.41 < 24000; cumulative year 2 34390.53 ≥ 24000
    expect(befriending.breakEvenYear).toBe(2);
  });

  it('builds a waterfall whose steps add up from gross value to present value', () => {
    const w = befriending.waterfall;
    // hand-computed: gross over 3 years without drop-off = 40 × 1000 × 3 = 120000;
    // deadweight 20% of 120000 = 24000; attribution 25% of 96000 = 24000;
    // drop-off: 72000 − (24000 + 12000 + 6000) = 30000
    expect([
      w.grossValue,
      w.deadweight,
      w.displacement,
      w.attribution,
      w.leakage,
      w.dropOff,
    ]).toEqual(['120000', '24000', '0', '24000', '0', '30000']);
    const total = new D(w.grossValue)
      .minus(w.deadweight)
      .minus(w.displacement)
      .minus(w.attribution)
      .minus(w.leakage)
      .minus(w.dropOff)
      .minus(w.beyondHorizon)
      .minus(w.discounting);
    expect(total.eq(befriending.totalPresentValue)).toBe(true);
  });

  it('starts valuing in the year given by start', () => {
    const result = run({
      name: 'Late start',
      discount: { rate: '0' },
      inputs: [{ description: 'Grant', value: '600' }],
      outcomes: [outcome({ start: 2, duration: 2, dropOff: '10%' })],
    });
    // hand-computed: year 1 nothing; year 2 = 10 × 100 = 1000; year 3 = 1000 × 0.9 = 900
    expect(result.years.map((y) => [y.year, y.value])).toEqual([
      [1, '0'],
      [2, '1000'],
      [3, '900'],
    ]);
    // payback uses the first year with value (year 2): 600 / (1000 / 12) = 7.2 months
    expect(result.paybackMonths).toBe('7.2');
    expect(result.breakEvenYear).toBe(2);
  });

  it('uses a quantity profile in place of drop-off', () => {
    const result = run({
      name: 'Profile',
      discount: { rate: '0' },
      inputs: [{ description: 'Grant', value: '1' }],
      outcomes: [
        outcome({
          quantityByYear: ['40', '30', '20'],
          duration: 3,
          deadweight: '50%',
          dropOff: '90%',
        }),
      ],
    });
    // hand-computed: 40 × 100 × 0.5 = 2000; 30 × 100 × 0.5 = 1500; 20 × 100 × 0.5 = 1000 (no drop-off)
    expect(result.years.map((y) => y.value)).toEqual(['2000', '1500', '1000']);
    expect(result.waterfall.dropOff).toBe('0');
    expect(result.warnings.map((w) => w.code)).toEqual(['DROP_OFF_NOT_APPLIED']);
  });

  it('names at most five outcomes in a warning, however many it is about', () => {
    const profiled = Array.from({ length: 7 }, (_, i) =>
      outcome({ id: `p${i + 1}`, quantityByYear: ['1'], dropOff: '10%' }),
    );
    const result = run({
      name: 'Many',
      inputs: [{ description: 'g', value: '1' }],
      outcomes: profiled,
    });
    expect(result.warnings[0]?.message).toMatch(
      /^"p1", "p2", "p3" and 4 more give both quantityByYear and a drop-off;/,
    );
  });

  it('discounts inputs by their year and leaves year 0 alone', () => {
    const result = run({
      name: 'Phased',
      discount: { rate: '10%' },
      inputs: [
        { description: 'Year 0', value: '1000' },
        { description: 'Year 1', value: '1100', year: 1 },
      ],
      outcomes: [outcome({ proxy: { value: '220' } })],
    });
    // hand-computed: 1000 + 1100 / 1.1 = 2000; PV = 2200 / 1.1 = 2000; ratio 1
    expect(result.totalInputs).toBe('2000');
    expect(result.totalPresentValue).toBe('2000');
    expect(result.sroiRatio).toBe('1');
    expect(result.inputs.map((i) => i.presentValue)).toEqual(['1000', '1000']);
  });

  it('reports a zero-input analysis with null ratios and a coded warning, never Infinity', () => {
    const result = run({ name: 'Free', discount: { rate: '0' }, outcomes: [outcome()] });
    expect(result.sroiRatio).toBeNull();
    expect(result.netSroiRatio).toBeNull();
    expect(result.stakeholders[0]?.sroiRatio).toBeNull();
    // nothing was invested, so there is nothing to pay back
    expect(result.paybackMonths).toBeNull();
    expect(result.breakEvenYear).toBeNull();
    expect(result.warnings.map((w) => w.code)).toContain('ZERO_INPUTS');
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  it('lets a negative proxy (a disbenefit) reduce the value', () => {
    const result = run({
      name: 'Disbenefit',
      discount: { rate: '0' },
      inputs: [{ description: 'Grant', value: '500' }],
      outcomes: [
        outcome(),
        outcome({ outcome: 'Noise', proxy: { value: '(40)' }, deadweight: '50%' }),
      ],
    });
    // hand-computed: 10 × 100 = 1000; 10 × −40 × 0.5 = −200; PV 800; ratio 1.6
    expect(result.totalPresentValue).toBe('800');
    expect(result.sroiRatio).toBe('1.6');
  });

  it('has no payback when the first year with value is negative', () => {
    const result = run({
      name: 'Only harm',
      discount: { rate: '0' },
      inputs: [{ description: 'Grant', value: '500' }],
      outcomes: [outcome({ proxy: { value: '-1' } })],
    });
    expect(result.paybackMonths).toBeNull();
    expect(result.breakEvenYear).toBeNull();
  });

  it('breaks value down by stakeholder and category, each with its share and ratio', () => {
    const result = run({
      name: 'Perspectives',
      discount: { rate: '0' },
      stakeholders: [
        { id: 'p', name: 'Participants' },
        { id: 'nhs', name: 'NHS' },
      ],
      inputs: [{ description: 'Grant', value: '1000' }],
      outcomes: [
        outcome({ stakeholder: 'p', category: 'quality of life', proxy: { value: '300' } }),
        outcome({
          stakeholder: 'NHS',
          category: 'public-service savings',
          proxy: { value: '100' },
        }),
      ],
    });
    // hand-computed: 10 × 300 = 3000 and 10 × 100 = 1000; PV 4000; inputs 1000
    expect(result.stakeholders).toEqual([
      {
        stakeholder: 'p',
        name: 'Participants',
        presentValue: '3000',
        share: '0.75',
        sroiRatio: '3',
      },
      { stakeholder: 'nhs', name: 'NHS', presentValue: '1000', share: '0.25', sroiRatio: '1' },
    ]);
    expect(result.categories).toEqual([
      { category: 'quality of life', presentValue: '3000', share: '0.75', sroiRatio: '3' },
      { category: 'public-service savings', presentValue: '1000', share: '0.25', sroiRatio: '1' },
    ]);
    expect(result.outcomes[1]?.stakeholder).toBe('nhs');
  });

  it('rebases proxies to the analysis price year with the GDP deflators', () => {
    const result = run({
      name: 'Price base',
      priceYear: 2023,
      discount: { rate: '0' },
      inputs: [{ description: 'Grant', value: '100' }],
      outcomes: [outcome({ quantity: '1', proxy: { value: '100', priceYear: 2019 } })],
    });
    // shared/sources: £100 in 2019 prices is 100 × 100 / 84.142 = £118.85 in 2023 prices
    expect(near(result.outcomes[0]?.proxyValue ?? 'NaN', new D(10000).div('84.142'), '1e-28')).toBe(
      true,
    );
    expect(result.method.deflatorSeries).toMatch(/calendar years/);
  });

  it('uses a user deflator series when one is given', () => {
    const analysis = parseAnalysis(
      {
        name: 'Own series',
        priceYear: 2002,
        discount: { rate: '0' },
        inputs: [{ description: 'Grant', value: '1' }],
        outcomes: [outcome({ quantity: '1', proxy: { value: '100', priceYear: 2001 } })],
      },
      { deflators: { name: 'test', basis: 'calendar', index: { '2001': '50', '2002': '100' } } },
    );
    const result = evaluateAnalysis(analysis, {
      deflators: { name: 'test', basis: 'calendar', index: { '2001': '50', '2002': '100' } },
    });
    // hand-computed: 100 × 100 / 50 = 200
    expect(result.outcomes[0]?.proxyValue).toBe('200');
  });

  it('warns when proxies carry different price years and nothing rebases them', () => {
    const result = run({
      name: 'Mixed',
      discount: { rate: '0' },
      inputs: [{ description: 'Grant', value: '1' }],
      outcomes: [
        outcome({ proxy: { value: '1', priceYear: 2010 } }),
        outcome({ proxy: { value: '1', priceYear: 2020 } }),
      ],
    });
    expect(result.warnings.map((w) => w.code)).toEqual(['MIXED_PRICE_YEARS']);
  });

  it('cuts value at the horizon and says so', () => {
    const result = run({
      name: 'Horizon',
      horizon: 2,
      discount: { rate: '0' },
      inputs: [{ description: 'Grant', value: '1' }],
      outcomes: [outcome({ duration: 4 })],
    });
    // hand-computed: 1000 a year; two years inside the horizon, two beyond
    expect(result.totalPresentValue).toBe('2000');
    expect(result.waterfall.beyondHorizon).toBe('2000');
    expect(result.warnings.map((w) => w.code)).toContain('HORIZON_CUTS_OUTCOMES');
  });

  it('extends the years to a horizon beyond the last valued year', () => {
    const result = run({
      name: 'Long',
      horizon: 3,
      discount: { rate: '0' },
      inputs: [{ description: 'g', value: '1' }],
      outcomes: [outcome()],
    });
    expect(result.years.map((y) => y.value)).toEqual(['1000', '0', '0']);
  });

  it('values outcomes that share a drop-off, start and duration with the same year-by-year sum', () => {
    // The engine computes an outcome's PV as impact × Σ_k (1 − dropOff)^k × DF(start + k), once
    // for each (dropOff, start, duration), and the year totals from each group's summed impacts.
    // Independent check: each outcome's year values written by hand and discounted one by one,
    // Σ V(t) / 1.035^t, here in decimal.js.
    const result = run({
      name: 'Shared factors',
      horizon: 4,
      discount: { rate: '3.5%' },
      inputs: [{ description: 'Grant', value: '1000' }],
      outcomes: [
        outcome({ id: 'a', quantity: '10', duration: 3, dropOff: '20%' }),
        outcome({ id: 'b', quantity: '7', duration: 3, dropOff: '20%' }),
        // cut by the horizon after 4 of its 6 years
        outcome({ id: 'c', quantity: '3', duration: 6, dropOff: '20%' }),
        outcome({ id: 'd', quantity: '5', start: 2, duration: 3, dropOff: '20%' }),
        outcome({ id: 'e', quantity: '2', duration: 3, dropOff: '0' }),
      ],
    });
    const pv = (first: number, firstYear: number, years: number, retained: string) => {
      let total = new D(0);
      let value = new D(first);
      for (let t = firstYear; t < firstYear + years; t++) {
        total = total.plus(value.div(new D('1.035').pow(t)));
        value = value.times(retained);
      }
      return total;
    };
    // hand-computed year values: a 1000, 800, 640; b 700, 560, 448; c 300, 240, 192, 153.6;
    // d (years 2–4) 500, 400, 320; e 200, 200, 200
    const expected = {
      a: pv(1000, 1, 3, '0.8'),
      b: pv(700, 1, 3, '0.8'),
      c: pv(300, 1, 4, '0.8'),
      d: pv(500, 2, 3, '0.8'),
      e: pv(200, 1, 3, '1'),
    };
    for (const o of result.outcomes) {
      expect(near(o.presentValue, expected[o.id as keyof typeof expected], '1e-30')).toBe(true);
    }
    expect(result.outcomes.find((o) => o.id === 'c')?.years.map((y) => y.value)).toEqual([
      '300',
      '240',
      '192',
      '153.6',
    ]);
    const total = Object.values(expected).reduce((a, b) => a.plus(b), new D(0));
    expect(near(result.totalPresentValue, total, '1e-30')).toBe(true);
    // hand-computed year totals: year 1 = 1000 + 700 + 300 + 200 = 2200; year 2 = 800 + 560 +
    // 240 + 500 + 200 = 2300; year 3 = 640 + 448 + 192 + 400 + 200 = 1880; year 4 = 153.6 + 320
    expect(result.years.map((y) => y.value)).toEqual(['2200', '2300', '1880', '473.6']);
    // c's years 5 and 6 (122.88, 98.304) fall beyond the horizon
    expect(result.waterfall.beyondHorizon).toBe('221.184');
  });

  it('discounts a Green Book schedule year by year', () => {
    const result = run({
      name: 'Long-lived',
      discount: { schedule: 'green-book' },
      inputs: [{ description: 'Grant', value: '1' }],
      outcomes: [outcome({ quantity: '1', proxy: { value: '1' }, start: 31, duration: 1 })],
    });
    // Green Book table: DF(31) = 0.345901369517 (shared/data/green-book-discount-factors.csv)
    expect(near(result.totalPresentValue, '0.345901369517', '1e-12')).toBe(true);
  });

  it('discounts at mid-year when asked', () => {
    const result = run({
      name: 'Mid',
      discount: { rate: '21%', timing: 'mid' },
      inputs: [{ description: 'Grant', value: '1' }],
      outcomes: [outcome({ quantity: '1', proxy: { value: '110' } })],
    });
    // hand-computed: 110 / 1.21^0.5 = 110 / 1.1 = 100
    expect(near(result.totalPresentValue, '100', '1e-30')).toBe(true);
  });

  it('states the conventions it used', () => {
    expect(befriending.method).toEqual({
      discount: { timing: 'end', rate: '0.035' },
      priceYear: null,
      deflatorSeries: null,
      horizon: 3,
    });
  });
});
