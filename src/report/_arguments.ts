/**
 * Argument checks of the report helpers: a wrong argument is a `SroiError` with code
 * `INVALID_ARGUMENT` that names the function, the rule and what was received — never a
 * TypeError from deep inside, nor a "NaN" or "Infinity" in the output.
 */
import { Dec } from '../calc/_decimal.js';
import { SroiError } from '../model/SroiError.js';
import type Decimal from 'decimal.js';

/** The most decimal places a figure is rounded to for display. */
export const MAX_DECIMALS = 20;

/** A decimal string as the engine writes them: `-12.5`, `0.001`, `1.2e-7` (no `Infinity`, no hex). */
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** The most digits a figure may have before the point: a number of 10^1000 or more is refused. */
const MAX_EXPONENT = 1000;

export function invalid(fn: string, rule: string, received: unknown): SroiError {
  return new SroiError('INVALID_ARGUMENT', `${fn}: ${rule}, got ${describe(received)}`);
}

/** A received value for a message: its type, and a short form of it. */
function describe(value: unknown): string {
  if (typeof value === 'string') {
    const text = value.length <= 40 ? value : `${value.slice(0, 40)}… (${value.length} characters)`;
    return JSON.stringify(text);
  }
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Reads a decimal string argument, or throws. */
export function decimalArgument(fn: string, value: unknown): Decimal {
  if (typeof value !== 'string' || !DECIMAL.test(value)) {
    throw invalid(fn, 'value must be a decimal string such as "1234.5"', value);
  }
  const decimal = new Dec(value);
  if (!decimal.isZero() && decimal.e >= MAX_EXPONENT) {
    throw invalid(fn, `value must be below 10^${MAX_EXPONENT}`, value);
  }
  return decimal;
}

/** Checks a number of decimal places: a whole number from 0 to 20. */
export function decimalsArgument(fn: string, value: unknown, name = 'decimals'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_DECIMALS) {
    throw invalid(fn, `${name} must be a whole number from 0 to ${MAX_DECIMALS}`, value);
  }
  return value;
}

/** Checks a text argument. */
export function textArgument(fn: string, value: unknown, name = 'text'): string {
  if (typeof value !== 'string') throw invalid(fn, `${name} must be a string`, value);
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
