import { Dec, str } from '../calc/_decimal.js';
import type { DecimalString } from '../model/analysis.js';

/** What `readNumber` found in a cell or JSON value. */
export type NumberReading =
  | { readonly ok: true; readonly value: DecimalString; readonly percent: boolean }
  | {
      readonly ok: false;
      readonly code: 'invalid_number' | 'spreadsheet_error' | 'out_of_range';
      readonly reason: string;
    };

const SPREADSHEET_ERROR =
  /^#(?:DIV\/0!|VALUE!|REF!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|UNKNOWN!|BUSY!|CONNECT!)$/i;
const CURRENCY_PREFIX = /^(?:[£$€¥₹]|(?:GBP|USD|EUR|AUD|CAD|NZD|CHF|JPY|INR)\s*)/i;
const CURRENCY_SUFFIX = /(?:\s*(?:[£$€¥₹]|GBP|USD|EUR|AUD|CAD|NZD|CHF|JPY|INR))$/i;
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const SPACE_GROUPED = /^\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:\.\d+)?$/;

/**
 * Reads a number the way a spreadsheet user writes it, exactly (no binary floating point):
 * `1200`, `"1,200.50"`, `"£1,200"`, `"-£5"`, `"(1,200)"` (accounting negative), `"25%"`,
 * `"1.2E+05"`, and JSON numbers. Thousands separators must group digits by three — `"1,2"` is
 * not guessed at. A cell that holds a spreadsheet error (`#DIV/0!`, `#VALUE!` …) is reported as
 * such, never read as zero. `percent` says whether the text ended in `%` (the value is then
 * already divided by 100).
 *
 * @example
 * readNumber('(£1,200.50)');
 * //=> { ok: true, value: '-1200.5', percent: false }
 */
export function readNumber(raw: string | number): NumberReading {
  const read = readUnbounded(raw);
  if (read.ok && wholeDigits(read.value) > MAX_WHOLE_DIGITS) {
    return {
      ok: false,
      code: 'out_of_range',
      reason: 'it is too large (sroi reads numbers below 10^15, a thousand million million)',
    };
  }
  return read;
}

/** Numbers from 10^15 up are refused: no SROI figure is that large, and a typo can be. */
const MAX_WHOLE_DIGITS = 15;

function wholeDigits(canonical: string): number {
  const unsigned = canonical.startsWith('-') ? canonical.slice(1) : canonical;
  const point = unsigned.indexOf('.');
  return point === -1 ? unsigned.length : point;
}

function readUnbounded(raw: string | number): NumberReading {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) {
      return { ok: false, code: 'invalid_number', reason: 'it is not a finite number' };
    }
    return { ok: true, value: str(new Dec(raw)), percent: false };
  }
  const simple = SIMPLE.exec(raw);
  if (simple !== null) {
    // The common case, plain digits: canonical form without building a decimal.
    return {
      ok: true,
      value: canonical(simple[1] === '-', simple[2] ?? '0', simple[3] ?? '', 0),
      percent: false,
    };
  }
  const share = SIMPLE_PERCENT.exec(raw);
  if (share !== null) {
    // `25%`, `12.5%`: shift the decimal point, no decimal needed.
    return { ok: true, value: canonical(false, share[1] ?? '0', share[2] ?? '', 2), percent: true };
  }
  const pounds = SIMPLE_MONEY.exec(raw);
  if (pounds !== null) {
    // `£1,200.50`, `£35`: the usual money cell of a UK spreadsheet export.
    const whole = (pounds[1] ?? '0').replaceAll(',', '');
    return { ok: true, value: canonical(false, whole, pounds[2] ?? '', 0), percent: false };
  }
  let text = raw.trim();
  if (text === '') return { ok: false, code: 'invalid_number', reason: 'it is empty' };
  if (SPREADSHEET_ERROR.test(text)) {
    return {
      ok: false,
      code: 'spreadsheet_error',
      reason: 'the cell holds a spreadsheet error; fix the formula that produced it',
    };
  }
  let negative = false;
  const parenthesised = PARENTHESISED.exec(text);
  if (parenthesised?.[1] !== undefined) {
    negative = true;
    text = parenthesised[1].trim();
    if (/[-\u2212+]/.test(text)) {
      return {
        ok: false,
        code: 'invalid_number',
        reason: 'brackets already make it negative; write (1,200) or -1,200, not both',
      };
    }
  }
  let sign = SIGN.exec(text);
  if (sign !== null) text = text.slice(1).trim();
  text = text.replace(CURRENCY_PREFIX, '').trim();
  if (sign === null) {
    sign = SIGN.exec(text);
    if (sign !== null) text = text.slice(1).trim();
  }
  if (sign !== null && sign[0] !== '+') negative = !negative;
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  text = text.replace(CURRENCY_SUFFIX, '').trim();
  let digits: string;
  if (GROUPED.test(text)) digits = text.replaceAll(',', '');
  else if (SPACE_GROUPED.test(text)) digits = text.replace(SPACES, '');
  else if (PLAIN.test(text)) digits = text;
  else {
    return {
      ok: false,
      code: 'invalid_number',
      reason: 'it is not a number (write digits, e.g. 1200, 1,200.50, £1,200, 25% or (1,200))',
    };
  }
  const parts = UNSIGNED.exec(digits);
  if (parts !== null) {
    return {
      ok: true,
      value: canonical(negative, parts[1] ?? '0', parts[2] ?? '', percent ? 2 : 0),
      percent,
    };
  }
  const exponent = Number(/[eE]([+-]?\d+)$/.exec(digits)?.[1] ?? '0');
  if (Math.abs(exponent) > 100) {
    return { ok: false, code: 'invalid_number', reason: 'its exponent is out of range (±100)' };
  }
  let value = new Dec(digits); // scientific notation
  if (percent) value = value.div(100);
  if (negative) value = value.negated();
  return { ok: true, value: str(value), percent };
}

const SIMPLE = /^(-?)(\d+)(?:\.(\d+))?$/;
const SIMPLE_PERCENT = /^(\d+)(?:\.(\d+))?%$/;
const SIMPLE_MONEY = /^[£$€](\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?$/;
const UNSIGNED = /^(\d*)(?:\.(\d*))?$/;
const PARENTHESISED = /^\((.*)\)$/;
const SIGN = /^[-\u2212+]/;
const SPACES = /[ \u00a0\u202f\u2009]/g;

/**
 * The canonical plain form of ±`whole`.`fraction` ÷ 10^`shift`: no leading zeros in the whole
 * part, no trailing zeros in the fraction, `"0"` for zero — exactly what `Dec#toString` writes.
 */
function canonical(negative: boolean, whole: string, fraction: string, shift: number): string {
  let w = whole;
  let f = fraction;
  if (shift > 0) {
    const padded = w.padStart(shift + 1, '0');
    f = padded.slice(padded.length - shift) + f;
    w = padded.slice(0, padded.length - shift);
  }
  w = w.replace(/^0+(?=\d)/, '');
  if (w === '') w = '0';
  f = f.replace(/0+$/, '');
  if (w === '0' && f === '') return '0';
  return `${negative ? '-' : ''}${w}${f === '' ? '' : `.${f}`}`;
}
