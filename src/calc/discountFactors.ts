import { Dec, ONE, str } from './_decimal.js';
import { discountRate } from './discountRate.js';
import { SroiError } from '../model/SroiError.js';
import type { DecimalString, Discount } from '../model/analysis.js';

/**
 * Discount factors for years 0 … `lastYear` (index = year).
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
  return discountFactorsDec(discount, lastYear).map(str);
}

/** The same as `discountFactors`, as decimals. @internal */
export function discountFactorsDec(discount: Discount, lastYear: number): Dec[] {
  if (!Number.isInteger(lastYear) || lastYear < 0) {
    throw new SroiError('INVALID_ARGUMENT', `lastYear must be a whole number ≥ 0, got ${lastYear}`);
  }
  const factors: Dec[] = [ONE];
  let endOfYear = ONE;
  for (let year = 1; year <= lastYear; year++) {
    const growth = ONE.plus(discountRate(discount, year));
    const previous = endOfYear;
    endOfYear = previous.div(growth);
    if (discount.timing === 'end') factors.push(endOfYear);
    else if (discount.timing === 'start') factors.push(previous);
    else factors.push(previous.div(growth.sqrt()));
  }
  return factors;
}

/**
 * The discount factor of one year (see `discountFactors`).
 *
 * @example
 * discountFactor({ timing: 'end', schedule: 'green-book' }, 31);
 * //=> '0.345901369516797612108364956195175'
 */
export function discountFactor(discount: Discount, year: number): DecimalString {
  const factors = discountFactorsDec(discount, year);
  return str(factors[factors.length - 1] ?? ONE);
}
