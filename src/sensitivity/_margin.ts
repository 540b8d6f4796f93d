/**
 * How far an assumption is from its switching value, in "small moves", over any arithmetic: the
 * one statement behind `switchingMargin` (`src/review`), which reports and `sroi check` rank
 * assumptions by, and behind the ranking of `sroi sensitivity`'s table, exact or screened.
 */
import type { Arithmetic } from '../calc/_arithmetic.js';
import type { DecimalString } from '../model/analysis.js';

/** How an assumption's move is measured: a share of its value, points of a fraction, or years. */
export type MarginUnit = 'relative' | 'points' | 'years';

/**
 * What counts as one "small move" of an assumption, in each unit. The defaults are the moves of
 * the one-way test (`oneWaySensitivity`): ±10% of money and quantities, ±10 points of a
 * fraction, ±1 year of duration.
 */
export interface MarginSteps {
  /** A share of the base value, for quantities, proxies, inputs and the proxy scale. */
  readonly relative: DecimalString;
  /** Points of 0–1, for the deductions, drop-off and the discount rate. */
  readonly points: DecimalString;
  /** Years, for duration. */
  readonly years: DecimalString;
}

/** The default small moves: those of the one-way test. */
export const MARGIN_STEPS: MarginSteps = { relative: '0.1', points: '0.1', years: '1' };

/**
 * The move from `base` to the switching value `target` (relative to `|base|` for a relative
 * unit) and how many small moves of `step` it is; `null` where `switchingMargin` says there is
 * no margin: a relative move from zero, a step that is not above zero, or a duration that would
 * have to fall where the one-way test never takes it. @internal
 */
export function marginOf<N>(
  a: Arithmetic<N>,
  unit: MarginUnit,
  base: N,
  target: N,
  step: N,
): { readonly move: N; readonly steps: N } | null {
  let move = a.minus(target, base);
  if (unit === 'relative') {
    if (a.isZero(base)) return null;
    move = a.div(move, a.abs(base));
  }
  let small = step;
  if (!a.lessThan(a.zero, small)) return null;
  if (unit === 'years' && a.lessThan(move, a.zero)) {
    // The one-way test never shortens a duration below one year (nor one already under a year:
    // docs/sensitivity.md), so a small move down is what it can take: one step, or less.
    small = a.min(small, a.minus(base, a.min(base, a.one)));
    if (!a.lessThan(a.zero, small)) return null;
  }
  return { move, steps: a.div(a.abs(move), small) };
}
