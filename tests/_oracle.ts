/**
 * The 60-digit year-by-year oracle: the method of docs/method.md written out again, plainly and
 * independently of `src/` (its own discount schedules, its own rebasing, no grouping, no shared
 * factors, no closed forms), every outcome valued one year at a time at 60 significant digits.
 * The engine computes the same sums in other orders at 34 digits, so the two agree to rounding
 * at about the 32nd digit, not to the last digit. The differential test compares the engine,
 * the sensitivity model and the Monte Carlo path with it.
 *
 * It takes the validated model (`Analysis`), except that a duration may also be a decimal
 * string (so that a switching value with 34 digits is valued exactly) and may be 0 (the limit
 * of a duration that tends to 0: nothing is valued).
 */
import { hmtGdpDeflatorsCalendar, hmtGdpDeflatorsFinancial } from '../src/data/hmtGdpDeflators.js';
import { D } from './_decimal.js';
import type { Analysis, Discount, Outcome } from '../src/model/analysis.js';
import type { DeflatorSeries } from '../src/model/DeflatorSeries.js';

/** An outcome whose duration may be a decimal string (see the file's comment). */
export type OracleOutcome = Omit<Outcome, 'duration'> & { readonly duration: number | string };

/** An analysis whose durations may be decimal strings. */
export type OracleAnalysis = Omit<Analysis, 'outcomes'> & {
  readonly outcomes: readonly OracleOutcome[];
};

export interface OracleOptions {
  readonly deflators?: DeflatorSeries;
}

export interface OracleSlice {
  readonly key: string;
  readonly presentValue: D;
  readonly share: D | null;
  readonly sroiRatio: D | null;
}

export interface OracleResult {
  readonly horizon: number;
  readonly deflatorSeries: string | null;
  readonly totalPresentValue: D;
  readonly totalInputs: D;
  readonly netPresentValue: D;
  readonly sroiRatio: D | null;
  readonly netSroiRatio: D | null;
  readonly paybackMonths: D | null;
  /** The undiscounted value of the year payback reads (the first year with value), if any. */
  readonly paybackYearValue: D | null;
  readonly breakEvenYear: number | null;
  readonly years: readonly {
    year: number;
    value: D;
    discountFactor: D;
    presentValue: D;
    cumulativePresentValue: D;
  }[];
  readonly inputs: readonly { discountFactor: D; presentValue: D }[];
  readonly outcomes: readonly {
    proxyValue: D;
    grossValue: D;
    impact: D;
    presentValue: D;
    years: readonly { year: number; value: D }[];
  }[];
  readonly stakeholders: readonly OracleSlice[];
  readonly categories: readonly OracleSlice[];
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
  readonly warnings: readonly string[];
}

/** Green Book 2022 Annex A6 and its health supplement: [last year of the band, rate]. */
const SCHEDULES: Record<string, readonly [number, string][]> = {
  'green-book': [
    [30, '0.035'],
    [75, '0.03'],
    [Infinity, '0.025'],
  ],
  'green-book-health': [
    [30, '0.015'],
    [75, '0.0129'],
    [Infinity, '0.0107'],
  ],
  'green-book-reduced': [
    [30, '0.03'],
    [75, '0.0257'],
    [Infinity, '0.0214'],
  ],
  'green-book-health-reduced': [
    [30, '0.01'],
    [75, '0.0086'],
    [Infinity, '0.0071'],
  ],
};

/** The rate of year t ≥ 1 (docs/method.md §3). */
export function oracleRate(discount: Discount, year: number): string {
  if ('rate' in discount) return discount.rate;
  if ('rates' in discount) {
    return discount.rates[year - 1] ?? (discount.rates[discount.rates.length - 1] as string);
  }
  const band = (SCHEDULES[discount.schedule] ?? []).find(([last]) => year <= last);
  return (band as [number, string])[1];
}

