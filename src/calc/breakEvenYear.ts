import { Dec } from './_decimal.js';
import type { DecimalString } from '../model/analysis.js';

/**
 * The first year in which cumulative discounted value reaches the total inputs, or `null` if no
 * year does. `cumulativePresentValues[i]` is the cumulative PV at the end of year `years[i]`.
 *
 * @example
 * breakEvenYear('30000', [1, 2, 3], ['29536.2', '58000', '80000']);
 * //=> 2
 */
export function breakEvenYear(
  totalInputs: DecimalString,
  years: readonly number[],
  cumulativePresentValues: readonly DecimalString[],
): number | null {
  const target = new Dec(totalInputs);
  const index = cumulativePresentValues.findIndex((cumulative) => target.lte(cumulative));
  return index === -1 ? null : (years[index] ?? null);
}
