/**
 * Brent's method (R. P. Brent, "Algorithms for Minimization without Derivatives", 1973, ch. 4,
 * the algorithm known as `zeroin`): a root of `f` inside a bracket `[a, b]` where `f(a)` and
 * `f(b)` do not have the same sign. Each step tries inverse quadratic interpolation or the
 * secant and falls back to bisection whenever interpolation would not shrink the bracket fast
 * enough, so it converges whenever bisection would, and usually much faster.
 *
 * The iteration runs on float64 positions; `f` itself may be computed exactly (the callers
 * evaluate the ratio in decimal and pass only its sign and size). Returns a point within
 * `tolerance` of a root (or where `f` is exactly zero). `known` passes `f(lower)` and
 * `f(upper)` when the caller has them already.
 */
export function findRoot(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tolerance: number,
  known?: readonly [number, number],
): number {
  let a = lower;
  let b = upper;
  let fa = known?.[0] ?? f(a);
  let fb = known?.[1] ?? f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (Math.sign(fa) === Math.sign(fb)) {
    throw new RangeError(`findRoot needs a bracket, got f(${a}) = ${fa} and f(${b}) = ${fb}`);
  }
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < 500; iteration++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tolerance;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const r = fb / fc;
        const t = fa / fc;
        p = s * (2 * m * t * (t - r) - (b - a) * (r - 1));
        q = (t - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}
