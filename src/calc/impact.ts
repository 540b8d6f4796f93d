/**
 * Impact: the part of the gross value that the activity itself caused (SROI Guide 2012, stage 4
 * "Establishing impact"). The deductions multiply, they are not added:
 * `gross × (1 − deadweight) × (1 − displacement) × (1 − attribution) × (1 − leakage)`.
 * Attribution is the share owed to others, so it is deducted. The Value Map spreadsheet applies
 * them the same way; some guides add deductions instead, which over-deducts when they overlap.
 * (docs/method.md; the engine's impact is `applyDeductions` of the gross value, and the
 * waterfall's steps are `deductionChain`.)
 */
import { deductionSteps } from '../model/vocabulary.js';
import type { Fractions } from './_fractions.js';
import type { Arithmetic } from './_arithmetic.js';
import type { DecimalString } from '../model/analysis.js';
import type { Deduction } from '../model/vocabulary.js';

/** The four deductions of SROI Guide 2012 stage 4, each a fraction from 0 to 1. */
export interface Deductions {
  readonly deadweight: DecimalString;
  readonly displacement: DecimalString;
  readonly attribution: DecimalString;
  readonly leakage: DecimalString;
}

/** The deductions that are not zero, each read once, in the order the method applies them. */
export type ReadDeductions<N> = readonly {
  readonly step: Deduction;
  readonly share: N;
  readonly retained: N;
}[];

/**
 * Reads the deductions once: the non-zero ones with what each retains, `1 − x`, in the order
 * of `deductionSteps`. A zero deduction multiplies by exactly 1, so skipping it changes nothing
 * but the time taken. `fractions` lets one evaluation read each distinct rate only once.
 * @internal
 */
export function readDeductions<N>(
  deductions: Deductions,
  fractions: Fractions<N>,
): ReadDeductions<N> {
  const read: { step: Deduction; share: N; retained: N }[] = [];
  for (const step of deductionSteps) {
    if (deductions[step] === '0') continue;
    const { share, retained } = fractions.get(deductions[step]);
    read.push({ step, share, retained });
  }
  return read;
}

/**
 * `value × (1 − deadweight) × (1 − displacement) × (1 − attribution) × (1 − leakage)`, one
 * deduction after another (with decimals each rounds at the 34th digit, in this order). @internal
 */
export function applyDeductions<N>(a: Arithmetic<N>) {
  return (value: N, deductions: ReadDeductions<N>): N => {
    let remaining = value;
    for (const { retained } of deductions) remaining = a.times(remaining, retained);
    return remaining;
  };
}

/**
 * What remains of `gross` after each deduction in turn: element 0 is `gross`, element i what
 * remains after the first i of `deductionSteps` (a zero deduction leaves it unchanged), and the
 * last is `applyDeductions(gross, deductions)` to the last digit. The waterfall is built from
 * these. @internal
 */
export function deductionChain<N>(a: Arithmetic<N>) {
  return (gross: N, deductions: ReadDeductions<N>): N[] => {
    const chain = [gross];
    let remaining = gross;
    let next = 0;
    for (const step of deductionSteps) {
      const deduction = deductions[next];
      if (deduction?.step === step) {
        remaining = a.times(remaining, deduction.retained);
        next++;
      }
      chain.push(remaining);
    }
    return chain;
  };
}
