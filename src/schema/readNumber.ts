import { Dec, str } from '../calc/_decimal.js';
import { invalid } from '../model/_arguments.js';
import type { DecimalString } from '../model/analysis.js';

/** What `readNumber` found in a cell or JSON value. */
export type NumberReading =
  | { readonly ok: true; readonly value: DecimalString; readonly percent: boolean }
  | {
      readonly ok: false;
      readonly code: 'invalid_number' | 'spreadsheet_error' | 'out_of_range';
      readonly reason: string;
    };

// Every pattern here is anchored at both ends and has no two adjacent parts that can match the
// same characters, so a match takes time linear in the text (a cell of a million characters
// included); the currency code or sign at either end is removed by the loops below, not by a
// pattern that would try every position.
const SPREADSHEET_ERROR =
  /^#(?:DIV\/0!|VALUE!|REF!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|UNKNOWN!|BUSY!|CONNECT!)$/i;
const CURRENCY_SIGNS = '£$€¥₹';
const CURRENCY_CODES: ReadonlySet<string> = new Set([
  'GBP',
  'USD',
  'EUR',
  'AUD',
  'CAD',
  'NZD',
  'CHF',
  'JPY',
  'INR',
]);
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
// The first group of a grouped number never starts with 0: "0,125" is not 125.
const GROUPED = /^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;
const SPACE_GROUPED = /^[1-9]\d{0,2}(?:[ \u00a0\u202f\u2009]\d{3})+(?:\.\d+)?$/;

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
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    throw invalid('readNumber', 'raw must be a number or text', raw);
  }
  const parts: NumberParts = { value: '0', percent: false };
  const problem = readNumberInto(raw, parts);
  return problem ?? { ok: true, value: parts.value, percent: parts.percent };
}

/** A number as `readNumberInto` writes it. */
export interface NumberParts {
  value: DecimalString;
  percent: boolean;
}

/** A number that `readNumber` could not read, and why. */
export type NumberProblem = Extract<NumberReading, { readonly ok: false }>;

/**
 * `readNumber` writing what it read into `parts` instead of a new object, for the field rules,
 * which read a number in every cell of a large table: the problem, or `undefined` when `parts`
 * holds the number. @internal
 *
 * @example
 * const parts = { value: '', percent: false };
 * [readNumberInto('25%', parts), parts];
 * //=> [undefined, { value: '0.25', percent: true }]
 */
export function readNumberInto(raw: string | number, parts: NumberParts): NumberProblem | undefined {
  const problem = readUnbounded(raw, parts);
  // A value of 15 characters or fewer cannot have more than 15 whole digits.
  if (
    problem === undefined &&
    parts.value.length > MAX_WHOLE_DIGITS &&
    wholeDigits(parts.value) > MAX_WHOLE_DIGITS
  ) {
    return TOO_LARGE;
  }
  return problem;
}

const TOO_LARGE: NumberProblem = {
  ok: false,
  code: 'out_of_range',
  reason: 'it is too large (sroi reads numbers below 10^15, a thousand million million)',
};

/** Writes a number read into `parts`; nothing went wrong. */
function found(parts: NumberParts, value: DecimalString, percent: boolean): undefined {
  parts.value = value;
  parts.percent = percent;
  return undefined;
}

/** Numbers from 10^15 up are refused: no SROI figure is that large, and a typo can be. */
const MAX_WHOLE_DIGITS = 15;

function wholeDigits(canonical: string): number {
  const unsigned = canonical.startsWith('-') ? canonical.slice(1) : canonical;
  const point = unsigned.indexOf('.');
  return point === -1 ? unsigned.length : point;
}

function readUnbounded(raw: string | number, parts: NumberParts): NumberProblem | undefined {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) {
      return { ok: false, code: 'invalid_number', reason: 'it is not a finite number' };
    }
    return found(parts, str(new Dec(raw)), false);
  }
  if (readCommon(raw, parts)) return undefined;
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
  if (text.length >= 2 && text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1).trim();
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
  text = withoutCurrencyPrefix(text);
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
  text = withoutCurrencySuffix(text);
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
  const unsigned = UNSIGNED.exec(digits);
  if (unsigned !== null) {
    const value = canonical(negative, unsigned[1] ?? '0', unsigned[2] ?? '', percent ? 2 : 0);
    return found(parts, value, percent);
  }
  const exponent = Number(/[eE]([+-]?\d+)$/.exec(digits)?.[1] ?? '0');
  if (Math.abs(exponent) > 100) {
    return { ok: false, code: 'invalid_number', reason: 'its exponent is out of range (±100)' };
  }
  let value = new Dec(digits); // scientific notation
  if (percent) value = value.div(100);
  if (negative) value = value.negated();
  return found(parts, str(value), percent);
}

const UNSIGNED = /^(\d*)(?:\.(\d*))?$/;
const SIGN = /^[-\u2212+]/;

