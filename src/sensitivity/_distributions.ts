/**
 * Samplers for the distributions of `Uncertainty`, in float64, driven by a seeded generator.
 * Only `Math.sqrt` (exact in IEEE 754), `Math.log`, `Math.exp` and `Math.pow` are used; V8
 * computes the last three with its own port of fdlibm rather than the platform's C library, so
 * a seed gives the same draws on every machine running the same Node.js major version.
 */
import { normalCdf, normalQuantile } from './_normal.js';

/** What a sampler needs from a generator: 32 random bits per call, as a signed integer. */
export interface RandomBits {
  next(): number;
}

/** A distribution ready to sample: every figure a float. */
export type FloatDistribution =
  | { readonly distribution: 'uniform'; readonly min: number; readonly max: number }
  | {
      readonly distribution: 'triangular' | 'pert';
      readonly min: number;
      readonly mode: number;
      readonly max: number;
    }
  /** `min`/`max` are the truncation bounds (±Infinity for none). */
  | {
      readonly distribution: 'normal';
      readonly mean: number;
      readonly sd: number;
      readonly min: number;
      readonly max: number;
    }
  | {
      readonly distribution: 'beta';
      readonly alpha: number;
      readonly beta: number;
      readonly min: number;
      readonly max: number;
    };

const TWO_POW_26 = 67108864;
const TWO_POW_52 = 4503599627370496;

/**
 * A uniform number strictly between 0 and 1: 52 random bits (the top 26 bits of two outputs;
 * the low bits of xoroshiro128+ are its weakest) placed at the middle of one of 2^52 equal
 * cells, `(k + ½) / 2^52`, so that 0 and 1 never occur and inverse CDFs stay finite.
 */
export function openUniform(rng: RandomBits): number {
  const high = rng.next() >>> 6;
  const low = rng.next() >>> 6;
  return (high * TWO_POW_26 + low + 0.5) / TWO_POW_52;
}

/**
 * A uniform number strictly between 0 and 1 from one 32-bit output, `(k + ½) / 2^32`: for the
 * accept/reject decisions inside the normal and gamma generators, where 32 bits of resolution
 * are ample and one call to the generator instead of two halves their cost.
 */
export function openUniform32(rng: RandomBits): number {
  return ((rng.next() >>> 0) + 0.5) / 4294967296;
}

/**
 * Standard normal variates by Marsaglia's polar method (G. Marsaglia & T. A. Bray, "A
 * Convenient Method for Generating Normal Variables", SIAM Review 6(3), 1964): a point (x, y)
 * uniform in the unit disc gives two independent normals x·f and y·f, f = √(−2 ln s / s),
 * s = x² + y². The second is kept for the next call, so each source has its own state.
 */
export function normalSource(): (rng: RandomBits) => number {
  let spare = 0;
  let hasSpare = false;
  return (rng) => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let x: number;
    let y: number;
    let s: number;
    do {
      x = 2 * openUniform32(rng) - 1;
      y = 2 * openUniform32(rng) - 1;
      s = x * x + y * y;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = y * f;
    hasSpare = true;
    return x * f;
  };
}

/**
 * A gamma variate with shape `k` and scale 1: Marsaglia & Tsang, "A Simple Method for
 * Generating Gamma Variables", ACM TOMS 26(3), 2000, 363–372. For k ≥ 1, with d = k − ⅓ and
 * c = 1/√(9d): draw x normal, v = (1 + cx)³; accept d·v when u < 1 − 0.0331x⁴ (the squeeze) or
 * ln u < x²/2 + d(1 − v + ln v). For k < 1, the paper's boost: G(k) = G(k + 1)·u^(1/k).
 */
export function gammaSource(k: number): (rng: RandomBits) => number {
  const normal = normalSource();
  const boost = k < 1;
  const d = (boost ? k + 1 : k) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  return (rng) => {
    let value: number;
    for (;;) {
      const x = normal(rng);
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = openUniform32(rng);
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
        value = d * v;
        break;
      }
    }
    return boost ? value * Math.pow(openUniform32(rng), 1 / k) : value;
  };
}

/** Beta variates: X/(X + Y) with X ~ Gamma(α), Y ~ Gamma(β) (e.g. Devroye 1986, IX.4). */
export function betaSource(alpha: number, beta: number): (rng: RandomBits) => number {
  const x = gammaSource(alpha);
  const y = gammaSource(beta);
  return (rng) => {
    const a = x(rng);
    return a / (a + y(rng));
  };
}

/**
 * A sampler for one distribution, with its own state (create one per stream). Zero-width
 * distributions (min = max, sd = 0) return their value exactly and draw nothing.
 */
export function sampler(d: FloatDistribution): (rng: RandomBits) => number {
  switch (d.distribution) {
    case 'uniform': {
      const { min } = d;
      const width = d.max - d.min;
      if (width === 0) return () => min;
      return (rng) => min + width * openUniform(rng);
    }
    case 'triangular': {
      // Inverse CDF: F(x) = (x − a)² / ((b − a)(c − a)) up to the mode c.
      const { min: a, mode: c, max: b } = d;
      if (b === a) return () => a;
      const split = (c - a) / (b - a);
      const left = (b - a) * (c - a);
      const right = (b - a) * (b - c);
      return (rng) => {
        const u = openUniform(rng);
        return u < split ? a + Math.sqrt(u * left) : b - Math.sqrt((1 - u) * right);
      };
    }
    case 'pert': {
      // Beta-PERT with λ = 4 (Vose, "Risk Analysis", 3rd ed., 2008, §9.1.4).
      const { min: a, mode: m, max: b } = d;
      if (b === a) return () => a;
      const alpha = 1 + (4 * (m - a)) / (b - a);
      const beta = 1 + (4 * (b - m)) / (b - a);
      const draw = betaSource(alpha, beta);
      return (rng) => a + (b - a) * draw(rng);
    }
    case 'beta': {
      const { min: a, max: b, alpha, beta } = d;
      if (b === a) return () => a;
      const draw = betaSource(alpha, beta);
      return (rng) => a + (b - a) * draw(rng);
    }
    case 'normal':
      return truncatedNormal(d.mean, d.sd, d.min, d.max);
  }
}

/**
 * A normal distribution truncated to [lower, upper] by inversion: u uniform between Φ(α) and
 * Φ(β), x = μ + σΦ⁻¹(u), with α, β the standardised bounds. When the interval lies wholly
 * above the mean it is mirrored below it, where Φ is small and keeps its relative precision.
 * When the interval holds no probability that float64 can represent (more than ~38 standard
 * deviations out), every draw is the bound nearest the mean, the limit of the distribution.
 */
function truncatedNormal(
  mean: number,
  sd: number,
  lower: number,
  upper: number,
): (rng: RandomBits) => number {
  if (sd === 0) return () => mean;
  const mirrored = lower > mean;
  const alpha = mirrored ? (mean - upper) / sd : (lower - mean) / sd;
  const beta = mirrored ? (mean - lower) / sd : (upper - mean) / sd;
  const from = normalCdf(alpha);
  const width = normalCdf(beta) - from;
  const nearest = Math.min(Math.max(mean, lower), upper);
  if (!(width > 0)) return () => nearest;
  return (rng) => {
    const z = Math.min(Math.max(normalQuantile(from + width * openUniform(rng)), alpha), beta);
    return mirrored ? mean - sd * z : mean + sd * z;
  };
}
