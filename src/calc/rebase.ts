import { decimalArithmetic } from './_arithmetic.js';
import { Dec, str } from './_decimal.js';
import { decimalText, deflatorsArgument, invalid } from '../model/_arguments.js';
import { SroiError } from '../model/SroiError.js';
import type { Arithmetic } from './_arithmetic.js';
import type { DecimalString, PriceYear } from '../model/analysis.js';
import type { DeflatorSeries } from '../model/DeflatorSeries.js';

/**
 * Moves a money value from one price year to another with a deflator series (HM Treasury Green
 * Book 2022, §5.11 and Annex A: "real prices … using the GDP deflator"):
 * `value × deflator(toYear) ÷ deflator(fromYear)`. A year outside the series is an error, not a
 * guess: extrapolating inflation would hide an assumption.
 *
 * @example
 * rebase('100', 2019, 2023, hmtGdpDeflatorsCalendar);
 * //=> '118.8467115114924770031613225262057'
 */
export function rebase(
  value: DecimalString,
  fromYear: PriceYear,
  toYear: PriceYear,
  series: DeflatorSeries,
): DecimalString {
  const amount = new Dec(decimalText('rebase', value));
  for (const [name, year] of [
    ['fromYear', fromYear],
    ['toYear', toYear],
  ] as const) {
    if (typeof year !== 'number' && typeof year !== 'string') {
      throw invalid('rebase', `${name} must be a price year such as 2023 or "2023-24"`, year);
    }
  }
  deflatorsArgument('rebase', series, 'series');
  return str(amount.times(rebaseFactor(decimalArithmetic)(fromYear, toYear, series)));
}

/** `deflator(toYear) ÷ deflator(fromYear)`; exactly 1 when the years are the same. @internal */
export function rebaseFactor<N>(a: Arithmetic<N>) {
  return (fromYear: PriceYear, toYear: PriceYear, series: DeflatorSeries): N => {
    if (String(fromYear) === String(toYear)) return a.one;
    return a.div(a.read(deflator(toYear, series)), a.read(deflator(fromYear, series)));
  };
}

function deflator(year: PriceYear, series: DeflatorSeries): DecimalString {
  const key = String(year);
  const entry = Object.prototype.hasOwnProperty.call(series.index, key)
    ? series.index[key]
    : undefined;
  if (entry === undefined) {
    const years = Object.keys(series.index);
    const range = years.length === 0 ? 'none' : `${years[0]} to ${years[years.length - 1]}`;
    throw new SroiError(
      'PRICE_YEAR_OUT_OF_RANGE',
      `price year ${key} is not in the deflator series "${series.name}" (it covers ${range})`,
    );
  }
  return entry;
}
