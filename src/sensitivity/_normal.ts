/**
 * The standard normal distribution in float64: its CDF Φ and its quantile function Φ⁻¹. Used
 * only to sample a truncated normal by inversion.
 */

/* eslint-disable no-loss-of-precision -- AS 241's coefficients are quoted to the 20 digits
   published; each literal becomes the nearest double, as in the paper's double-precision code. */

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** The standard normal density φ(x) = exp(−x²/2) / √(2π). */
export function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/**
 * Φ(x), the probability that a standard normal variable is at most x, with small relative error
 * in both tails. For |x| < 3, Marsaglia's series (G. Marsaglia, "Evaluating the Normal
 * Distribution", J. Stat. Software 11(4), 2004): Φ(x) = ½ + φ(x)(x + x³/3 + x⁵/(3·5) + …).
 * Beyond, the tail from Laplace's continued fraction for the Mills ratio (Abramowitz & Stegun
 * 26.2.14): 1 − Φ(z) = φ(z) / (z + 1/(z + 2/(z + 3/(z + …)))), evaluated by the modified Lentz
 * method (Numerical Recipes, 3rd ed., §5.2), and Φ(−z) = 1 − Φ(z).
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Number.NEGATIVE_INFINITY) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (Math.abs(x) < 3) {
    let sum = x;
    let term = x;
    const square = x * x;
    for (let i = 3; i < 200; i += 2) {
      term *= square / i;
      const next = sum + term;
      if (next === sum) break;
      sum = next;
    }
    return 0.5 + sum * normalDensity(x);
  }
  const z = Math.abs(x);
  const tail = normalDensity(z) * millsRatio(z);
  return x < 0 ? tail : 1 - tail;
}

/** (1 − Φ(z)) / φ(z) for z ≥ 3, by Lentz's method on z + 1/(z + 2/(z + 3/(z + …))). */
function millsRatio(z: number): number {
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    d = z + k * d;
    d = d === 0 ? tiny : d;
    c = z + k / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / f;
}

/**
 * Φ⁻¹(p) for 0 < p < 1: Wichura's algorithm AS 241 (PPND16), "The Percentage Points of the
 * Normal Distribution", Applied Statistics 37(3), 1988, 477–484; about 16 significant digits.
 * Rational approximations in three regions: |p − ½| ≤ 0.425, then r = √(−ln min(p, 1 − p)) up to
 * 5, and beyond.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    return Number.NaN;
  }
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) *
          r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) *
        r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r +
        0.24178072517745061177) *
        r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r +
        0.0151986665636164571966) *
        r +
        0.14810397642748007459) *
        r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    x =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r +
        0.0012426609473880784386) *
        r +
        0.026532189526576123093) *
        r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r +
        1.8463183175100546818e-5) *
        r +
        7.868691311456132591e-4) *
        r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -x : x;
}
