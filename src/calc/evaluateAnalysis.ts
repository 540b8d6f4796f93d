import { decimalArithmetic } from './_arithmetic.js';
import { Dec, ONE, ratioOrNull, str, sum, ZERO } from './_decimal.js';
import { breakEvenYear } from './breakEvenYear.js';
import { discountFactorsDec } from './discountFactors.js';
import { deductionChain } from './impact.js';
import { outcomeTerms, valuationContext } from './outcomeTerms.js';
import { compoundedValues, yearUnits, yearValues } from './outcomeValues.js';
import { paybackMonths } from './paybackMonths.js';
import { PresentValueFactors } from './presentValueFactors.js';
import { someOf } from '../model/_alternatives.js';
import { analysisArgument, evaluateOptions } from '../model/_arguments.js';
import { deductionSteps, parameterLabels } from '../model/vocabulary.js';
import type { ValuedYears } from './valuedYears.js';
import type { Analysis } from '../model/analysis.js';
import type { DeflatorSeries } from '../model/DeflatorSeries.js';
import type {
  CategoryResult,
  InputResult,
  OutcomeResult,
  ResultWarning,
  SroiResult,
  StakeholderResult,
  YearResult,
} from '../model/result.js';
import type { Deduction } from '../model/vocabulary.js';

/** Options of `evaluateAnalysis` and `calculateSroi`. */
export interface EvaluateAnalysisOptions {
  /**
   * The price index used to rebase proxies to the analysis `priceYear`. Defaults to the bundled
   * HM Treasury GDP deflators: calendar years when the price year is a number (`2023`),
   * financial years when it is written `"2023-24"`.
   */
  readonly deflators?: DeflatorSeries;
}

/**
 * The category given, in a result, to outcomes that have none.
 *
 * @example
 * uncategorised;
 * //=> 'uncategorised'
 */
export const uncategorised = 'uncategorised';

const exact = decimalArithmetic;
const chainOf = deductionChain(exact);
const valuesOf = yearValues(exact);
const compounded = compoundedValues(exact);
const unitsOf = yearUnits(exact);

/**
 * Calculates the SROI of an analysis that is already validated (the output of
 * `parseAnalysis`): every step of docs/method.md, from gross value to ratio, with breakdowns by year,
 * outcome, stakeholder and category, and a waterfall from gross value to present value.
 * Pure: no I/O, no clock, no global state. Use `calculateSroi` for input that is not yet
 * validated.
 *
 * @example
 * const result = evaluateAnalysis(parseAnalysis({
 *   name: 'Example',
 *   discount: { rate: '0' },
 *   inputs: [{ description: 'Grant', value: '1000' }],
 *   outcomes: [{ stakeholder: 'Residents', outcome: 'Warmer homes', quantity: '10',
 *                proxy: { value: '250' }, duration: 1 }],
 * }));
 * result.sroiRatio;
 * //=> '2.5'
 */
export function evaluateAnalysis(
  analysis: Analysis,
  options: EvaluateAnalysisOptions = {},
): SroiResult {
  analysisArgument('evaluateAnalysis', analysis);
  evaluateOptions('evaluateAnalysis', options);
  return evaluateChecked(analysis, options);
}

/**
 * `evaluateAnalysis` of an analysis and options its caller has already checked (sensitivity
 * analysis checks them once, not again for its one evaluation). @internal
 */
