import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { D as Decimal } from '../_decimal.js';
import { describe, expect, it } from 'vitest';
import { discountFactor, discountFactors } from '../../src/calc/discountFactors.js';
import { discountRate } from '../../src/calc/discountRate.js';
import type { Discount, DiscountScheduleName } from '../../src/model/analysis.js';

/** HM Treasury Green Book discount factor table, years 0–125 (tests/data, with its source). */
const table = readFileSync(join(__dirname, '../data/green-book-discount-factors.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));
const column: Record<DiscountScheduleName, number> = {
  'green-book': 5,
  'green-book-reduced': 6,
  'green-book-health': 7,
  'green-book-health-reduced': 8,
};

describe('discountFactors', () => {
  describe.each(Object.keys(column) as DiscountScheduleName[])('schedule %s', (schedule) => {
    const factors = discountFactors({ timing: 'end', schedule }, 125);
    it.each([0, 1, 2, 29, 30, 31, 32, 74, 75, 76, 77, 100, 124, 125])(
      'matches the Green Book table in year %i to 1e-12',
      (year) => {
        const published = table[year]?.[column[schedule]];
        expect(published).toBeDefined();
        const difference = new Decimal(factors[year] ?? 'NaN').minus(published ?? 'NaN').abs();
        expect(difference.lte('1e-12')).toBe(true);
      },
    );
  });

  it('compounds year by year across a change of rate, not 1/(1+r)^t', () => {
    // hand-computed: DF(31) = DF(30) / 1.03 = 1.035^-30 / 1.03, which differs from 1.03^-31
    const df31 = new Decimal(discountFactor({ timing: 'end', schedule: 'green-book' }, 31));
    const expected = new Decimal(1).div(new Decimal('1.035').pow(30)).div('1.03');
    expect(df31.minus(expected).abs().lte('1e-30')).toBe(true);
    expect(
      df31
        .minus(new Decimal(1).div(new Decimal('1.03').pow(31)))
        .abs()
        .gt('0.01'),
    ).toBe(true);
  });

  it.each<[string, Discount, number, string]>([
    // hand-computed: 1 / 1.1 = 0.9090…, 1 / 1.21 = 0.826446…
    ['end, flat 10%', { timing: 'end', rate: '0.1' }, 2, '0.8264462809917355371900826446280992'],
    // timing start: DF(t) = DF_end(t − 1); DF(2) = 1 / 1.1
    [
      'start, flat 10%',
      { timing: 'start', rate: '0.1' },
      2,
      '0.9090909090909090909090909090909091',
    ],
    // timing start: year 1 flows are not discounted
    ['start, year 1', { timing: 'start', rate: '0.1' }, 1, '1'],
    // timing mid: DF(1) = 1 / 1.21^0.5 = 1 / 1.1 exactly
    ['mid, 21% year 1', { timing: 'mid', rate: '0.21' }, 1, '0.9090909090909090909090909090909091'],
    // timing mid: DF(2) = DF_end(1) / 1.21^0.5 = (1/1.21) / 1.1 = 1 / 1.331
    ['mid, 21% year 2', { timing: 'mid', rate: '0.21' }, 2, '0.7513148009015777610818933132982720'],
    // per-year rates 10%, 20% then the last continues: DF(3) = 1 / (1.1 × 1.2 × 1.2) = 1 / 1.584
    [
      'rates, last continues',
      { timing: 'end', rates: ['0.1', '0.2'] },
      3,
      '0.6313131313131313131313131313131313',
    ],
    // zero rate: no discounting
    ['zero rate', { timing: 'end', rate: '0' }, 10, '1'],
  ])('%s: DF(%#)', (_label, discount, year, expected) => {
    expect(new Decimal(discountFactor(discount, year)).toFixed(34)).toBe(
      new Decimal(expected).toFixed(34),
    );
  });

  it('never discounts year 0, whatever the timing', () => {
    for (const timing of ['end', 'start', 'mid'] as const) {
      expect(discountFactors({ timing, rate: '0.5' }, 0)).toEqual(['1']);
    }
  });

  it('rejects a negative or fractional last year', () => {
    expect(() => discountFactors({ timing: 'end', rate: '0.035' }, -1)).toThrow(/whole number/);
    expect(() => discountFactors({ timing: 'end', rate: '0.035' }, 1.5)).toThrow(/whole number/);
  });
});

describe('discountRate', () => {
  it.each<[Discount, number, string]>([
    [{ timing: 'end', schedule: 'green-book' }, 30, '0.035'], // Green Book: 3.5% years 1–30
    [{ timing: 'end', schedule: 'green-book' }, 31, '0.03'], // 3.0% years 31–75
    [{ timing: 'end', schedule: 'green-book' }, 76, '0.025'], // 2.5% years 76–125
    [{ timing: 'end', schedule: 'green-book-health' }, 75, '0.0129'],
    [{ timing: 'end', schedule: 'green-book-health-reduced' }, 200, '0.0071'], // last band continues
    [{ timing: 'end', rates: ['0.05', '0.04'] }, 9, '0.04'], // last listed rate continues
  ])('gives %o in year %i the rate %s', (discount, year, expected) => {
    expect(discountRate(discount, year)).toBe(expected);
  });

  it('rejects year 0, which is never discounted', () => {
    expect(() => discountRate({ timing: 'end', rate: '0.035' }, 0)).toThrow(
      'discountRate: year must be a whole number from 1 to 10000, got the number 0',
    );
  });
});
