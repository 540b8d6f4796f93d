/**
 * The exact structure that one-way sensitivity, switching values and goal seek share.
 *
 * The analysis is evaluated once. Moving one outcome's assumption changes only that outcome's
 * present value, so the ratio at any value `x` is `(PV − PV_o + PV_o(x)) / totalInputs`: one
 * outcome is recomputed, never the whole analysis. Moving an input changes only the
 * denominator; moving the discount rate re-discounts the year totals, which do not change.
 * Each outcome is read and valued by the engine's own valuation (`outcomeTerms`,
 * `outcomeValues`, `PresentValueFactors` in `src/calc`); this file only says how the ratio
 * depends on each assumption. Everything here is exact (`Dec`, 34 significant digits).
 */
import { decimalArithmetic } from '../calc/_arithmetic.js';
import { Dec, ONE, ZERO } from '../calc/_decimal.js';
import { discountFactorsDec, factorsFromRates } from '../calc/discountFactors.js';
import { movableRate } from '../calc/discountRate.js';
import { evaluateAnalysis } from '../calc/evaluateAnalysis.js';
import { applyDeductions } from '../calc/impact.js';
import { fixedBecause, outcomeTerms, valuationContext } from '../calc/outcomeTerms.js';
import { yearUnits } from '../calc/outcomeValues.js';
import { discountedSum, PresentValueFactors } from '../calc/presentValueFactors.js';
import { MAX_DURATION, valuedYears } from '../calc/valuedYears.js';
import { alternatives } from '../model/_alternatives.js';
import { SroiError } from '../model/SroiError.js';
import type { ParameterRef, SensitivityParameter } from './SensitivityParameter.js';
import type { EvaluateAnalysisOptions } from '../calc/evaluateAnalysis.js';
import type { OutcomeTerms, ValuationContext } from '../calc/outcomeTerms.js';
import type { Analysis } from '../model/analysis.js';
import type { SroiResult } from '../model/result.js';

const exact = decimalArithmetic;
const deduct = applyDeductions(exact);
const unitsOf = yearUnits(exact);
const discounted = discountedSum(exact);
const yearsOf = valuedYears(exact);

/** The ratio that is being tested: of the whole analysis, or of one category's value. */
export type RatioSlice =
  { readonly kind: 'total' } | { readonly kind: 'category'; readonly category: string };

/** One outcome's fixed figures, read once. */
export interface OutcomeModel {
  /** The outcome's terms, as the engine reads them. */
  readonly terms: OutcomeTerms<Dec>;
  readonly category: string;
  /** What the four deductions leave together: `(1 − deadweight)(1 − displacement)…`. */
  readonly impactFactor: Dec;
  /** The first valued year's value (the impact): proxy value × quantity × impact factor. */
  readonly firstValue: Dec;
  /**
   * The units valued, discounted: `Σ_k units(k) × DF(start + k)` over the counted valued years
   * (`yearUnits`). PV = proxy value × impact factor × this.
   */
  readonly discountedUnits: Dec;
  /** This outcome's present value, as the engine gives it. */
  readonly presentValue: Dec;
}

/**
 * The analysis evaluated once, and what moving one assumption needs of it. Of the engine's
 * result it keeps only the totals, the inputs, the categories and the year values (in total and
 * by category), and each outcome's present value and category: an outcome's own figures are
 * worked out when one of its assumptions is asked for (`outcomeModel`), the last one kept, so
 * that the model holds a few figures per outcome, not all of them (a sensitivity analysis of
 * 150,000 outcomes asks for each outcome's assumptions together, in turn).
 */
export interface SensitivityModel {
  readonly analysis: Analysis;
  readonly context: ValuationContext;
  readonly totalPresentValue: Dec;
  readonly totalInputs: Dec;
  readonly inputs: SroiResult['inputs'];
  readonly categories: SroiResult['categories'];
  /** The value of each year (index = year), in total and for each category. */
  readonly yearValues: {
    readonly total: readonly Dec[];
    readonly byCategory: ReadonlyMap<string, readonly Dec[]>;
  };
  /** Each outcome's position, by id. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** The outcome's figures at `index`. */
  readonly outcomeModel: (index: number) => OutcomeModel;
  /** Discount factor of a year under the analysis' discount setting (extends as needed). */
  readonly factor: (year: number) => Dec;
  /** `1 / (1 + rate)` when the discount rate is flat (see `PresentValueFactors`). */
  readonly flatFactor: Dec | undefined;
}

