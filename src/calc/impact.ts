import { Dec, ONE, str } from './_decimal.js';
import type { DecimalString } from '../model/analysis.js';

/** The four deductions of SROI Guide 2012 stage 4, each a fraction from 0 to 1. */
export interface Deductions {
  readonly deadweight: DecimalString;
  readonly displacement: DecimalString;
  readonly attribution: DecimalString;
  readonly leakage: DecimalString;
}

/**
 * Impact: the part of the gross value that the activity itself caused (SROI Guide 2012,
 * stage 4 "Establishing impact"). The deductions multiply, they are not added:
 * `gross × (1 − deadweight) × (1 − displacement) × (1 − attribution) × (1 − leakage)`.
 * Attribution is the share owed to others, so it is deducted. The Value Map spreadsheet applies
 * them the same way; some guides add deductions instead, which over-deducts when they overlap.
 *
 * @example
 * impact('40000', { deadweight: '0.2', displacement: '0', attribution: '0.25', leakage: '0' });
 * //=> '24000'
 */
export function impact(gross: DecimalString, deductions: Deductions): DecimalString {
  return str(impactFactor(deductions).times(gross));
}

/** `(1 − deadweight)(1 − displacement)(1 − attribution)(1 − leakage)`, exactly. @internal */
export function impactFactor(deductions: Deductions): Dec {
  let factor = ONE;
  // A zero deduction multiplies by exactly 1: skipping it changes nothing but the time taken.
  if (deductions.deadweight !== '0') factor = factor.times(ONE.minus(deductions.deadweight));
  if (deductions.displacement !== '0') factor = factor.times(ONE.minus(deductions.displacement));
  if (deductions.attribution !== '0') factor = factor.times(ONE.minus(deductions.attribution));
  if (deductions.leakage !== '0') factor = factor.times(ONE.minus(deductions.leakage));
  return factor;
}