/** DF(0 … lastYear) under the discount's timing, each year's factor from the one before. */
function factorsOf(discount: Discount, lastYear: number): D[] {
  const factors = [new D(1)];
  let endOfYear = new D(1);
  for (let t = 1; t <= lastYear; t++) {
    const growth = new D(1).plus(oracleRate(discount, t));
    const previous = endOfYear;
    endOfYear = previous.div(growth);
    factors.push(
      discount.timing === 'end'
        ? endOfYear
        : discount.timing === 'start'
          ? previous
          : previous.div(growth.sqrt()),
    );
  }
  return factors;
}

const ratio = (numerator: D, denominator: D): D | null =>
  denominator.isZero() ? null : numerator.div(denominator);

/** Values an analysis year by year at 60 digits (see the file's comment). */
export function oracle(analysis: OracleAnalysis, options: OracleOptions = {}): OracleResult {
  const one = new D(1);
  const target = analysis.priceYear;
  const rebasing =
    target !== undefined &&
    analysis.outcomes.some(
      (o) => o.proxy.priceYear !== undefined && String(o.proxy.priceYear) !== String(target),
    );
  const series = !rebasing
    ? undefined
    : (options.deflators ??
      (typeof target === 'number' ? hmtGdpDeflatorsCalendar : hmtGdpDeflatorsFinancial));

  const valued = analysis.outcomes.map((o) => {
    const duration = new D(o.duration);
    const count = duration.ceil().toNumber();
    const share = duration.minus(count - 1);
    const stated = new D(o.proxy.value);
    const from = o.proxy.priceYear;
    const proxyValue =
      series === undefined || from === undefined || target === undefined
        ? stated
        : stated
            .times(series.index[String(target)] as string)
            .div(series.index[String(from)] as string);
    const retained = [o.deadweight, o.displacement, o.attribution, o.leakage].map((x) =>
      one.minus(x),
    );
    const keep = retained.reduce((a, b) => a.times(b), one);
    const quantities = o.quantityByYear?.map((q) => new D(q));
    const first = quantities?.[0] ?? new D(o.quantity);
    const gross = proxyValue.times(first);
    // value of valued year k: the profile's units, or the impact × (1 − dropOff)^k; the last
    // valued year × its share
    const values: D[] = [];
    for (let k = 0; k < count; k++) {
      const units =
        quantities === undefined ? first.times(one.minus(o.dropOff).pow(k)) : (quantities[k] as D);
      const value = proxyValue.times(units).times(keep);
      values.push(k === count - 1 ? value.times(share) : value);
    }
    const grossUnits =
      quantities === undefined
        ? first.times(duration)
        : quantities.reduce((a, q, k) => a.plus(k === count - 1 ? q.times(share) : q), new D(0));
    return { o, proxyValue, gross, impact: gross.times(keep), values, grossUnits };
  });

  let lastValued = 0;
  for (const v of valued) lastValued = Math.max(lastValued, v.o.start + v.values.length - 1);
  const horizon = analysis.horizon ?? Math.max(1, lastValued);
  const lastYear = Math.max(horizon, ...analysis.inputs.map((i) => i.year));
  const factors = factorsOf(analysis.discount, lastYear);

  const inputs = analysis.inputs.map((i) => {
    const discountFactor = factors[i.year] as D;
    return { discountFactor, presentValue: new D(i.value).times(discountFactor) };
  });
  const totalInputs = inputs.reduce((a, i) => a.plus(i.presentValue), new D(0));

  const yearTotals = Array.from({ length: horizon + 1 }, () => new D(0));
  let beyondHorizon = new D(0);
  const outcomes = valued.map((v) => {
    let presentValue = new D(0);
    const years: { year: number; value: D }[] = [];
    v.values.forEach((value, k) => {
      const year = v.o.start + k;
      if (year > horizon) {
        beyondHorizon = beyondHorizon.plus(value);
        return;
      }
      yearTotals[year] = (yearTotals[year] as D).plus(value);
      presentValue = presentValue.plus(value.times(factors[year] as D));
      years.push({ year, value });
    });
    return {
      proxyValue: v.proxyValue,
      grossValue: v.gross,
      impact: v.impact,
      presentValue,
      years,
    };
  });

  let cumulative = new D(0);
  const years = [];
  for (let year = 1; year <= horizon; year++) {
    const value = yearTotals[year] as D;
    const discountFactor = factors[year] as D;
    const presentValue = value.times(discountFactor);
    cumulative = cumulative.plus(presentValue);
    years.push({ year, value, discountFactor, presentValue, cumulativePresentValue: cumulative });
  }
  const totalPresentValue = cumulative;
  const netPresentValue = totalPresentValue.minus(totalInputs);
  const firstWithValue = years.find((y) => !y.value.isZero());
  const paybackMonths =
    firstWithValue === undefined || totalInputs.isZero() || firstWithValue.value.lte(0)
      ? null
      : totalInputs.div(firstWithValue.value.div(12));
  const breakEven = totalInputs.isZero()
    ? undefined
    : years.find((y) => y.cumulativePresentValue.gte(totalInputs));

  const slices = (keyOf: (o: OracleOutcome) => string, first: readonly string[]) => {
    const sums = new Map<string, D>(first.map((key) => [key, new D(0)]));
    valued.forEach((v, i) => {
      const key = keyOf(v.o);
      sums.set(
        key,
        (sums.get(key) ?? new D(0)).plus((outcomes[i] as { presentValue: D }).presentValue),
      );
    });
    return [...sums].map(([key, presentValue]) => ({
      key,
      presentValue,
      share: ratio(presentValue, totalPresentValue),
      sroiRatio: ratio(presentValue, totalInputs),
    }));
  };

  // the waterfall: gross over every valued year, each deduction from what the one before left
  let remaining = new D(0);
  for (const v of valued) remaining = remaining.plus(v.proxyValue.times(v.grossUnits));
  const grossValue = remaining;
  const taken: D[] = [];
  for (const field of ['deadweight', 'displacement', 'attribution', 'leakage'] as const) {
    let step = new D(0);
    for (const v of valued) {
      const before = [v.o.deadweight, v.o.displacement, v.o.attribution, v.o.leakage]
        .slice(0, taken.length)
        .reduce((a, x) => a.times(one.minus(x)), v.proxyValue.times(v.grossUnits));
      step = step.plus(before.times(v.o[field]));
    }
    taken.push(step);
    remaining = remaining.minus(step);
  }
  const undiscounted = yearTotals.reduce((a, b) => a.plus(b), new D(0));

  const warnings: string[] = [];
  const proxyYears = new Set(
    analysis.outcomes.flatMap((o) =>
      o.proxy.priceYear === undefined ? [] : [String(o.proxy.priceYear)],
    ),
  );
  if (target === undefined && proxyYears.size > 1) warnings.push('MIXED_PRICE_YEARS');
  if (analysis.outcomes.some((o) => o.quantityByYear !== undefined && o.dropOff !== '0')) {
    warnings.push('DROP_OFF_NOT_APPLIED');
  }
  if (lastValued > horizon) warnings.push('HORIZON_CUTS_OUTCOMES');
  if (totalInputs.isZero()) warnings.push('ZERO_INPUTS');
  if (totalPresentValue.isZero()) warnings.push('ZERO_PRESENT_VALUE');

  return {
    horizon,
    deflatorSeries: series?.name ?? null,
    totalPresentValue,
    totalInputs,
    netPresentValue,
    sroiRatio: ratio(totalPresentValue, totalInputs),
    netSroiRatio: ratio(netPresentValue, totalInputs),
    paybackMonths,
    paybackYearValue: firstWithValue?.value ?? null,
    breakEvenYear: breakEven?.year ?? null,
    years,
    inputs,
    outcomes,
    stakeholders: slices(
      (o) => o.stakeholder,
      analysis.stakeholders.map((s) => s.id),
    ),
    categories: slices((o) => o.category ?? 'uncategorised', []),
    waterfall: {
      grossValue,
      deadweight: taken[0] as D,
      displacement: taken[1] as D,
      attribution: taken[2] as D,
      leakage: taken[3] as D,
      dropOff: remaining.minus(undiscounted).minus(beyondHorizon),
      beyondHorizon,
      discounting: undiscounted.minus(totalPresentValue),
    },
    warnings,
  };
}
