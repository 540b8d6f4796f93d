import Decimal from 'decimal.js';
import { Dec } from '../calc/_decimal.js';
import {
  decimalsArgument,
  decimalText,
  invalid,
  oneOf,
  textArgument,
} from '../model/_arguments.js';
import type { DecimalString } from '../model/analysis.js';

/** How a figure is rounded for display. */
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

const MODES = new Map<string, Decimal.Rounding>([
  ['half-up', Decimal.ROUND_HALF_UP],
  ['half-even', Decimal.ROUND_HALF_EVEN],
  ['down', Decimal.ROUND_DOWN],
  ['up', Decimal.ROUND_UP],
]);

/** From this size on, a figure is shown as `4.27 × 10^15`: grouped digits stop being readable. */
const LARGE = new Decimal('1e15');

/** The most decimal places a figure shown exactly (no `decimals`) may have. */
const MAX_EXACT_PLACES = 1000;

/** The places a figure is shown with: `decimals` (0 to 20), or all of its own when omitted. */
function placesOf(fn: string, value: Decimal, decimals: unknown): number | undefined {
  if (decimals !== undefined) return decimalsArgument(fn, decimals);
  if (value.decimalPlaces() > MAX_EXACT_PLACES) {
    throw invalid(
      fn,
      `a value shown exactly must have at most ${MAX_EXACT_PLACES} decimal places`,
      value.toString(),
    );
  }
  return undefined;
}

/**
 * Rounds a decimal string to `decimals` places for display, with a fixed number of places.
 * Half-up (away from zero on a tie, as spreadsheets and published reports round) by default.
 * Results are never rounded inside the engine; only reports call this. `value` is a decimal
 * string below 10^1000 in size; `decimals` a whole number from 0 to 20; anything else is a
 * `SroiError` with code `INVALID_ARGUMENT`.
 *
 * @example
 * round('8.775', 2);
 * //=> '8.78'
 */
export function round(
  value: DecimalString,
  decimals: number,
  mode: RoundingMode = 'half-up',
): string {
  const decimal = new Dec(decimalText('round', value));
  const places = decimalsArgument('round', decimals);
  return fixed(decimal, places, oneOf('round', 'mode', MODES, mode));
}

/** Checks a rounding mode argument of a report function. */
export function roundingArgument(fn: string, mode: unknown): RoundingMode {
  oneOf(fn, 'rounding', MODES, mode);
  return mode as RoundingMode;
}

function fixed(value: Decimal, places: number, rounding: Decimal.Rounding): string {
  const rounded = value.toFixed(places, rounding);
  return /^-0(?:\.0*)?$/.test(rounded) ? rounded.slice(1) : rounded;
}

/** A figure for people, in parts: `bound` and sign go before a currency symbol, `body` after. */
interface Figure {
  /** `'< '` or `'> '` when a non-zero figure rounds to zero and the smallest step is shown. */
  readonly bound: '' | '< ' | '> ';
  readonly negative: boolean;
  readonly body: string;
}

/** A figure rounded to `places`, or exact when `places` is undefined. */
function figure(fn: string, value: Decimal, places: number | undefined, mode: unknown): Figure {
  const rounding = oneOf(fn, 'mode', MODES, mode);
  const negative = value.isNegative() && !value.isZero();
  if (value.abs().gte(LARGE)) {
    const exponential =
      places === undefined
        ? value.abs().toExponential()
        : value.abs().toExponential(places, rounding);
    const [mantissa = '', exponent = ''] = exponential.split('e');
    return { bound: '', negative, body: `${mantissa} × 10^${Number(exponent)}` };
  }
  const text = places === undefined ? value.abs().toFixed() : fixed(value.abs(), places, rounding);
  if (places !== undefined && !value.isZero() && /^0(?:\.0*)?$/.test(text)) {
    const step = places === 0 ? '1' : `0.${'0'.repeat(places - 1)}1`;
    return { bound: negative ? '> ' : '< ', negative, body: step };
  }
  const [whole = '', fraction] = text.split('.');
  return {
    bound: '',
    negative,
    body: `${group(whole)}${fraction === undefined ? '' : `.${fraction}`}`,
  };
}

/** Digits grouped by three with commas, by a loop (a pattern would rescan the digits). */
function group(whole: string): string {
  const first = whole.length % 3 || 3;
  let out = whole.slice(0, first);
  for (let i = first; i < whole.length; i += 3) out += `,${whole.slice(i, i + 3)}`;
  return out;
}

/**
 * Rounds and groups thousands with commas: `formatNumber('12345.678', 2)` → `'12,345.68'`.
 * Without `decimals` the figure is shown exactly, all its places kept (up to 1,000), as an
 * assumption is. A figure that is not zero but rounds to zero shows the smallest step it is
 * below: `'< 0.01'` (and `'> -0.01'` for a negative one), never a zero that hides it. From 10^15
 * on, a figure is shown in powers of ten with `decimals` places: `'4.27 × 10^103'`.
 *
 * @example
 * [formatNumber('-1234567.891', 2), formatNumber('0.0004', 2), formatNumber('-0.0004', 2), formatNumber('4.2718e103', 2)];
 * //=> ['-1,234,567.89', '< 0.01', '> -0.01', '4.27 × 10^103']
 */
export function formatNumber(
  value: DecimalString,
  decimals?: number,
  mode: RoundingMode = 'half-up',
): string {
  const decimal = new Dec(decimalText('formatNumber', value));
  const places = placesOf('formatNumber', decimal, decimals);
  return joined(figure('formatNumber', decimal, places, mode), '');
}

function joined(parts: Figure, symbol: string): string {
  return `${parts.bound}${parts.negative ? '-' : ''}${symbol}${parts.body}`;
}

/**
 * Formats a fraction as a percentage: `0.25` → `'25%'`. With `decimals` the percentage is
 * rounded to that many places; without, it is shown exactly as given (an assumption such as a
 * deadweight of `0.125` reads `'12.5%'`, never a rounded `'13%'`), all its places kept.
 *
 * @example
 * [formatPercent('0.125'), formatPercent('0.6605238', 1)];
 * //=> ['12.5%', '66.1%']
 */
export function formatPercent(
  value: DecimalString,
  decimals?: number,
  mode: RoundingMode = 'half-up',
): string {
  const percent = new Dec(decimalText('formatPercent', value)).times(100);
  const places = placesOf('formatPercent', percent, decimals);
  return `${joined(figure('formatPercent', percent, places, mode), '')}%`;
}

const SYMBOLS = new Map([
  ['GBP', '£'],
  ['USD', '$'],
  ['EUR', '€'],
  ['JPY', '¥'],
  ['INR', '₹'],
]);

/**
 * Formats money for people: currency symbol where one is well known (else the ISO code),
 * thousands grouped, `decimals` places (2 by default), with `formatNumber`'s forms for figures
 * that round to zero (`'< £0.01'`, `'> -£0.01'`) and for very large ones (`'£1.20 × 10^18'`).
 *
 * @example
 * [formatMoney('-39802.19043', 'GBP'), formatMoney('0.000001', 'GBP'), formatMoney('12', 'CHF')];
 * //=> ['-£39,802.19', '< £0.01', 'CHF 12.00']
 */
export function formatMoney(
  value: DecimalString,
  currency: string,
  decimals = 2,
  mode: RoundingMode = 'half-up',
): string {
  const decimal = new Dec(decimalText('formatMoney', value));
  const code = textArgument('formatMoney', currency, 'currency');
  const places = decimalsArgument('formatMoney', decimals);
  return joined(figure('formatMoney', decimal, places, mode), SYMBOLS.get(code) ?? `${code} `);
}