export function evaluateChecked(
  analysis: Analysis,
  options: EvaluateAnalysisOptions = {},
): SroiResult {
  const warnings: ResultWarning[] = [];
  const context = valuationContext(analysis, options);
  const proxyYears = new Set(
    analysis.outcomes.flatMap((o) =>
      o.proxy.priceYear === undefined ? [] : [String(o.proxy.priceYear)],
    ),
  );
  if (analysis.priceYear === undefined && proxyYears.size > 1) {
    warnings.push({
      code: 'MIXED_PRICE_YEARS',
      message: `proxies are stated in ${proxyYears.size} different price years (${[...proxyYears].join(', ')}) and the analysis has no priceYear, so nothing was rebased; set priceYear to put them on one price base`,
    });
  }

  const horizon = context.horizon;
  const factors = discountFactorsDec(analysis.discount, context.lastYear);
  const factor = (year: number): Dec => factors[year] ?? ONE;

  // Inputs.
  let totalInputs = ZERO;
  const inputs: InputResult[] = analysis.inputs.map((input) => {
    const presentValue = new Dec(input.value).times(factor(input.year));
    totalInputs = totalInputs.plus(presentValue);
    return {
      description: input.description,
      ...(input.stakeholder === undefined ? {} : { stakeholder: input.stakeholder }),
      ...(input.kind === undefined ? {} : { kind: input.kind }),
      year: input.year,
      value: input.value,
      discountFactor: str(factor(input.year)),
      presentValue: str(presentValue),
    };
  });

  // Outcomes: values by year, present values, slices and the waterfall, in one pass.
  const yearTotals: Dec[] = Array.from({ length: horizon + 1 }, () => ZERO);
  const waterfall = new WaterfallSums();
  const byStakeholder = new Map<string, Dec>();
  for (const s of analysis.stakeholders) byStakeholder.set(s.id, ZERO);
  const byCategory = new Map<string, Dec>();
  const termsOf = outcomeTerms(exact, context);
  const groups = new ValuationGroups(factor, horizon);
  let lastValuedYear = 0;
  const outcomeResults: OutcomeResult[] = analysis.outcomes.map((outcome, index) => {
    const terms = termsOf(outcome, index);
    const { years, proxyValue, deductions } = terms;
    lastValuedYear = Math.max(lastValuedYear, years.last);
    const gross = proxyValue.times(terms.quantity);
    const hasProfile = terms.profile !== undefined;
    // The waterfall needs what remains after each deduction; the last is the impact.
    const chain = chainOf(gross, deductions);
    const impact = chain[chain.length - 1] ?? ZERO;
    const values = valuesOf(terms, impact);
    // Without a per-year profile, the outcome joins the group of outcomes with its drop-off,
    // start and duration, which gives its PV in one multiplication and adds its years to the
    // year totals once for the whole group (see ValuationGroups).
    let presentValue = hasProfile
      ? ZERO
      : groups.add(outcome, years, terms.dropOff?.retained ?? null, impact);
    const yearList: { year: number; value: string }[] = [];
    for (let k = 0; k < values.length; k++) {
      const value = values[k] ?? ZERO;
      const year = years.start + k;
      if (year > years.lastCounted) {
        if (hasProfile) waterfall.beyondHorizon = waterfall.beyondHorizon.plus(value);
        continue;
      }
      if (hasProfile) {
        yearTotals[year] = (yearTotals[year] ?? ZERO).plus(value);
        presentValue = presentValue.plus(value.times(factor(year)));
      }
      yearList.push({ year, value: str(value) });
    }
    if (hasProfile) {
      // Gross value over the valued years: proxy × every year's units (the last × its share).
      waterfall.add(chainOf(proxyValue.times(sum(unitsOf(terms))), deductions), 1);
    } else {
      // The same first-year chain in every valued year, the last counting its share.
      waterfall.add(chain, years.yearsWorth);
    }
    const category = outcome.category ?? uncategorised;
    byStakeholder.set(
      outcome.stakeholder,
      (byStakeholder.get(outcome.stakeholder) ?? ZERO).plus(presentValue),
    );
    byCategory.set(category, (byCategory.get(category) ?? ZERO).plus(presentValue));
    // The impact is the first valued year's value in full (a duration under a year counts only
    // a share of it in the year's value); when the year lists it unchanged, its string is reused.
    const first = yearList[0];
    const impactText =
      first?.year === years.start && (years.count > 1 || years.lastShare === null)
        ? first.value
        : str(impact);
    return {
      id: outcome.id,
      stakeholder: outcome.stakeholder,
      outcome: outcome.outcome,
      category,
      proxyValue: str(proxyValue),
      grossValue: str(gross),
      impact: impactText,
      presentValue: str(presentValue),
      years: yearList,
    };
  });
  waterfall.beyondHorizon = waterfall.beyondHorizon.plus(groups.addYearTotals(yearTotals));
  const profiled = analysis.outcomes.filter(
    (o) => o.quantityByYear !== undefined && o.dropOff !== '0',
  );
  if (profiled.length > 0) {
    warnings.push({
      code: 'DROP_OFF_NOT_APPLIED',
      message: `${someOf(profiled.map((o) => o.id))} give${profiled.length === 1 ? 's' : ''} both quantityByYear and a drop-off; the profile already says how many units remain each year, so the drop-off is not applied`,
    });
  }
  for (const warning of notStatedWarnings(analysis)) warnings.push(warning);
  if (lastValuedYear > horizon) {
    warnings.push({
      code: 'HORIZON_CUTS_OUTCOMES',
      message: `the horizon (year ${horizon}) ends before the last valued year (${lastValuedYear}); later years are left out`,
    });
  }

  const yearResults: YearResult[] = [];
  let totalPresentValue = ZERO;
  for (let year = 1; year <= horizon; year++) {
    const value = yearTotals[year] ?? ZERO;
    const presentValue = value.times(factor(year));
    totalPresentValue = totalPresentValue.plus(presentValue);
    yearResults.push({
      year,
      value: str(value),
      discountFactor: str(factor(year)),
      presentValue: str(presentValue),
      cumulativePresentValue: str(totalPresentValue),
    });
  }

  const netPresentValue = totalPresentValue.minus(totalInputs);
  const firstYearWithValue = yearResults.find((y) => y.value !== '0');
  if (totalInputs.isZero()) {
    warnings.push({
      code: 'ZERO_INPUTS',
      message:
        'total inputs are zero, so the SROI ratio, the net SROI ratio, the payback period and the break-even year are undefined (null)',
    });
  }
  if (totalPresentValue.isZero()) {
    warnings.push({
      code: 'ZERO_PRESENT_VALUE',
      message: 'the total present value is zero, so the shares of value are undefined (null)',
    });
  }

  const slice = (presentValue: Dec) => ({
    presentValue: str(presentValue),
    share: ratioOrNull(presentValue, totalPresentValue),
    sroiRatio: ratioOrNull(presentValue, totalInputs),
  });

  const names = new Map(analysis.stakeholders.map((s) => [s.id, s.name]));
  const stakeholders: StakeholderResult[] = [...byStakeholder].map(([id, presentValue]) => ({
    stakeholder: id,
    name: names.get(id) ?? id,
    ...slice(presentValue),
  }));
  const categories: CategoryResult[] = [...byCategory].map(([category, presentValue]) => ({
    category,
    ...slice(presentValue),
  }));

  const undiscounted = sum(yearTotals);
  const dropOff = waterfall.afterDeductions.minus(undiscounted).minus(waterfall.beyondHorizon);
  const discounting = undiscounted.minus(totalPresentValue);

  return {
    name: analysis.name,
    currency: analysis.currency,
    priceYear: analysis.priceYear ?? null,
    totalPresentValue: str(totalPresentValue),
    totalInputs: str(totalInputs),
    netPresentValue: str(netPresentValue),
    sroiRatio: ratioOrNull(totalPresentValue, totalInputs),
    netSroiRatio: ratioOrNull(netPresentValue, totalInputs),
    // With nothing invested there is nothing to pay back: null, like the ratio.
    paybackMonths:
      firstYearWithValue === undefined || totalInputs.isZero()
        ? null
        : paybackMonths(str(totalInputs), firstYearWithValue.value),
    breakEvenYear: totalInputs.isZero()
      ? null
      : breakEvenYear(
          str(totalInputs),
          yearResults.map((y) => y.year),
          yearResults.map((y) => y.cumulativePresentValue),
        ),
    years: yearResults,
    inputs,
    outcomes: outcomeResults,
    stakeholders,
    categories,
    waterfall: {
      grossValue: str(waterfall.grossValue),
      deadweight: str(waterfall.taken('deadweight')),
      displacement: str(waterfall.taken('displacement')),
      attribution: str(waterfall.taken('attribution')),
      leakage: str(waterfall.taken('leakage')),
      dropOff: str(dropOff),
      beyondHorizon: str(waterfall.beyondHorizon),
      discounting: str(discounting),
      presentValue: str(totalPresentValue),
    },
    method: {
      discount: analysis.discount,
      priceYear: analysis.priceYear ?? null,
      deflatorSeries: context.deflators?.name ?? null,
      horizon,
    },
    warnings,
  };
}

