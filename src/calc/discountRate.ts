import { greenBookSchedules } from './greenBookSchedules.js';
import { discountArgument, MAX_YEAR, wholeNumber } from '../model/_arguments.js';
import { SroiError } from '../model/SroiError.js';
import type { Arithmetic } from './_arithmetic.js';
import type { DecimalString, Discount } from '../model/analysis.js';

/**
 * The discount rate that applies to year `year` (a whole number from 1 to 10,000) under a
 * discount setting: the flat rate;
 * the year's entry in a per-year list, with the last entry continuing for later years; or the
 * band of a Green Book schedule that holds the year.
 *
 * @example
 * discountRate({ timing: 'end', schedule: 'green-book' }, 31);
 * //=> '0.03'
 */
export function discountRate(discount: Discount, year: number): DecimalString {
  discountArgument('discountRate', discount);
  wholeNumber('discountRate', 'year', year, 1, MAX_YEAR);
  return rateOf(discount, year);
}

/** The rate of year `year` (≥ 1) under a discount setting already checked. @internal */
export function rateOf(discount: Discount, year: number): DecimalString {
  if ('rate' in discount) return discount.rate;
  if ('rates' in discount) {
    const last = discount.rates[discount.rates.length - 1];
    if (last === undefined) {
      throw new SroiError('INVALID_ARGUMENT', 'discount.rates must hold at least one rate');
    }
    return discount.rates[year - 1] ?? last;
  }
  const bands = greenBookSchedules[discount.schedule];
  const band = bands.find((b) => b.toYear === null || year <= b.toYear);
  if (band === undefined) {
    throw new SroiError('INVALID_ARGUMENT', `unknown discount schedule "${discount.schedule}"`);
  }
  return band.rate;
}

/**
 * The discount rate as one assumption that sensitivity analysis and simulation move
 * (docs/sensitivity.md). With a flat rate it is that rate. With per-year rates or a schedule its
 * value is the year-1 rate, and moving it moves every year's rate by the same number of points.
 * Its valid range keeps every year's rate, up to `lastYear`, within 0–1.
 */
export interface MovableRate<N> {
  /** The rate's value in the analysis (the year-1 rate). */
  readonly base: N;
  readonly lower: N;
  readonly upper: N;
  /** Each year's rate when the assumption has the value `rate`. */
  readonly ratesAt: (rate: N) => (year: number) => N;
}

/** The discount rate of `discount` as one movable assumption (see `MovableRate`). @internal */
export function movableRate<N>(a: Arithmetic<N>) {
  return (discount: Discount, lastYear: number): MovableRate<N> => {
    const rates = [a.zero];
    for (let year = 1; year <= Math.max(lastYear, 1); year++) {
      rates.push(a.read(rateOf(discount, year)));
    }
    const base = rates[1] ?? a.zero;
    let lowest = base;
    let highest = base;
    for (const rate of rates.slice(1)) {
      if (a.lessThan(rate, lowest)) lowest = rate;
      if (a.lessThan(highest, rate)) highest = rate;
    }
    const last = rates[rates.length - 1] ?? base;
    return {
      base,
      lower: a.minus(base, lowest),
      upper: a.plus(base, a.minus(a.one, highest)),
      ratesAt:
        'rate' in discount
          ? (rate) => () => rate
          : (rate) => {
              const shift = a.minus(rate, base);
              return (year) => a.plus(rates[year] ?? last, shift);
            },
    };
  };
}
