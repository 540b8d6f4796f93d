/**
 * The words of the method that several folders use: the deductions in the order the method
 * applies them, the assumptions that sensitivity analysis and simulation move, and the label a
 * person reads for each. Everything else imports these lists; none repeats them.
 */
import type { EvidenceTopic } from './analysis.js';

/**
 * The four deductions of SROI Guide 2012 stage 4, in the order the method applies them (each to
 * what the one before left; docs/method.md). The order does not change the impact, only how the
 * waterfall shows the steps.
 *
 * @example
 * deductionSteps.join(', ');
 * //=> 'deadweight, displacement, attribution, leakage'
 */
export const deductionSteps = ['deadweight', 'displacement', 'attribution', 'leakage'] as const;

/** One of the four deductions. */
export type Deduction = (typeof deductionSteps)[number];

/**
 * The assumptions of one outcome that sensitivity analysis moves, named as the model names them,
 * in the order every list of them follows.
 *
 * @example
 * outcomeParameters.length;
 * //=> 8
 */
export const outcomeParameters = [
  'quantity',
  'proxy',
  ...deductionSteps,
  'dropOff',
  'duration',
] as const;

/** One outcome's assumption. */
export type OutcomeParameter = (typeof outcomeParameters)[number];

/**
 * The assumptions that belong to the whole analysis: the discount rate, one input's value and
 * the scale of every proxy together.
 *
 * @example
 * globalParameters.join(', ');
 * //=> 'discountRate, inputValue, proxyScale'
 */
export const globalParameters = ['discountRate', 'inputValue', 'proxyScale'] as const;

/** An assumption of the whole analysis. */
export type GlobalParameter = (typeof globalParameters)[number];

/**
 * An assumption that sensitivity analysis can move. Per outcome: `quantity`, `proxy` (the
 * proxy's value as written, before rebasing), the four deductions, `dropOff` and `duration`.
 * For the whole analysis: `discountRate`, `inputValue` (one input's value) and `proxyScale`
 * (every proxy multiplied by the same factor; its base is 1).
 */
export type SensitivityParameter = OutcomeParameter | GlobalParameter;

/**
 * The assumptions a simulation can draw: an outcome's assumptions except its duration, then the
 * discount rate.
 *
 * @example
 * uncertainParameters.includes('duration');
 * //=> false
 */
export const uncertainParameters = [
  'quantity',
  'proxy',
  ...deductionSteps,
  'dropOff',
  'discountRate',
] as const;

/** An assumption a simulation can draw. */
export type UncertainParameter = (typeof uncertainParameters)[number];

/**
 * The assumptions that are fractions from 0 to 1 (shown as percentages).
 *
 * @example
 * fractionParameters.includes('dropOff');
 * //=> true
 */
export const fractionParameters: readonly SensitivityParameter[] = [
  ...deductionSteps,
  'dropOff',
  'discountRate',
];

/**
 * How a one-way test moves each assumption, and so how far from its switching value it is
 * counted: `relative` to its value (money and quantities: ±10 % by default), by `points` (the
 * fractions: ±10 percentage points) or by `years` (duration).
 *
 * @example
 * [parameterMoves.proxy, parameterMoves.attribution, parameterMoves.duration];
 * //=> ['relative', 'points', 'years']
 */
export const parameterMoves: Readonly<
  Record<SensitivityParameter, 'relative' | 'points' | 'years'>
> = {
  quantity: 'relative',
  proxy: 'relative',
  deadweight: 'points',
  displacement: 'points',
  attribution: 'points',
  leakage: 'points',
  dropOff: 'points',
  duration: 'years',
  discountRate: 'points',
  inputValue: 'relative',
  proxyScale: 'relative',
};

/**
 * The assumptions of an outcome that it can record evidence for (`Outcome.evidence`), in the
 * order of the Value Map's columns; the proxy's own source is `proxy.source`.
 *
 * @example
 * evidenceTopics.join(', ');
 * //=> 'quantity, duration, deadweight, displacement, attribution, leakage, dropOff'
 */
export const evidenceTopics: readonly EvidenceTopic[] = [
  'quantity',
  'duration',
  ...deductionSteps,
  'dropOff',
];

/**
 * What a person reads for each assumption: in report tables, tornado charts and the waterfall.
 *
 * @example
 * parameterLabels.dropOff;
 * //=> 'Drop-off'
 */
export const parameterLabels: Readonly<Record<SensitivityParameter, string>> = {
  quantity: 'Quantity',
  proxy: 'Financial proxy',
  deadweight: 'Deadweight',
  displacement: 'Displacement',
  attribution: 'Attribution',
  leakage: 'Leakage',
  dropOff: 'Drop-off',
  duration: 'Duration',
  discountRate: 'Discount rate',
  inputValue: 'Input value',
  proxyScale: 'All financial proxies (scale)',
};
