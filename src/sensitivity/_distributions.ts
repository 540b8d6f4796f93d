/**
 * Samplers for the distributions of `Uncertainty`, in float64, driven by a seeded generator
 * (`_random.ts`). Every sampler is exact in distribution up to float rounding (no tabulated
 * approximation), and its constants are worked out once per assumption, not per draw. Only
 * `Math.sqrt` (exact in IEEE 754), `Math.log`, `Math.log1p`, `Math.exp` and `Math.pow` are used;
 * V8 computes the last four with its own port of fdlibm rather than the platform's C library, so a seed
 * gives the same draws on every machine running the same Node.js major version.
 */
import { normalCdf, normalQuantile } from './_normal.js';
import { fillOpenUniforms, openUniform32, wordsFor } from './_random.js';
import { fillStandardNormals, standardNormal } from './_ziggurat.js';
import type { RandomBits } from './_random.js';

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

/** A gamma distribution's constants for Marsaglia & Tsang's method, worked out once. */
interface GammaShape {
  /** d = k − ⅓ (with k + 1 in place of k below 1). */
  readonly d: number;
  /** c = 1/√(9d). */
  readonly c: number;
  /** 1/k for the boost when k < 1, else 0 (no boost). */
  readonly power: number;
}

function gammaShape(k: number): GammaShape {
  const boost = k < 1;
  const d = (boost ? k + 1 : k) - 1 / 3;
  return { d, c: 1 / Math.sqrt(9 * d), power: boost ? 1 / k : 0 };
}

/**
 * Gamma variates with shape k and scale 1: Marsaglia & Tsang, "A Simple Method for Generating
 * Gamma Variables", ACM TOMS 26(3), 2000, 363–372. For k ≥ 1, with d = k − ⅓ and c = 1/√(9d):
 * draw x standard normal and t = 1 + cx; if t > 0, v = t³, draw u uniform and accept d·v when
 * u < 1 − 0.0331x⁴ (the squeeze, which decides about 98% of tries with no logarithm) or
 * ln u < x²/2 + d(1 − v + ln v); otherwise try again. For k < 1, the paper's boost:
 * G(k) = G(k + 1)·u^(1/k).
 *
 * A block at a time: first tries take their normals from one `fillStandardNormals` (written
 * into `out` itself) and their uniforms from one block of words; a draw whose first try fails
 * starts again from fresh random words, in `gammaOne`. Each try still uses its own independent
 * normal and uniform, so this is the same algorithm, its random words read in another order.
 * `words` is scratch space of at least 2 × `count` words.
 */
function fillGamma(
  rng: RandomBits,
  shape: GammaShape,
  out: Float64Array,
  count: number,
  words: Int32Array,
): void {
  const { d, c, power } = shape;
  fillStandardNormals(rng, out, count, words);
  rng.fillWords(words, count);
  for (let i = 0; i < count; i++) {
    const x = out[i] as number;
    const t = 1 + c * x;
    const v = t * t * t;
    const u = (((words[i] as number) >>> 0) + 0.5) * 2.3283064365386963e-10; // (k + ½)/2^32
    // Separate stores: a merged expression would box every value (see fillStandardNormals).
    if (t > 0 && accepts(u, x, v, d)) out[i] = d * v;
    else out[i] = gammaOne(rng, d, c);
  }
  if (power !== 0) {
    rng.fillWords(words, count);
    for (let i = 0; i < count; i++) {
      const u = (((words[i] as number) >>> 0) + 0.5) * 2.3283064365386963e-10;
      out[i] = (out[i] as number) * Math.pow(u, power);
    }
  }
}

/** Marsaglia & Tsang's test: the squeeze, then the exact comparison of logarithms. */
function accepts(u: number, x: number, v: number, d: number): boolean {
  const x2 = x * x;
  return u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v));
}

