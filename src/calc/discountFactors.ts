import { decimalArithmetic } from './_arithmetic.js';
import { str } from './_decimal.js';
import { rateOf } from './discountRate.js';
import { discountArgument, MAX_YEAR, wholeNumber } from '../model/_arguments.js';
import { SroiError } from '../model/SroiError.js';
import type { Arithmetic } from './_arithmetic.js';
import type { Dec } from './_decimal.js';
import type { DecimalString, Discount, DiscountTiming } from '../model/analysis.js';

/**
 * Discount factors for years 0 … `lastYear` (index = year; `lastYear` a whole number from 0 to
 * 10,000).
 *
 * With timing `end` (the default, and what Excel's `NPV` and the SROI Value Map assume: each
 * year's flow arrives at the end of the year) `DF(t) = Π_{k=1..t} 1 / (1 + r_k)`. The factors
 * compound year by year, so a schedule whose rate falls after year 30 gives
 * `DF(31) = DF(30) / 1.03`, as in the Green Book's tables — not `1 / 1.03^31`.
 * Timing `start` moves every flow to the start of its year: `DF(t) = DF_end(t − 1)`.
 * Timing `mid` takes half a year of the year's own rate: `DF(t) = DF_end(t − 1) / (1 + r_t)^0.5`.
 * Year 0 is never discounted: `DF(0) = 1` under every timing.
 *
 * @example
 * discountFactors({ timing: 'end', rate: '0.035' }, 2);
 * //=> ['1', '0.9661835748792270531400966183574879', '0.9335107003664029498938131578333216']
 */
export function discountFactors(discount: Discount, lastYear: number): DecimalString[] {
  discountArgument('discountFactors', discount);
  wholeNumber('discountFactors', 'lastYear', lastYear, 0, MAX_YEAR);
  return discountFactorsDec(discount, lastYear).map(str);
}

/** The same as `discountFactors`, as decimals. @internal */
export function discountFactorsDec(discount: Discount, lastYear: number): Dec[] {
  if (!Number.isInteger(lastYear) || lastYear < 0) {
    throw new SroiError('INVALID_ARGUMENT', `lastYear must be a whole number ≥ 0, got ${lastYear}`);
  }
  const a = decimalArithmetic;
  return factorsFromRates(a)(
    discount.timing,
    (year) => a.read(rateOf(discount, year)),
    lastYear,
    [],
  );
}

/**
 * The discount factors of years 0 … `lastYear` from the rate of each year (see
 * `discountFactors`), written into `out` (index = year) over any arithmetic: the one statement
 * of the three timings, used by the engine, sensitivity analysis (a moved discount rate) and
 * simulation (a drawn one). @internal
 */
export function factorsFromRates<N>(a: Arithmetic<N>) {
  return <Out extends { [year: number]: N }>(
    timing: DiscountTiming,
    rate: (year: number) => N,
    lastYear: number,
    out: Out,
  ): Out => {
    out[0] = a.one;
    let endOfYear = a.one;
    for (let year = 1; year <= lastYear; year++) {
      const growth = a.plus(a.one, rate(year));
      const previous = endOfYear;
      endOfYear = a.div(previous, growth);
      out[year] =
        timing === 'end'
          ? endOfYear
          : timing === 'start'
            ? previous
            : a.div(previous, a.sqrt(growth));
    }
    return out;
  };
}

/**
 * The discount factor of one year (see `discountFactors`).
 *
 * @example
 * discountFactor({ timing: 'end', schedule: 'green-book' }, 31);
 * //=> '0.345901369516797612108364956195175'
 */
export function discountFactor(discount: Discount, year: number): DecimalString {
  discountArgument('discountFactor', discount);
  wholeNumber('discountFactor', 'year', year, 0, MAX_YEAR);
  const factors = discountFactorsDec(discount, year);
  return str(factors[factors.length - 1] ?? decimalArithmetic.one);
}
