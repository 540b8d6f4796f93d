/**
 * The kinds of field an analysis is made of — money, a quantity, a fraction, whole years, years,
 * text, a price year, a currency, one of a few words — each with its rule written once. A kind
 * reads a raw value and reports a problem as "field, the rule, the value received, a hint"; its
 * zod form wraps the same `read`, so that the JSON Schema, the `AnalysisInput` type and the
 * scenarios and uncertainty sections follow the very rule the analysis reader applies.
 */
import * as z from 'zod';
import { shown } from './_shown.js';
import { readNumberInto } from './readNumber.js';
import type { NumberParts } from './readNumber.js';
import { Dec } from '../calc/_decimal.js';
import type { IssueCode } from '../model/SroiError.js';

export { shown } from './_shown.js';

/** The problem a field rule found in a raw value: a code and a message. */
export class FieldProblem {
  constructor(
    readonly code: IssueCode,
    readonly message: string,
  ) {}
}

/**
 * What a field rule made of a raw value: the normalised value, or the problem. A value is
 * returned as it is, not wrapped, because a rule runs for every field of every row.
 */
export type FieldRead<T> = T | FieldProblem;

const good = <T>(value: T): FieldRead<T> => value;
const bad = (code: IssueCode, message: string): FieldProblem => new FieldProblem(code, message);

/**
 * One kind of field: its rule (`read`), what it accepts in words (`summary`, for the JSON
 * Schema), and the same rule as a zod schema (`zod`). `Z` is the zod type, which carries the
 * type people may write (`z.input`) to `AnalysisInput`.
 */
export interface FieldKind<Z extends z.ZodType = z.ZodType> {
  /** What a value of this kind is, e.g. `a fraction from 0 to 1, written 0.25 or "25%"`. */
  readonly summary: string;
  /** Text that is empty once trimmed counts as absent (an optional field left blank). */
  readonly emptyIsAbsent?: true;
  /**
   * What kind of number the field holds, if it is a number: a fraction (0–1), an amount (money
   * or a quantity) or years. The CSV reader reads separators and guards columns by it.
   */
  readonly numeric?: 'fraction' | 'amount' | 'years';
  /** Reads a value that is present (not `undefined`); `label` names the field in messages. */
  read(raw: unknown, label: string): FieldRead<unknown>;
  /** The rule as a zod schema for a present value. */
  zod(label: string): Z;
}

/** A kind whose rule reads numbers given as JSON numbers or as text. */
function numeric<T>(
  summary: string,
  rule: (raw: string | number, label: string) => FieldRead<T>,
  numeric?: FieldKind['numeric'],
): FieldKind<z.ZodType<T, number | string>> {
  const read = (raw: unknown, label: string): FieldRead<T> =>
    typeof raw === 'number' || typeof raw === 'string'
      ? rule(raw, label)
      : bad('invalid_type', `${label} must be a number or text, got ${shown(raw)}`);
  return {
    summary,
    read,
    zod: (label) => checked(read, label, z.union([z.number(), z.string()])),
    ...(numeric === undefined ? {} : { numeric }),
  };
}

/** Wraps a rule as a zod transform that reports the rule's problem with its code. */
function checked<T, I>(
  read: (raw: unknown, label: string) => FieldRead<T>,
  label: string,
  input: z.ZodType<I, I>,
): z.ZodType<T, I> {
  // A transform's output type is `Awaited<T>`; no rule here returns a promise.
  return input.transform((raw, ctx) => {
    const result = read(raw, label);
    return result instanceof FieldProblem ? fail(ctx, result.code, result.message) : result;
  }) as unknown as z.ZodType<T, I>;
}

function fail(ctx: z.core.$RefinementCtx, code: IssueCode, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params: { code }, input: ctx.value });
  return z.NEVER;
}

/**
 * Where the numeric rules read their number: one object for all of them, read at once, because
 * a rule runs for every field of every row and a new object each time costs its garbage.
 */
const read: NumberParts = { value: '0', percent: false };

/** A money amount; `min: 0` refuses negatives. A percentage is never money. */
function moneyRule(min: 0 | undefined) {
  return (raw: string | number, label: string): FieldRead<string> => {
    const problem = readNumberInto(raw, read);
    if (problem !== undefined) return bad(problem.code, `${label} must be an amount of money, got ${shown(raw)}: ${problem.reason}`);
    if (read.percent) {
      return bad(
        'invalid_number',
        `${label} must be an amount of money, got ${shown(raw)}: a percentage is not money`,
      );
    }
    if (min === 0 && read.value.startsWith('-')) {
      return bad('out_of_range', `${label} must not be negative, got ${shown(raw)}`);
    }
    return good(read.value);
  };
}

/** Money, negative for a disbenefit: `12,500.50`, `"£1,200"`, `"(1,200)"`. */
export const moneyKind = numeric(
  'a number, or text such as "12,500.50", "£1,200" or "(1,200)"',
  moneyRule(undefined),
  'amount',
);

