/**
 * The exact structure that one-way sensitivity, switching values and goal seek share.
 *
 * The analysis is evaluated once. Moving one outcome's assumption changes only that outcome's
 * present value, so the ratio at any value `x` is `(PV − PV_o + PV_o(x)) / totalInputs`: one
 * outcome is recomputed, never the whole analysis. Moving an input changes only the
 * denominator; moving the discount rate re-discounts the year totals, which do not change.
 * Each outcome is read and valued by the engine's own valuation (`outcomeTerms`,
 * `outcomeValues`, `PresentValueFactors` in `src/calc`); this file only says how the ratio
 * depends on each assumption. It is written over an arithmetic (`_arithmetic.ts`): what
 * sensitivity analysis reports is worked out exactly (`Dec`, 34 significant digits); a large
 * analysis is first screened on float64 with error bounds (`_boundedArithmetic.ts`,
 * `_leading.ts`), from the same statements.
 */
import { decimalArithmetic } from '../calc/_arithmetic.js';
import { Dec, ONE, ZERO } from '../calc/_decimal.js';
import { discountFactorsDec, factorsFromRates } from '../calc/discountFactors.js';
import { movableRate } from '../calc/discountRate.js';
import { evaluateChecked } from '../calc/evaluateAnalysis.js';
import { applyDeductions } from '../calc/impact.js';
import { fixedBecause, outcomeTerms, valuationContext } from '../calc/outcomeTerms.js';
import { yearUnits } from '../calc/outcomeValues.js';
import { discountedSum, PresentValueFactors } from '../calc/presentValueFactors.js';
import { MAX_DURATION, valuedYears } from '../calc/valuedYears.js';
import { alternatives } from '../model/_alternatives.js';
import { SroiError } from '../model/SroiError.js';
import type { ParameterRef, SensitivityParameter } from './SensitivityParameter.js';
import type { Arithmetic } from '../calc/_arithmetic.js';
import type { EvaluateAnalysisOptions } from '../calc/evaluateAnalysis.js';
import type { OutcomeTerms, ValuationContext } from '../calc/outcomeTerms.js';
import type { Analysis } from '../model/analysis.js';
import type { SroiResult } from '../model/result.js';

/** The ratio that is being tested: of the whole analysis, or of one category's value. */
export type RatioSlice =
  { readonly kind: 'total' } | { readonly kind: 'category'; readonly category: string };
/** One outcome's fixed figures, read once. */
export interface OutcomeModel<N = Dec> {
  /** The outcome's terms, as the engine reads them. */
  readonly terms: OutcomeTerms<N>;
  readonly category: string;
  /** What the four deductions leave together: `(1 − deadweight)(1 − displacement)…`. */
  readonly impactFactor: N;
  /** The first valued year's value (the impact): proxy value × quantity × impact factor. */
  readonly firstValue: N;
  /**
   * The units valued, discounted: `Σ_k units(k) × DF(start + k)` over the counted valued years
   * (`yearUnits`). PV = proxy value × impact factor × this.
   */
  readonly discountedUnits: N;
  /** This outcome's present value, as the engine gives it. */
  readonly presentValue: N;
}

/**
 * The figures of the engine's one evaluation that the model keeps: the totals, the inputs, the
 * categories and the year values (in total and by category), and each outcome's present value
 * and category (an outcome's own figures are worked out when one of its assumptions is asked
 * for, so that the model holds a few figures per outcome, not all of them).
 */
interface Evaluation {
  readonly totalPresentValue: string;
  readonly totalInputs: string;
  readonly inputs: SroiResult['inputs'];
  readonly categories: SroiResult['categories'];
  readonly yearTotals: readonly Dec[];
  readonly categoryYears: ReadonlyMap<string, readonly Dec[]>;
  readonly presentValues: readonly string[];
  readonly categoryOf: readonly string[];
  /** Exact discount factor of a year (extends as needed). */
  readonly factor: (year: number) => Dec;
}

/**
 * The analysis evaluated once, and what moving one assumption needs of it, over the arithmetic
 * `a`: the totals, the inputs, the categories, the year values (in total and by category) and
 * each outcome's figures, worked out when one of its assumptions is asked for (`outcomeModel`),
 * the last one kept (a sensitivity analysis of 150,000 outcomes asks for each outcome's
 * assumptions together, in turn).
 */
