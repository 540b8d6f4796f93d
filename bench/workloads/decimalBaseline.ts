/**
 * The W1 baseline: the arithmetic that `evaluateAnalysis` reports, written as a plain loop over
 * decimal.js at the engine's precision (34 significant digits, half-even), with no strings
 * written out and no result objects built. It is the exact-arithmetic limit the engine is
 * measured against: the engine may beat it only by doing less arithmetic (better algebra).
 *
 * What it computes, in this order:
 * 1. discount factors DF(0) = 1, DF(t) = DF(t − 1) ÷ (1 + r_t), for t = 1 … the last year of the
 *    horizon or of any input (timing "end"; r_t from a flat rate, a list of rates, or the
 *    `green-book` schedule: 3.5% years 1–30, 3% years 31–75, 2.5% later);
 * 2. each input's present value, value × DF(year), and their sum, totalInputs;
 * 3. for each outcome: gross = proxy × quantity; the deductions factor
 *    (1 − deadweight)(1 − displacement)(1 − attribution)(1 − leakage); the first valued year's
 *    value gross × factor; each later year's value, the year before's × (1 − dropOff); each year's
 *    value added to its year total and, times DF(year), to the outcome's present value (years
 *    after the horizon go to a "beyond the horizon" sum instead); the outcome's present value
 *    added to its stakeholder's and its category's sums;
 * 4. the waterfall sums for each outcome: gross over all valued years
 *    (proxy × quantity × duration), then what each deduction takes from what the one before left
 *    (remaining × deduction), and what remains after the four;
 * 5. the year totals' present values V(t) × DF(t), their running (cumulative) sum, which is the
 *    total present value; the net present value; sroiRatio and netSroiRatio; each stakeholder's
 *    and category's share of the total and ratio to totalInputs; the undiscounted total and the
 *    waterfall's drop-off and discounting steps.
 * Like the engine, it skips a deduction or a drop-off that is exactly "0". It supports what the
 * synthetic analyses use and nothing more: no per-year quantities, no price-year rebasing, whole
 * durations, timing "end" only (it throws on anything else rather than compute something
 * different).
 */
import { Dec as D } from '../../src/calc/_decimal.js';
import type { Analysis, Discount } from '../../src/model/analysis.js';

// The decimal type is the engine's own private clone (34 digits, half-even), not a second
// `Decimal.clone` with the same settings. decimal.js shares one prototype between all its clones,
// so a second clone in the same process makes its methods polymorphic: measured here with
// 500 outcomes × 10 years, alternating as the bench does, a second clone made the baseline about
// 4× slower and `calculateSroi` about 2× slower, which would distort the ratio being measured
// (and every later workload in the same process).

/** One stakeholder's or category's present value, share of the total and ratio to the inputs. */
export interface DecimalBaselineSlice {
  readonly key: string;
  readonly presentValue: D;
  readonly share: D | null;
  readonly sroiRatio: D | null;
}

/** The baseline's figures, as decimals (the test compares them with the engine's). */
export interface DecimalBaselineTotals {
  readonly totalPresentValue: D;
  readonly totalInputs: D;
  readonly netPresentValue: D;
  readonly sroiRatio: D | null;
  readonly netSroiRatio: D | null;
  /** Value in each year, index = year (index 0 unused). */
  readonly yearTotals: readonly D[];
  readonly outcomePresentValues: readonly D[];
  readonly stakeholders: readonly DecimalBaselineSlice[];
  readonly categories: readonly DecimalBaselineSlice[];
  readonly waterfall: {
    readonly grossValue: D;
    readonly deadweight: D;
    readonly displacement: D;
    readonly attribution: D;
    readonly leakage: D;
    readonly dropOff: D;
    readonly beyondHorizon: D;
    readonly discounting: D;
  };
}

function rateOf(discount: Discount, year: number): string {
  if ('rate' in discount) return discount.rate;
  if ('rates' in discount) {
    return discount.rates[year - 1] ?? (discount.rates[discount.rates.length - 1] as string);
  }
  if (discount.schedule !== 'green-book') {
    throw new Error(`the baseline knows only the green-book schedule, not ${discount.schedule}`);
  }
  return year <= 30 ? '0.035' : year <= 75 ? '0.03' : '0.025';
}

