/**
 * The exact structure that one-way sensitivity, switching values and goal seek share.
 *
 * The analysis is evaluated once. Moving one outcome's assumption changes only that outcome's
 * present value, so the ratio at any value `x` is `(PV − PV_o + PV_o(x)) / totalInputs`: one
 * outcome is recomputed, never the whole analysis. Moving an input changes only the
 * denominator; moving the discount rate re-discounts the year totals, which do not change.
 * Everything here is exact (`Dec`, 34 significant digits).
 */
import { Dec, ONE, str, ZERO } from '../calc/_decimal.js';
import { discountFactorsDec } from '../calc/discountFactors.js';
import { discountRate } from '../calc/discountRate.js';
import { evaluateAnalysis } from '../calc/evaluateAnalysis.js';
import { rebaseFactor } from '../calc/rebase.js';
import { hmtGdpDeflatorsCalendar, hmtGdpDeflatorsFinancial } from '../data/hmtGdpDeflators.js';
import { SroiError } from '../model/SroiError.js';
import type { ParameterRef, SensitivityParameter } from './SensitivityParameter.js';
import type { EvaluateAnalysisOptions } from '../calc/evaluateAnalysis.js';
import type { Analysis, Discount, Outcome } from '../model/analysis.js';
import type { SroiResult } from '../model/result.js';

const DEDUCTIONS = ['deadweight', 'displacement', 'attribution', 'leakage'] as const;

/** Runs of valued years longer than this use the closed-form sum when the rate is flat. */
const LONG_RUN = 40;

/** The longest duration the schema accepts (`wholeYears`), and so the top of its valid range. */
export const MAX_DURATION = 1000;

/** The ratio that is being tested: of the whole analysis, or of one category's value. */
export type RatioSlice =
  { readonly kind: 'total' } | { readonly kind: 'category'; readonly category: string };

/** One outcome's fixed figures, read once. */
export interface OutcomeModel {
  readonly index: number;
  readonly outcome: Outcome;
  readonly category: string;
  readonly quantity: Dec;
  readonly proxy: Dec;
  /** `deflator(analysis priceYear) ÷ deflator(proxy priceYear)`, or 1. */
  readonly rebase: Dec;
  readonly deadweight: Dec;
  readonly displacement: Dec;
  readonly attribution: Dec;
  readonly leakage: Dec;
  readonly dropOff: Dec;
  readonly profile: readonly Dec[] | undefined;
  /** `1 − deadweight`, `1 − displacement`, `1 − attribution`, `1 − leakage`. */
  readonly retained: Readonly<Record<(typeof DEDUCTIONS)[number], Dec>>;
  /** `(1 − deadweight)(1 − displacement)(1 − attribution)(1 − leakage)`. */
  readonly impactFactor: Dec;
  /** Rebased proxy × discounted units: the present value before the deductions. */
  readonly valueBeforeDeductions: Dec;
  /** Value of the first valued year: impact factor × rebased proxy × quantity (no profile). */
  readonly firstValue: Dec;
  /**
   * Σ over valued years of quantity × discount factor: `quantity × Σ_k (1 − dropOff)^k DF(start + k)`,
   * or `Σ_k quantityByYear[k] DF(start + k)` for a profile. PV = rebased proxy × impact factor × this.
   */
  readonly discountedUnits: Dec;
  /** This outcome's present value, computed here the same way as for any moved value. */
  readonly presentValue: Dec;
}

export interface SensitivityModel {
  readonly analysis: Analysis;
  readonly result: SroiResult;
  readonly totalPresentValue: Dec;
  readonly totalInputs: Dec;
  /** The horizon that cuts outcomes short, when the analysis sets one. */
  readonly horizon: number | undefined;
  readonly outcomes: readonly OutcomeModel[];
  readonly byId: ReadonlyMap<string, OutcomeModel>;
  /** Discount factor of a year under the analysis' discount setting (extends as needed). */
  readonly factor: (year: number) => Dec;
  /**
   * `1 / (1 + rate)` when the discount rate is flat: then `DF(t + 1) = DF(t) × growth` for every
   * year t ≥ 1 under every timing, and a long run of years has a closed-form sum.
   */
  readonly flatFactor: Dec | undefined;
}

