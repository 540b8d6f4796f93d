import { decimalArithmetic } from '../calc/_arithmetic.js';
import { Dec } from '../calc/_decimal.js';
import { movableRate } from '../calc/discountRate.js';
import { fixedBecause, valuationContext } from '../calc/outcomeTerms.js';
import { alternatives } from '../model/_alternatives.js';
import {
  analysisArgument,
  decimalText,
  invalid,
  listArgument,
  objectArgument,
  oneOf,
} from '../model/_arguments.js';
import { fractionParameters, uncertainParameters } from '../model/vocabulary.js';
import { FieldProblem, fractionKind } from '../schema/_fields.js';
import { readUncertainty } from '../schema/uncertaintySchema.js';
import type { UncertainAssumption, Uncertainty } from './Uncertainty.js';
import type { Analysis } from '../model/analysis.js';
import { SroiError } from '../model/SroiError.js';
import type { Issue } from '../model/SroiError.js';

/** What `safeParseUncertainty` returns: the uncertainty section, or every issue found. */
export type SafeParseUncertaintyResult =
  | { readonly success: true; readonly uncertainty: Uncertainty; readonly issues: readonly [] }
  | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * Defaults of the `uncertainty` section.
 *
 * @example
 * uncertaintyDefaults;
 * //=> { seed: 42, draws: 10000, bins: 20 }
 */
export const uncertaintyDefaults = { seed: 42, draws: 10_000, bins: 20 } as const;

/**
 * Validates the `uncertainty` section of an analysis file against the analysis: the shape, each
 * distribution's own rules (`min ≤ mode ≤ max`, `sd ≥ 0`, shapes above 0), every value a
 * distribution can give inside the assumption's valid range (fractions 0–1, quantities ≥ 0),
 * outcome ids that exist, and no assumption given two distributions. For a fraction (the
 * deductions, drop-off, the discount rate) every figure of every distribution — `min`, `mode`,
 * `max`, a normal's `mean` and `sd` — follows the fraction rule of the analysis itself: `20%` or
 * `0.2`, and a bare `20` is refused with that hint, never truncated to the range. Every issue has
 * its path from the analysis root, down to the figure. Defaults: seed 42, 10,000 draws, 20
 * histogram bins.
 *
 * @example
 * const analysis = parseAnalysis({
 *   name: 'x',
 *   outcomes: [{ id: 'a', stakeholder: 's', outcome: 'o', quantity: 1, proxy: { value: 1 }, duration: 1 }],
 * });
 * [
 *   { distribution: 'triangular', min: '10%', mode: '5%', max: '30%' },
 *   { distribution: 'normal', mean: '20', sd: '5%' },
 * ].map((d) => safeParseUncertainty({ parameters: [{ outcome: 'a', parameter: 'deadweight', ...d }] },
 *   analysis).issues[0].message);
 * //=> ['triangular needs min ≤ mode ≤ max, got min 0.1, mode 0.05, max 0.3', 'mean of deadweight must be a fraction from 0 to 1, got "20" (write 20% or 0.2)']
 */
