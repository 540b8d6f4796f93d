import Decimal from 'decimal.js';
import { Dec } from '../calc/_decimal.js';
import type { DecimalString } from '../model/analysis.js';

/** How a figure is rounded for display. */
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

const MODES: Record<RoundingMode, Decimal.Rounding> = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
};

/**
 * Rounds a decimal string to `decimals` places for display, with a fixed number of places.
 * Half-up (away from zero on a tie, as spreadsheets and published reports round) by default.
 * Results are never rounded inside the engine; only reports call this.
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
  const rounded = new Dec(value).toFixed(decimals, MODES[mode]);
  return /^-0(?:\.0*)?$/.test(rounded) ? rounded.slice(1) : rounded;
}

/**
 * Rounds and groups thousands with commas: `formatNumber('12345.678', 2)` → `'12,345.68'`.
 *
 * @example
 * formatNumber('-1234567.891', 2);
 * //=> '-1,234,567.89'
 */
export function formatNumber(
  value: DecimalString,
  decimals: number,
  mode: RoundingMode = 'half-up',
): string {
  const text = round(value, decimals, mode);
  const negative = text.startsWith('-');
  const [whole = '', fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * Formats a fraction as a percentage: `0.25` → `'25%'`. With `decimals` the percentage is
 * rounded to that many places; without, it is shown exactly as given (an assumption such as a
 * deadweight of `0.125` reads `'12.5%'`, never a rounded `'13%'`).
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
  const percent = new Dec(value).times(100);
  const places = decimals ?? Math.max(0, percent.decimalPlaces());
  return `${formatNumber(percent.toFixed(), places, mode)}%`;
}

const SYMBOLS: Readonly<Record<string, string>> = {
  GBP: '£',
  USD: '$',
  EUR: '€',
  JPY: '¥',
  INR: '₹',
};

/**
 * Formats money for people: currency symbol where one is well known (else the ISO code),
 * thousands grouped, `decimals` places (2 by default).
 *
 * @example
 * formatMoney('-39802.19043', 'GBP');
 * //=> '-£39,802.19'
 */
export function formatMoney(
  value: DecimalString,
  currency: string,
  decimals = 2,
  mode: RoundingMode = 'half-up',
): string {
  const text = formatNumber(value, decimals, mode);
  const symbol = SYMBOLS[currency];
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const money = symbol === undefined ? `${currency} ${body}` : `${symbol}${body}`;
  return negative ? `-${money}` : money;
}