/**
 * How the ratio depends on one assumption: its base value, its valid range (`null` = unbounded)
 * and the ratio's numerator (the slice's present value) and denominator (total inputs) at any
 * value. `shape` says which solver applies: `linear` (numerator and denominator are both
 * linear in the value, so the switching value has a closed form), `monotone` (the ratio moves
 * one way over the whole range), `wholeYears` (monotone, whole numbers only), `general`.
 */
export interface ParameterFunction {
  readonly ref: ParameterRef;
  readonly base: Dec;
  readonly lower: Dec | null;
  readonly upper: Dec | null;
  readonly shape: 'linear' | 'monotone' | 'wholeYears' | 'general';
  readonly parts: (value: Dec) => readonly [numerator: Dec, denominator: Dec];
  /** For `linear`: `N(x) = n0 + n1·x`, `D(x) = d0 + d1·x`. */
  readonly coefficients?: {
    readonly n0: Dec;
    readonly n1: Dec;
    readonly d0: Dec;
    readonly d1: Dec;
  };
}

/** A parameter whose ratio numerator and denominator are linear in its value. */
function linearFunction(
  ref: ParameterRef,
  base: Dec,
  lower: Dec | null,
  upper: Dec | null,
  coefficients: { readonly n0: Dec; readonly n1: Dec; readonly d0: Dec; readonly d1: Dec },
): ParameterFunction {
  const { n0, n1, d0, d1 } = coefficients;
  return {
    ref,
    base,
    lower,
    upper,
    shape: 'linear',
    coefficients,
    parts: (value) => [
      n1.isZero() ? n0 : n0.plus(n1.times(value)),
      d1.isZero() ? d0 : d0.plus(d1.times(value)),
    ],
  };
}

/** Builds the shared structure; throws when the base ratio is undefined (zero inputs). */
export function sensitivityModel(
  analysis: Analysis,
  options: EvaluateAnalysisOptions = {},
): SensitivityModel {
  const result = evaluateAnalysis(analysis, options);
  const totalInputs = new Dec(result.totalInputs);
  if (totalInputs.isZero()) {
    throw new SroiError(
      'UNDEFINED_RATIO',
      'total inputs are zero, so the SROI ratio is undefined and there is nothing to test; give the inputs a value',
    );
  }
  let factors: Dec[] = [];
  const factor = (year: number): Dec => {
    if (year >= factors.length) {
      factors = discountFactorsDec(analysis.discount, Math.max(year, 2 * factors.length, 8));
    }
    return factors[year] ?? ONE;
  };
  const horizon = analysis.horizon;
  const series = deflatorsFor(analysis, options);
  const partial = { factor, horizon };
  const outcomes = analysis.outcomes.map((outcome, index): OutcomeModel => {
    const from = outcome.proxy.priceYear;
    const rebase =
      analysis.priceYear === undefined || from === undefined || series === undefined
        ? ONE
        : rebaseFactor(from, analysis.priceYear, series);
    const base = {
      index,
      outcome,
      category: result.outcomes[index]?.category ?? '',
      quantity: new Dec(outcome.quantityByYear?.[0] ?? outcome.quantity),
      proxy: new Dec(outcome.proxy.value),
      rebase,
      deadweight: new Dec(outcome.deadweight),
      displacement: new Dec(outcome.displacement),
      attribution: new Dec(outcome.attribution),
      leakage: new Dec(outcome.leakage),
      dropOff: new Dec(outcome.dropOff),
      profile: outcome.quantityByYear?.map((q) => new Dec(q)),
    };
    const retained = {
      deadweight: ONE.minus(base.deadweight),
      displacement: ONE.minus(base.displacement),
      attribution: ONE.minus(base.attribution),
      leakage: ONE.minus(base.leakage),
    };
    const impactFactor = retained.deadweight
      .times(retained.displacement)
      .times(retained.attribution)
      .times(retained.leakage);
    const proxyValue = base.proxy.times(rebase);
    const firstValue = impactFactor.times(proxyValue).times(base.quantity);
    const units = discountedUnits(partial, outcome, base.quantity, base.dropOff, base.profile);
    const valueBeforeDeductions = proxyValue.times(units);
    return {
      ...base,
      retained,
      impactFactor,
      valueBeforeDeductions,
      firstValue,
      discountedUnits: units,
      presentValue: valueBeforeDeductions.times(impactFactor),
    };
  });
  return {
    analysis,
    result,
    totalPresentValue: new Dec(result.totalPresentValue),
    totalInputs,
    horizon,
    outcomes,
    byId: new Map(outcomes.map((o) => [o.outcome.id, o])),
    flatFactor: 'rate' in analysis.discount ? ONE.div(ONE.plus(analysis.discount.rate)) : undefined,
    factor,
  };
}

