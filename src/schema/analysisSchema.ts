import * as z from 'zod';
import {
  fraction,
  money,
  optionalText,
  priceYear,
  quantity,
  requiredText,
  wholeYears,
} from './_fields.js';
import { scenariosSchema } from './scenariosSchema.js';
import { uncertaintySchema } from './uncertaintySchema.js';
import { discountScheduleNames } from '../calc/greenBookSchedules.js';

const currency = z
  .string()
  .refine((code) => /^[A-Za-z]{3}$/.test(code.trim()), {
    error: (issue) =>
      `currency must be a three-letter ISO 4217 code such as GBP, got ${JSON.stringify(issue.input)}`,
  })
  .transform((code) => code.trim().toUpperCase());

const timing = z
  .enum(['end', 'start', 'mid'], {
    error: (issue) =>
      `discount.timing must be one of "end", "start", "mid", got ${JSON.stringify(issue.input)}`,
  })
  .optional();

/** Discount settings as written: one of `rate`, `rates` or `schedule`, and a timing. */
export const discountInputSchema = z
  .strictObject({
    rate: fraction('discount.rate').optional(),
    rates: z.array(fraction('discount.rates[]')).min(1).optional(),
    schedule: z
      .enum(discountScheduleNames as [string, ...string[]], {
        error: (issue) =>
          `discount.schedule must be one of ${discountScheduleNames.map((n) => `"${n}"`).join(', ')}, got ${JSON.stringify(issue.input)}`,
      })
      .optional(),
    timing,
  })
  .meta({
    description:
      'Give one of rate (flat, default 3.5%), rates (year 1, year 2, …; the last continues) or schedule (a Green Book preset). timing: end (default), start or mid.',
  });

export const stakeholderInputSchema = z.strictObject({
  id: optionalText,
  name: optionalText,
  size: z.number().int().nonnegative().optional(),
  description: optionalText,
});

export const inputInputSchema = z.strictObject({
  stakeholder: optionalText,
  description: requiredText('description'),
  value: money('value', { min: 0 }),
  kind: optionalText,
  year: wholeYears('year', 0).optional(),
});

export const proxyInputSchema = z.strictObject({
  description: optionalText,
  value: money('proxy.value'),
  source: optionalText,
  priceYear: priceYear('proxy.priceYear').optional(),
});

export const outcomeInputSchema = z.strictObject({
  id: optionalText,
  stakeholder: requiredText('stakeholder'),
  outcome: requiredText('outcome'),
  indicator: optionalText,
  category: optionalText,
  quantity: quantity('quantity').optional(),
  proxy: proxyInputSchema,
  duration: wholeYears('duration', 1),
  start: wholeYears('start', 1).optional(),
  deadweight: fraction('deadweight').optional(),
  displacement: fraction('displacement').optional(),
  attribution: fraction('attribution').optional(),
  leakage: fraction('leakage').optional(),
  dropOff: fraction('dropOff').optional(),
  quantityByYear: z.array(quantity('quantityByYear[]')).optional(),
});

/**
 * The analysis as people write it (docs/model.md). Transforms read money and fractions into
 * canonical decimal strings; `parseAnalysis` adds the checks that span fields and the defaults.
 */
export const analysisInputSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: requiredText('name'),
    description: optionalText,
    currency: currency.optional(),
    priceYear: priceYear('priceYear').optional(),
    discount: discountInputSchema.optional(),
    horizon: wholeYears('horizon', 1).optional(),
    stakeholders: z.array(stakeholderInputSchema).optional(),
    inputs: z.array(inputInputSchema).optional(),
    outcomes: z.array(outcomeInputSchema),
    /** Named sets of overrides; read by `safeParseScenarios` (docs/sensitivity.md). */
    scenarios: scenariosSchema.optional(),
    /** Distributions for `sroi simulate`; read by `safeParseUncertainty`. */
    uncertainty: uncertaintySchema.optional(),
  })
  .meta({
    title: 'SROI analysis',
    description: 'An SROI analysis for the sroi library (docs/model.md).',
  });

/** The analysis as people may write it: money and fractions as numbers or text. */
export type AnalysisInput = z.input<typeof analysisInputSchema>;
