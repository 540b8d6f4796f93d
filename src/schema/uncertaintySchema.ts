/**
 * The `uncertainty` section of an analysis file: distributions for Monte Carlo simulation
 * (docs/sensitivity.md). Shape and number reading only; `safeParseUncertainty`
 * (src/sensitivity) checks the rules that need the analysis and the parameter's range.
 */
import * as z from 'zod';
import { readNumber } from './readNumber.js';
import { shown } from './_fields.js';
import { toIssue } from './scenariosSchema.js';
import { uncertainParameters } from '../model/vocabulary.js';
import type { Issue } from '../model/SroiError.js';

const PARAMETERS = uncertainParameters;

/** A number written as a number or text; `"25%"` is read as 0.25. */
function figure(field: string) {
  return z
    .union([z.number(), z.string()])
    .transform((raw, ctx) => {
      const read = readNumber(raw);
      if (read.ok) return read.value;
      ctx.addIssue({
        code: 'custom',
        message: `${field} must be a number, got ${shown(raw)}: ${read.reason}`,
        params: { code: read.code },
        input: raw,
      });
      return z.NEVER;
    })
    .meta({ description: `${field}: a number, or text such as "25%" or "£1,200"` });
}

/** The figures each distribution needs (required) and accepts (optional). */
const FIELDS = {
  uniform: { required: ['min', 'max'], optional: [] },
  triangular: { required: ['min', 'mode', 'max'], optional: [] },
  pert: { required: ['min', 'mode', 'max'], optional: [] },
  normal: { required: ['mean', 'sd'], optional: ['min', 'max'] },
  beta: { required: ['alpha', 'beta'], optional: ['min', 'max'] },
} as const;
const DISTRIBUTIONS = Object.keys(FIELDS) as (keyof typeof FIELDS)[];

/**
 * One uncertain assumption. One flat object (not a union) so that a wrong distribution name or a
 * missing figure gets a message that says exactly that.
 */
const assumptionSchema = z
  .strictObject({
    parameter: z.enum(PARAMETERS, {
      error: (issue) =>
        `parameter must be one of ${PARAMETERS.map((p) => `"${p}"`).join(', ')}, got ${shown(issue.input)}`,
    }),
    outcome: z.string().optional(),
    distribution: z.enum(DISTRIBUTIONS, {
      error: (issue) =>
        `distribution must be one of ${DISTRIBUTIONS.map((d) => `"${d}"`).join(', ')}, got ${shown(issue.input)}`,
    }),
    min: figure('min').optional(),
    mode: figure('mode').optional(),
    max: figure('max').optional(),
    mean: figure('mean').optional(),
    sd: figure('sd').optional(),
    alpha: figure('alpha').optional(),
    beta: figure('beta').optional(),
  })
  .superRefine((a, ctx) => {
    const fields = FIELDS[a.distribution];
    const allowed: readonly string[] = [...fields.required, ...fields.optional];
    for (const field of fields.required) {
      if (a[field] === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `${a.distribution} needs ${field} (it takes ${fields.required.join(', ')}${fields.optional.length > 0 ? `, and optionally ${fields.optional.join(', ')}` : ''})`,
          path: [field],
          params: { code: 'required' },
        });
      }
    }
    for (const field of ['min', 'mode', 'max', 'mean', 'sd', 'alpha', 'beta'] as const) {
      if (a[field] !== undefined && !allowed.includes(field)) {
        ctx.addIssue({
          code: 'custom',
          message: `${a.distribution} does not take ${field} (it takes ${allowed.join(', ')})`,
          path: [field],
          params: { code: 'unknown_key' },
        });
      }
    }
  })
  .meta({
    description:
      'uniform: min, max. triangular and pert: min, mode, max. normal: mean, sd (optional min, max; always truncated to the valid range). beta: alpha, beta (optional min, max; 0 and 1 by default).',
  });

const whole = (field: string, min: number, max: number) =>
  z.number().refine((n) => Number.isInteger(n) && n >= min && n <= max, {
    error: (issue) =>
      `${field} must be a whole number from ${min} to ${max}, got ${shown(issue.input)}`,
  });

/** The `uncertainty` section as people write it. */
export const uncertaintySchema = z
  .strictObject({
    seed: whole('seed', -2147483648, 2147483647).optional(),
    draws: whole('draws', 1, 10_000_000).optional(),
    bins: whole('bins', 1, 1000).optional(),
    parameters: z.array(assumptionSchema),
  })
  .meta({
    description:
      'Distributions for Monte Carlo simulation (sroi simulate): per outcome id (or "*") and parameter. See docs/sensitivity.md.',
  });

/** The `uncertainty` section after reading: figures as decimal strings. */
export type UncertaintyOutput = z.output<typeof uncertaintySchema>;

/** Checks the shape of an `uncertainty` section; issues carry their path from the analysis root. */
export function readUncertainty(
  input: unknown,
):
  | { readonly data: UncertaintyOutput; readonly issues: readonly [] }
  | { readonly data?: undefined; readonly issues: readonly Issue[] } {
  const parsed = uncertaintySchema.safeParse(input, { reportInput: true });
  if (parsed.success) return { data: parsed.data, issues: [] };
  return { issues: parsed.error.issues.map((issue) => toIssue(issue, ['uncertainty'])) };
}
