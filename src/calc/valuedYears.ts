import { MAX_DURATION } from '../model/_arguments.js';
import { SroiError } from '../model/SroiError.js';
import type { Arithmetic } from './_arithmetic.js';

export { MAX_DURATION };

/**
 * The years in which an outcome is valued, and how much of each counts (docs/method.md):
 * `start … start + ⌈duration⌉ − 1`, every one in full except the last, which counts only its
 * share `duration − (⌈duration⌉ − 1)` of that year's value (after drop-off). A whole duration
 * counts every year in full. Years after the horizon are valued but not counted: their value is
 * what the horizon leaves out.
 */
export interface ValuedYears<N> {
  /** The first valued year, ≥ 1. */
  readonly start: number;
  /** How many years are valued: ⌈duration⌉. */
  readonly count: number;
  /** The last valued year, `start + count − 1`. */
  readonly last: number;
  /** The last valued year within the horizon; below `start` when the horizon ends before it. */
  readonly lastCounted: number;
  /** The share of the last valued year's value that counts, or `null` for a whole duration. */
  readonly lastShare: N | null;
  /**
   * How many years' worth of value the valued years count, before drop-off: every year's share
   * added up, `(count − 1) + share`, which is the duration.
   */
  readonly yearsWorth: number;
}

/**
 * The last valued year of an outcome, `start + ⌈duration⌉ − 1`.
 *
 * @example
 * lastValuedYear(2, 2.5);
 * //=> 4
 */
export function lastValuedYear(start: number, duration: number): number {
  return start + Math.ceil(duration) - 1;
}

/**
 * The valued years of an outcome that starts in year `start` and lasts `duration` years, with
 * the horizon (the last year that counts; none when left out) applied. `duration` is a number
 * of years above 0 and at most 1000 (a JavaScript number from the model, or a number of the
 * arithmetic when sensitivity analysis moves it); `start` is a whole year ≥ 1. @internal
 */
export function valuedYears<N>(a: Arithmetic<N>) {
  return (start: number, duration: number | N, horizon?: number): ValuedYears<N> => {
    let count: number;
    let lastShare: N | null = null;
    let yearsWorth: number;
    if (typeof duration === 'number') {
      checkYears(start, duration);
      count = Math.ceil(duration);
      yearsWorth = duration;
      if (count !== duration) lastShare = a.minus(a.read(duration), a.read(count - 1));
    } else {
      count = a.ceil(duration);
      yearsWorth = a.toNumber(duration);
      const share = a.minus(duration, a.read(count - 1));
      if (!a.isZero(a.minus(share, a.one))) lastShare = share;
    }
    const last = start + count - 1;
    return {
      start,
      count,
      last,
      lastCounted: horizon === undefined ? last : Math.min(last, horizon),
      lastShare,
      yearsWorth,
    };
  };
}

/**
 * The share of each counted valued year (index 0 = `start`, up to the horizon) that counts: 1,
 * and for the last valued year its share. @internal
 */
export function countedShares<N>(a: Arithmetic<N>) {
  return (years: ValuedYears<N>): N[] => {
    const shares: N[] = [];
    for (let year = years.start; year <= years.lastCounted; year++) {
      shares.push(year === years.last && years.lastShare !== null ? years.lastShare : a.one);
    }
    return shares;
  };
}

function checkYears(start: number, duration: number): void {
  checkStart(start);
  checkDuration(duration);
}

/**
 * Throws `SroiError` `INVALID_ARGUMENT` unless `duration` is a number of years above 0 and at
 * most 1000. @internal
 */
export function checkDuration(duration: number): void {
  if (!(duration > 0 && duration <= MAX_DURATION)) {
    throw new SroiError(
      'INVALID_ARGUMENT',
      `duration must be a number of years above 0 and at most ${MAX_DURATION}, got ${duration}`,
    );
  }
}

/** Throws `SroiError` `INVALID_ARGUMENT` unless `start` is a whole year ≥ 1. @internal */
export function checkStart(start: number): void {
  if (!Number.isInteger(start) || start < 1) {
    throw new SroiError('INVALID_ARGUMENT', `start must be a whole year ≥ 1, got ${start}`);
  }
}
