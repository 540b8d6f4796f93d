import { decimalArithmetic } from '../calc/_arithmetic.js';
import { Dec, str } from '../calc/_decimal.js';
import { booleanArgument, decimalText, objectArgument, textArgument } from '../model/_arguments.js';
import { parameterMoves } from '../model/vocabulary.js';
import { MARGIN_STEPS, marginOf } from '../sensitivity/_margin.js';
import type { DecimalString } from '../model/analysis.js';
import type { SensitivityParameter } from '../model/vocabulary.js';
import type { MarginSteps, MarginUnit } from '../sensitivity/_margin.js';

export { MARGIN_STEPS } from '../sensitivity/_margin.js';
export type { MarginSteps, MarginUnit } from '../sensitivity/_margin.js';

/** How far an assumption is from its switching value. */
export interface SwitchingMargin {
  readonly unit: MarginUnit;
  /**
   * The move from the base value to the switching value: `(switching − base) ÷ |base|` for a
   * relative unit (`-0.76` = 76% lower), `switching − base` in points or years otherwise.
   */
  readonly move: DecimalString;
  /** `|move|` as a multiple of the unit's small move: below 1 is within one small move. */
  readonly steps: DecimalString;
}

/** An assumption's switching value as `switchingValues` (or its JSON) gives it. */
export interface SwitchingValueLike {
  readonly parameter: string;
  readonly base: DecimalString | number;
  readonly switchingValue: DecimalString | number | null;
  readonly reachable: boolean;
}

/**
 * The unit an assumption moves in: `points` for the fractions (the four deductions, drop-off,
 * the discount rate), `years` for duration, `relative` for money and quantities; `undefined`
 * for a parameter sensitivity analysis does not move.
 *
 * @example
 * ['dropOff', 'proxy', 'duration'].map(marginUnit);
 * //=> ['points', 'relative', 'years']
 */
export function marginUnit(parameter: string): MarginUnit | undefined {
  textArgument('marginUnit', parameter, 'parameter');
  return Object.hasOwn(parameterMoves, parameter)
    ? parameterMoves[parameter as SensitivityParameter]
    : undefined;
}

/**
 * How far an assumption would have to move, alone, to reach its switching value, in the
 * assumption's own terms, and how many "small moves" that is. This is the one measure by which
 * `checkAnalysis` finds switching values close to their base and reports rank the assumptions
 * a conclusion rests on: a unitless count of small moves lets a deduction, a proxy and a
 * duration be compared. `null` when the switching value is not reachable, the parameter is not
 * one sensitivity analysis moves, a relative move starts from zero (no share of zero moves), or
 * a duration would have to fall where the one-way test never takes it: below one year, for an
 * outcome stated to last a year or more (a small move down of a duration is one year at most,
 * and never below one year).
 *
 * @example
 * switchingMargin({ parameter: 'deadweight', base: '0.2', switchingValue: '0.25', reachable: true });
 * //=> { unit: 'points', move: '0.05', steps: '0.5' }
 * @example
 * switchingMargin({ parameter: 'quantity', base: '40', switchingValue: '10', reachable: true });
 * //=> { unit: 'relative', move: '-0.75', steps: '7.5' }
 * @example
 * // 1.5 years can move down only 0.5 of a year before it reaches one year
 * switchingMargin({ parameter: 'duration', base: '1.5', switchingValue: '1.25', reachable: true });
 * //=> { unit: 'years', move: '-0.25', steps: '0.5' }
 */
export function switchingMargin(
  value: SwitchingValueLike,
  steps: MarginSteps = MARGIN_STEPS,
): SwitchingMargin | null {
  const fn = 'switchingMargin';
  const given = objectArgument(fn, 'value', value);
  const unit = marginUnit(textArgument(fn, given.parameter, 'value.parameter'));
  booleanArgument(fn, 'value.reachable', given.reachable);
  const moves = objectArgument(fn, 'steps', steps);
  if (unit === undefined || !value.reachable || value.switchingValue === null) return null;
  // a figure read from JSON may be a number: its shortest decimal text
  const figure = (x: unknown, name: string) =>
    new Dec(decimalText(fn, typeof x === 'number' && Number.isFinite(x) ? String(x) : x, name));
  const base = figure(value.base, 'value.base');
  const target = figure(value.switchingValue, 'value.switchingValue');
  decimalText(fn, moves[unit], `steps.${unit}`);
  const margin = marginOf(decimalArithmetic, unit, base, target, new Dec(steps[unit]));
  return margin === null ? null : { unit, move: str(margin.move), steps: str(margin.steps) };
}