/** `Σ_k units(k) × DF(start + k)` over valued years up to a set horizon (see `OutcomeModel`). */
function discountedUnits(
  model: Pick<SensitivityModel, 'factor' | 'horizon'>,
  outcome: Outcome,
  quantity: Dec,
  dropOff: Dec,
  profile: readonly Dec[] | undefined,
): Dec {
  const start = outcome.start;
  const lastYear = model.horizon ?? Number.POSITIVE_INFINITY;
  let total = ZERO;
  if (profile !== undefined) {
    profile.forEach((units, k) => {
      if (start + k <= lastYear) total = total.plus(units.times(model.factor(start + k)));
    });
    return total;
  }
  const retained = ONE.minus(dropOff);
  let units = quantity;
  for (let k = 0; k < outcome.duration && start + k <= lastYear; k++) {
    total = total.plus(units.times(model.factor(start + k)));
    units = units.times(retained);
  }
  return total;
}

/**
 * One outcome's present value with its drop-off or duration changed: the first valued year's
 * value, reduced by drop-off year on year (compounding), each valued year discounted; years
 * after a set horizon are left out (docs/method.md). Not for outcomes with `quantityByYear`.
 */
export function outcomePresentValue(
  model: Pick<SensitivityModel, 'factor' | 'horizon'> &
    Partial<Pick<SensitivityModel, 'flatFactor'>>,
  o: OutcomeModel,
  change: { readonly dropOff?: Dec; readonly duration?: number },
): Dec {
  const start = o.outcome.start;
  const lastYear = Math.min(
    model.horizon ?? Number.POSITIVE_INFINITY,
    start + (change.duration ?? o.outcome.duration) - 1,
  );
  const retained = ONE.minus(change.dropOff ?? o.dropOff);
  const years = lastYear - start + 1;
  if (model.flatFactor !== undefined && years > LONG_RUN) {
    // A flat rate makes the terms geometric, ratio ρ = (1 − dropOff)/(1 + rate):
    // Σ_{k<n} ρ^k DF(start) = DF(start)(1 − ρ^n)/(1 − ρ). Durations of hundreds of years (the
    // top of the valid range, searched by switching values) then cost a power, not n terms.
    const ratio = retained.times(model.flatFactor);
    const sum = ratio.eq(ONE) ? new Dec(years) : ONE.minus(ratio.pow(years)).div(ONE.minus(ratio));
    return o.firstValue.times(model.factor(start)).times(sum);
  }
  // Horner's rule: Σ_k r^k DF(start + k) = DF(start) + r(DF(start + 1) + r(…)), r = 1 − dropOff.
  let sum = ZERO;
  for (let year = lastYear; year >= start; year--)
    sum = sum.times(retained).plus(model.factor(year));
  return o.firstValue.times(sum);
}

/** The present value of a slice of the base case. */
export function slicePresentValue(model: SensitivityModel, slice: RatioSlice): Dec {
  if (slice.kind === 'total') return model.totalPresentValue;
  const found = model.result.categories.find((c) => c.category === slice.category);
  if (found === undefined) {
    const known = model.result.categories.map((c) => `"${c.category}"`).join(', ');
    throw new SroiError(
      'INVALID_ARGUMENT',
      `no outcome has the category "${slice.category}" (categories: ${known})`,
    );
  }
  return new Dec(found.presentValue);
}