/** The text without a leading currency sign or code (`£5`, `GBP 5`), trimmed. */
function withoutCurrencyPrefix(text: string): string {
  if (text !== '' && CURRENCY_SIGNS.includes(text.charAt(0))) return text.slice(1).trim();
  if (CURRENCY_CODES.has(text.slice(0, 3).toUpperCase())) return text.slice(3).trim();
  return text;
}

/** The text without a trailing currency sign or code (`5 EUR`, `5€`), trimmed. */
function withoutCurrencySuffix(text: string): string {
  if (text !== '' && CURRENCY_SIGNS.includes(text.charAt(text.length - 1))) {
    return text.slice(0, -1).trim();
  }
  if (CURRENCY_CODES.has(text.slice(-3).toUpperCase())) return text.slice(0, -3).trim();
  return text;
}
const SPACES = /[ \u00a0\u202f\u2009]/g;

const MINUS = 45; // -
const COMMA = 44; // ,
const POINT = 46; // .
const PERCENT = 37; // %
const ZERO = 48; // 0
const NINE = 57; // 9

/**
 * The usual cells, read by one pass over their characters instead of regular expressions:
 * `1200`, `-3.5` (plain), `25%`, `12.5%` (a share, never signed) and `£1,200.50`, `$35`, `€7`
 * (money: a sign of £, $ or €, then digits grouped by three with commas, or not grouped),
 * written into `parts`; `false` for anything else, which the general reading then handles.
 */
function readCommon(raw: string, parts: NumberParts): boolean {
  const n = raw.length;
  let i = 0;
  let negative = false;
  let money = false;
  const first = raw.charCodeAt(0);
  if (first === MINUS) {
    negative = true;
    i = 1;
  } else if (raw[0] === '£' || raw[0] === '$' || raw[0] === '€') {
    money = true;
    i = 1;
  }
  const wholeStart = i;
  let commas = false;
  let group = 0; // digits since the last comma (or the start)
  for (; i < n; i += 1) {
    const c = raw.charCodeAt(i);
    if (c >= ZERO && c <= NINE) group += 1;
    else if (
      c === COMMA &&
      money &&
      (commas ? group === 3 : group >= 1 && group <= 3 && raw.charCodeAt(wholeStart) !== ZERO)
    ) {
      commas = true;
      group = 0;
    } else break;
  }
  const wholeEnd = i;
  if (group === 0 || (commas && group !== 3)) return false;
  let fractionStart = i;
  let fractionEnd = i;
  if (i < n && raw.charCodeAt(i) === POINT) {
    fractionStart = i + 1;
    for (i += 1; i < n; i += 1) {
      const c = raw.charCodeAt(i);
      if (c < ZERO || c > NINE) break;
    }
    fractionEnd = i;
    if (fractionEnd === fractionStart) return false;
  }
  let percent = false;
  if (i < n && raw.charCodeAt(i) === PERCENT && !negative && !money) {
    percent = true;
    i += 1;
  }
  if (i !== n) return false;
  // A plain number already in canonical form (no leading zero, no trailing zero after the
  // point, not -0) is its own canonical text: nothing to build.
  if (
    !money &&
    !percent &&
    (wholeEnd - wholeStart === 1 || raw.charCodeAt(wholeStart) !== ZERO) &&
    (fractionEnd === fractionStart || raw.charCodeAt(fractionEnd - 1) !== ZERO) &&
    !(negative && fractionEnd === fractionStart && raw.charCodeAt(wholeStart) === ZERO)
  ) {
    found(parts, raw, false);
    return true;
  }
  // The usual shares, `5%`, `25%`, `100%`, written without building the shifted text.
  if (percent && fractionEnd === fractionStart && wholeEnd - wholeStart <= 2) {
    const tens = wholeEnd - wholeStart === 2 ? raw.charCodeAt(wholeStart) - ZERO : 0;
    const units = raw.charCodeAt(wholeEnd - 1) - ZERO;
    const value =
      tens === 0 && units === 0 ? '0' : units === 0 ? `0.${tens}` : `0.${tens}${units}`;
    found(parts, value, percent);
    return true;
  }
  let whole = raw.slice(wholeStart, wholeEnd);
  if (commas) whole = whole.replaceAll(',', '');
  found(parts, canonical(negative, whole, raw.slice(fractionStart, fractionEnd), percent ? 2 : 0), percent);
  return true;
}

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
  let start = 0;
  while (start < w.length - 1 && w.charCodeAt(start) === ZERO) start += 1;
  if (start > 0) w = w.slice(start);
  if (w === '') w = '0';
  let end = f.length;
  while (end > 0 && f.charCodeAt(end - 1) === ZERO) end -= 1;
  if (end < f.length) f = f.slice(0, end);
  if (w === '0' && f === '') return '0';
  return `${negative ? '-' : ''}${w}${f === '' ? '' : `.${f}`}`;
}