export function safeParseUncertainty(
  input: unknown,
  analysis: Analysis,
): SafeParseUncertaintyResult {
  analysisArgument('safeParseUncertainty', analysis);
  const read = readUncertainty(input);
  if (read.data === undefined) return { success: false, issues: read.issues };
  const issues: Issue[] = [];
  const parameters: UncertainAssumption[] = [];
  const seen = new Map<string, number>();
  const ids = new Map(analysis.outcomes.map((o) => [o.id, o]));
  read.data.parameters.forEach((raw, index) => {
    const path = ['uncertainty', 'parameters', index];
    const problem = (field: string | undefined, message: string, received?: unknown): void => {
      issues.push({
        code: 'invalid_value',
        message,
        path: field === undefined ? path : [...path, field],
        ...(received === undefined ? {} : { received }),
      });
    };
    const assumption = Object.fromEntries(
      Object.entries(raw).filter(([, v]) => v !== undefined),
    ) as UncertainAssumption;
    const { parameter, outcome } = assumption;
    if (parameter === 'discountRate') {
      if (outcome !== undefined) {
        problem(
          'outcome',
          'discountRate belongs to the whole analysis; leave out "outcome"',
          outcome,
        );
      }
    } else if (outcome === undefined) {
      problem(
        'outcome',
        `${parameter} belongs to an outcome: give "outcome" (an outcome id, or "*" for every outcome)`,
      );
    } else if (outcome !== '*') {
      const found = ids.get(outcome);
      const fixed = found === undefined ? undefined : fixedBecause(found, parameter);
      if (found === undefined) {
        problem(
          'outcome',
          `no outcome has the id "${outcome}" (${alternatives('ids', ids.keys())}; "*" means every outcome)`,
          outcome,
        );
      } else if (fixed !== undefined) {
        problem('parameter', `outcome "${outcome}" ${fixed}`, parameter);
      }
    }
    const key = `${outcome ?? ''}|${parameter}`;
    const previous = seen.get(key);
    if (previous !== undefined) {
      problem(
        undefined,
        `${parameter}${outcome === undefined ? '' : ` of "${outcome}"`} already has a distribution at uncertainty.parameters[${previous}]`,
      );
    } else seen.set(key, index);

    const [low, high] = validRange(analysis, parameter);
    const written = rawFigures(input, index);
    for (const { field, message } of distributionProblems(assumption, low, high, written)) {
      problem(field, message);
    }
    parameters.push(assumption);
  });
  if (issues.length > 0) return { success: false, issues };
  return {
    success: true,
    uncertainty: {
      seed: read.data.seed ?? uncertaintyDefaults.seed,
      draws: read.data.draws ?? uncertaintyDefaults.draws,
      bins: read.data.bins ?? uncertaintyDefaults.bins,
      parameters,
    },
    issues: [],
  };
}

/**
 * The valid range of an uncertain assumption (`null` = unbounded). For the discount rate of a
 * schedule or per-year rates, the value is the year-1 rate and every rate moves with it, so the
 * range keeps every year's rate within 0–1.
 */
export function validRange(
  analysis: Analysis,
  parameter: UncertainAssumption['parameter'],
): [Dec | null, Dec | null] {
  if (parameter === 'discountRate') {
    const rate = movableRate(decimalArithmetic)(
      analysis.discount,
      valuationContext(analysis).lastYear,
    );
    return [rate.lower, rate.upper];
  }
  if (fractionParameters.includes(parameter)) return [new Dec(0), new Dec(1)];
  if (parameter === 'quantity') return [new Dec(0), null];
  return [null, null];
}

/** The figures of one assumption as the file writes them (`"20%"`, `20`), by field. */
function rawFigures(input: unknown, index: number): Readonly<Record<string, unknown>> {
  const parameters = (input as { readonly parameters?: unknown }).parameters;
  const raw = Array.isArray(parameters) ? (parameters[index] as unknown) : undefined;
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
}

/** The figures of a distribution that are values of its assumption, or a spread of them (`sd`). */
const FIGURES = ['min', 'mode', 'max', 'mean', 'sd'] as const;

