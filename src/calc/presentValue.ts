import { Dec, str, ZERO } from './_decimal.js';
import { decimalText, invalid, listArgument } from '../model/_arguments.js';
import type { DecimalString } from '../model/analysis.js';

/**
 * Present value of a stream of yearly values: `PV = Σ_t value(t) × DF(t)`, where `values[t]` and
 * `factors[t]` belong to year `t` (index 0 is year 0). With end-of-year factors at a flat rate
 * this is Excel's `=NPV(rate, year1 … yearN)` plus any year-0 value.
 *
 * @example
 * presentValue(['0', '100', '100'], ['1', '0.5', '0.25']);
 * //=> '75'
 */
export function presentValue(
  values: readonly DecimalString[],
  factors: readonly DecimalString[],
): DecimalString {
  listArgument('presentValue', 'values', values);
  listArgument('presentValue', 'factors', factors);
  if (factors.length < values.length) {
    throw invalid(
      'presentValue',
      `factors must give a discount factor for each of the ${values.length} years of values`,
      factors,
    );
  }
  let total = ZERO;
  values.forEach((value, year) => {
    const amount = decimalText('presentValue', value, `values[${year}]`);
    const factor = decimalText('presentValue', factors[year], `factors[${year}]`);
    total = total.plus(new Dec(amount).times(factor));
  });
  return str(total);
}
