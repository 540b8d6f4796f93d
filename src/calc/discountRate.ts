import { greenBookSchedules } from './greenBookSchedules.js';
import { SroiError } from '../model/SroiError.js';
import type { DecimalString, Discount } from '../model/analysis.js';

/**
 * The discount rate that applies to year `year` (≥ 1) under a discount setting: the flat rate;
 * the year's entry in a per-year list, with the last entry continuing for later years; or the
 * band of a Green Book schedule that holds the year.
 *
 * @example
 * discountRate({ timing: 'end', schedule: 'green-book' }, 31);
 * //=> '0.03'
 */
export function discountRate(discount: Discount, year: number): DecimalString {
  if (!Number.isInteger(year) || year < 1) {
    throw new SroiError('INVALID_ARGUMENT', `year must be a whole number ≥ 1, got ${year}`);
  }
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
