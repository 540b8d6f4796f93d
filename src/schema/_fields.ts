/**
 * Field schemas shared by the analysis schema: each reads the loose form people write and
 * reports a problem as "field, the rule, the value received, a hint".
 */
import * as z from 'zod';
import { Dec } from '../calc/_decimal.js';
import { readNumber } from './readNumber.js';
import type { IssueCode } from '../model/SroiError.js';

const numberOrString = z.union([z.number(), z.string()]);

/** Renders a received value for a message: strings quoted, the rest as JSON. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function fail(ctx: z.core.$RefinementCtx, code: IssueCode, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params: { code }, input: ctx.value });
  return z.NEVER;
}

/** What a field rule made of a raw value: the normalised value, or the problem. */
export type FieldRead<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: IssueCode; readonly message: string };

const good = <T>(value: T): FieldRead<T> => ({ ok: true, value });
const bad = (code: IssueCode, message: string): FieldRead<never> => ({ ok: false, code, message });

/**
 * The rules of each kind of field, as plain functions. The zod schemas below wrap them, and the
 * fast path of `safeParseAnalysis` calls them directly, so each rule is written once.
 */
export const rules = {
  /** A money amount; `min: 0` rejects negatives. Percentages are never money. */
  money(field: string, raw: string | number, min?: 0): FieldRead<string> {
    const read = readNumber(raw);
    const rule = `${field} must be an amount of money`;
    if (!read.ok) return bad(read.code, `${rule}, got ${shown(raw)}: ${read.reason}`);
    if (read.percent) {
      return bad('invalid_number', `${rule}, got ${shown(raw)}: a percentage is not money`);
    }
    if (min === 0 && read.value.startsWith('-')) {
      return bad('out_of_range', `${field} must not be negative, got ${shown(raw)}`);
    }
    return good(read.value);
  },

  /** A non-negative count, e.g. a quantity of people. */
  quantity(field: string, raw: string | number): FieldRead<string> {
    const read = readNumber(raw);
    if (!read.ok)
      return bad(read.code, `${field} must be a number, got ${shown(raw)}: ${read.reason}`);
    if (read.percent) {
      return bad(
        'invalid_number',
        `${field} must be a number, got ${shown(raw)}: a percentage is not a quantity`,
      );
    }
    if (read.value.startsWith('-')) {
      return bad('out_of_range', `${field} must not be negative, got ${shown(raw)}`);
    }
    return good(read.value);
  },

  /**
   * A fraction from 0 to 1, written `0.25` or `"25%"`. A bare number above 1 is rejected with a
   * hint, because `25` almost always means 25% and silently reading it as 25 would be wrong.
   */
  fraction(field: string, raw: string | number): FieldRead<string> {
    const read = readNumber(raw);
    const rule = `${field} must be a fraction from 0 to 1`;
    if (!read.ok) return bad(read.code, `${rule}, got ${shown(raw)}: ${read.reason}`);
    if (isUnitInterval(read.value)) return good(read.value);
    const value = new Dec(read.value);
    if (!read.percent && value.gt(1) && value.lte(100)) {
      const hint = `write ${value.toString()}% or ${value.div(100).toString()}`;
      return bad('out_of_range', `${rule}, got ${shown(raw)} (${hint})`);
    }
    return bad('out_of_range', `${rule} (0% to 100%), got ${shown(raw)}`);
  },

  /** A whole number of years from `min` to 1000; numeric text such as `"3"` is accepted. */
  wholeYears(field: string, raw: string | number, min: number): FieldRead<number> {
    const text = typeof raw === 'number' ? String(raw) : raw.trim();
    const value = WHOLE.test(text) ? Number.parseInt(text, 10) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > 1000) {
      return bad(
        'not_whole_years',
        `${field} must be a whole number of years from ${min} to 1000, got ${shown(raw)}`,
      );
    }
    return good(value);
  },

  /** Required free text: trimmed, not empty. */
  requiredText(field: string, raw: string): FieldRead<string> {
    const trimmed = raw.trim();
    return trimmed === '' ? bad('required', `${field} must not be empty`) : good(trimmed);
  },

  /** A calendar year (`2023`) or a UK financial year (`"2023-24"`, `"2023/24"`, `"2023/2024"`). */
  priceYear(field: string, raw: string | number): FieldRead<number | string> {
    const year = readPriceYear(raw);
    if (year !== undefined) return good(year);
    return bad(
      'price_year',
      `${field} must be a calendar year such as 2023 or a financial year such as "2023-24", got ${shown(raw)}`,
    );
  },
};

const WHOLE = /^-?\d+(?:\.0*)?$/;

/** Whether a canonical decimal string (as `readNumber` writes it) lies in 0–1. */
function isUnitInterval(value: string): boolean {
  return value === '1' || value === '0' || value.startsWith('0.');
}

/** Wraps a rule as a zod transform that reports the rule's problem with its code. */
function checked<T>(rule: (raw: string | number) => FieldRead<T>, description: string) {
  return numberOrString
    .transform((raw, ctx) => {
      const read = rule(raw);
      return read.ok ? read.value : fail(ctx, read.code, read.message);
    })
    .meta({ description });
}

export const money = (field: string, options: { readonly min?: 0 } = {}) =>
  checked(
    (raw) => rules.money(field, raw, options.min),
    `${field}: a number, or text such as "12,500.50", "£1,200" or "(1,200)"`,
  );
export const quantity = (field: string) =>
  checked((raw) => rules.quantity(field, raw), `${field}: a number ≥ 0`);
export const fraction = (field: string) =>
  checked(
    (raw) => rules.fraction(field, raw),
    `${field}: a fraction from 0 to 1, written 0.25 or "25%"`,
  );
export const wholeYears = (field: string, min: number) =>
  checked(
    (raw) => rules.wholeYears(field, raw, min),
    `${field}: a whole number of years, ≥ ${min}`,
  );
export const priceYear = (field: string) =>
  checked(
    (raw) => rules.priceYear(field, raw),
    `${field}: 2023 (calendar year) or "2023-24" (financial year)`,
  );

/** Optional free text: trimmed, and an empty string counts as absent. */
export const optionalText = z
  .string()
  .transform((text) => (text.trim() === '' ? undefined : text.trim()))
  .optional();

/** Required free text: trimmed, not empty. */
export function requiredText(field: string) {
  return z.string({ error: `${field} must be text` }).transform((text, ctx) => {
    const read = rules.requiredText(field, text);
    return read.ok ? read.value : fail(ctx, read.code, read.message);
  });
}

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
