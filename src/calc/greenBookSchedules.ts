import type { DecimalString, DiscountScheduleName } from '../model/analysis.js';

/** One band of a discount schedule: `rate` applies from year `fromYear` to year `toYear`. */
export interface DiscountBand {
  readonly fromYear: number;
  /** Inclusive; `null` for the last band, which continues for every later year. */
  readonly toYear: number | null;
  readonly rate: DecimalString;
}

/**
 * HM Treasury Green Book (2022) declining long-term discount rates, Annex A6 table 8 (standard
 * and reduced "pure time preference" schedules) and the health schedules of Green Book
 * supplementary guidance on discounting: 1–30 years, 31–75, 76–125. Beyond year 125 the Green
 * Book gives no rate; this library continues the last band and says so in docs/method.md.
 * Factors compound year by year (DF(31) = DF(30) / 1.03), which is how the Green Book's own
 * discount factor tables are built (`tests/data/green-book-discount-factors.csv`, HM Treasury's
 * table, is checked against them).
 *
 * @example
 * greenBookSchedules['green-book'].map((band) => [band.toYear, band.rate]);
 * //=> [[30, '0.035'], [75, '0.03'], [null, '0.025']]
 */
export const greenBookSchedules: Readonly<Record<DiscountScheduleName, readonly DiscountBand[]>> = {
  'green-book': [
    { fromYear: 1, toYear: 30, rate: '0.035' },
    { fromYear: 31, toYear: 75, rate: '0.03' },
    { fromYear: 76, toYear: null, rate: '0.025' },
  ],
  'green-book-health': [
    { fromYear: 1, toYear: 30, rate: '0.015' },
    { fromYear: 31, toYear: 75, rate: '0.0129' },
    { fromYear: 76, toYear: null, rate: '0.0107' },
  ],
  'green-book-reduced': [
    { fromYear: 1, toYear: 30, rate: '0.03' },
    { fromYear: 31, toYear: 75, rate: '0.0257' },
    { fromYear: 76, toYear: null, rate: '0.0214' },
  ],
  'green-book-health-reduced': [
    { fromYear: 1, toYear: 30, rate: '0.01' },
    { fromYear: 31, toYear: 75, rate: '0.0086' },
    { fromYear: 76, toYear: null, rate: '0.0071' },
  ],
};

/**
 * The names of the bundled schedules, in the order the docs list them.
 *
 * @example
 * discountScheduleNames;
 * //=> ['green-book', 'green-book-health', 'green-book-reduced', 'green-book-health-reduced']
 */
export const discountScheduleNames = Object.keys(greenBookSchedules) as DiscountScheduleName[];
