/**
 * The `scenarios` section of an analysis file: named sets of overrides (docs/sensitivity.md).
 * Shape and field rules only; `safeParseScenarios` (src/sensitivity) adds the checks that need
 * the analysis (outcome ids, input names).
 */
import * as z from 'zod';
import {
  fraction,
  money,
  optionalText,
  priceYear,
  quantity,
  shown,
  wholeYears,
} from './_fields.js';
import { discountScheduleNames } from '../calc/greenBookSchedules.js';
import type { DiscountScheduleName } from '../model/analysis.js';
import type { Issue, IssueCode } from '../model/SroiError.js';

const outcomeOverrideSchema = z
  .strictObject({
    quantity: quantity('quantity').optional(),
    quantityByYear: z.array(quantity('quantityByYear[]')).optional(),
    proxy: z
      .strictObject({
        value: money('proxy.value').optional(),
        priceYear: priceYear('proxy.priceYear').optional(),
      })
      .optional(),
    duration: wholeYears('duration', 1).optional(),
    start: wholeYears('start', 1).optional(),
    deadweight: fraction('deadweight').optional(),
    displacement: fraction('displacement').optional(),
    attribution: fraction('attribution').optional(),
    leakage: fraction('leakage').optional(),
    dropOff: fraction('dropOff').optional(),
  })
  .meta({ description: 'Fields that replace the outcome’s own in this scenario.' });

const discountOverrideSchema = z
  .strictObject({
    rate: fraction('discount.rate').optional(),
    rates: z.array(fraction('discount.rates[]')).min(1).optional(),
    schedule: z
      .enum(discountScheduleNames as [DiscountScheduleName, ...DiscountScheduleName[]], {
        error: (issue) =>
          `discount.schedule must be one of ${discountScheduleNames.map((n) => `"${n}"`).join(', ')}, got ${shown(issue.input)}`,
      })
      .optional(),
    timing: z
      .enum(['end', 'start', 'mid'], {
        error: (issue) =>
          `discount.timing must be one of "end", "start", "mid", got ${shown(issue.input)}`,
      })
      .optional(),
  })
  .refine((d) => [d.rate, d.rates, d.schedule].filter((v) => v !== undefined).length <= 1, {
    error: 'discount must give one of rate, rates or schedule, not several',
    params: { code: 'invalid_discount' },
  })
  .meta({
    description:
      'Replaces the analysis’ discount setting; a timing left out keeps the analysis’ timing.',
  });

const scenarioSchema = z
  .strictObject({
    description: optionalText,
    discount: discountOverrideSchema.optional(),
    horizon: wholeYears('horizon', 1).optional(),
    inputs: z
      .record(
        z.string(),
        z.strictObject({
          value: money('value', { min: 0 }).optional(),
          year: wholeYears('year', 0).optional(),
        }),
      )
      .optional()
      .meta({ description: 'Keyed by an input’s description or its position from 0 ("0").' }),
    outcomes: z
      .record(z.string(), outcomeOverrideSchema)
      .optional()
      .meta({ description: 'Keyed by outcome id, or "*" for every outcome.' }),
  })
  .meta({ description: 'A named set of overrides, e.g. a conservative case.' });

/** The `scenarios` section as people write it. */
export const scenariosSchema = z.record(z.string(), scenarioSchema).meta({
  description:
    'Named sets of overrides (e.g. "conservative", "optimistic"), each calculated in full beside the base case. See docs/sensitivity.md.',
});

/** The `scenarios` section after reading: money and fractions as decimal strings. */
export type ScenariosOutput = z.output<typeof scenariosSchema>;

/**
 * Checks the shape and field rules of a `scenarios` section; every issue carries its path from
 * the analysis root (`scenarios.conservative.outcomes.a.deadweight`).
 */
export function readScenarios(
  input: unknown,
):
  | { readonly data: ScenariosOutput; readonly issues: readonly [] }
  | { readonly data?: undefined; readonly issues: readonly Issue[] } {
  const parsed = scenariosSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return { data: parsed.data, issues: [] };
  return { issues: parsed.error.issues.map((issue) => toIssue(issue, ['scenarios'])) };
}

/** A zod issue as a library issue, its path prefixed. @internal */
export function toIssue(issue: z.core.$ZodIssue, prefix: readonly (string | number)[]): Issue {
  const path = [
    ...prefix,
    ...issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
  ];
  const received: unknown = issue.input;
  const field = String(path[path.length - 1] ?? 'the section');
  if (issue.code === 'custom') {
    const code = (issue.params?.['code'] as IssueCode | undefined) ?? 'invalid_value';
    return { code, message: issue.message, path, received };
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return {
      code: 'unknown_key',
      message: `unknown field${issue.keys.length === 1 ? '' : 's'} ${keys} (check the spelling; see docs/sensitivity.md)`,
      path,
      received: issue.keys,
    };
  }
  if (issue.code === 'invalid_type' && received === undefined) {
    return { code: 'required', message: `${field} is required`, path };
  }
  if (issue.code === 'invalid_type') {
    const expected = String(issue.expected);
    return {
      code: 'invalid_type',
      message: `${field} must be ${expected === 'array' ? 'a list' : expected === 'record' ? 'an object' : expected}, got ${shown(received)}`,
      path,
      received,
    };
  }
  const message = issue.message.includes(field) ? issue.message : `${field}: ${issue.message}`;
  return { code: 'invalid_value', message, path, received };
}
