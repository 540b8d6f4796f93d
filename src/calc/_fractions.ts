import { Dec, ONE } from './_decimal.js';
import type { DecimalString } from '../model/analysis.js';

/** A fraction read from its text: the share `x`, and what it leaves, `1 − x`. */
export interface Fraction {
  readonly share: Dec;
  readonly retained: Dec;
}

/**
 * Reads fractions (deductions, drop-off) once per text. Impact maps repeat a handful of rates
 * (25 %, 10 %, 0.5), so within one evaluation each distinct text is parsed, and its complement
 * computed, only the first time. One instance belongs to one evaluation: nothing is shared
 * between calls, so the engine keeps no global state. @internal
 */
export class Fractions {
  private readonly read = new Map<DecimalString, Fraction>();

  get(text: DecimalString): Fraction {
    let fraction = this.read.get(text);
    if (fraction === undefined) {
      const share = new Dec(text);
      fraction = { share, retained: ONE.minus(share) };
      this.read.set(text, fraction);
    }
    return fraction;
  }
}
