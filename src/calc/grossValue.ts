import { Dec } from './_decimal.js';
import { decimalText } from '../model/_arguments.js';
import type { DecimalString } from '../model/analysis.js';

/**
 * Gross value of an outcome in one year: how many units occur times the value of one unit
 * (SROI Guide 2012, stage 3: "quantity × financial proxy"). No deduction is applied.
 *
 * @example
 * grossValue('40', '1000');
 * //=> '40000'
 */
export function grossValue(quantity: DecimalString, proxyValue: DecimalString): DecimalString {
  const value = new Dec(decimalText('grossValue', quantity, 'quantity')).times(
    decimalText('grossValue', proxyValue, 'proxyValue'),
  );
  return value.isZero() ? '0' : value.toString();
}