/** How the ratio of `slice` depends on the assumption `ref`. */
export function parameterFunction(
  model: SensitivityModel,
  ref: ParameterRef,
  slice: RatioSlice = { kind: 'total' },
): ParameterFunction {
  const slicePv = slicePresentValue(model, slice);
  const inputs = model.totalInputs;
  switch (ref.parameter) {
    case 'discountRate':
      return discountRateFunction(model, slice);
    case 'inputValue': {
      const input = model.analysis.inputs[ref.input];
      const figures = model.result.inputs[ref.input];
      if (input === undefined || figures === undefined) {
        throw new SroiError(
          'INVALID_ARGUMENT',
          `input ${ref.input} does not exist (the analysis has ${model.analysis.inputs.length} inputs, numbered from 0)`,
        );
      }
      const rest = inputs.minus(figures.presentValue);
      const factor = new Dec(figures.discountFactor);
      return linearFunction(ref, new Dec(input.value), ZERO, null, {
        n0: slicePv,
        n1: ZERO,
        d0: rest,
        d1: factor,
      });
    }
    case 'proxyScale':
      return linearFunction(ref, ONE, ZERO, null, { n0: ZERO, n1: slicePv, d0: inputs, d1: ZERO });
    default:
      return outcomeFunction(model, ref, slice, slicePv);
  }
}

function outcomeFunction(
  model: SensitivityModel,
  ref: Extract<ParameterRef, { outcome: string }>,
  slice: RatioSlice,
  slicePv: Dec,
): ParameterFunction {
  const o = model.byId.get(ref.outcome);
  if (o === undefined) {
    throw new SroiError(
      'INVALID_ARGUMENT',
      `no outcome has the id "${ref.outcome}" (ids: ${[...model.byId.keys()].map((id) => `"${id}"`).join(', ')})`,
    );
  }
  const parameter = ref.parameter;
  if (o.profile !== undefined && (parameter === 'dropOff' || parameter === 'duration')) {
    throw new SroiError(
      'INVALID_ARGUMENT',
      `outcome "${ref.outcome}" gives quantityByYear, so its ${parameter} is not an assumption of the calculation`,
    );
  }
  if (o.profile !== undefined && parameter === 'quantity' && o.quantity.isZero()) {
    throw new SroiError(
      'INVALID_ARGUMENT',
      `outcome "${ref.outcome}" has a zero first-year quantity in quantityByYear, so its quantity cannot be scaled`,
    );
  }
  const inSlice = slice.kind === 'total' || o.category === slice.category;
  const rest = inSlice ? slicePv.minus(o.presentValue) : slicePv;
  const inputs = model.totalInputs;
  const outside = (): readonly [Dec, Dec] => [rest, inputs];
  // PV_o is linear in quantity, in the proxy and in (1 − each deduction): PV_o(x) = a + b·x.
  const linear = (base: Dec, lower: Dec | null, upper: Dec | null, a: Dec, b: Dec) =>
    linearFunction(ref, base, lower, upper, {
      n0: inSlice ? rest.plus(a) : rest,
      n1: inSlice ? b : ZERO,
      d0: inputs,
      d1: ZERO,
    });
  switch (parameter) {
    case 'quantity': {
      // Discounted units per unit of quantity: Σ_k (1 − dropOff)^k DF(start + k), or the
      // profile's Σ_k quantityByYear[k] DF(start + k) ÷ quantityByYear[0].
      const perQuantity = o.quantity.isZero()
        ? discountedUnits(model, o.outcome, ONE, o.dropOff, undefined)
        : o.discountedUnits.div(o.quantity);
      const slope = o.proxy.times(o.rebase).times(o.impactFactor).times(perQuantity);
      return linear(o.quantity, ZERO, null, ZERO, slope);
    }
    case 'proxy':
      return linear(
        o.proxy,
        null,
        null,
        ZERO,
        o.rebase.times(o.impactFactor).times(o.discountedUnits),
      );
    case 'dropOff':
      return {
        ref,
        base: o.dropOff,
        lower: ZERO,
        upper: ONE,
        shape: 'monotone',
        parts: inSlice
          ? (value) => [rest.plus(outcomePresentValue(model, o, { dropOff: value })), inputs]
          : outside,
      };
    case 'duration':
      return {
        ref,
        base: new Dec(o.outcome.duration),
        lower: ONE,
        upper: new Dec(MAX_DURATION),
        shape: 'wholeYears',
        parts: inSlice
          ? (value) => [
              rest.plus(outcomePresentValue(model, o, { duration: value.toNumber() })),
              inputs,
            ]
          : outside,
      };
    default: {
      // PV_o = (1 − x) × U, U = rebased proxy × the other three (1 − deduction) × discounted units.
      let whole = o.valueBeforeDeductions;
      for (const d of DEDUCTIONS) if (d !== parameter) whole = whole.times(o.retained[d]);
      return linear(o[parameter], ZERO, ONE, whole, whole.negated());
    }
  }
}