/** Money that is never negative (an input's value). */
export const nonNegativeMoneyKind = numeric(
  'a number ≥ 0, or text such as "12,500.50" or "£1,200"',
  moneyRule(0),
  'amount',
);

/** A count of units of an outcome, ≥ 0; not a percentage. */
export const quantityKind = numeric('a number ≥ 0', (raw, label) => {
  const problem = readNumberInto(raw, read);
  if (problem !== undefined) return bad(problem.code, `${label} must be a number, got ${shown(raw)}: ${problem.reason}`);
  if (read.percent) {
    return bad(
      'invalid_number',
      `${label} must be a number, got ${shown(raw)}: a percentage is not a quantity`,
    );
  }
  if (read.value.startsWith('-')) {
    return bad('out_of_range', `${label} must not be negative, got ${shown(raw)}`);
  }
  return good(read.value);
}, 'amount');

/**
 * A fraction from 0 to 1, written `0.25` or `"25%"`. A bare number above 1 is refused with a
 * hint, because `25` almost always means 25% and silently reading it as 25 would be wrong.
 */
export const fractionKind = numeric('a fraction from 0 to 1, written 0.25 or "25%"', (raw, label) => {
  const problem = readNumberInto(raw, read);
  if (problem === undefined && isUnitInterval(read.value)) return good(read.value);
  const rule = `${label} must be a fraction from 0 to 1`;
  if (problem !== undefined) return bad(problem.code, `${rule}, got ${shown(raw)}: ${problem.reason}`);
  const value = new Dec(read.value);
  if (!read.percent && value.gt(1) && value.lte(100)) {
    const hint = `write ${value.toString()}% or ${value.div(100).toString()}`;
    return bad('out_of_range', `${rule}, got ${shown(raw)} (${hint})`);
  }
  return bad('out_of_range', `${rule} (0% to 100%), got ${shown(raw)}`);
}, 'fraction');

/** Whether a canonical decimal string (as `readNumber` writes it) lies in 0–1. */
function isUnitInterval(value: string): boolean {
  return value === '1' || value === '0' || value.startsWith('0.');
}

/** The most years any year field may hold: more is a typo, and would cost time for nothing. */
export const MAX_YEARS = 1000;

/** A whole number of years from `min` to 1000; numeric text such as `"3"` is accepted. */
export function wholeYearsKind(min: number): FieldKind<z.ZodType<number, number | string>> {
  return numeric(`a whole number of years, ≥ ${min}`, (raw, label) => {
    const value = wholeNumber(raw);
    if (value === undefined || value < min || value > MAX_YEARS) {
      return bad(
        'not_whole_years',
        `${label} must be a whole number of years from ${min} to ${MAX_YEARS}, got ${shown(raw)}`,
      );
    }
    return good(value);
  }, 'years');
}

/** `3`, `"3"`, `"3.0"` as 3; anything else (`2.5`, `"x"`, a huge number) as `undefined`. */
function wholeNumber(raw: string | number): number | undefined {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) ? raw : undefined;
  const text = raw.trim();
  let i = text.startsWith('-') ? 1 : 0;
  const digitsStart = i;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i += 1;
  const digitsEnd = i;
  if (digitsEnd === digitsStart || digitsEnd - digitsStart > 15) return undefined;
  if (i < text.length && text[i] === '.') {
    i += 1;
    while (i < text.length && text[i] === '0') i += 1;
  }
  if (i !== text.length) return undefined;
  return Number.parseInt(text.slice(0, digitsEnd), 10);
}

/**
 * A number of years greater than 0 and at most 1000, whole or not: `3`, `2.5`, `"0.5"`. The
 * last valued year counts only its fraction (docs/method.md).
 */
export const yearsKind = numeric(
  `a number of years greater than 0 and at most ${MAX_YEARS}, e.g. 3 or 2.5`,
  (raw, label) => {
    if (typeof raw === 'number' && raw > 0 && raw <= MAX_YEARS) return good(raw);
    const problem = readNumberInto(raw, read);
    if (problem !== undefined) return bad(problem.code, `${yearsRule(label, raw)}: ${problem.reason}`);
    if (read.percent) {
      return bad('invalid_number', `${yearsRule(label, raw)}: a percentage is not years`);
    }
    const value = Number(read.value);
    if (read.value.startsWith('-') || read.value === '0' || !(value <= MAX_YEARS)) {
      return bad('out_of_range', yearsRule(label, raw));
    }
    return good(value);
  },
  'years',
);

function yearsRule(label: string, raw: unknown): string {
  return `${label} must be a number of years greater than 0 and at most ${MAX_YEARS}, got ${shown(raw)}`;
}