function distributionProblems(
  a: UncertainAssumption,
  low: Dec | null,
  high: Dec | null,
  raw: Readonly<Record<string, unknown>>,
): { field: string | undefined; message: string }[] {
  const problems: { field: string | undefined; message: string }[] = [];
  const add = (message: string, field?: string) => problems.push({ field, message });
  const range = `${low === null ? '−∞' : low.toString()} to ${high === null ? '∞' : high.toString()}`;
  // The fraction rule, as the analysis states it, on each figure as written (`"20%"`, `0.2`; a
  // bare 20 is refused with the hint), so that a typo is never truncated to the range.
  const broken = new Set<string>();
  if (fractionParameters.includes(a.parameter)) {
    for (const field of FIGURES) {
      const value = raw[field];
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      const read = fractionKind.read(value, `${field} of ${a.parameter}`);
      if (read instanceof FieldProblem) {
        add(read.message, field);
        broken.add(field);
      }
    }
  }
  // The figures' relations (min ≤ max, the truncated range) are checked once they are fractions.
  if (broken.size > 0) return problems;
  const inside = (name: string, value: string): void => {
    const v = new Dec(value);
    if ((low !== null && v.lt(low)) || (high !== null && v.gt(high))) {
      add(`${name} ${value} is outside the valid range of ${a.parameter} (${range})`, name);
    }
  };
  switch (a.distribution) {
    case 'uniform':
      if (new Dec(a.min).gt(a.max)) add(`uniform needs min ≤ max, got min ${a.min}, max ${a.max}`);
      inside('min', a.min);
      inside('max', a.max);
      break;
    case 'triangular':
    case 'pert':
      if (new Dec(a.min).gt(a.mode) || new Dec(a.mode).gt(a.max)) {
        add(
          `${a.distribution} needs min ≤ mode ≤ max, got min ${a.min}, mode ${a.mode}, max ${a.max}`,
        );
      }
      inside('min', a.min);
      inside('max', a.max);
      break;
    case 'normal': {
      if (new Dec(a.sd).isNegative()) add(`normal needs sd ≥ 0, got ${a.sd}`);
      const from = a.min === undefined ? low : low === null ? new Dec(a.min) : Dec.max(low, a.min);
      const to = a.max === undefined ? high : high === null ? new Dec(a.max) : Dec.min(high, a.max);
      if (from !== null && to !== null && from.gt(to)) {
        add(`normal is truncated to an empty range (${from.toString()} to ${to.toString()})`);
      } else if (
        new Dec(a.sd).isZero() &&
        ((from !== null && from.gt(a.mean)) || (to !== null && to.lt(a.mean)))
      ) {
        add(
          `normal with sd 0 always gives its mean ${a.mean}, which is outside the range ${range}`,
        );
      }
      break;
    }
    case 'beta': {
      if (!new Dec(a.alpha).isPositive() || new Dec(a.alpha).isZero())
        add(`beta needs alpha > 0, got ${a.alpha}`);
      if (!new Dec(a.beta).isPositive() || new Dec(a.beta).isZero())
        add(`beta needs beta > 0, got ${a.beta}`);
      const min = a.min ?? '0';
      const max = a.max ?? '1';
      if (new Dec(min).gt(max)) add(`beta needs min ≤ max, got min ${min}, max ${max}`);
      inside('min', min);
      inside('max', max);
      break;
    }
  }
  return problems;
}

const PARAMETERS = new Map<string, string>(uncertainParameters.map((p) => [p, p]));

/** The figures each distribution needs, and those it may have. */
const FIGURES_OF: ReadonlyMap<
  string,
  { required: readonly string[]; optional: readonly string[] }
> = new Map([
  ['uniform', { required: ['min', 'max'], optional: [] }],
  ['triangular', { required: ['min', 'mode', 'max'], optional: [] }],
  ['pert', { required: ['min', 'mode', 'max'], optional: [] }],
  ['normal', { required: ['mean', 'sd'], optional: ['min', 'max'] }],
  ['beta', { required: ['alpha', 'beta'], optional: ['min', 'max'] }],
]);

/**
 * Checks an `Uncertainty` given to the library (`simulate`) for its shape — each parameter a
 * known assumption and distribution with its figures as decimal strings — and each
 * distribution's own rules as `safeParseUncertainty` checks them, so that no sampler is given a
 * shape it cannot draw from (a beta with alpha 0, a normal truncated to nothing). An outcome id
 * that matches nothing draws nothing, as before. Returns the section. @internal
 */
export function uncertaintyArgument(fn: string, value: unknown, analysis: Analysis): Uncertainty {
  const section = objectArgument(fn, 'uncertainty', value);
  const parameters = listArgument(fn, 'uncertainty.parameters', section.parameters);
  parameters.forEach((raw, i) => {
    const at = `uncertainty.parameters[${i}]`;
    const a = objectArgument(fn, at, raw);
    const parameter = oneOf(fn, `${at}.parameter`, PARAMETERS, a.parameter);
    if (a.outcome !== undefined && typeof a.outcome !== 'string') {
      throw invalid(fn, `${at}.outcome must be an outcome id or "*"`, a.outcome);
    }
    const figures = oneOf(fn, `${at}.distribution`, FIGURES_OF, a.distribution);
    for (const field of figures.required) decimalText(fn, a[field], `${at}.${field}`);
    for (const field of figures.optional) {
      if (a[field] !== undefined) decimalText(fn, a[field], `${at}.${field}`);
    }
    const [low, high] = validRange(analysis, parameter as UncertainAssumption['parameter']);
    const [problem] = distributionProblems(raw as UncertainAssumption, low, high, a);
    if (problem !== undefined) {
      // the problem's message says what was received
      const where = problem.field === undefined ? at : `${at}.${problem.field}`;
      throw new SroiError('INVALID_ARGUMENT', `${fn}: ${where}: ${problem.message}`);
    }
  });
  return value as Uncertainty;
}
