import { decimalArithmetic } from './_arithmetic.js';
import { Dec, str } from './_decimal.js';
import { Fractions } from './_fractions.js';
import { applyDeductions, readDeductions } from './impact.js';
import { valuedYears } from './valuedYears.js';
import { decimalText, outcomeFieldsArgument } from '../model/_arguments.js';
import type { Arithmetic } from './_arithmetic.js';
import type { OutcomeTerms } from './outcomeTerms.js';
import type { ValuedYears } from './valuedYears.js';
import type { DecimalString, Outcome } from '../model/analysis.js';

/** The fields of an outcome that set its value in each year. */
export type OutcomeValueFields = Pick<
  Outcome,
  | 'quantity'
  | 'duration'
  | 'start'
  | 'deadweight'
  | 'displacement'
  | 'attribution'
  | 'leakage'
  | 'dropOff'
  | 'quantityByYear'
>;

/**
 * An outcome's undiscounted value in each valued year, `start … start + ⌈duration⌉ − 1`
 * (docs/method.md). The first valued year holds the impact; every later year holds the year before
 * times `(1 − dropOff)`, so drop-off compounds and never touches the first valued year — the
 * SROI Guide 2012 stage 4 and the Value Map's "drop off" columns work this way. With a
 * fractional duration the last valued year counts only its share, `duration − (⌈duration⌉ − 1)`,
 * of its value after drop-off.
 *
 * With `quantityByYear`, the k-th valued year uses `quantityByYear[k]` in place of `quantity`
 * and drop-off is not applied: the stated profile already says how many units remain.
 *
 * `proxyValue` is the value of one unit, already rebased to the analysis price year.
 *
 * @example
 * outcomeValues(
 *   { quantity: '40', duration: 2.5, start: 1, deadweight: '0.2', displacement: '0',
 *     attribution: '0.25', leakage: '0', dropOff: '0.5' },
 *   '1000',
 * );
 * //=> [{ year: 1, value: '24000' }, { year: 2, value: '12000' }, { year: 3, value: '3000' }]
 */
export function outcomeValues(
  outcome: OutcomeValueFields,
  proxyValue: DecimalString,
): { year: number; value: DecimalString }[] {
  outcomeFieldsArgument('outcomeValues', outcome);
  decimalText('outcomeValues', proxyValue, 'proxyValue');
  const a = decimalArithmetic;
  const fractions = new Fractions(a);
  const profile = outcome.quantityByYear?.map((q) => new Dec(q));
  const terms = {
    years: valuedYears(a)(outcome.start, outcome.duration),
    proxyValue: new Dec(proxyValue),
    quantity: profile?.[0] ?? new Dec(outcome.quantity),
    profile,
    deductions: readDeductions(outcome, fractions),
    dropOff:
      profile !== undefined || outcome.dropOff === '0' ? null : fractions.get(outcome.dropOff),
  };
  return yearValues(a)(terms).map((value, k) => ({ year: outcome.start + k, value: str(value) }));
}

/** What `yearValues` reads of an outcome's terms. */
export type ValueTerms<N> = Pick<
  OutcomeTerms<N>,
  'years' | 'proxyValue' | 'quantity' | 'profile' | 'deductions' | 'dropOff'
>;

/**
 * An outcome's value in each of its valued years (index 0 = `start`), beyond the horizon too
 * (see `outcomeValues`). `impact`, the first valued year's value, is passed in when the caller
 * has it already. @internal
 */
export function yearValues<N>(a: Arithmetic<N>) {
  const deduct = applyDeductions(a);
  const compounded = compoundedValues(a);
  return (terms: ValueTerms<N>, impact?: N): N[] => {
    const { years, profile, proxyValue, deductions } = terms;
    if (profile === undefined) {
      // the gross after each deduction in turn, as `impact` computes it, so that the first
      // valued year equals the outcome's impact to the last digit
      const first = impact ?? deduct(a.times(proxyValue, terms.quantity), deductions);
      return compounded(years, terms.dropOff?.retained ?? null, first);
    }
    return units(a, years, profile, (quantity) =>
      deduct(a.times(proxyValue, quantity), deductions),
    );
  };
}

/**
 * The units of an outcome counted in each valued year, before the proxy and the deductions: the
 * profile's quantities, or the quantity compounding with drop-off; the last valued year × its
 * share. The value of year k is proxy × deductions × these units. @internal
 */
export function yearUnits<N>(a: Arithmetic<N>) {
  const compounded = compoundedValues(a);
  return (terms: ValueTerms<N>): N[] =>
    terms.profile === undefined
      ? compounded(terms.years, terms.dropOff?.retained ?? null, terms.quantity)
      : units(a, terms.years, terms.profile, (quantity) => quantity);
}

/**
 * The value of each valued year of an outcome without a profile, from the first year's value:
 * each later year is the one before × `retained` (`1 − dropOff`; `null` for no drop-off), and the
 * last valued year counts its share (docs/method.md). @internal
 */
export function compoundedValues<N>(a: Arithmetic<N>) {
  return (years: ValuedYears<N>, retained: N | null, first: N): N[] => {
    const values: N[] = [];
    let value = first;
    for (let k = 0; k < years.count; k++) {
      values.push(value);
      if (retained !== null) value = a.times(value, retained);
    }
    if (years.lastShare !== null)
      values[years.count - 1] = a.times(lastOf(values), years.lastShare);
    return values;
  };
}

/** The profile's year k valued by `value`, the last valued year × its share. */
function units<N>(
  a: Arithmetic<N>,
  years: ValuedYears<N>,
  profile: readonly N[],
  value: (quantity: N) => N,
): N[] {
  const values = profile.map(value);
  if (years.lastShare !== null) values[years.count - 1] = a.times(lastOf(values), years.lastShare);
  return values;
}

/** The last element of a non-empty list. */
function lastOf<N>(values: readonly N[]): N {
  const last = values[values.length - 1];
  if (last === undefined) throw new RangeError('sroi: an outcome has no valued year');
  return last;
}