/** A calendar year (`2023`) or a UK financial year (`"2023-24"`, `"2023/24"`, `"2023/2024"`). */
export const priceYearKind = numeric(
  '2023 (calendar year) or "2023-24" (financial year)',
  (raw, label) => {
    const year = readPriceYear(raw);
    if (year !== undefined) return good(year);
    return bad(
      'price_year',
      `${label} must be a calendar year such as 2023 or a financial year such as "2023-24", got ${shown(raw)}`,
    );
  },
);

/** Reads `2023`, `"2023"`, `"2023-24"`, `"2023/24"` or `"2023/2024"`; `undefined` otherwise. */
export function readPriceYear(raw: unknown): number | string | undefined {
  if (typeof raw !== 'number' && typeof raw !== 'string') return undefined;
  const text = String(raw).trim();
  if (/^\d{4}$/.test(text)) return Number(text);
  const financial = /^(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$/.exec(text);
  if (financial?.[1] === undefined || financial[2] === undefined) return undefined;
  const first = Number(financial[1]);
  const next = Number(financial[2]) % 100;
  if ((first + 1) % 100 !== next) return undefined;
  return `${first}-${String(next).padStart(2, '0')}`;
}

/** Text; trimmed, and empty text counts as absent (a required field must then not be empty). */
export const textKind: FieldKind<z.ZodType<string, string>> = {
  ...textual('text', (raw) => good(raw.trim())),
  emptyIsAbsent: true,
};

/** A three-letter ISO 4217 code, upper-cased: `gbp` reads `GBP`. */
export const currencyKind: FieldKind<z.ZodType<string, string>> = textual(
  'a three-letter ISO 4217 code such as GBP',
  (raw, label) => {
    const code = raw.trim();
    if (!/^[A-Za-z]{3}$/.test(code)) {
      return bad(
        'invalid_value',
        `${label} must be a three-letter ISO 4217 code such as GBP, got ${shown(raw)}`,
      );
    }
    return good(code.toUpperCase());
  },
);

/** A kind whose rule reads text. */
function textual<T>(
  summary: string,
  rule: (raw: string, label: string) => FieldRead<T>,
): FieldKind<z.ZodType<T, string>> {
  const read = (raw: unknown, label: string): FieldRead<T> =>
    typeof raw === 'string'
      ? rule(raw, label)
      : bad('invalid_type', `${label} must be text, got ${shown(raw)}`);
  return { summary, read, zod: (label) => checked(read, label, z.string()) };
}

/** One of a few words, e.g. a discount timing; `code` is the issue code of any other value. */
export function oneOfKind<const V extends string>(
  values: readonly [V, ...V[]],
  code: IssueCode = 'invalid_value',
): FieldKind<z.ZodType<V, V>> {
  const listed = values.map((v) => `"${v}"`).join(', ');
  const read = (raw: unknown, label: string): FieldRead<V> =>
    typeof raw === 'string' && (values as readonly string[]).includes(raw)
      ? good(raw as V)
      : bad(code, `${label} must be one of ${listed}, got ${shown(raw)}`);
  return {
    summary: `one of ${listed}`,
    read,
    zod: (label) => checked(read, label, z.enum(values)) as z.ZodType<V, V>,
  };
}

/** A whole number ≥ 0 written as a JSON number (a stakeholder group's size). */
export const countKind: FieldKind<z.ZodType<number, number>> = (() => {
  const read = (raw: unknown, label: string): FieldRead<number> =>
    typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0
      ? good(raw)
      : bad(
          typeof raw === 'number' ? 'invalid_value' : 'invalid_type',
          `${label} must be a whole number ≥ 0, got ${shown(raw)}`,
        );
  return {
    summary: 'a whole number ≥ 0',
    read,
    zod: (label: string) => checked(read, label, z.number().int().nonnegative()),
  };
})();

// The zod forms of the kinds, by field name, for the sections written in zod (scenarios,
// uncertainty). Each reads a present value; add `.optional()` where the field may be absent.
const described = <Z extends z.ZodType>(kind: FieldKind<Z>, field: string): Z =>
  kind.zod(field).meta({ description: `${field}: ${kind.summary}` });
export const money = (field: string, options: { readonly min?: 0 } = {}) =>
  described(options.min === 0 ? nonNegativeMoneyKind : moneyKind, field);
export const quantity = (field: string) => described(quantityKind, field);
export const fraction = (field: string) => described(fractionKind, field);
export const wholeYears = (field: string, min: number) => described(wholeYearsKind(min), field);
export const years = (field: string) => described(yearsKind, field);
export const priceYear = (field: string) => described(priceYearKind, field);

/** Optional free text: trimmed, and an empty string counts as absent. */
export const optionalText = z
  .string()
  .transform((text) => (text.trim() === '' ? undefined : text.trim()))
  .optional();

/** Required free text: trimmed, not empty. */
export function requiredText(field: string) {
  return z.string({ error: `${field} must be text` }).transform((text, ctx) => {
    const trimmed = text.trim();
    return trimmed === '' ? fail(ctx, 'required', `${field} must not be empty`) : trimmed;
  });
}
