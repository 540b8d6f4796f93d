import type { Arithmetic } from './_arithmetic.js';
import type { ValuedYears } from './valuedYears.js';

/** Runs of whole years longer than this are summed in closed form when the rate is flat. */
const LONG_RUN = 40;

/**
 * An outcome's present value per unit of its first year's value, for any duration: the sum
 * over its counted valued years (docs/method.md) of `(1 − dropOff)^k × DF(start + k)`, the last
 * valued year times its share. So an outcome without a profile is worth
 * `impact × factors.of(years)`. The sums for whole numbers of years are built year by year, as
 * far as they are asked for, so that every duration of one outcome (sensitivity analysis moves
 * it) costs one more year, not a new sum; years after the horizon add nothing.
 *
 * `flat`, `1 ÷ (1 + rate)` when the rate is the same every year, lets a long run of years be
 * summed in closed form: then `DF(t + 1) = DF(t) × flat` for every t ≥ 1 under every timing, the
 * terms are geometric with ratio ρ = (1 − dropOff) × flat, and `Σ_{k<n} ρ^k DF(start)` is
 * `DF(start)(1 − ρⁿ)/(1 − ρ)`: a power, not n terms. It agrees with the year-by-year sum to the
 * last digit or two; the engine does not use it, so that its figures do not depend on a run's
 * length. @internal
 */
export class PresentValueFactors<N> {
  /** `sums[m]`: the factor of the first m valued years (m whole). */
  private readonly sums: N[];
  /** `weights[k]`: `(1 − dropOff)^k`. */
  private readonly weights: N[];
  /** How many valued years the horizon lets count. */
  private readonly counted: number;

  /**
   * @param start the first valued year
   * @param retained `1 − dropOff`, or `null` for no drop-off
   * @param factor the discount factor of a year
   * @param cut the horizon (the last year that counts), if the analysis sets one
   */
  constructor(
    private readonly a: Arithmetic<N>,
    private readonly start: number,
    private readonly retained: N | null,
    private readonly factor: (year: number) => N,
    cut?: number,
    private readonly flat?: N,
  ) {
    this.sums = [a.zero];
    this.weights = [a.one];
    this.counted = cut === undefined ? Number.POSITIVE_INFINITY : Math.max(0, cut - start + 1);
  }

  /** The factor of the valued years `years` (whose start is this one's). */
  of(years: ValuedYears<N>): N {
    const share = years.lastShare;
    const k = years.count - 1;
    if (share === null || k >= this.counted) return this.whole(years.count);
    return this.a.plus(this.whole(k), this.a.times(this.term(k), share));
  }

  /**
   * The same as `of(years)` when only this one duration is wanted (a moved drop-off): by
   * Horner's rule from the last counted year, `(…(w_n × r + DF_{n−1}) × r + …) + DF_0`, with
   * `w_n` the last year's factor times its share; two operations a year, nothing kept.
   */
  single(years: ValuedYears<N>): N {
    const { a, start, retained } = this;
    const last = Math.min(years.last, start + this.counted - 1);
    if (last < start) return a.zero;
    if (this.flat !== undefined && last - start + 1 > LONG_RUN) return this.of(years);
    const share = last === years.last ? years.lastShare : null;
    let sum = share === null ? this.factor(last) : a.times(this.factor(last), share);
    for (let year = last - 1; year >= start; year--) {
      sum = a.plus(retained === null ? sum : a.times(sum, retained), this.factor(year));
    }
    return sum;
  }

  /** The factor of the first `m` valued years in full (`m` whole, ≥ 0). */
  whole(m: number): N {
    const n = Math.min(m, this.counted);
    const known = this.sums.length - 1;
    if (n > known + LONG_RUN && this.flat !== undefined) return this.closedForm(n);
    this.extend(n);
    return this.sums[n] as N;
  }

  /** The k-th valued year's discounted weight, `(1 − dropOff)^k × DF(start + k)`; 0 after the cut. */
  term(k: number): N {
    if (k >= this.counted) return this.a.zero;
    if (k > this.sums.length - 1 + LONG_RUN && this.flat !== undefined) {
      return this.a.times(this.power(this.retained, k), this.factor(this.start + k));
    }
    this.extend(k);
    return this.a.times(this.weights[k] as N, this.factor(this.start + k));
  }

  private extend(n: number): void {
    const { a, sums, weights } = this;
    for (let k = sums.length - 1; k < n; k++) {
      const weight = weights[k] as N;
      sums.push(a.plus(sums[k] as N, a.times(weight, this.factor(this.start + k))));
      weights.push(this.retained === null ? weight : a.times(weight, this.retained));
    }
  }

  private closedForm(n: number): N {
    const { a } = this;
    const ratio = a.times(this.retained ?? a.one, this.flat ?? a.one);
    const sum = a.isZero(a.minus(ratio, a.one))
      ? a.read(n)
      : a.div(a.minus(a.one, a.pow(ratio, n)), a.minus(a.one, ratio));
    return a.times(this.factor(this.start), sum);
  }

  private power(value: N | null, n: number): N {
    return value === null ? this.a.one : this.a.pow(value, n);
  }
}

/**
 * `Σ_k perYear[k] × DF(start + k)` over an outcome's counted valued years (those up to the
 * horizon), index 0 = the first valued year: the present value of yearly values or units.
 * @internal
 */
export function discountedSum<N>(a: Arithmetic<N>) {
  return (years: ValuedYears<N>, perYear: readonly N[], factor: (year: number) => N): N => {
    let total = a.zero;
    for (let year = years.start; year <= years.lastCounted; year++) {
      total = a.plus(total, a.times(perYear[year - years.start] as N, factor(year)));
    }
    return total;
  };
}
