import { Dec } from './_decimal.js';
import { decimalText, invalid, listArgument, MAX_YEAR, wholeNumber } from '../model/_arguments.js';
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
  const fn = 'breakEvenYear';
  const target = new Dec(decimalText(fn, totalInputs, 'totalInputs'));
  listArgument(fn, 'years', years).forEach((year, i) =>
    wholeNumber(fn, `years[${i}]`, year, 0, MAX_YEAR),
  );
  listArgument(fn, 'cumulativePresentValues', cumulativePresentValues);
  if (cumulativePresentValues.length !== years.length) {
    throw invalid(
      fn,
      `cumulativePresentValues must give one value for each of the ${years.length} years`,
      cumulativePresentValues,
    );
  }
  const index = cumulativePresentValues.findIndex((cumulative, i) =>
    target.lte(decimalText(fn, cumulative, `cumulativePresentValues[${i}]`)),
  );
  return index === -1 ? null : (years[index] ?? null);
}
