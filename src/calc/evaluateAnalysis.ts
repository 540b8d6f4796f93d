import { Dec, ONE, ratioOrNull, str, sum, ZERO } from './_decimal.js';
import { Fractions } from './_fractions.js';
import { breakEvenYear } from './breakEvenYear.js';
import { discountFactorsDec } from './discountFactors.js';
import { DEDUCTION_STEPS, deductionChain, readDeductions } from './impact.js';
import type { Deductions } from './impact.js';
import { outcomeValuesDec } from './outcomeValues.js';
import { paybackMonths } from './paybackMonths.js';
import { rebaseFactor } from './rebase.js';
import { hmtGdpDeflatorsCalendar, hmtGdpDeflatorsFinancial } from '../data/hmtGdpDeflators.js';
import { SroiError } from '../model/SroiError.js';
import type { Analysis, Outcome, PriceYear } from '../model/analysis.js';
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

/** Options of `evaluateAnalysis` and `calculateSroi`. */
export interface EvaluateAnalysisOptions {
  /**
   * The price index used to rebase proxies to the analysis `priceYear`. Defaults to the bundled
   * HM Treasury GDP deflators: calendar years when the price year is a number (`2023`),
   * financial years when it is written `"2023-24"`.
   */
  readonly deflators?: DeflatorSeries;
}

/** The category given to outcomes that have none. */
export const UNCATEGORISED = 'uncategorised';

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
  const warnings: ResultWarning[] = [];
  const series = chooseDeflators(analysis, options);
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

  let lastValuedYear = 0;
  for (const o of analysis.outcomes)
    lastValuedYear = Math.max(lastValuedYear, o.start + o.duration - 1);
  const horizon = analysis.horizon ?? Math.max(1, lastValuedYear);
  let lastInputYear = 0;
  for (const input of analysis.inputs) lastInputYear = Math.max(lastInputYear, input.year);
  const factors = discountFactorsDec(analysis.discount, Math.max(horizon, lastInputYear));
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
  const fractions = new Fractions();
  const groups = new ValuationGroups(factor, horizon, fractions);
  const outcomeResults: OutcomeResult[] = analysis.outcomes.map((outcome, index) => {
    const rebaseBy = proxyRebaseFactor(outcome, index, analysis.priceYear, series);
    const stated = new Dec(outcome.proxy.value);
    const proxyValue = rebaseBy === ONE ? stated : stated.times(rebaseBy);
    const deductions = readDeductions(outcome, fractions);
    const gross = proxyValue.times(outcome.quantityByYear?.[0] ?? outcome.quantity);
    const hasProfile = outcome.quantityByYear !== undefined;
    // The waterfall needs what remains after each deduction; the last is the impact.
    const chain = deductionChain(gross, deductions);
    const values = outcomeValuesDec(
      outcome,
      proxyValue,
      fractions,
      deductions,
      chain[chain.length - 1],
    );
    // Without a per-year profile, the outcome joins the group of outcomes with its drop-off,
    // start and duration, which gives its PV in one multiplication and adds its years to the
    // year totals once for the whole group (see ValuationGroups).
    let presentValue = hasProfile ? ZERO : groups.add(outcome, values[0] ?? ZERO);
    const years: { year: number; value: string }[] = [];
    for (let k = 0; k < values.length; k++) {
      const value = values[k] ?? ZERO;
      const year = outcome.start + k;
      if (year > horizon) {
        if (hasProfile) waterfall.beyondHorizon = waterfall.beyondHorizon.plus(value);
        continue;
      }
      if (hasProfile) {
        yearTotals[year] = (yearTotals[year] ?? ZERO).plus(value);
        presentValue = presentValue.plus(value.times(factor(year)));
      }
      years.push({ year, value: str(value) });
    }
    if (hasProfile) {
      const units = sum((outcome.quantityByYear ?? []).map((q) => new Dec(q)));
      waterfall.add(deductionChain(proxyValue.times(units), deductions), 1);
    } else {
      waterfall.add(chain, outcome.duration);
    }
    const category = outcome.category ?? UNCATEGORISED;
    byStakeholder.set(
      outcome.stakeholder,
      (byStakeholder.get(outcome.stakeholder) ?? ZERO).plus(presentValue),
    );
    byCategory.set(category, (byCategory.get(category) ?? ZERO).plus(presentValue));
    // The impact is the first valued year's value (duration ≥ 1); its string is written once.
    const impact = years[0]?.year === outcome.start ? years[0].value : str(values[0] ?? ZERO);
    return {
      id: outcome.id,
      stakeholder: outcome.stakeholder,
      outcome: outcome.outcome,
      category,
      proxyValue: str(proxyValue),
      grossValue: str(gross),
      impact,
      presentValue: str(presentValue),
      years,
    };
  });
  waterfall.beyondHorizon = waterfall.beyondHorizon.plus(groups.addYearTotals(yearTotals));
  const profiled = analysis.outcomes.filter(
    (o) => o.quantityByYear !== undefined && o.dropOff !== '0',
  );
  if (profiled.length > 0) {
    warnings.push({
      code: 'DROP_OFF_NOT_APPLIED',
      message: `${profiled.map((o) => `"${o.id}"`).join(', ')} give${profiled.length === 1 ? 's' : ''} both quantityByYear and a drop-off; the profile already says how many units remain each year, so the drop-off is not applied`,
    });
  }
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
      deflatorSeries: series?.name ?? null,
      horizon,
    },
    warnings,
  };
}

