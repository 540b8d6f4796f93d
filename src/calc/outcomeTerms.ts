/**
 * An outcome's terms: everything the method reads from one outcome, stated once, over any
 * arithmetic (`_arithmetic.ts`). The engine (`evaluateAnalysis`), the sensitivity model and the
 * Monte Carlo path build them here and value them with `outcomeValues.ts` and
 * `presentValueFactors.ts`; none of them re-reads an outcome's fields to value it.
 */
import { Dec } from './_decimal.js';
import { Fractions } from './_fractions.js';
import { readDeductions } from './impact.js';
import { rebaseFactor } from './rebase.js';
import { checkDuration, checkStart, lastValuedYear, valuedYears } from './valuedYears.js';
import { hmtGdpDeflatorsCalendar, hmtGdpDeflatorsFinancial } from '../data/hmtGdpDeflators.js';
import { SroiError } from '../model/SroiError.js';
import type { Arithmetic } from './_arithmetic.js';
import type { Fraction } from './_fractions.js';
import type { ReadDeductions } from './impact.js';
import type { ValuedYears } from './valuedYears.js';
import type { Analysis, Outcome, PriceYear } from '../model/analysis.js';
import type { DeflatorSeries } from '../model/DeflatorSeries.js';
import type { OutcomeParameter } from '../model/vocabulary.js';

/** What the method reads from the analysis as a whole to value its outcomes. */
export interface ValuationContext {
  /** The price year every proxy is rebased to, when a proxy needs rebasing. */
  readonly priceYear: PriceYear | undefined;
  /** The deflator series that rebases proxies, or `undefined` when no proxy needs rebasing. */
  readonly deflators: DeflatorSeries | undefined;
  /** The horizon the analysis sets: later years do not count. `undefined`: nothing is cut. */
  readonly cut: number | undefined;
  /**
   * The years the result lists, 1 … `horizon`: the analysis' horizon or, by default, the last
   * year in which any outcome is valued (at least 1). The default never cuts an outcome.
   */
  readonly horizon: number;
  /** The last year any flow is discounted in: the horizon, or a later input's year. */
  readonly lastYear: number;
}

/**
 * The analysis-wide terms of the method: the deflator series (the one given, or the bundled
 * HM Treasury series of the analysis' kind of price year — calendar for `2023`, financial for
 * `"2023-24"` — and none when no proxy is stated in another price year than the analysis), and
 * the horizon (docs/method.md). @internal
 */
export function valuationContext(
  analysis: Analysis,
  options: { readonly deflators?: DeflatorSeries } = {},
): ValuationContext {
  const target = analysis.priceYear;
  const needed =
    target !== undefined &&
    analysis.outcomes.some(
      (o) => o.proxy.priceYear !== undefined && String(o.proxy.priceYear) !== String(target),
    );
  let deflators: DeflatorSeries | undefined;
  if (needed) {
    deflators =
      options.deflators ??
      (typeof target === 'number' ? hmtGdpDeflatorsCalendar : hmtGdpDeflatorsFinancial);
  }
  let lastValued = 0;
  analysis.outcomes.forEach((o, index) => {
    let field = 'start';
    try {
      checkStart(o.start);
      field = 'duration';
      checkDuration(o.duration);
    } catch (error) {
      throw located(error, index, field, o[field as 'start' | 'duration']);
    }
    lastValued = Math.max(lastValued, lastValuedYear(o.start, o.duration));
  });
  const horizon = analysis.horizon ?? Math.max(1, lastValued);
  let lastYear = horizon;
  for (const input of analysis.inputs) lastYear = Math.max(lastYear, input.year);
  return { priceYear: target, deflators, cut: analysis.horizon, horizon, lastYear };
}

/** One outcome's terms over numbers of type `N` (see the file's comment). */
export interface OutcomeTerms<N> {
  /** The outcome's position in the analysis. */
  readonly index: number;
  readonly outcome: Outcome;
  /** Its valued years, the share of the last that counts, and the horizon applied. */
  readonly years: ValuedYears<N>;
  /** The proxy's value as written. */
  readonly proxy: N;
  /** `deflator(analysis priceYear) ÷ deflator(proxy priceYear)`, or `null`: not rebased. */
  readonly rebase: N | null;
  /** The proxy's value in the analysis price base: `proxy × rebase`. */
  readonly proxyValue: N;
  /** The quantity of the first valued year (`quantityByYear[0]` for a profile). */
  readonly quantity: N;
  /** The quantity of each valued year, when the outcome states a profile. */
  readonly profile: readonly N[] | undefined;
  /** The deductions that are not zero, with what each retains, in the method's order. */
  readonly deductions: ReadDeductions<N>;
  /**
   * The drop-off and what it retains each year, or `null` when the value does not drop off: a
   * drop-off of zero, or a profile (which replaces drop-off, docs/method.md).
   */
  readonly dropOff: Fraction<N> | null;
}