/**
 * A warning for each assumption the analysis does not state (its table had no column for it),
 * naming the outcomes it leaves at 0: every one, or those a scenario did not set (docs/method.md).
 * An outcome given a value (by a scenario) is not named; with none left at 0 there is no warning.
 */
function notStatedWarnings(analysis: Analysis): ResultWarning[] {
  const warnings: ResultWarning[] = [];
  for (const assumption of analysis.notStated ?? []) {
    const label = parameterLabels[assumption].toLowerCase();
    const zero = analysis.outcomes.filter((o) => o[assumption] === '0').map((o) => o.id);
    if (zero.length === 0) continue;
    const which =
      zero.length === analysis.outcomes.length
        ? 'every outcome'
        : `${zero.length} of ${analysis.outcomes.length} outcomes (${someOf(zero)})`;
    warnings.push({
      code: 'ASSUMPTION_NOT_STATED',
      message: `no ${label} stated (no column, or a column blank in every row): ${label} is 0 for ${which}; fill in the column, with 0% where that is meant, to state it`,
    });
  }
  return warnings;
}

/** Outcomes without a quantity profile that share a drop-off, a start and a duration. */
interface ValuationGroup {
  readonly years: ValuedYears<Dec>;
  /** `1 − dropOff`, or `null` for no drop-off. */
  readonly retained: Dec | null;
  /** The group's present value per unit of first-year value (`PresentValueFactors`). */
  readonly presentValueFactor: Dec;
  /** The sum of the group's impacts (first-year values). */
  impacts: Dec;
}