/** One gamma variate (shape ≥ 1, before any boost), trying until a try is accepted. */
function gammaOne(rng: RandomBits, d: number, c: number): number {
  for (;;) {
    const x = standardNormal(rng);
    const t = 1 + c * x;
    const v = t * t * t;
    if (t > 0 && accepts(openUniform32(rng), x, v, d)) return d * v;
  }
}

/**
 * Draws from one distribution: `fill(rng, out, count)` writes the next `count` values into
 * `out`. A block at a time, so that the generator and the arithmetic stay in tight loops that
 * V8 compiles once per distribution. The values depend on the block size (the random words of
 * a block are read in a fixed order); `simulate` always uses the same size.
 */
export interface Sampler {
  readonly fill: (rng: RandomBits, out: Float64Array, count: number) => void;
}

/** Fills a block with values of one kind from a generator. */
type BlockFiller = (rng: RandomBits, out: Float64Array, count: number) => void;

/**
 * A filler of open uniforms (`fillOpenUniforms`) or standard normals (`fillStandardNormals`)
 * that keeps its own scratch words between calls, grown to the largest block it has filled.
 */
function withScratch(
  fill: (rng: RandomBits, out: Float64Array, count: number, words: Int32Array) => void,
): BlockFiller {
  let words: Int32Array = new Int32Array(0);
  return (rng, out, count) => {
    words = wordsFor(words, 2 * count);
    fill(rng, out, count, words);
  };
}

function constant(value: number): Sampler {
  return { fill: (_rng, out, count) => out.fill(value, 0, count) };
}

/**
 * A sampler for one distribution, its constants worked out here, once. It keeps no state
 * between calls: every value comes from the generator passed in, so one sampler can serve many
 * streams. Zero-width distributions (min = max, sd = 0) give their value exactly and draw
 * nothing.
 */
