import type { DecimalString } from '../model/analysis.js';
import type { UncertainParameter } from '../model/vocabulary.js';

// The assumptions a simulation can draw are the model's vocabulary (src/model/vocabulary.ts);
// exported here too, where the public index has always found them.
export { uncertainParameters } from '../model/vocabulary.js';
export type { UncertainParameter } from '../model/vocabulary.js';

/**
 * A probability distribution for one assumption. Every figure is a decimal string; fractions
 * may be written `"25%"` in the file.
 * - `uniform`: every value from `min` to `max` equally likely.
 * - `triangular`: `min`, most likely `mode`, `max`; density rising in a straight line to the mode.
 * - `pert`: `min`, `mode`, `max` as a scaled beta distribution with shape λ = 4 (Vose 2008):
 *   α = 1 + 4(mode − min)/(max − min), β = 1 + 4(max − mode)/(max − min); smoother than the
 *   triangle and less weight in the tails.
 * - `normal`: `mean` and standard deviation `sd`, truncated to the assumption's valid range
 *   (fractions 0–1, quantities ≥ 0) and to `min`/`max` when given.
 * - `beta`: shapes `alpha` and `beta`, scaled to `min`–`max` (0–1 by default).
 */
export type Distribution =
  | { readonly distribution: 'uniform'; readonly min: DecimalString; readonly max: DecimalString }
  | {
      readonly distribution: 'triangular' | 'pert';
      readonly min: DecimalString;
      readonly mode: DecimalString;
      readonly max: DecimalString;
    }
  | {
      readonly distribution: 'normal';
      readonly mean: DecimalString;
      readonly sd: DecimalString;
      readonly min?: DecimalString;
      readonly max?: DecimalString;
    }
  | {
      readonly distribution: 'beta';
      readonly alpha: DecimalString;
      readonly beta: DecimalString;
      /** 0 when left out. */
      readonly min?: DecimalString;
      /** 1 when left out. */
      readonly max?: DecimalString;
    };

/**
 * One uncertain assumption: which parameter, of which outcome (`"*"` for every outcome; none
 * for `discountRate`), and its distribution.
 */
export type UncertainAssumption = Distribution & {
  readonly parameter: UncertainParameter;
  readonly outcome?: string;
};

/** The `uncertainty` section of an analysis file, validated by `safeParseUncertainty`. */
export interface Uncertainty {
  /** Seed of the random number generator (a whole number); the same seed gives the same output. */
  readonly seed: number;
  /** How many times the analysis is drawn. */
  readonly draws: number;
  /** How many equal-width bins the histogram of the ratio has. */
  readonly bins: number;
  readonly parameters: readonly UncertainAssumption[];
}