/**
 * The discount rate as a parameter. With a flat rate it is that rate. With per-year rates or a
 * Green Book schedule, every year's rate moves by the same number of points and the value
 * reported is the year-1 rate; the range keeps every year's rate within 0–1.
 */
function discountRateFunction(model: SensitivityModel, slice: RatioSlice): ParameterFunction {
  const { analysis, result } = model;
  const discount = analysis.discount;
  const horizon = result.method.horizon;
  let lastYear = horizon;
  for (const input of analysis.inputs) lastYear = Math.max(lastYear, input.year);
  const yearValues: Dec[] = Array.from({ length: horizon + 1 }, () => ZERO);
  if (slice.kind === 'total') {
    for (const y of result.years) yearValues[y.year] = new Dec(y.value);
  } else {
    for (const o of result.outcomes) {
      if (o.category !== slice.category) continue;
      for (const y of o.years) yearValues[y.year] = (yearValues[y.year] ?? ZERO).plus(y.value);
    }
  }
  const inputs = analysis.inputs.map((i) => ({ value: new Dec(i.value), year: i.year }));
  const baseRates = Array.from(
    { length: Math.max(lastYear, 1) },
    (_, k) => new Dec(discountRate(discount, k + 1)),
  );
  const base = baseRates[0] ?? ZERO;
  const flat = 'rate' in discount;
  const lowest = Dec.min(...baseRates);
  const highest = Dec.max(...baseRates);
  const withRate = (value: Dec): Discount => {
    if (flat) return { timing: discount.timing, rate: str(value) };
    const shift = value.minus(base);
    return { timing: discount.timing, rates: baseRates.map((r) => str(r.plus(shift))) };
  };
  return {
    ref: { parameter: 'discountRate' },
    base,
    lower: base.minus(lowest),
    upper: base.plus(ONE.minus(highest)),
    shape: 'general',
    parts: (value) => {
      const factors = discountFactorsDec(withRate(value), lastYear);
      let presentValue = ZERO;
      for (let year = 1; year <= horizon; year++) {
        presentValue = presentValue.plus((yearValues[year] ?? ZERO).times(factors[year] ?? ONE));
      }
      let totalInputs = ZERO;
      for (const input of inputs) {
        totalInputs = totalInputs.plus(input.value.times(factors[input.year] ?? ONE));
      }
      return [presentValue, totalInputs];
    },
  };
}

/** The ratio at a value, or `null` when the denominator is zero. */
export function ratioAt(fn: ParameterFunction, value: Dec): Dec | null {
  const [numerator, denominator] = fn.parts(value);
  return denominator.isZero() ? null : numerator.div(denominator);
}

/** The parameter's name and owner as they appear in results. */
export function refFields(ref: ParameterRef): {
  parameter: SensitivityParameter;
  outcome?: string;
  input?: number;
} {
  if ('outcome' in ref) return { parameter: ref.parameter, outcome: ref.outcome };
  if ('input' in ref) return { parameter: ref.parameter, input: ref.input };
  return { parameter: ref.parameter };
}

function deflatorsFor(analysis: Analysis, options: EvaluateAnalysisOptions) {
  if (analysis.priceYear === undefined) return undefined;
  return (
    options.deflators ??
    (typeof analysis.priceYear === 'number' ? hmtGdpDeflatorsCalendar : hmtGdpDeflatorsFinancial)
  );
}
