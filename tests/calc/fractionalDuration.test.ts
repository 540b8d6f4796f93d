/**
 * Durations that are not whole years (docs/method.md): the last valued year counts only its
 * share, duration − (⌈duration⌉ − 1), of that year's value after drop-off. The analyses are built
 * as the validated model (`Analysis`) directly.
 */
import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { outcomeValues } from '../../src/calc/outcomeValues.js';
import { SroiError } from '../../src/model/SroiError.js';
import { D, near } from '../_decimal.js';
import { modelAnalysis, modelOutcome } from '../_model.js';
import type { Outcome } from '../../src/model/analysis.js';

const outcome = (fields: Partial<Outcome> = {}): Outcome => modelOutcome({ id: 'o1', ...fields });
const analysis = modelAnalysis;
/** 40 people × £1,000, deadweight 20%, attribution 25%, drop-off 50%, for 2.5 years. */
const befriending = outcome({
  quantity: '40',
  proxy: { value: '1000' },
  duration: 2.5,
  deadweight: '0.2',
  attribution: '0.25',
  dropOff: '0.5',
});

describe('evaluateAnalysis (fractional durations)', () => {
  const twoAndAHalf = evaluateAnalysis(analysis([befriending]));

  it('counts two whole years and half of the third, after drop-off', () => {
    // hand-computed: 40 × 1000 × 0.8 × 0.75 = 24000; × 0.5 = 12000; × 0.5 = 6000, of which half
    expect(twoAndAHalf.years.map((y) => y.value)).toEqual(['24000', '12000', '3000']);
    expect(twoAndAHalf.outcomes[0]?.impact).toBe('24000');
    expect(twoAndAHalf.totalPresentValue).toBe('39000'); // rate 0: 24000 + 12000 + 3000
    expect(twoAndAHalf.method.horizon).toBe(3); // the last valued year is ⌈2.5⌉ = 3
  });

  it('counts the fraction in the waterfall’s gross value', () => {
    const w = twoAndAHalf.waterfall;
    // hand-computed: gross 40 × 1000 × 2.5 years = 100000; deadweight 20% = 20000; attribution
    // 25% of 80000 = 20000; drop-off: 60000 − 39000 = 21000; no discounting at rate 0
    expect([w.grossValue, w.deadweight, w.attribution, w.dropOff, w.discounting]).toEqual([
      '100000',
      '20000',
      '20000',
      '21000',
      '0',
    ]);
  });

  it('gives the example worked by hand in docs/method.md', () => {
    const result = evaluateAnalysis(
      analysis([befriending], { discount: { timing: 'end', rate: '0.035' } }),
    );
    // docs/method.md: 24000 / 1.035 + 12000 / 1.035² + 3000 / 1.035³ = 37096.36…
    const expected = new D(24000)
      .div('1.035')
      .plus(new D(12000).div(new D('1.035').pow(2)))
      .plus(new D(3000).div(new D('1.035').pow(3)));
    expect(near(result.totalPresentValue, expected, '1e-28')).toBe(true);
    expect(expected.toFixed(2)).toBe('37096.36');
    expect(new D(result.waterfall.discounting).toFixed(2)).toBe('1903.64'); // 39000 − 37096.36
  });

  it('values half a year as half of the first year’s value', () => {
    const result = evaluateAnalysis(analysis([outcome({ duration: 0.5 })]));
    // hand-computed: 10 × 100 = 1000 a year, half of it; the impact is a whole year's
    expect(result.years).toMatchObject([{ year: 1, value: '500' }]);
    expect(result.outcomes[0]).toMatchObject({ impact: '1000', presentValue: '500' });
    expect(result.waterfall.grossValue).toBe('500'); // 1000 × 0.5 years
    expect(result.sroiRatio).toBe('0.5'); // 500 / 1000
  });

  it('discounts the share of the last year with that year’s factor', () => {
    const result = evaluateAnalysis(
      analysis([outcome({ duration: 1.5, dropOff: '0.2' })], {
        discount: { timing: 'end', rate: '0.1' },
      }),
    );
    // hand-computed: 1000 / 1.1 + 0.5 × 800 / 1.1² (= 909.09… + 330.57…)
    const expected = new D(1000).div('1.1').plus(new D(400).div('1.21'));
    expect(near(result.totalPresentValue, expected, '1e-30')).toBe(true);
    expect(result.years.map((y) => y.value)).toEqual(['1000', '400']);
  });

  it('counts the share of a profile’s last year', () => {
    const result = evaluateAnalysis(
      analysis([
        outcome({
          quantityByYear: ['40', '30', '20'],
          quantity: '40',
          duration: 2.5,
          deadweight: '0.5',
        }),
      ]),
    );
    // hand-computed: 40 × 100 × 0.5 = 2000; 30 × 100 × 0.5 = 1500; 20 × 100 × 0.5 × 0.5 = 500
    expect(result.years.map((y) => y.value)).toEqual(['2000', '1500', '500']);
    // gross: 100 × (40 + 30 + 20 × 0.5) = 8000; deadweight takes half
    expect([result.waterfall.grossValue, result.waterfall.deadweight]).toEqual(['8000', '4000']);
  });

  it('leaves a fractional last year beyond the horizon out, with its share', () => {
    const result = evaluateAnalysis(
      analysis([outcome({ duration: 2.25, dropOff: '0.5' })], { horizon: 2 }),
    );
    // hand-computed: 1000, 500 inside; 250 × 0.25 = 62.5 beyond
    expect(result.totalPresentValue).toBe('1500');
    expect(result.waterfall.beyondHorizon).toBe('62.5');
    expect(result.warnings.map((w) => w.code)).toEqual(['HORIZON_CUTS_OUTCOMES']);
  });

  it('starts a fractional duration in its start year', () => {
    const result = evaluateAnalysis(analysis([outcome({ start: 2, duration: 1.75 })]));
    // hand-computed: year 1 nothing; year 2 1000; year 3 1000 × 0.75 = 750
    expect(result.years.map((y) => [y.year, y.value])).toEqual([
      [1, '0'],
      [2, '1000'],
      [3, '750'],
    ]);
  });

  it('rejects a duration outside (0, 1000] and a profile of the wrong length, with the path', () => {
    for (const duration of [0, -1, 1000.5, Number.NaN]) {
      expect(() => evaluateAnalysis(analysis([outcome({ duration })]))).toThrow(
        /^evaluateAnalysis: analysis\.outcomes\[0\]\.duration must be a number of years above 0 and at most 1000, got /,
      );
    }
    try {
      evaluateAnalysis(analysis([outcome({ quantityByYear: ['1', '2'], duration: 2.5 })]));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SroiError);
      expect((error as SroiError).message).toBe(
        'outcomes[0].quantityByYear: quantityByYear must give one quantity for each of the 3 valued years (duration 2.5), got 2',
      );
      expect((error as SroiError).issues[0]?.path).toEqual(['outcomes', 0, 'quantityByYear']);
    }
  });
});

describe('outcomeValues (fractional durations)', () => {
  it('gives the last valued year its share', () => {
    expect(outcomeValues({ ...outcome({ duration: 0.25 }), quantity: '8' }, '50')).toEqual([
      { year: 1, value: '100' },
    ]); // hand-computed: 8 × 50 × 0.25
  });
});
