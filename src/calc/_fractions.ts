import type { Arithmetic } from './_arithmetic.js';
import type { DecimalString } from '../model/analysis.js';

/** A fraction read from its text: the share `x`, and what it retains, `1 − x`. */
export interface Fraction<N> {
  readonly share: N;
  readonly retained: N;
}

/**
 * What a deduction or a drop-off of `share` retains of what it applies to: `1 − share`
 * (docs/method.md). @internal
 */
export function retained<N>(a: Arithmetic<N>): (share: N) => N {
  return (share) => a.minus(a.one, share);
}

/**
 * Reads fractions (deductions, drop-off) once per text: a deduction or a drop-off of `x` retains
 * `1 − x` of what it applies to (docs/method.md). Impact maps repeat a handful of rates (25 %,
 * 10 %, 0.5), so within one evaluation each distinct text is read, and its complement computed,
 * only the first time. One instance belongs to one evaluation: nothing is shared between calls,
 * so the engine keeps no global state. @internal
 */
export class Fractions<N> {
  private readonly read = new Map<DecimalString, Fraction<N>>();

  private readonly retain: (share: N) => N;

  constructor(private readonly arithmetic: Arithmetic<N>) {
    this.retain = retained(arithmetic);
  }

  get(text: DecimalString): Fraction<N> {
    let fraction = this.read.get(text);
    if (fraction === undefined) {
      const share = this.arithmetic.read(text);
      fraction = { share, retained: this.retain(share) };
      this.read.set(text, fraction);
    }
    return fraction;
  }
}