/** Runs the baseline arithmetic on a validated analysis (see the file's comment). */
export function decimalBaseline(analysis: Analysis): DecimalBaselineTotals {
  if (analysis.discount.timing !== 'end')
    throw new Error('the baseline supports timing "end" only');
  const zero = new D(0);
  const one = new D(1);

  let lastValuedYear = 0;
  for (const o of analysis.outcomes) {
    if (o.quantityByYear !== undefined) throw new Error('the baseline has no per-year quantities');
    if (!Number.isInteger(o.duration)) throw new Error('the baseline has whole durations only');
    if (o.proxy.priceYear !== undefined && analysis.priceYear !== undefined) {
      throw new Error('the baseline does not rebase proxies');
    }
    lastValuedYear = Math.max(lastValuedYear, o.start + o.duration - 1);
  }
  const horizon = analysis.horizon ?? Math.max(1, lastValuedYear);
  let lastYear = horizon;
  for (const input of analysis.inputs) lastYear = Math.max(lastYear, input.year);

  // 1. Discount factors.
  const factors: D[] = [one];
  for (let t = 1; t <= lastYear; t++) {
    factors.push((factors[t - 1] as D).div(one.plus(rateOf(analysis.discount, t))));
  }

  // 2. Inputs.
  let totalInputs = zero;
  for (const input of analysis.inputs) {
    totalInputs = totalInputs.plus(new D(input.value).times(factors[input.year] as D));
  }

  // 3 and 4. Outcomes and the waterfall.
  const yearTotals: D[] = Array.from({ length: horizon + 1 }, () => zero);
  const outcomePresentValues: D[] = [];
  const stakeholderPresentValues = new Map<string, D>();
  for (const s of analysis.stakeholders) stakeholderPresentValues.set(s.id, zero);
  const categoryPresentValues = new Map<string, D>();
  let grossValue = zero;
  let deadweight = zero;
  let displacement = zero;
  let attribution = zero;
  let leakage = zero;
  let afterDeductions = zero;
  let beyondHorizon = zero;
  for (const o of analysis.outcomes) {
    const proxy = new D(o.proxy.value);
    const quantity = new D(o.quantity);
    let factor = one;
    if (o.deadweight !== '0') factor = factor.times(one.minus(o.deadweight));
    if (o.displacement !== '0') factor = factor.times(one.minus(o.displacement));
    if (o.attribution !== '0') factor = factor.times(one.minus(o.attribution));
    if (o.leakage !== '0') factor = factor.times(one.minus(o.leakage));
    const retained = o.dropOff === '0' ? null : one.minus(o.dropOff);
    let value = proxy.times(quantity).times(factor);
    let presentValue = zero;
    for (let k = 0; k < o.duration; k++) {
      const year = o.start + k;
      if (year > horizon) beyondHorizon = beyondHorizon.plus(value);
      else {
        yearTotals[year] = (yearTotals[year] as D).plus(value);
        presentValue = presentValue.plus(value.times(factors[year] as D));
      }
      if (retained !== null) value = value.times(retained);
    }
    outcomePresentValues.push(presentValue);
    stakeholderPresentValues.set(
      o.stakeholder,
      (stakeholderPresentValues.get(o.stakeholder) ?? zero).plus(presentValue),
    );
    const category = o.category ?? 'uncategorised';
    categoryPresentValues.set(
      category,
      (categoryPresentValues.get(category) ?? zero).plus(presentValue),
    );

    let remaining = proxy.times(quantity.times(o.duration));
    grossValue = grossValue.plus(remaining);
    if (o.deadweight !== '0') {
      const taken = remaining.times(o.deadweight);
      deadweight = deadweight.plus(taken);
      remaining = remaining.minus(taken);
    }
    if (o.displacement !== '0') {
      const taken = remaining.times(o.displacement);
      displacement = displacement.plus(taken);
      remaining = remaining.minus(taken);
    }
    if (o.attribution !== '0') {
      const taken = remaining.times(o.attribution);
      attribution = attribution.plus(taken);
      remaining = remaining.minus(taken);
    }
    if (o.leakage !== '0') {
      const taken = remaining.times(o.leakage);
      leakage = leakage.plus(taken);
      remaining = remaining.minus(taken);
    }
    afterDeductions = afterDeductions.plus(remaining);
  }

  // 5. Year present values, totals, ratios, shares and the waterfall's last steps.
  let totalPresentValue = zero;
  let undiscounted = zero;
  for (let t = 1; t <= horizon; t++) {
    const value = yearTotals[t] as D;
    undiscounted = undiscounted.plus(value);
    totalPresentValue = totalPresentValue.plus(value.times(factors[t] as D)); // cumulative
  }
  const netPresentValue = totalPresentValue.minus(totalInputs);
  const ratio = (numerator: D, denominator: D): D | null =>
    denominator.isZero() ? null : numerator.div(denominator);
  const slices = (sums: ReadonlyMap<string, D>): DecimalBaselineSlice[] =>
    [...sums].map(([key, presentValue]) => ({
      key,
      presentValue,
      share: ratio(presentValue, totalPresentValue),
      sroiRatio: ratio(presentValue, totalInputs),
    }));
  return {
    totalPresentValue,
    totalInputs,
    netPresentValue,
    sroiRatio: ratio(totalPresentValue, totalInputs),
    netSroiRatio: ratio(netPresentValue, totalInputs),
    yearTotals,
    outcomePresentValues,
    stakeholders: slices(stakeholderPresentValues),
    categories: slices(categoryPresentValues),
    waterfall: {
      grossValue,
      deadweight,
      displacement,
      attribution,
      leakage,
      dropOff: afterDeductions.minus(undiscounted).minus(beyondHorizon),
      beyondHorizon,
      discounting: undiscounted.minus(totalPresentValue),
    },
  };
}
