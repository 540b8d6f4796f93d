/**
 * The assumptions a bounded table of a sensitivity analysis shows (`sroi sensitivity`'s text and
 * Markdown forms): the `limit` closest to their switching values and the `limit` with the
 * largest one-way swing, exactly as a sort of every assumption's exact figures would give them,
 * without working out every assumption exactly.
 *
 * Each assumption is first screened on float64 with a running error bound
 * (`BoundedArithmetic`), by the same statements as the exact figures (`parameterFunction`,
 * `oneWayEnds`, `solve`, `marginOf`): an interval that holds its exact swing, and one that holds
 * its exact margin. Ranked by the ends of those intervals, an assumption that `limit` others are
 * sure to come before is left out; the rest — usually a few more than `limit` — are worked out
 * exactly and ranked exactly, ties in the order of `parameterRefs`. An assumption whose screening
 * meets a comparison its bounds cannot decide, or a switching value found by Brent's method, is
 * always worked out exactly. So the tables are those of the exact analysis, digit for digit, and
 * a 150,000-outcome analysis works out a few dozen of its 1.2 million assumptions in decimal.
 */
import { decimalArithmetic } from '../calc/_arithmetic.js';
import { BoundedArithmetic } from '../calc/_boundedArithmetic.js';
import { Dec } from '../calc/_decimal.js';
import { parameterMoves } from '../model/vocabulary.js';
import { parameterFunction } from './_sensitivityModel.js';
import { MARGIN_STEPS, marginOf } from './_margin.js';
import { oneWayEnds, oneWayRow, swingOrder } from './oneWaySensitivity.js';
import { refsOf } from './SensitivityParameter.js';
import { solve, switchingValueOf } from './solveFor.js';
import type { Bounded } from '../calc/_boundedArithmetic.js';
import type { Arithmetic } from '../calc/_arithmetic.js';
import type { ParameterFunction } from './_sensitivityModel.js';
import type { ParameterRef } from './SensitivityParameter.js';
import type { OneWayResult, OneWaySteps, SwingRow } from './oneWaySensitivity.js';
import type { SensitivityPlan } from './sensitivityAnalysis.js';
import type { Solved, SwitchingValue } from './solveFor.js';
import type { MarginSteps } from './_margin.js';

/**
 * The rows one table keeps: the first `limit` in `order`, ties in the order they come (as a
 * stable sort of them all would give), in time and memory proportional to the rows and the
 * limit, not to their product; with no limit, every row, sorted at the end. @internal
 */
export class Leading<T> {
  private readonly kept: T[] = [];
  constructor(
    private readonly limit: number,
    private readonly order: (a: T, b: T) => number,
  ) {}

  add(item: T): void {
    const { kept, limit, order } = this;
    if (limit === Infinity) {
      kept.push(item);
      return;
    }
    const last = kept[kept.length - 1];
    if (kept.length >= limit && last !== undefined && order(item, last) >= 0) return;
    // after every kept row it does not come before, so that ties keep their order
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (order(kept[middle] as T, item) <= 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, item);
    if (kept.length > limit) kept.pop();
  }

  rows(): T[] {
    return this.limit === Infinity ? this.kept.sort(this.order) : this.kept;
  }
}

/** What the bounded tables show. @internal */
export interface LeadingAssumptions {
  /** How many assumptions the analysis has. */
  readonly count: number;
  /** The switching values, closest to their base first (`switchingMargin`), those with none last. */
  readonly switching: readonly SwitchingValue[];
  /** The one-way tests, largest swing first. */
  readonly oneWay: readonly OneWayResult[];
  /** How many assumptions were worked out exactly. */
  readonly exact: number;
}

/** A switching value and how many small moves it is from its base (`null`: none, unreachable). */
interface MarginRow {
  readonly value: SwitchingValue;
  readonly steps: Dec | null;
}

/** Closest to its switching value first; those with no margin last, in their order. */
function marginOrder(a: MarginRow, b: MarginRow): number {
  if (a.steps === null) return b.steps === null ? 0 : 1;
  return b.steps === null ? -1 : a.steps.cmp(b.steps);
}

/** The small move of each unit, over an arithmetic. */
function marginSteps<N>(a: Arithmetic<N>, steps: MarginSteps = MARGIN_STEPS) {
  return {
    relative: a.read(steps.relative),
    points: a.read(steps.points),
    years: a.read(steps.years),
  };
}

const exactSteps = marginSteps(decimalArithmetic);

/** How many small moves a switching value is from its base, or `null` (see `switchingMargin`). */
function marginOfSolved<N>(
  fn: ParameterFunction<N>,
  solved: Solved<N>,
  steps: { readonly relative: N; readonly points: N; readonly years: N },
): N | null {
  if (!solved.reachable) return null;
  const unit = parameterMoves[fn.ref.parameter];
  return marginOf(fn.a, unit, fn.base, solved.value, steps[unit])?.steps ?? null;
}

/**
 * The `limit` assumptions of each table (see the file's comment); every assumption, worked out
 * exactly, when `limit` is `Infinity` or at least the number of assumptions. @internal
 */
export function leadingAssumptions(plan: SensitivityPlan, limit: number): LeadingAssumptions {
  const refs = refsOf(plan.model.analysis);
  const count = refs.length;
  const candidates = count > limit ? screen(plan, refs, limit) : undefined;
  const switching = new Leading<MarginRow>(limit, marginOrder);
  const oneWay = new Leading<SwingRow>(limit, swingOrder);
  let exact = 0;
  refs.forEach((ref, i) => {
    if (candidates === undefined || candidates[i] === 1) {
      exact++;
      const fn = parameterFunction(plan.model, ref);
      const solved = solve(fn, plan.target);
      const steps = marginOfSolved(fn, solved, exactSteps);
      switching.add({ value: switchingValueOf(fn, solved), steps });
      oneWay.add(oneWayRow(fn, plan.steps));
    }
  });
  return {
    count,
    switching: switching.rows().map((r) => r.value),
    oneWay: oneWay.rows().map((r) => r.row),
    exact,
  };
}