/**
 * A reader of outcome terms for one evaluation: each distinct rate and rebase factor is read
 * once. A price year outside the deflator series is an error located at the outcome's
 * `proxy.priceYear`. @internal
 */
export function outcomeTerms<N>(a: Arithmetic<N>, context: ValuationContext) {
  const fractions = new Fractions(a);
  const yearsOf = valuedYears(a);
  const factorOf = rebaseFactor(a);
  const rebaseFactors = new Map<string, N>();
  const rebaseOf = (outcome: Outcome, index: number): N | null => {
    const from = outcome.proxy.priceYear;
    const { priceYear, deflators } = context;
    if (from === undefined || priceYear === undefined || deflators === undefined) return null;
    let factor = rebaseFactors.get(String(from));
    if (factor === undefined) {
      factor = locate(index, 'proxy.priceYear', from, () => factorOf(from, priceYear, deflators));
      rebaseFactors.set(String(from), factor);
    }
    return factor;
  };
  // Impact maps repeat a few (start, duration) pairs: each is read once.
  const valued = new Map<number, Map<number, ValuedYears<N>>>();
  let last: { start: number; duration: number; years: ValuedYears<N> } | undefined;
  const yearsFor = (outcome: Outcome, index: number): ValuedYears<N> => {
    if (last !== undefined && last.start === outcome.start && last.duration === outcome.duration) {
      return last.years;
    }
    let byDuration = valued.get(outcome.start);
    if (byDuration === undefined) {
      byDuration = new Map();
      valued.set(outcome.start, byDuration);
    }
    let years = byDuration.get(outcome.duration);
    if (years === undefined) {
      years = locate(index, 'duration', outcome.duration, () =>
        yearsOf(outcome.start, outcome.duration, context.cut),
      );
      byDuration.set(outcome.duration, years);
    }
    last = { start: outcome.start, duration: outcome.duration, years };
    return years;
  };
  return (outcome: Outcome, index: number): OutcomeTerms<N> => {
    const proxy = a.read(outcome.proxy.value);
    const rebase = context.deflators === undefined ? null : rebaseOf(outcome, index);
    const profile =
      outcome.quantityByYear === undefined
        ? undefined
        : outcome.quantityByYear.map((q) => a.read(q));
    const years = yearsFor(outcome, index);
    if (profile !== undefined && profile.length !== years.count) {
      locate(index, 'quantityByYear', outcome.quantityByYear, () => {
        throw new SroiError(
          'INVALID_ARGUMENT',
          `quantityByYear must give one quantity for each of the ${years.count} valued years (duration ${outcome.duration}), got ${profile.length}`,
        );
      });
    }
    return {
      index,
      outcome,
      years,
      proxy,
      rebase,
      proxyValue: rebase === null ? proxy : a.times(proxy, rebase),
      quantity: profile?.[0] ?? a.read(outcome.quantity),
      profile,
      deductions: readDeductions(outcome, fractions),
      dropOff:
        profile !== undefined || outcome.dropOff === '0' ? null : fractions.get(outcome.dropOff),
    };
  };
}

/**
 * Why an outcome's `parameter` is not an assumption of its calculation (and so is neither
 * tested nor drawn), or `undefined` when it is one. A profile (`quantityByYear`) replaces
 * drop-off and fixes the number of valued years; it is scaled through its first year's quantity,
 * so a zero there cannot be scaled.
 *
 * @example
 * fixedBecause({ quantityByYear: ['2', '1'] }, 'dropOff');
 * //=> 'gives quantityByYear, so its dropOff is not an assumption of the calculation'
 */
export function fixedBecause(
  outcome: Pick<Outcome, 'quantityByYear'>,
  parameter: OutcomeParameter,
): string | undefined {
  const profile = outcome.quantityByYear;
  if (profile === undefined) return undefined;
  if (parameter === 'dropOff' || parameter === 'duration') {
    return `gives quantityByYear, so its ${parameter} is not an assumption of the calculation`;
  }
  if (parameter === 'quantity' && new Dec(profile[0] ?? '0').isZero()) {
    return 'has a zero first-year quantity in quantityByYear, so its quantity cannot be scaled';
  }
  return undefined;
}

/** Runs `read`, and locates a domain error it throws at `outcomes[index].field`. */
function locate<T>(index: number, field: string, received: unknown, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw located(error, index, field, received);
  }
}

/** A domain error (`SroiError`) located at `outcomes[index].field`; any other error as it is. */
function located(error: unknown, index: number, field: string, received: unknown): unknown {
  if (!(error instanceof SroiError)) return error;
  const path = ['outcomes', index, ...field.split('.')];
  return new SroiError(error.code, `outcomes[${index}].${field}: ${error.message}`, [
    {
      code: field === 'proxy.priceYear' ? 'price_year' : 'out_of_range',
      message: error.message,
      path,
      received,
    },
  ]);
}