/** The deflator series needed to rebase, or `undefined` when no proxy needs rebasing. */
function chooseDeflators(
  analysis: Analysis,
  options: EvaluateAnalysisOptions,
): DeflatorSeries | undefined {
  const target = analysis.priceYear;
  if (target === undefined) return undefined;
  const needed = analysis.outcomes.some(
    (o) => o.proxy.priceYear !== undefined && String(o.proxy.priceYear) !== String(target),
  );
  if (!needed) return undefined;
  if (options.deflators !== undefined) return options.deflators;
  return typeof target === 'number' ? hmtGdpDeflatorsCalendar : hmtGdpDeflatorsFinancial;
}

function proxyRebaseFactor(
  outcome: Outcome,
  index: number,
  target: PriceYear | undefined,
  series: DeflatorSeries | undefined,
): Dec {
  const from = outcome.proxy.priceYear;
  if (target === undefined || from === undefined || series === undefined) return ONE;
  try {
    return rebaseFactor(from, target, series);
  } catch (error) {
    if (error instanceof SroiError) {
      throw new SroiError(error.code, `outcomes[${index}].proxy.priceYear: ${error.message}`, [
        {
          code: 'price_year',
          message: error.message,
          path: ['outcomes', index, 'proxy', 'priceYear'],
          received: from,
        },
      ]);
    }
    throw error;
  }
}

/** Outcomes without a quantity profile that share a drop-off, a start and a duration. */
interface ValuationGroup {
  readonly start: number;
  readonly duration: number;
  /** `1 − dropOff`, or `null` for no drop-off. */
  readonly retained: Dec | null;
  /** `Σ (1 − dropOff)^k × DF(start + k)` over the valued years within the horizon. */
  readonly presentValueFactor: Dec;
  /** The sum of the group's impacts (first-year values). */
  impacts: Dec;
}

/**
 * Better algebra than valuing each outcome year by year. An outcome without a quantity profile
 * is worth `impact × (1 − dropOff)^k` in its k-th valued year, so
 * - its present value is `impact × Σ_k (1 − dropOff)^k × DF(start + k)`, a factor that is the same
 *   for every outcome with the same drop-off, start and duration: one multiplication per outcome;
 * - the group's contribution to year `start + k` is `(Σ impacts) × (1 − dropOff)^k`: one
 *   addition per outcome, and two operations per group and year.
 * Impact maps reuse a handful of drop-off rates, start years and durations, so there are few
 * groups. (Each outcome's own year values, which the result lists, still compound year by year.)
 */
class ValuationGroups {
  private readonly groups = new Map<string, ValuationGroup>();

  constructor(
    private readonly factor: (year: number) => Dec,
    private readonly horizon: number,
    private readonly fractions: Fractions,
  ) {}

  /** Adds an outcome's impact to its group and returns the outcome's present value. */
  add(outcome: Pick<Outcome, 'dropOff' | 'start' | 'duration'>, impact: Dec): Dec {
    const key = `${outcome.dropOff} ${outcome.start} ${outcome.duration}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = this.newGroup(outcome);
      this.groups.set(key, group);
    }
    group.impacts = group.impacts.plus(impact);
    return impact.times(group.presentValueFactor);
  }

  /** Adds every group's value in each year to `yearTotals`; returns the value beyond the horizon. */
  addYearTotals(yearTotals: Dec[]): Dec {
    let beyondHorizon = ZERO;
    for (const group of this.groups.values()) {
      let value = group.impacts;
      for (let k = 0; k < group.duration; k++) {
        const year = group.start + k;
        if (year > this.horizon) beyondHorizon = beyondHorizon.plus(value);
        else yearTotals[year] = (yearTotals[year] ?? ZERO).plus(value);
        if (group.retained !== null) value = value.times(group.retained);
      }
    }
    return beyondHorizon;
  }

  private newGroup(outcome: Pick<Outcome, 'dropOff' | 'start' | 'duration'>): ValuationGroup {
    const retained = outcome.dropOff === '0' ? null : this.fractions.get(outcome.dropOff).retained;
    let presentValueFactor = ZERO;
    let remaining = ONE;
    const last = Math.min(outcome.start + outcome.duration - 1, this.horizon);
    for (let year = outcome.start; year <= last; year++) {
      presentValueFactor = presentValueFactor.plus(remaining.times(this.factor(year)));
      if (retained !== null) remaining = remaining.times(retained);
    }
    return {
      start: outcome.start,
      duration: outcome.duration,
      retained,
      presentValueFactor,
      impacts: ZERO,
    };
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
  taken(step: keyof Deductions): Dec {
    const i = DEDUCTION_STEPS.indexOf(step);
    return this.remaining(i).minus(this.remaining(i + 1));
  }

  get afterDeductions(): Dec {
    return this.remaining(DEDUCTION_STEPS.length);
  }
}
