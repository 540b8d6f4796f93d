import { Dec, str } from './_decimal.js';
import { Fractions } from './_fractions.js';
import { applyDeductions, readDeductions } from './impact.js';
import type { ReadDeductions } from './impact.js';
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
 * An outcome's undiscounted value in each valued year, `start … start + duration − 1`
 * (docs/method.md). The first valued year holds the impact; every later year holds the year before
 * times `(1 − dropOff)`, so drop-off compounds and never touches the first valued year — the
 * SROI Guide 2012 stage 4 and the Value Map's "drop off" columns work this way.
 *
 * With `quantityByYear`, the k-th valued year uses `quantityByYear[k]` in place of `quantity`
 * and drop-off is not applied: the stated profile already says how many units remain.
 *
 * `proxyValue` is the value of one unit, already rebased to the analysis price year.
 *
 * @example
 * outcomeValues(
 *   { quantity: '40', duration: 3, start: 1, deadweight: '0.2', displacement: '0',
 *     attribution: '0.25', leakage: '0', dropOff: '0.5' },
 *   '1000',
 * );
 * //=> [{ year: 1, value: '24000' }, { year: 2, value: '12000' }, { year: 3, value: '6000' }]
 */
export function outcomeValues(
  outcome: OutcomeValueFields,
  proxyValue: DecimalString,
): { year: number; value: DecimalString }[] {
  return outcomeValuesDec(outcome, new Dec(proxyValue)).map((value, k) => ({
    year: outcome.start + k,
    value: str(value),
  }));
}

/**
 * The same as `outcomeValues`, as decimals indexed by valued year (0 = `start`). `fractions`
 * reads the rates, `deductions` are the outcome's deductions read, and `impact` is the first
 * valued year's value, passed in when the caller has them already. @internal
 */
export function outcomeValuesDec(
  outcome: OutcomeValueFields,
  proxyValue: Dec,
  fractions: Fractions = new Fractions(),
  deductions: ReadDeductions = readDeductions(outcome, fractions),
  impact?: Dec,
): Dec[] {
  const values: Dec[] = [];
  if (outcome.quantityByYear !== undefined) {
    for (const quantity of outcome.quantityByYear) {
      values.push(applyDeductions(proxyValue.times(quantity), deductions));
    }
    return values;
  }
  // gross after each deduction in turn, as `impact` computes it, so that the first valued year
  // equals the outcome's impact to the last digit.
  let value = impact ?? applyDeductions(proxyValue.times(outcome.quantity), deductions);
  const retained = outcome.dropOff === '0' ? null : fractions.get(outcome.dropOff).retained;
  for (let k = 0; k < outcome.duration; k++) {
    values.push(value);
    if (retained !== null) value = value.times(retained);
  }
  return values;
}
