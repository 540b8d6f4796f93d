/**
 * The library's argument checks, said once: every exported function checks what it is given
 * here, and a wrong argument is a `SroiError` with code `INVALID_ARGUMENT` whose message names
 * the function, the argument (with its path inside an object), the rule and a short excerpt of
 * what was received — `evaluateAnalysis: analysis.outcomes[0].quantity must be a decimal string
 * such as "1234.5", got the number 5` — never a TypeError or a DecimalError from deep inside, and
 * never a "NaN" or "Infinity" in a figure. The checks are of type and size, not of the method's
 * rules: an `Analysis` is checked for its shape (the type of every field the calculation reads,
 * the decimal text of every figure, the bounds of years), not for what `parseAnalysis` checks
 * (fractions within 0–1, known stakeholders). docs/security.md states the bounds. @internal
 */
import { SroiError } from './SroiError.js';
import type { Analysis, DecimalString, Discount, Outcome } from './analysis.js';
import type { DeflatorSeries } from './DeflatorSeries.js';
import type { SroiResult } from './result.js';
import type { Issue } from './SroiError.js';

/** The most digits a figure may have before the point: a figure of 10^1000 or more is refused. */
export const MAX_EXPONENT = 1000;

/** The latest year a discount factor, a discount rate or an input is asked for. */
export const MAX_YEAR = 10_000;

/** The longest duration an outcome may have, in years (the top of its valid range). */
export const MAX_DURATION = 1000;

/** The most decimal places a figure is rounded to for display. */
export const MAX_DECIMALS = 20;

/** How much of a received text a message quotes. */
const EXCERPT = 40;

/** A decimal string: `-12.5`, `0.001`, `1.2e-7`, `.5` (no `Infinity`, no hex, no spaces). */
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** The error of a wrong argument: `fn: rule, got …`. */
export function invalid(fn: string, rule: string, received: unknown): SroiError {
  return new SroiError('INVALID_ARGUMENT', `${fn}: ${rule}, got ${excerpt(received)}`);
}

/**
 * A received value for a message, short whatever its size, and never throwing (a symbol, a
 * proxy, a value whose `toString` throws): text quoted and cut at 40 characters with its length,
 * numbers as they are, and the kind of anything else.
 */
export function excerpt(value: unknown): string {
  switch (typeof value) {
    case 'string': {
      const text =
        value.length <= EXCERPT
          ? value
          : `${value.slice(0, EXCERPT)}… (${value.length} characters)`;
      return JSON.stringify(text);
    }
    case 'number':
      return `the number ${String(value)}`;
    case 'bigint':
      return 'a bigint';
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      if (Array.isArray(value)) return 'a list';
      if (ArrayBuffer.isView(value)) return 'a typed array';
      return 'an object';
  }
}

/**
 * Checks a decimal string argument (as the engine writes them, below 10^1000 in size) and
 * returns it. The size is read from the text itself — digits before the point and the exponent
 * — so an exponent of a billion digits is refused without building the number.
 */
export function decimalText(fn: string, value: unknown, name = 'value'): DecimalString {
  if (typeof value !== 'string' || !DECIMAL.test(value)) {
    throw invalid(fn, `${name} must be a decimal string such as "1234.5"`, value);
  }
  // Without an exponent, a figure has fewer digits before its point than characters: one of at
  // most 1000 characters is below 10^1000 (the figures of an analysis, at once).
  const plain = value.length <= MAX_EXPONENT && !value.includes('e') && !value.includes('E');
  if (!plain && !belowLimit(value)) {
    throw invalid(fn, `${name} must be below 10^${MAX_EXPONENT}`, value);
  }
  return value;
}

/**
 * Checks a decimal string argument that must be at least 0 (`min: 'zero'`) or above 0
 * (`min: 'positive'`), with the rule as the message says it, and returns it.
 */
export function signedDecimal(
  fn: string,
  value: unknown,
  name: string,
  min: 'zero' | 'positive',
  rule: string,
): DecimalString {
  const text = decimalText(fn, value, name);
  const sign = signOf(text);
  if (sign < 0 || (min === 'positive' && sign === 0)) throw invalid(fn, `${name} ${rule}`, value);
  return text;
}

/** The sign of a decimal string already matched by `DECIMAL`: −1, 0 or 1. */
function signOf(text: string): -1 | 0 | 1 {
  const e = text.search(/[eE]/);
  if (!/[1-9]/.test(e === -1 ? text : text.slice(0, e))) return 0;
  return text.startsWith('-') ? -1 : 1;
}