/**
 * Screens every assumption on float64 with error bounds and marks (1) those that may be among
 * the first `limit` of either table; the others (0) are sure not to be.
 */
function screen(plan: SensitivityPlan, refs: readonly ParameterRef[], limit: number): Uint8Array {
  const { swingBest, swingWorst, marginBest, marginWorst } = bounds(plan, refs, MARGIN_STEPS, true);
  const n = refs.length;
  const candidates = new Uint8Array(n);
  for (const [best, worst] of [
    [swingBest, swingWorst],
    [marginBest, marginWorst],
  ] as const) {
    // The `limit`-th smallest worst case: `limit` assumptions are sure to rank at or before it.
    const order = (x: number, y: number) => (worst[x] as number) - (worst[y] as number) || x - y;
    const leading = new Leading<number>(limit, order);
    for (let i = 0; i < n; i++) leading.add(i);
    const last = leading.rows()[limit - 1];
    for (let i = 0; i < n; i++) {
      // An assumption whose best case ranks after that is sure to come after `limit` others.
      const lost =
        last !== undefined &&
        ((best[i] as number) > (worst[last] as number) ||
          ((best[i] as number) === (worst[last] as number) && i > last));
      if (!lost) candidates[i] = 1;
    }
  }
  return candidates;
}

/**
 * The switching values, in the order of `parameterRefs`, of the assumptions within `within`
 * small moves (`steps`, as `switchingMargin` counts them) of their switching value, worked out
 * exactly; the others are screened out on float64 with error bounds, as in
 * `leadingAssumptions`. What `checkAnalysis` reports as `SWITCHING_VALUE_CLOSE`. @internal
 */
export function switchingValuesWithin(
  plan: SensitivityPlan,
  within: Dec,
  steps: MarginSteps,
): SwitchingValue[] {
  const refs = refsOf(plan.model.analysis);
  const { marginBest } = bounds(plan, refs, steps, false);
  const limit = within.toNumber();
  const exactMoves = marginSteps(decimalArithmetic, steps);
  const found: SwitchingValue[] = [];
  refs.forEach((ref, i) => {
    // below the best case only when it is surely beyond `within` (a margin of none is +∞)
    if ((marginBest[i] as number) > limit * (1 + 2 ** -40)) return;
    const fn = parameterFunction(plan.model, ref);
    const solved = solve(fn, plan.target);
    const margin = marginOfSolved(fn, solved, exactMoves);
    if (margin !== null && margin.lte(within)) found.push(switchingValueOf(fn, solved));
  });
  return found;
}

/**
 * For each assumption, the least and the most its exact figures can be, from the screen: the
 * swing (larger first) as its negation, so that both tables rank the smaller first, and the
 * margin in small moves (`steps`), `null` (none) as +∞, after every number.
 */
function bounds(
  plan: SensitivityPlan,
  refs: readonly ParameterRef[],
  steps: MarginSteps,
  withSwing: boolean,
) {
  const b = new BoundedArithmetic();
  const model = plan.model.over(b, b.fromDec);
  const target = b.fromDec(plan.target);
  const moves: OneWaySteps<Bounded> = {
    step: b.fromDec(plan.steps.step),
    fractionStep: b.fromDec(plan.steps.fractionStep),
    durationStep: b.fromDec(plan.steps.durationStep),
  };
  const smallMoves = marginSteps(b, steps);
  const n = refs.length;
  const swingBest = new Float64Array(withSwing ? n : 0);
  const swingWorst = new Float64Array(withSwing ? n : 0);
  const marginBest = new Float64Array(n);
  const marginWorst = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ref = refs[i] as ParameterRef;
    let swing: Bounded | undefined;
    let margin: Bounded | null | undefined;
    try {
      // in the exact path's order (the function, the switching value, then the one-way ends),
      // so that each figure is built by the same operations
      b.reset();
      const fn = parameterFunction(model, ref);
      const built = b.undecided;
      b.reset();
      margin = marginOfSolved(fn, solve(fn, target), smallMoves);
      if (built || b.undecided) margin = undefined;
      if (withSwing) {
        b.reset();
        swing = oneWayEnds(fn, moves).swing;
        if (built || b.undecided) swing = undefined;
      }
    } catch {
      // what the screen cannot work out, the exact figures will (or fail with their own error)
    }
    if (withSwing) {
      swingBest[i] = -high(swing);
      swingWorst[i] = -low(swing);
    }
    marginBest[i] = margin === null ? Number.POSITIVE_INFINITY : low(margin);
    marginWorst[i] = margin === null ? Number.POSITIVE_INFINITY : high(margin);
  }
  return { swingBest, swingWorst, marginBest, marginWorst };
}

// The least and the most a screened figure's exact value can be: any number when it is not
// known, or when its bound is not a number (an overflow).
const known = (figure: Bounded | undefined): figure is Bounded =>
  figure !== undefined && Number.isFinite(figure.v) && Number.isFinite(figure.e);
const low = (figure: Bounded | undefined): number =>
  known(figure) ? figure.v - figure.e : Number.NEGATIVE_INFINITY;
const high = (figure: Bounded | undefined): number =>
  known(figure) ? figure.v + figure.e : Number.POSITIVE_INFINITY;
