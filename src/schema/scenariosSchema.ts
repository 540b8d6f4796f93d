/**
 * The `scenarios` section of an analysis file: named sets of overrides (docs/sensitivity.md).
 * Shape and field rules only; `safeParseScenarios` (src/sensitivity) adds the checks that need
 * the analysis (outcome ids, input names).
 *
 * Scenario names and the keys of `outcomes` and `inputs` are data, so `readScenarios` walks those
 * three records itself: a zod record skips a key named `__proto__` without a word, and a name
 * must never vanish. The zod schemas below give the JSON Schema and the analysis its shape.
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
  years,
} from './_fields.js';
import { discountScheduleNames } from '../calc/greenBookSchedules.js';
import type { DiscountScheduleName } from '../model/analysis.js';
import type { Issue, IssueCode } from '../model/SroiError.js';

const exclude = z.boolean().optional();

const outcomeOverrideSchema = z
  .strictObject({
    exclude: exclude.meta({
      description:
        'true leaves the outcome out of this scenario; false keeps one that "*" leaves out.',
    }),
    quantity: quantity('quantity').optional(),
    quantityByYear: z.array(quantity('quantityByYear[]')).optional(),
    proxy: z
      .strictObject({
        value: money('proxy.value').optional(),
        priceYear: priceYear('proxy.priceYear').optional(),
      })
      .optional(),
    duration: years('duration').optional(),
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

const inputOverrideSchema = z.strictObject({
  exclude: exclude.meta({ description: 'true leaves the input out of this scenario.' }),
  value: money('value', { min: 0 }).optional(),
  year: wholeYears('year', 0).optional(),
});

/** A scenario's own fields; `inputs` and `outcomes` are records, read by `readRecord`. */
const scenarioFields = {
  description: optionalText,
  discount: discountOverrideSchema.optional(),
  horizon: wholeYears('horizon', 1).optional(),
};

const scenarioSchema = z
  .strictObject({
    ...scenarioFields,
    inputs: z
      .record(z.string(), inputOverrideSchema)
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

/** A scenario's fields but `inputs` and `outcomes`, which `readRecord` reads. */
const scenarioFieldsSchema = z.strictObject(scenarioFields);

const anyRecord = z.record(z.string(), z.unknown());

/**
 * Checks the shape and field rules of a `scenarios` section; every issue carries its path from
 * the analysis root (`scenarios.conservative.outcomes.a.deadweight`). Every name is kept,
 * `__proto__` and `constructor` included, as an own key of the records returned.
 */
export function readScenarios(
  input: unknown,
):
  | { readonly data: ScenariosOutput; readonly issues: readonly [] }
  | { readonly data?: undefined; readonly issues: readonly Issue[] } {
  const issues: Issue[] = [];
  const data = readRecord(input, ['scenarios'], issues, (raw, path) => {
    const { inputs, outcomes, ...rest } = isRecord(raw) ? raw : {};
    const fields = parse(scenarioFieldsSchema, isRecord(raw) ? rest : raw, path, issues);
    // The records are read even when another field is wrong, so that every problem is reported.
    const read = {
      inputs: readRecord(inputs, [...path, 'inputs'], issues, (entry, at) =>
        parse(inputOverrideSchema, entry, at, issues),
      ),
      outcomes: readRecord(outcomes, [...path, 'outcomes'], issues, (entry, at) =>
        parse(outcomeOverrideSchema, entry, at, issues),
      ),
    };
    if (fields === undefined) return undefined;
    return {
      ...fields,
      ...(read.inputs === undefined ? {} : { inputs: read.inputs }),
      ...(read.outcomes === undefined ? {} : { outcomes: read.outcomes }),
    };
  });
  if (issues.length > 0 || data === undefined) return { issues };
  return { data: data as ScenariosOutput, issues: [] };
}

/**
 * A record read entry by entry: `undefined` stays `undefined`, anything but an object is an
 * issue, and each own key, whatever its name, keeps its entry (built with `Object.fromEntries`,
 * which defines keys rather than assigning them, so `__proto__` is a key like any other).
 */
function readRecord<T>(
  value: unknown,
  path: readonly (string | number)[],
  issues: Issue[],
  readEntry: (raw: unknown, path: readonly (string | number)[]) => T | undefined,
): Record<string, T> | undefined {
  if (value === undefined) return undefined;
  if (parse(anyRecord, value, path, issues) === undefined) return undefined;
  const entries: [string, T][] = [];
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const entry = readEntry(raw, [...path, key]);
    if (entry !== undefined) entries.push([key, entry]);
  }
  return Object.fromEntries(entries);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `schema` applied to `value`; its issues, prefixed with `path`, go to `issues`. */
function parse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  path: readonly (string | number)[],
  issues: Issue[],
): z.output<S> | undefined {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) issues.push(toIssue(issue, path));
  return undefined;
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