/** Whether a decimal string (already matched by `DECIMAL`) is below 10^MAX_EXPONENT in size. */
function belowLimit(text: string): boolean {
  const e = text.search(/[eE]/);
  const mantissa = e === -1 ? text : text.slice(0, e);
  const exponent = e === -1 ? 0 : Number(text.slice(e + 1));
  const point = mantissa.indexOf('.');
  const digits = mantissa.replace('-', '').replace('.', '');
  const first = digits.search(/[1-9]/);
  if (first === -1) return true; // zero
  const whole = (point === -1 ? mantissa.length : point) - (mantissa.startsWith('-') ? 1 : 0);
  // the power of ten of the first significant digit
  return whole - 1 - first + exponent < MAX_EXPONENT;
}

/** Checks a whole number argument from `min` to `max` and returns it. */
export function wholeNumber(fn: string, name: string, value: unknown, min: number, max: number) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(fn, `${name} must be a whole number from ${min} to ${max}`, value);
  }
  return value;
}

/** Checks a number of decimal places for display: a whole number from 0 to 20. */
export function decimalsArgument(fn: string, value: unknown, name = 'decimals'): number {
  return wholeNumber(fn, name, value, 0, MAX_DECIMALS);
}

/** Checks a number of years above 0 and at most `MAX_DURATION` (a duration) and returns it. */
export function durationNumber(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !(value > 0 && value <= MAX_DURATION)) {
    throw invalid(
      fn,
      `${name} must be a number of years above 0 and at most ${MAX_DURATION}`,
      value,
    );
  }
  return value;
}

/** Checks a text argument and returns it. */
export function textArgument(fn: string, value: unknown, name = 'text'): string {
  if (typeof value !== 'string') throw invalid(fn, `${name} must be a string`, value);
  return value;
}

/** Checks an optional text field: a string or nothing. */
function optionalText(fn: string, name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'string') {
    throw invalid(fn, `${name} must be a string when given`, value);
  }
}

/** Checks a boolean argument and returns it. */
export function booleanArgument(fn: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw invalid(fn, `${name} must be true or false`, value);
  return value;
}

/** Checks a list argument and returns it. */
export function listArgument(fn: string, name: string, value: unknown): readonly unknown[] {
  if (!Array.isArray(value)) throw invalid(fn, `${name} must be a list`, value);
  return value;
}

/** Checks an object argument (not `null`, not a list) and returns it. */
export function objectArgument(
  fn: string,
  name: string,
  value: unknown,
): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(fn, `${name} must be an object`, value);
  }
  return value as Readonly<Record<string, unknown>>;
}

/** Checks an options argument: an object, or nothing (then `{}`). */
export function optionsArgument(
  fn: string,
  value: unknown,
  name = 'options',
): Readonly<Record<string, unknown>> {
  return value === undefined ? {} : objectArgument(fn, name, value);
}

/** Checks bytes: a `Uint8Array` (a Node.js `Buffer` is one). */
export function bytesArgument(fn: string, value: unknown, name = 'bytes'): Uint8Array {
  if (!(value instanceof Uint8Array)) throw invalid(fn, `${name} must be a Uint8Array`, value);
  return value;
}

/** Looks a name up among a table's own keys, or throws naming the allowed ones. */
export function oneOf<T>(
  fn: string,
  name: string,
  table: ReadonlyMap<string, T>,
  value: unknown,
): T {
  const found = typeof value === 'string' ? table.get(value) : undefined;
  if (found === undefined) {
    throw invalid(
      fn,
      `${name} must be one of ${[...table.keys()].map((k) => `"${k}"`).join(', ')}`,
      value,
    );
  }
  return found;
}

const TIMINGS = new Map([
  ['end', 'end'],
  ['start', 'start'],
  ['mid', 'mid'],
] as const);

const SCHEDULES = new Map(
  (
    ['green-book', 'green-book-health', 'green-book-reduced', 'green-book-health-reduced'] as const
  ).map((name) => [name, name]),
);

/** What the message of a model argument adds: where a valid one comes from. */
const FROM_PARSE = ' (an Analysis is what parseAnalysis returns)';

