import type { DecimalString } from './analysis.js';

/**
 * A price index used to move money between price years. Keys are price years written as the
 * analysis writes them: `"2019"` for a calendar year, `"2019-20"` for a financial year.
 */
export interface DeflatorSeries {
  /** Named in the result's method statement. */
  readonly name: string;
  readonly basis: 'calendar' | 'financial';
  readonly index: Readonly<Record<string, DecimalString>>;
}