/**
 * Better algebra than valuing each outcome year by year. An outcome without a quantity profile
 * is worth its impact times a weight in each valued year (`compoundedValues`), so
 * - its present value is `impact × PresentValueFactors.of(years)`, a factor that is the same for
 *   every outcome with the same drop-off, start and duration: one multiplication per outcome;
 * - the group's contribution to each year is `compoundedValues` of the sum of its impacts: one
 *   addition per outcome, and two operations per group and year.
 * Impact maps reuse a handful of drop-off rates, start years and durations, so there are few
 * groups. (Each outcome's own year values, which the result lists, still compound year by year.)
 */
class ValuationGroups {
  private readonly groups = new Map<string, ValuationGroup>();

  constructor(
    private readonly factor: (year: number) => Dec,
    private readonly horizon: number,
  ) {}

  /** Adds an outcome's impact to its group and returns the outcome's present value. */
  add(
    outcome: { readonly dropOff: string; readonly start: number; readonly duration: number },
    years: ValuedYears<Dec>,
    retained: Dec | null,
    impact: Dec,
  ): Dec {
    const key = `${outcome.dropOff} ${outcome.start} ${outcome.duration}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      const factors = new PresentValueFactors(
        exact,
        years.start,
        retained,
        this.factor,
        this.horizon,
      );
      group = { years, retained, presentValueFactor: factors.of(years), impacts: ZERO };
      this.groups.set(key, group);
    }
    group.impacts = group.impacts.plus(impact);
    return impact.times(group.presentValueFactor);
  }

  /** Adds every group's value in each year to `yearTotals`; returns the value beyond the horizon. */
  addYearTotals(yearTotals: Dec[]): Dec {
    let beyondHorizon = ZERO;
    for (const { years, retained, impacts } of this.groups.values()) {
      compounded(years, retained, impacts).forEach((value, k) => {
        const year = years.start + k;
        if (year > years.lastCounted) beyondHorizon = beyondHorizon.plus(value);
        else yearTotals[year] = (yearTotals[year] ?? ZERO).plus(value);
      });
    }
    return beyondHorizon;
  }
}

/**
 * Running totals of the waterfall: gross value over every valued year, what each deduction takes
 * (each from what the one before left) and what remains before drop-off.
 *
 * It keeps, for i = 0 … 4, the sum over outcomes of what remains after the first i deductions
 * (0 = the gross value), so each deduction's total is the difference of two neighbouring sums,
 * and the steps add up to gross − remaining exactly. An outcome without a profile adds its
 * first-year chain, which counts `duration` times: the sums are kept per duration and multiplied
 * by it once at the end, instead of once per outcome.
 */
class WaterfallSums {
  private readonly byMultiplier = new Map<number, Dec[]>();
  beyondHorizon = ZERO;

  /** Adds `chain` (see `deductionChain`) `multiplier` times. */
  add(chain: readonly Dec[], multiplier: number): void {
    let sums = this.byMultiplier.get(multiplier);
    if (sums === undefined) {
      sums = chain.map(() => ZERO);
      this.byMultiplier.set(multiplier, sums);
    }
    for (let i = 0; i < chain.length; i++) sums[i] = (sums[i] ?? ZERO).plus(chain[i] ?? ZERO);
  }

  /** What remains after the first `i` deductions, summed over outcomes. */
  private remaining(i: number): Dec {
    let total = ZERO;
    for (const [multiplier, sums] of this.byMultiplier) {
      total = total.plus((sums[i] ?? ZERO).times(multiplier));
    }
    return total;
  }

  get grossValue(): Dec {
    return this.remaining(0);
  }

  /** What the deduction `step` takes, summed over outcomes. */
  taken(step: Deduction): Dec {
    const i = deductionSteps.indexOf(step);
    return this.remaining(i).minus(this.remaining(i + 1));
  }

  get afterDeductions(): Dec {
    return this.remaining(deductionSteps.length);
  }
}
