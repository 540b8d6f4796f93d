import { ONE, str } from './_decimal.js';
import { Fractions } from './_fractions.js';
import type { Dec } from './_decimal.js';
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
  return readDeductions(deductions).factor;
}

/** The deductions that are not zero, each read once, in the order the method applies them. */
export interface ReadDeductions {
  readonly factor: Dec;
  readonly steps: readonly {
    readonly step: keyof Deductions;
    readonly share: Dec;
    readonly retained: Dec;
  }[];
}

/** The four deductions in the order the method applies them. @internal */
export const DEDUCTION_STEPS = ['deadweight', 'displacement', 'attribution', 'leakage'] as const;

/**
 * Reads the deductions once: the non-zero ones as decimals with their complements, and their
 * combined factor. A zero deduction multiplies by exactly 1, so skipping it changes nothing but
 * the time taken. `fractions` lets one evaluation read each distinct rate only once. @internal
 */
export function readDeductions(
  deductions: Deductions,
  fractions: Fractions = new Fractions(),
): ReadDeductions {
  let factor = ONE;
  const steps: { step: keyof Deductions; share: Dec; retained: Dec }[] = [];
  for (const step of DEDUCTION_STEPS) {
    if (deductions[step] === '0') continue;
    const { share, retained } = fractions.get(deductions[step]);
    steps.push({ step, share, retained });
    factor = factor === ONE ? retained : factor.times(retained);
  }
  return { factor, steps };
}
