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

/**
 * Draws from one distribution: `sample` gives one value; `fill` writes the next `count` values
 * into `out`, the same values `sample` would give one by one. `fill` keeps the generator and the
 * arithmetic in one tight loop per distribution, which is several times faster than a call per
 * value through a function that differs from distribution to distribution.
 */
export interface Sampler {
  readonly sample: (rng: RandomBits) => number;
  readonly fill: (rng: RandomBits, out: Float64Array, count: number) => void;
}

function constant(value: number): Sampler {
  return { sample: () => value, fill: (_rng, out, count) => out.fill(value, 0, count) };
}

/**
 * A sampler for one distribution, with its own state (create one per stream). Zero-width
 * distributions (min = max, sd = 0) give their value exactly and draw nothing.
 */
export function sampler(d: FloatDistribution): Sampler {
  switch (d.distribution) {
    case 'uniform': {
      const { min } = d;
      const width = d.max - d.min;
      if (width === 0) return constant(min);
      return {
        sample: (rng) => min + width * openUniform(rng),
        fill: (rng, out, count) => {
          for (let i = 0; i < count; i++) out[i] = min + width * openUniform(rng);
        },
      };
    }
    case 'triangular': {
      // Inverse CDF: F(x) = (x − a)² / ((b − a)(c − a)) up to the mode c.
      const { min: a, mode: c, max: b } = d;
      if (b === a) return constant(a);
      const split = (c - a) / (b - a);
      const left = (b - a) * (c - a);
      const right = (b - a) * (b - c);
      return {
        sample: (rng) => {
          const u = openUniform(rng);
          return u < split ? a + Math.sqrt(u * left) : b - Math.sqrt((1 - u) * right);
        },
        fill: (rng, out, count) => {
          for (let i = 0; i < count; i++) {
            const u = openUniform(rng);
            out[i] = u < split ? a + Math.sqrt(u * left) : b - Math.sqrt((1 - u) * right);
          }
        },
      };
    }
    case 'pert': {
      // Beta-PERT with λ = 4 (Vose, "Risk Analysis", 3rd ed., 2008, §9.1.4).
      const { min: a, mode: m, max: b } = d;
      if (b === a) return constant(a);
      return scaledBeta(1 + (4 * (m - a)) / (b - a), 1 + (4 * (b - m)) / (b - a), a, b);
    }
    case 'beta': {
      const { min: a, max: b, alpha, beta } = d;
      if (b === a) return constant(a);
      return scaledBeta(alpha, beta, a, b);
    }
    case 'normal':
      return truncatedNormal(d.mean, d.sd, d.min, d.max);
  }
}

/** `a + (b − a)·X`, X ~ Beta(α, β). */
function scaledBeta(alpha: number, beta: number, a: number, b: number): Sampler {
  const draw = Math.min(alpha, beta) > 1 ? chengBB(alpha, beta) : gammaRatio(alpha, beta);
  const width = b - a;
  return {
    sample: (rng) => a + width * draw(rng),
    fill: (rng, out, count) => {
      for (let i = 0; i < count; i++) out[i] = a + width * draw(rng);
    },
  };
}

/** Beta(α, β) as G/(G + H), G ~ Gamma(α), H ~ Gamma(β) (Devroye 1986, IX.4); any shapes > 0. */
function gammaRatio(alpha: number, beta: number): (rng: RandomBits) => number {
  const x = gammaSource(alpha);
  const y = gammaSource(beta);
  return (rng) => {
    const g = x(rng);
    return g / (g + y(rng));
  };
}

const LN4 = Math.log(4);
const ONE_PLUS_LN5 = 1 + Math.log(5);

/**
 * Beta(α, β) for both shapes above 1: Cheng's algorithm BB (R. C. H. Cheng, "Generating Beta
 * Variates with Nonintegral Shape Parameters", Comm. ACM 21(4), 1978, 317–322). Rejection from
 * a log-logistic envelope, a = min(α, β), b = max(α, β), s = a + b, β' = √((s − 2)/(2ab − s)),
 * γ = a + 1/β': V = β' ln(u₁/(1 − u₁)), W = a·e^V, accepted by two squeezes or the exact test
 * R + s·ln(s/(b + W)) ≥ ln(u₁²u₂); X = W/(b + W), or b/(b + W) when α is the larger shape. One
 * log and one exp per try instead of two gamma variates; fewer than 1.2 tries on average.
 */
function chengBB(alpha: number, beta: number): (rng: RandomBits) => number {
  const a = Math.min(alpha, beta);
  const b = Math.max(alpha, beta);
  const sum = a + b;
  const scale = Math.sqrt((sum - 2) / (2 * a * b - sum));
  const shift = a + 1 / scale;
  const swapped = alpha !== a;
  return (rng) => {
    for (;;) {
      const u1 = openUniform(rng);
      const u2 = openUniform32(rng);
      const v = scale * Math.log(u1 / (1 - u1));
      const w = a * Math.exp(v);
      const z = u1 * u1 * u2;
      const r = shift * v - LN4;
      const s = a + r - w;
      if (
        s + ONE_PLUS_LN5 >= 5 * z ||
        s >= Math.log(z) ||
        r + sum * Math.log(sum / (b + w)) >= Math.log(z)
      ) {
        return swapped ? b / (b + w) : w / (b + w);
      }
    }
  };
}

/**
 * A normal distribution truncated to [lower, upper], with α, β the standardised bounds. When
 * the interval holds at least a quarter of the probability, by rejection: standard normals
 * outside [α, β] are drawn again. Otherwise by inversion: u uniform between Φ(α) and Φ(β),
 * x = μ + σΦ⁻¹(u). When the interval lies wholly
 * above the mean it is mirrored below it, where Φ is small and keeps its relative precision.
 * When the interval holds no probability that float64 can represent (more than ~38 standard
 * deviations out), every draw is the bound nearest the mean, the limit of the distribution.
 */
function truncatedNormal(mean: number, sd: number, lower: number, upper: number): Sampler {
  if (sd === 0) return constant(mean);
  const mirrored = lower > mean;
  const alpha = mirrored ? (mean - upper) / sd : (lower - mean) / sd;
  const beta = mirrored ? (mean - lower) / sd : (upper - mean) / sd;
  const from = normalCdf(alpha);
  const width = normalCdf(beta) - from;
  if (!(width > 0)) return constant(Math.min(Math.max(mean, lower), upper));
  const sign = mirrored ? -sd : sd;
  if (width >= 0.25) {
    // Most of the mass is inside: draw normals and keep those inside (at most 4 tries on
    // average, usually one), cheaper than the quantile function.
    const normal = normalSource();
    const inside = (rng: RandomBits): number => {
      for (;;) {
        const z = normal(rng);
        if (z >= alpha && z <= beta) return mean + sign * z;
      }
    };
    return {
      sample: inside,
      fill: (rng, out, count) => {
        for (let i = 0; i < count; i++) out[i] = inside(rng);
      },
    };
  }
  return {
    sample: (rng) =>
      mean +
      sign * Math.min(Math.max(normalQuantile(from + width * openUniform(rng)), alpha), beta),
    fill: (rng, out, count) => {
      for (let i = 0; i < count; i++) {
        out[i] =
          mean +
          sign * Math.min(Math.max(normalQuantile(from + width * openUniform(rng)), alpha), beta);
      }
    },
  };
}