export function sampler(d: FloatDistribution): Sampler {
  switch (d.distribution) {
    case 'uniform': {
      const { min } = d;
      const width = d.max - d.min;
      if (width === 0) return constant(min);
      const uniforms = withScratch(fillOpenUniforms);
      return {
        fill: (rng, out, count) => {
          uniforms(rng, out, count);
          for (let i = 0; i < count; i++) out[i] = min + width * (out[i] as number);
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
      const uniforms = withScratch(fillOpenUniforms);
      return {
        fill: (rng, out, count) => {
          uniforms(rng, out, count);
          for (let i = 0; i < count; i++) {
            const u = out[i] as number;
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

/**
 * Log-gamma variates: ln G for G ~ Gamma(k), for shapes below 1 too. With the boost
 * G(k) = G(k + 1)·u^(1/k), `u^(1/k)` underflows to 0 once k is small (below about 0.01), so the
 * logarithm is formed as ln G(k + 1) + ln(u)/k, which never underflows. The random words are
 * read exactly as `fillGamma` reads them.
 */
function fillLogGamma(
  rng: RandomBits,
  shape: GammaShape,
  out: Float64Array,
  count: number,
  words: Int32Array,
): void {
  fillGamma(rng, { ...shape, power: 0 }, out, count, words);
  if (shape.power === 0) {
    for (let i = 0; i < count; i++) out[i] = Math.log(out[i] as number);
    return;
  }
  rng.fillWords(words, count);
  for (let i = 0; i < count; i++) {
    const u = (((words[i] as number) >>> 0) + 0.5) * 2.3283064365386963e-10; // (k + ½)/2^32
    out[i] = Math.log(out[i] as number) + shape.power * Math.log(u);
  }
}

/**
 * `a + (b − a)·X`, X ~ Beta(α, β) = G/(G + H), G ~ Gamma(α), H ~ Gamma(β) (L. Devroye,
 * "Non-Uniform Random Variate Generation", Springer, 1986, IX.4.1); any shapes above 0. A
 * block of G, then a block of H. When a shape is below 1, G and H can underflow to 0 together
 * (0/0): then X = 1/(1 + H/G) is formed from their logarithms, which is always defined.
 */
function scaledBeta(alpha: number, beta: number, a: number, b: number): Sampler {
  const x = gammaShape(alpha);
  const y = gammaShape(beta);
  const width = b - a;
  const inLogs = x.power !== 0 || y.power !== 0;
  let other = new Float64Array(0);
  let words: Int32Array = new Int32Array(0);
  return {
    fill: (rng, out, count) => {
      if (other.length < count) other = new Float64Array(count);
      words = wordsFor(words, 2 * count);
      if (inLogs) {
        fillLogGamma(rng, x, out, count, words);
        fillLogGamma(rng, y, other, count, words);
        for (let i = 0; i < count; i++) {
          // X = e^(−softplus(r)), r = ln(H/G), softplus(r) = ln(1 + e^r) written so that e^r
          // never overflows: X keeps its value down to the smallest double, then rounds to 0.
          const r = (other[i] as number) - (out[i] as number);
          const softplus = r > 0 ? r + Math.log1p(Math.exp(-r)) : Math.log1p(Math.exp(r));
          out[i] = a + width * Math.exp(-softplus);
        }
        return;
      }
      fillGamma(rng, x, out, count, words);
      fillGamma(rng, y, other, count, words);
      for (let i = 0; i < count; i++) {
        const g = out[i] as number;
        out[i] = a + width * (g / (g + (other[i] as number)));
      }
    },
  };
}

/** 2^−969: times the smallest uniform, 2^−53, it is still 2^−1022, the smallest normal double. */
const MIN_INVERTIBLE_WIDTH = 2 ** -969;

/**
 * A normal distribution truncated to [lower, upper], with α, β the standardised bounds. When
 * the interval holds at least a quarter of the probability, by rejection: a block of standard
 * normals (`_ziggurat.ts`), each outside [α, β] replaced by drawing again until one falls
 * inside. Otherwise by inversion: u uniform between Φ(α) and Φ(β), x = μ + σΦ⁻¹(u). When the
 * interval lies wholly above the mean it is mirrored below it, where Φ is small and keeps its
 * relative precision. When the interval holds less than 2^−969 of the probability (about 36.5
 * standard deviations out), inversion could round to an infinite value, so every draw is the
 * bound nearest the mean: the limit of the distribution, whose values all lie within about
 * sd/36 of that bound.
 */
function truncatedNormal(mean: number, sd: number, lower: number, upper: number): Sampler {
  if (sd === 0) return constant(mean);
  const mirrored = lower > mean;
  const alpha = mirrored ? (mean - upper) / sd : (lower - mean) / sd;
  const beta = mirrored ? (mean - lower) / sd : (upper - mean) / sd;
  const from = normalCdf(alpha);
  const width = normalCdf(beta) - from;
  // Inversion needs width·u to stay a normal double for every u down to 2^−53.
  if (!(width >= MIN_INVERTIBLE_WIDTH)) return constant(Math.min(Math.max(mean, lower), upper));
  const sign = mirrored ? -sd : sd;
  if (width >= 0.25) {
    // Most of the mass is inside (at most 4 tries on average, usually one): cheaper than the
    // quantile function.
    const inside = (rng: RandomBits): number => {
      for (;;) {
        const z = standardNormal(rng);
        if (z >= alpha && z <= beta) return z;
      }
    };
    const normals = withScratch(fillStandardNormals);
    return {
      fill: (rng, out, count) => {
        normals(rng, out, count);
        for (let i = 0; i < count; i++) {
          const z = out[i] as number;
          if (z >= alpha && z <= beta) out[i] = mean + sign * z;
          else out[i] = mean + sign * inside(rng);
        }
      },
    };
  }
  const uniforms = withScratch(fillOpenUniforms);
  return {
    fill: (rng, out, count) => {
      uniforms(rng, out, count);
      for (let i = 0; i < count; i++) {
        const u = out[i] as number;
        out[i] = mean + sign * Math.min(Math.max(normalQuantile(from + width * u), alpha), beta);
      }
    },
  };
}
