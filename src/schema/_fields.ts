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

/** A money amount; `min: 0` rejects negatives. Percentages are never money. */
export function money(field: string, options: { readonly min?: 0 } = {}) {
  return numberOrString
    .transform((raw, ctx) => {
      const read = readNumber(raw);
      if (!read.ok)
        return fail(
          ctx,
          read.code,
          `${field} must be an amount of money, got ${shown(raw)}: ${read.reason}`,
        );
      if (read.percent) {
        return fail(
          ctx,
          'invalid_number',
          `${field} must be an amount of money, got ${shown(raw)}: a percentage is not money`,
        );
      }
      if (options.min === 0 && read.value.startsWith('-')) {
        return fail(ctx, 'out_of_range', `${field} must not be negative, got ${shown(raw)}`);
      }
      return read.value;
    })
    .meta({
      description: `${field}: a number, or text such as "12,500.50", "£1,200" or "(1,200)"`,
    });
}

/** A non-negative count, e.g. a quantity of people. */
export function quantity(field: string) {
  return numberOrString
    .transform((raw, ctx) => {
      const read = readNumber(raw);
      if (!read.ok)
        return fail(ctx, read.code, `${field} must be a number, got ${shown(raw)}: ${read.reason}`);
      if (read.percent) {
        return fail(
          ctx,
          'invalid_number',
          `${field} must be a number, got ${shown(raw)}: a percentage is not a quantity`,
        );
      }
      if (read.value.startsWith('-')) {
        return fail(ctx, 'out_of_range', `${field} must not be negative, got ${shown(raw)}`);
      }
      return read.value;
    })
    .meta({ description: `${field}: a number ≥ 0` });
}

/**
 * A fraction from 0 to 1, written `0.25` or `"25%"`. A bare number above 1 is rejected with a
 * hint, because `25` almost always means 25% and silently reading it as 25 would be wrong.
 */
export function fraction(field: string) {
  return numberOrString
    .transform((raw, ctx) => {
      const read = readNumber(raw);
      const rule = `${field} must be a fraction from 0 to 1`;
      if (!read.ok) return fail(ctx, read.code, `${rule}, got ${shown(raw)}: ${read.reason}`);
      if (isUnitInterval(read.value)) return read.value;
      const value = new Dec(read.value);
      if (!read.percent && value.gt(1) && value.lte(100)) {
        const hint = `write ${value.toString()}% or ${value.div(100).toString()}`;
        return fail(ctx, 'out_of_range', `${rule}, got ${shown(raw)} (${hint})`);
      }
      if (value.isNegative() || value.gt(1)) {
        return fail(ctx, 'out_of_range', `${rule} (0% to 100%), got ${shown(raw)}`);
      }
      return read.value;
    })
    .meta({ description: `${field}: a fraction from 0 to 1, written 0.25 or "25%"` });
}

/** Whether a canonical decimal string (as `readNumber` writes it) lies in 0–1. */
function isUnitInterval(value: string): boolean {
  return value === '1' || value === '0' || value.startsWith('0.');
}

/** A whole number of years from `min` to 1000; numeric text such as `"3"` is accepted. */
export function wholeYears(field: string, min: number) {
  return numberOrString
    .transform((raw, ctx) => {
      const text = typeof raw === 'number' ? String(raw) : raw.trim();
      const value = /^-?\d+(?:\.0*)?$/.test(text) ? Number.parseInt(text, 10) : Number.NaN;
      if (!Number.isSafeInteger(value) || value < min || value > 1000) {
        return fail(
          ctx,
          'not_whole_years',
          `${field} must be a whole number of years from ${min} to 1000, got ${shown(raw)}`,
        );
      }
      return value;
    })
    .meta({ description: `${field}: a whole number of years, ≥ ${min}` });
}

/** Optional free text: trimmed, and an empty string counts as absent. */
export const optionalText = z
  .string()
  .transform((text) => (text.trim() === '' ? undefined : text.trim()))
  .optional();

/** Required free text: trimmed, not empty. */
export function requiredText(field: string) {
  return z.string({ error: `${field} must be text` }).transform((text, ctx) => {
    const trimmed = text.trim();
    if (trimmed === '') return fail(ctx, 'required', `${field} must not be empty`);
    return trimmed;
  });
}

/**
 * A price year: a calendar year (`2023` or `"2023"`) or a UK financial year (`"2023-24"`, also
 * accepted as `"2023/24"` or `"2023/2024"`), normalised to a number or to `"2023-24"`.
 */
export function priceYear(field: string) {
  return numberOrString
    .transform((raw, ctx) => {
      const year = readPriceYear(raw);
      if (year !== undefined) return year;
      return fail(
        ctx,
        'price_year',
        `${field} must be a calendar year such as 2023 or a financial year such as "2023-24", got ${shown(raw)}`,
      );
    })
    .meta({ description: `${field}: 2023 (calendar year) or "2023-24" (financial year)` });
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