/** Checks a discount setting (`Discount`) and returns it. */
export function discountArgument(fn: string, value: unknown, name = 'discount'): Discount {
  const discount = objectArgument(fn, name, value);
  oneOf(fn, `${name}.timing`, TIMINGS, discount.timing);
  const given = ['rate', 'rates', 'schedule'].filter((key) => key in discount);
  if (given.length !== 1) {
    throw invalid(fn, `${name} must have exactly one of rate, rates and schedule`, value);
  }
  if ('rate' in discount) decimalText(fn, discount.rate, `${name}.rate`);
  else if ('rates' in discount) {
    const rates = listArgument(fn, `${name}.rates`, discount.rates);
    if (rates.length === 0) throw invalid(fn, `${name}.rates must hold at least one rate`, rates);
    rates.forEach((rate, i) => decimalText(fn, rate, `${name}.rates[${i}]`));
  } else oneOf(fn, `${name}.schedule`, SCHEDULES, discount.schedule);
  return value as Discount;
}

/** Checks a price year field: a number or a text, when given. */
function priceYearField(fn: string, name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'number' && typeof value !== 'string') {
    throw invalid(
      fn,
      `${name} must be a calendar year such as 2023 or a text such as "2023-24"`,
      value,
    );
  }
}

/** The fractions of an outcome, in the order the model lists them. */
const FRACTIONS = ['deadweight', 'displacement', 'attribution', 'leakage', 'dropOff'] as const;

/**
 * Checks the fields of an outcome that value it (`OutcomeValueFields`): quantity or profile, the
 * deductions and drop-off as decimal strings, duration and start as years.
 */
export function outcomeFieldsArgument(fn: string, value: unknown, name = 'outcome'): void {
  const o = objectArgument(fn, name, value);
  decimalText(fn, o.quantity, `${name}.quantity`);
  durationNumber(fn, `${name}.duration`, o.duration);
  wholeNumber(fn, `${name}.start`, o.start, 1, MAX_YEAR);
  for (const field of FRACTIONS) decimalText(fn, o[field], `${name}.${field}`);
  if (o.quantityByYear !== undefined) {
    const profile = listArgument(fn, `${name}.quantityByYear`, o.quantityByYear);
    profile.forEach((q, k) => decimalText(fn, q, `${name}.quantityByYear[${k}]`));
  }
}

/** Checks a deflator series (`DeflatorSeries`) and returns it. */
export function deflatorsArgument(fn: string, value: unknown, name = 'deflators'): DeflatorSeries {
  const series = objectArgument(fn, name, value);
  textArgument(fn, series.name, `${name}.name`);
  const index = objectArgument(fn, `${name}.index`, series.index);
  for (const year of Object.keys(index)) decimalText(fn, index[year], `${name}.index["${year}"]`);
  return value as DeflatorSeries;
}

/** Checks the `deflators` option of the functions that evaluate an analysis, when given. */
export function evaluateOptions(fn: string, value: unknown): Readonly<Record<string, unknown>> {
  const options = optionsArgument(fn, value);
  if (options.deflators !== undefined)
    deflatorsArgument(fn, options.deflators, 'options.deflators');
  return options;
}

/**
 * Checks an `Analysis` (what `parseAnalysis` returns) for its shape, in time proportional to
 * its size, and returns it.
 */