export interface SensitivityModel<N = Dec> {
  readonly a: Arithmetic<N>;
  readonly analysis: Analysis;
  readonly context: ValuationContext;
  readonly totalPresentValue: N;
  readonly totalInputs: N;
  readonly inputs: SroiResult['inputs'];
  readonly categories: SroiResult['categories'];
  /** The value of each year (index = year), in total and for each category. */
  readonly yearValues: {
    readonly total: readonly N[];
    readonly byCategory: ReadonlyMap<string, readonly N[]>;
  };
  /** Each outcome's position, by id. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** The outcome's figures at `index`. */
  readonly outcomeModel: (index: number) => OutcomeModel<N>;
  /** Discount factor of a year under the analysis' discount setting (extends as needed). */
  readonly factor: (year: number) => N;
  /** `1 / (1 + rate)` when the discount rate is flat (see `PresentValueFactors`). */
  readonly flatFactor: N | undefined;
  /** The same model over another arithmetic, `convert` giving it an exact figure. */
  readonly over: <M>(a: Arithmetic<M>, convert: (value: Dec) => M) => SensitivityModel<M>;
}

/**
 * How the ratio depends on one assumption: its base value, its valid range (`null` = unbounded)
 * and the ratio's numerator (the slice's present value) and denominator (total inputs) at any
 * value. `shape` says which solver applies: `linear` (numerator and denominator are both
 * linear in the value, so the switching value has a closed form), `monotone` (the ratio moves
 * one way over the whole range), `piecewiseLinear` (monotone, and linear between the whole
 * numbers, whose parts `knots` gives), `general`.
 */
export interface ParameterFunction<N = Dec> {
  readonly a: Arithmetic<N>;
  readonly ref: ParameterRef;
  readonly base: N;
  readonly lower: N | null;
  readonly upper: N | null;
  readonly shape: 'linear' | 'monotone' | 'piecewiseLinear' | 'general';
  readonly parts: (value: N) => readonly [numerator: N, denominator: N];
  /** For `linear`: `N(x) = n0 + n1·x`, `D(x) = d0 + d1·x`. */
  readonly coefficients?: {
    readonly n0: N;
    readonly n1: N;
    readonly d0: N;
    readonly d1: N;
  };
  /**
   * For `piecewiseLinear`: the parts at a whole value from `lower` to `upper`; between two whole
   * values the parts are linear. Its range is open at `lower` (a duration is above 0), whose
   * knot is the limit of the parts there.
   */
  readonly knots?: (whole: number) => readonly [numerator: N, denominator: N];
}