/**
 * How the ratio depends on one assumption: its base value, its valid range (`null` = unbounded)
 * and the ratio's numerator (the slice's present value) and denominator (total inputs) at any
 * value. `shape` says which solver applies: `linear` (numerator and denominator are both
 * linear in the value, so the switching value has a closed form), `monotone` (the ratio moves
 * one way over the whole range), `piecewiseLinear` (monotone, and linear between the whole
 * numbers, whose parts `knots` gives), `general`.
 */
export interface ParameterFunction {
  readonly ref: ParameterRef;
  readonly base: Dec;
  readonly lower: Dec | null;
  readonly upper: Dec | null;
  readonly shape: 'linear' | 'monotone' | 'piecewiseLinear' | 'general';
  readonly parts: (value: Dec) => readonly [numerator: Dec, denominator: Dec];
  /** For `linear`: `N(x) = n0 + n1·x`, `D(x) = d0 + d1·x`. */
  readonly coefficients?: {
    readonly n0: Dec;
    readonly n1: Dec;
    readonly d0: Dec;
    readonly d1: Dec;
  };
  /**
   * For `piecewiseLinear`: the parts at a whole value from `lower` to `upper`; between two whole
   * values the parts are linear. Its range is open at `lower` (a duration is above 0), whose
   * knot is the limit of the parts there.
   */
  readonly knots?: (whole: number) => readonly [numerator: Dec, denominator: Dec];
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

/** The error every sensitivity analysis throws when total inputs are zero. @internal */
export function undefinedRatio(): SroiError {
  return new SroiError(
    'UNDEFINED_RATIO',
    'total inputs are zero, so the SROI ratio is undefined and there is nothing to test; give the inputs a value',
  );
}

/** Builds the shared structure; throws when the base ratio is undefined (zero inputs). */
export function sensitivityModel(
  analysis: Analysis,
  options: EvaluateAnalysisOptions = {},
): SensitivityModel {
  const result = evaluateAnalysis(analysis, options);
  const totalInputs = new Dec(result.totalInputs);
  if (totalInputs.isZero()) throw undefinedRatio();
  const horizon = result.method.horizon;
  const total: Dec[] = Array.from({ length: horizon + 1 }, () => ZERO);
  for (const y of result.years) total[y.year] = new Dec(y.value);
  // The categories' year values, worked out once when there is more than one category (with
  // one, they are the total's).
  const byCategory = new Map<string, Dec[]>();
  if (result.categories.length > 1) {
    for (const o of result.outcomes) {
      let values = byCategory.get(o.category);
      if (values === undefined) {
        values = Array.from({ length: horizon + 1 }, () => ZERO);
        byCategory.set(o.category, values);
      }
      for (const y of o.years) values[y.year] = (values[y.year] ?? ZERO).plus(y.value);
    }
  } else {
    for (const c of result.categories) byCategory.set(c.category, total);
  }
  const presentValues = result.outcomes.map((o) => o.presentValue);
  const categoryOf = result.outcomes.map((o) => o.category);
  let factors: Dec[] = [];
  const factor = (year: number): Dec => {
    if (year >= factors.length) {
      factors = discountFactorsDec(analysis.discount, Math.max(year, 2 * factors.length, 8));
    }
    return factors[year] ?? ONE;
  };
  const context = valuationContext(analysis, options);
  const termsOf = outcomeTerms(exact, context);
  let last: OutcomeModel | undefined;
  const outcomeModel = (index: number): OutcomeModel => {
    if (last?.terms.index === index) return last;
    const outcome = analysis.outcomes[index];
    if (outcome === undefined) throw new RangeError(`sroi: no outcome ${index}`);
    const terms = termsOf(outcome, index);
    last = {
      terms,
      category: categoryOf[index] ?? '',
      impactFactor: deduct(ONE, terms.deductions),
      firstValue: deduct(terms.proxyValue.times(terms.quantity), terms.deductions),
      discountedUnits: discounted(terms.years, unitsOf(terms), factor),
      presentValue: new Dec(presentValues[index] ?? '0'),
    };
    return last;
  };
  return {
    analysis,
    context,
    totalPresentValue: new Dec(result.totalPresentValue),
    totalInputs,
    inputs: result.inputs,
    categories: result.categories,
    yearValues: { total, byCategory },
    indexOf: new Map(analysis.outcomes.map((o, index) => [o.id, index])),
    outcomeModel,
    flatFactor: 'rate' in analysis.discount ? ONE.div(ONE.plus(analysis.discount.rate)) : undefined,
    factor,
  };
}

/**
 * The present value factors of an outcome (see `PresentValueFactors`) with its drop-off set to
 * `dropOff` (its own by default), under the model's discounting and horizon.
 */
function factorsOf(model: SensitivityModel, o: OutcomeModel, dropOff?: Dec) {
  const retained = dropOff === undefined ? (o.terms.dropOff?.retained ?? null) : ONE.minus(dropOff);
  return new PresentValueFactors(
    exact,
    o.terms.years.start,
    retained,
    model.factor,
    model.context.cut,
    model.flatFactor,
  );
}

/** The present value of a slice of the base case. */
export function slicePresentValue(model: SensitivityModel, slice: RatioSlice): Dec {
  if (slice.kind === 'total') return model.totalPresentValue;
  const found = model.categories.find((c) => c.category === slice.category);
  if (found === undefined) {
    const known = alternatives(
      'categories',
      model.categories.map((c) => c.category),
    );
    throw new SroiError(
      'INVALID_ARGUMENT',
      `no outcome has the category "${slice.category}" (${known})`,
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
      const figures = model.inputs[ref.input];
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
  const index = model.indexOf.get(ref.outcome);
  if (index === undefined) {
    throw new SroiError(
      'INVALID_ARGUMENT',
      `no outcome has the id "${ref.outcome}" (${alternatives('ids', model.indexOf.keys())})`,
    );
  }
  const o = model.outcomeModel(index);
  const parameter = ref.parameter;
  const fixed = fixedBecause(o.terms.outcome, parameter);
  if (fixed !== undefined) {
    throw new SroiError('INVALID_ARGUMENT', `outcome "${ref.outcome}" ${fixed}`);
  }
  const { terms } = o;
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
      const perQuantity = terms.quantity.isZero()
        ? factorsOf(model, o).of(terms.years)
        : o.discountedUnits.div(terms.quantity);
      const slope = terms.proxyValue.times(o.impactFactor).times(perQuantity);
      return linear(terms.quantity, ZERO, null, ZERO, slope);
    }
    case 'proxy':
      return linear(
        terms.proxy,
        null,
        null,
        ZERO,
        (terms.rebase ?? ONE).times(o.impactFactor).times(o.discountedUnits),
      );
    case 'dropOff':
      return {
        ref,
        base: terms.dropOff?.share ?? ZERO,
        lower: ZERO,
        upper: ONE,
        shape: 'monotone',
        parts: inSlice
          ? (value) => [
              rest.plus(o.firstValue.times(factorsOf(model, o, value).single(terms.years))),
              inputs,
            ]
          : outside,
      };
    case 'duration': {
      // PV_o(d) = impact × factors.of(years of d): linear in d between whole years, rising
      // (or falling, for a disbenefit) with every year that counts.
      const factors = factorsOf(model, o);
      const cut = model.context.cut;
      return {
        ref,
        base: new Dec(terms.outcome.duration),
        lower: ZERO,
        upper: new Dec(MAX_DURATION),
        shape: 'piecewiseLinear',
        parts: inSlice
          ? (value) => {
              // a whole number of years is read as one (no share to work out)
              const years = yearsOf(
                terms.years.start,
                value.isInteger() ? value.toNumber() : value,
                cut,
              );
              return [rest.plus(o.firstValue.times(factors.single(years))), inputs];
            }
          : outside,
        knots: inSlice
          ? (whole) => [rest.plus(o.firstValue.times(factors.whole(whole))), inputs]
          : outside,
      };
    }
    default: {
      // PV_o = (1 − x) × U, U = proxy value × the other three (1 − deduction) × discounted units.
      let whole = terms.proxyValue.times(o.discountedUnits);
      let share = ZERO;
      for (const d of terms.deductions) {
        if (d.step === parameter) share = d.share;
        else whole = whole.times(d.retained);
      }
      return linear(share, ZERO, ONE, whole, whole.negated());
    }
  }
}

/**
 * The discount rate as a parameter (`movableRate`): with a flat rate that rate; with per-year
 * rates or a Green Book schedule every year's rate moves by the same number of points and the
 * value reported is the year-1 rate; the range keeps every year's rate within 0–1.
 */
function discountRateFunction(model: SensitivityModel, slice: RatioSlice): ParameterFunction {
  const { analysis, context } = model;
  const horizon = context.horizon;
  const yearValues =
    slice.kind === 'total'
      ? model.yearValues.total
      : (model.yearValues.byCategory.get(slice.category) ?? []);
  const inputs = analysis.inputs.map((i) => ({ value: new Dec(i.value), year: i.year }));
  const rate = movableRate(exact)(analysis.discount, context.lastYear);
  const factorsAt = factorsFromRates(exact);
  return {
    ref: { parameter: 'discountRate' },
    base: rate.base,
    lower: rate.lower,
    upper: rate.upper,
    shape: 'general',
    parts: (value) => {
      const factors = factorsAt(
        analysis.discount.timing,
        rate.ratesAt(value),
        context.lastYear,
        [],
      );
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
