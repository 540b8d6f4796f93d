import { Dec, str } from './_decimal.js';
import { decimalText } from '../model/_arguments.js';
import type { DecimalString } from '../model/analysis.js';

/**
 * Payback period in months, as the SROI Guide 2012 (stage 5.4) defines it:
 * `totalInputs ÷ (value in the first year with value ÷ 12)` — how many months of the first
 * year's (undiscounted) value it takes to match the investment. `null` when that value is zero
 * or negative: the activity never pays back at that rate.
 *
 * @example
 * paybackMonths('30000', '30570');
 * //=> '11.77625122669283611383709519136408'
 */
export function paybackMonths(
  totalInputs: DecimalString,
  firstYearValue: DecimalString,
): DecimalString | null {
  const inputs = new Dec(decimalText('paybackMonths', totalInputs, 'totalInputs'));
  const monthly = new Dec(decimalText('paybackMonths', firstYearValue, 'firstYearValue')).div(12);
  if (monthly.lte(0)) return null;
  return str(inputs.div(monthly));
}