/** A parameter whose ratio numerator and denominator are linear in its value. */
function linearFunction<N>(
  a: Arithmetic<N>,
  ref: ParameterRef,
  base: N,
  lower: N | null,
  upper: N | null,
  coefficients: { readonly n0: N; readonly n1: N; readonly d0: N; readonly d1: N },
): ParameterFunction<N> {
  const { n0, n1, d0, d1 } = coefficients;
  return {
    a,
    ref,
    base,
    lower,
    upper,
    shape: 'linear',
    coefficients,
    parts: (value) => [
      a.isZero(n1) ? n0 : a.plus(n0, a.times(n1, value)),
      a.isZero(d1) ? d0 : a.plus(d0, a.times(d1, value)),
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

/**
 * Builds the shared structure, exact, of an analysis and options the caller has checked
 * (`analysisArgument`, `evaluateOptions`), from the engine's result of them (`evaluated`, when
 * the caller has it already); throws when the base ratio is undefined (zero inputs).
 */
export function sensitivityModel(
  analysis: Analysis,
  options: EvaluateAnalysisOptions = {},
  evaluated?: SroiResult,
): SensitivityModel {
  const result = evaluated ?? evaluateChecked(analysis, options);
  if (new Dec(result.totalInputs).isZero()) throw undefinedRatio();
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
  let factors: Dec[] = [];
  const evaluation: Evaluation = {
    totalPresentValue: result.totalPresentValue,
    totalInputs: result.totalInputs,
    inputs: result.inputs,
    categories: result.categories,
    yearTotals: total,
    categoryYears: byCategory,
    presentValues: result.outcomes.map((o) => o.presentValue),
    categoryOf: result.outcomes.map((o) => o.category),
    factor: (year) => {
      if (year >= factors.length) {
        factors = discountFactorsDec(analysis.discount, Math.max(year, 2 * factors.length, 8));
      }
      return factors[year] ?? ONE;
    },
  };
  const context = valuationContext(analysis, options);
  const indexOf = new Map(analysis.outcomes.map((o, index) => [o.id, index]));
  return modelOver(decimalArithmetic, (value) => value, analysis, context, indexOf, evaluation);
}

function modelOver<N>(
  a: Arithmetic<N>,
  convert: (value: Dec) => N,
  analysis: Analysis,
  context: ValuationContext,
  indexOf: ReadonlyMap<string, number>,
  evaluation: Evaluation,
): SensitivityModel<N> {
  const deduct = applyDeductions(a);
  const unitsOf = yearUnits(a);
  const discounted = discountedSum(a);
  const termsOf = outcomeTerms(a, context);
  const factors: N[] = [];
  const factor = (year: number): N => {
    let known = factors[year];
    if (known === undefined) {
      known = convert(evaluation.factor(year));
      factors[year] = known;
    }
    return known;
  };
  const byCategory = new Map<string, readonly N[]>();
  const total = evaluation.yearTotals.map(convert);
  for (const [category, values] of evaluation.categoryYears) {
    byCategory.set(category, values === evaluation.yearTotals ? total : values.map(convert));
  }
  let last: OutcomeModel<N> | undefined;
  const outcomeModel = (index: number): OutcomeModel<N> => {
    if (last?.terms.index === index) return last;
    const outcome = analysis.outcomes[index];
    if (outcome === undefined) throw new RangeError(`sroi: no outcome ${index}`);
    const terms = termsOf(outcome, index);
    last = {
      terms,
      category: evaluation.categoryOf[index] ?? '',
      impactFactor: deduct(a.one, terms.deductions),
      firstValue: deduct(a.times(terms.proxyValue, terms.quantity), terms.deductions),
      discountedUnits: discounted(terms.years, unitsOf(terms), factor),
      presentValue: a.read(evaluation.presentValues[index] ?? '0'),
    };
    return last;
  };
  return {
    a,
    analysis,
    context,
    totalPresentValue: a.read(evaluation.totalPresentValue),
    totalInputs: a.read(evaluation.totalInputs),
    inputs: evaluation.inputs,
    categories: evaluation.categories,
    yearValues: { total, byCategory },
    indexOf,
    outcomeModel,
    flatFactor:
      'rate' in analysis.discount
        ? a.div(a.one, a.plus(a.one, a.read(analysis.discount.rate)))
        : undefined,
    factor,
    over: (b, to) => modelOver(b, to, analysis, context, indexOf, evaluation),
  };
}

/**
 * The present value factors of an outcome (see `PresentValueFactors`) with its drop-off set to
 * `dropOff` (its own by default), under the model's discounting and horizon.
 */
function factorsOf<N>(model: SensitivityModel<N>, o: OutcomeModel<N>, dropOff?: N) {
  const { a } = model;
  const retained =
    dropOff === undefined ? (o.terms.dropOff?.retained ?? null) : a.minus(a.one, dropOff);
  return new PresentValueFactors(
    a,
    o.terms.years.start,
    retained,
    model.factor,
    model.context.cut,
    model.flatFactor,
  );
}

/** The present value of a slice of the base case. */
export function slicePresentValue<N>(model: SensitivityModel<N>, slice: RatioSlice): N {
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
  return model.a.read(found.presentValue);
}

/** How the ratio of `slice` depends on the assumption `ref`. */
export function parameterFunction<N>(
  model: SensitivityModel<N>,
  ref: ParameterRef,
  slice: RatioSlice = { kind: 'total' },
): ParameterFunction<N> {
  const { a } = model;
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
      const rest = a.minus(inputs, a.read(figures.presentValue));
      return linearFunction(a, ref, a.read(input.value), a.zero, null, {
        n0: slicePv,
        n1: a.zero,
        d0: rest,
        d1: a.read(figures.discountFactor),
      });
    }
    case 'proxyScale':
      return linearFunction(a, ref, a.one, a.zero, null, {
        n0: a.zero,
        n1: slicePv,
        d0: inputs,
        d1: a.zero,
      });
    default:
      return outcomeFunction(model, ref, slice, slicePv);
  }
}

function outcomeFunction<N>(
  model: SensitivityModel<N>,
  ref: Extract<ParameterRef, { outcome: string }>,
  slice: RatioSlice,
  slicePv: N,
): ParameterFunction<N> {
  const { a } = model;
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
  const rest = inSlice ? a.minus(slicePv, o.presentValue) : slicePv;
  const inputs = model.totalInputs;
  const outside = (): readonly [N, N] => [rest, inputs];
  // PV_o is linear in quantity, in the proxy and in (1 − each deduction): PV_o(x) = a + b·x.
  const linear = (base: N, lower: N | null, upper: N | null, at0: N, slope: N) =>
    linearFunction(a, ref, base, lower, upper, {
      n0: inSlice ? a.plus(rest, at0) : rest,
      n1: inSlice ? slope : a.zero,
      d0: inputs,
      d1: a.zero,
    });
  switch (parameter) {
    case 'quantity': {
      // Discounted units per unit of quantity: Σ_k (1 − dropOff)^k DF(start + k), or the
      // profile's Σ_k quantityByYear[k] DF(start + k) ÷ quantityByYear[0].
      const perQuantity = a.isZero(terms.quantity)
        ? factorsOf(model, o).of(terms.years)
        : a.div(o.discountedUnits, terms.quantity);
      const slope = a.times(a.times(terms.proxyValue, o.impactFactor), perQuantity);
      return linear(terms.quantity, a.zero, null, a.zero, slope);
    }
    case 'proxy':
      return linear(
        terms.proxy,
        null,
        null,
        a.zero,
        a.times(a.times(terms.rebase ?? a.one, o.impactFactor), o.discountedUnits),
      );
    case 'dropOff':
      return {
        a,
        ref,
        base: terms.dropOff?.share ?? a.zero,
        lower: a.zero,
        upper: a.one,
        shape: 'monotone',
        parts: inSlice
          ? (value) => [
              a.plus(rest, a.times(o.firstValue, factorsOf(model, o, value).single(terms.years))),
              inputs,
            ]
          : outside,
      };
    case 'duration': {
      // PV_o(d) = impact × factors.of(years of d): linear in d between whole years, rising
      // (or falling, for a disbenefit) with every year that counts.
      const factors = factorsOf(model, o);
      const yearsOf = valuedYears(a);
      const cut = model.context.cut;
      return {
        a,
        ref,
        base: a.read(terms.outcome.duration),
        lower: a.zero,
        upper: a.read(MAX_DURATION),
        shape: 'piecewiseLinear',
        parts: inSlice
          ? (value) => {
              // a whole number of years is read as one (no share to work out)
              const years = yearsOf(
                terms.years.start,
                a.isInteger(value) ? a.toNumber(value) : value,
                cut,
              );
              return [a.plus(rest, a.times(o.firstValue, factors.single(years))), inputs];
            }
          : outside,
        knots: inSlice
          ? (whole) => [a.plus(rest, a.times(o.firstValue, factors.whole(whole))), inputs]
          : outside,
      };
    }
    default: {
      // PV_o = (1 − x) × U, U = proxy value × the other three (1 − deduction) × discounted units.
      let whole = a.times(terms.proxyValue, o.discountedUnits);
      let share = a.zero;
      for (const d of terms.deductions) {
        if (d.step === parameter) share = d.share;
        else whole = a.times(whole, d.retained);
      }
      return linear(share, a.zero, a.one, whole, a.negate(whole));
    }
  }
}

/**
 * The discount rate as a parameter (`movableRate`): with a flat rate that rate; with per-year
 * rates or a Green Book schedule every year's rate moves by the same number of points and the
 * value reported is the year-1 rate; the range keeps every year's rate within 0–1.
 */
function discountRateFunction<N>(
  model: SensitivityModel<N>,
  slice: RatioSlice,
): ParameterFunction<N> {
  const { a, analysis, context } = model;
  const horizon = context.horizon;
  const yearValues =
    slice.kind === 'total'
      ? model.yearValues.total
      : (model.yearValues.byCategory.get(slice.category) ?? []);
  const inputs = analysis.inputs.map((i) => ({ value: a.read(i.value), year: i.year }));
  const rate = movableRate(a)(analysis.discount, context.lastYear);
  const factorsAt = factorsFromRates(a);
  return {
    a,
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
      let presentValue = a.zero;
      for (let year = 1; year <= horizon; year++) {
        presentValue = a.plus(
          presentValue,
          a.times(yearValues[year] ?? a.zero, factors[year] ?? a.one),
        );
      }
      let totalInputs = a.zero;
      for (const input of inputs) {
        totalInputs = a.plus(totalInputs, a.times(input.value, factors[input.year] ?? a.one));
      }
      return [presentValue, totalInputs];
    },
  };
}

/** The ratio at a value, or `null` when the denominator is zero. */
export function ratioAt<N>(fn: ParameterFunction<N>, value: N): N | null {
  const { a } = fn;
  const [numerator, denominator] = fn.parts(value);
  return a.isZero(denominator) ? null : a.div(numerator, denominator);
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