export function analysisArgument(fn: string, value: unknown, name = 'analysis'): Analysis {
  const at = (path: string) => `${name}${path}`;
  const shape = (check: () => void) => {
    try {
      check();
    } catch (error) {
      if (error instanceof SroiError) {
        throw new SroiError('INVALID_ARGUMENT', `${error.message}${FROM_PARSE}`);
      }
      throw error;
    }
  };
  shape(() => {
    const a = objectArgument(fn, name, value);
    textArgument(fn, a.name, at('.name'));
    textArgument(fn, a.currency, at('.currency'));
    priceYearField(fn, at('.priceYear'), a.priceYear);
    discountArgument(fn, a.discount, at('.discount'));
    if (a.horizon !== undefined) wholeNumber(fn, at('.horizon'), a.horizon, 1, MAX_YEAR);
    listArgument(fn, at('.stakeholders'), a.stakeholders).forEach((s, i) => {
      const stakeholder = objectArgument(fn, at(`.stakeholders[${i}]`), s);
      textArgument(fn, stakeholder.id, at(`.stakeholders[${i}].id`));
      textArgument(fn, stakeholder.name, at(`.stakeholders[${i}].name`));
    });
    listArgument(fn, at('.inputs'), a.inputs).forEach((raw, i) => {
      const input = objectArgument(fn, at(`.inputs[${i}]`), raw);
      textArgument(fn, input.description, at(`.inputs[${i}].description`));
      decimalText(fn, input.value, at(`.inputs[${i}].value`));
      wholeNumber(fn, at(`.inputs[${i}].year`), input.year, 0, MAX_YEAR);
      optionalText(fn, at(`.inputs[${i}].stakeholder`), input.stakeholder);
      optionalText(fn, at(`.inputs[${i}].kind`), input.kind);
    });
    listArgument(fn, at('.outcomes'), a.outcomes).forEach((raw, i) => {
      const where = at(`.outcomes[${i}]`);
      outcomeFieldsArgument(fn, raw, where);
      const o = raw as Readonly<Record<keyof Outcome, unknown>>;
      textArgument(fn, o.id, `${where}.id`);
      textArgument(fn, o.stakeholder, `${where}.stakeholder`);
      textArgument(fn, o.outcome, `${where}.outcome`);
      optionalText(fn, `${where}.category`, o.category);
      const proxy = objectArgument(fn, `${where}.proxy`, o.proxy);
      decimalText(fn, proxy.value, `${where}.proxy.value`);
      priceYearField(fn, `${where}.proxy.priceYear`, proxy.priceYear);
    });
  });
  return value as Analysis;
}

/** The fields of a result that are lists, and those that are figures or `null`. */
const RESULT_LISTS = ['years', 'inputs', 'outcomes', 'stakeholders', 'categories', 'warnings'];
const RESULT_FIGURES = ['totalPresentValue', 'totalInputs', 'netPresentValue'];
const RESULT_RATIOS = ['sroiRatio', 'netSroiRatio', 'paybackMonths'];

/**
 * Checks a result (`SroiResult`, what `evaluateAnalysis` returns) for its shape: its headline
 * figures, its lists and its method statement; the renderers check each figure they format.
 */
export function resultArgument(fn: string, value: unknown, name = 'result'): SroiResult {
  const hint = ' (an SroiResult is what calculateSroi and evaluateAnalysis return)';
  try {
    const r = objectArgument(fn, name, value);
    textArgument(fn, r.name, `${name}.name`);
    textArgument(fn, r.currency, `${name}.currency`);
    for (const field of RESULT_FIGURES) decimalText(fn, r[field], `${name}.${field}`);
    for (const field of RESULT_RATIOS) {
      if (r[field] !== null) decimalText(fn, r[field], `${name}.${field}`);
    }
    for (const field of RESULT_LISTS) {
      listArgument(fn, `${name}.${field}`, r[field]).forEach((item, i) =>
        objectArgument(fn, `${name}.${field}[${i}]`, item),
      );
    }
    objectArgument(fn, `${name}.waterfall`, r.waterfall);
    const method = objectArgument(fn, `${name}.method`, r.method);
    discountArgument(fn, method.discount, `${name}.method.discount`);
  } catch (error) {
    if (error instanceof SroiError)
      throw new SroiError('INVALID_ARGUMENT', `${error.message}${hint}`);
    throw error;
  }
  return value as SroiResult;
}

/** Checks a JSON path (`['outcomes', 3, 'deadweight']`): text keys and whole-number indices. */
export function pathArgument(
  fn: string,
  value: unknown,
  name = 'path',
): readonly (string | number)[] {
  listArgument(fn, name, value).forEach((segment, i) => {
    if (typeof segment === 'string') return;
    if (typeof segment !== 'number' || !Number.isSafeInteger(segment) || segment < 0) {
      throw invalid(
        fn,
        `${name}[${i}] must be a key (text) or an index (a whole number ≥ 0)`,
        segment,
      );
    }
  });
  return value as readonly (string | number)[];
}

/** Checks an `Issue`: its message, path and, for CSV, file, line and column. */
export function issueArgument(fn: string, value: unknown, name = 'issue'): Issue {
  const issue = objectArgument(fn, name, value);
  textArgument(fn, issue.message, `${name}.message`);
  pathArgument(fn, issue.path, `${name}.path`);
  optionalText(fn, `${name}.file`, issue.file);
  optionalText(fn, `${name}.column`, issue.column);
  if (issue.line !== undefined)
    wholeNumber(fn, `${name}.line`, issue.line, 1, Number.MAX_SAFE_INTEGER);
  return value as Issue;
}
