/**
 * The `uncertainty` section of an analysis file: distributions for Monte Carlo simulation
 * (docs/sensitivity.md). Shape and number reading only; `safeParseUncertainty`
 * (src/sensitivity) checks the rules that need the analysis and the parameter's range.
 */
import * as z from 'zod';
import { readNumber } from './readNumber.js';
import { shown } from './_fields.js';
import { toIssue } from './scenariosSchema.js';
import type { Issue } from '../model/SroiError.js';

const PARAMETERS = [
  'quantity',
  'proxy',
  'deadweight',
  'displacement',
  'attribution',
  'leakage',
  'dropOff',
  'discountRate',
] as const;

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

const target = {
  parameter: z.enum(PARAMETERS, {
    error: (issue) =>
      `parameter must be one of ${PARAMETERS.map((p) => `"${p}"`).join(', ')}, got ${shown(issue.input)}`,
  }),
  outcome: z.string().optional(),
};

const assumptionSchema = z.discriminatedUnion(
  'distribution',
  [
    z.strictObject({
      ...target,
      distribution: z.literal('uniform'),
      min: figure('min'),
      max: figure('max'),
    }),
    z.strictObject({
      ...target,
      distribution: z.literal('triangular'),
      min: figure('min'),
      mode: figure('mode'),
      max: figure('max'),
    }),
    z.strictObject({
      ...target,
      distribution: z.literal('pert'),
      min: figure('min'),
      mode: figure('mode'),
      max: figure('max'),
    }),
    z.strictObject({
      ...target,
      distribution: z.literal('normal'),
      mean: figure('mean'),
      sd: figure('sd'),
      min: figure('min').optional(),
      max: figure('max').optional(),
    }),
    z.strictObject({
      ...target,
      distribution: z.literal('beta'),
      alpha: figure('alpha'),
      beta: figure('beta'),
      min: figure('min').optional(),
      max: figure('max').optional(),
    }),
  ],
  {
    error: (issue) =>
      `distribution must be one of "uniform", "triangular", "pert", "normal", "beta", got ${shown((issue.input as Record<string, unknown> | undefined)?.['distribution'])}`,
  },
);

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
