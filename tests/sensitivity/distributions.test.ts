import { describe, expect, it } from 'vitest';
import { sampler } from '../../src/sensitivity/_distributions.js';
import { normalCdf, normalQuantile } from '../../src/sensitivity/_normal.js';
import { Xoshiro128StarStar } from '../../src/sensitivity/_random.js';
import type { FloatDistribution } from '../../src/sensitivity/_distributions.js';

describe('normalCdf', () => {
  it.each([
    // mpmath ncdf (30 digits), as the nearest double
    [-10, 7.619853024160525e-24],
    [-5, 2.866515718791939e-7],
    [-3, 0.0013498980316300946],
    [-1, 0.15865525393145705],
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [4, 0.9999683287581669],
  ])('Φ(%d) is %d to 1e-13 relative', (x, expected) => {
    expect(Math.abs(normalCdf(x) / expected - 1)).toBeLessThan(1e-13);
  });

  it('is 0 and 1 at the infinities', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
  });
});

describe('normalQuantile', () => {
  it.each([
    // scipy.special.ndtri
    [1e-300, -37.0470962993612],
    [1e-20, -9.262340089798409],
    [1e-5, -4.264890793922825],
    [0.3, -0.5244005127080407],
    [0.975, 1.959963984540054],
  ])('Φ⁻¹(%d) is %d to 1e-14 relative', (p, expected) => {
    expect(Math.abs(normalQuantile(p) / expected - 1)).toBeLessThan(1e-14);
  });

  it('is 0 at one half', () => {
    expect(normalQuantile(0.5)).toBe(0);
  });
});

/** Draws n values with a fixed seed: deterministic, so these checks cannot flake. */
function draws(distribution: FloatDistribution, n = 200_000, block = 1024): Float64Array {
  const rng = new Xoshiro128StarStar(12345, 0, 0, 0);
  const out = new Float64Array(n);
  const fill = sampler(distribution).fill;
  for (let first = 0; first < n; first += block) {
    fill(rng, out.subarray(first, Math.min(n, first + block)), Math.min(block, n - first));
  }
  return out;
}
const mean = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: Float64Array) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
};
const cdfAt = (xs: Float64Array, x: number) => xs.filter((v) => v <= x).length / xs.length;

describe('sampler', () => {
  // With 200,000 draws the standard error of an empirical CDF value is at most 0.0011 and of a
  // mean at most sd/447; the tolerances are about four standard errors.
  it.each<[string, FloatDistribution, number, number, [number, number][]]>([
    // scipy.stats.triang(c=1/3, loc=0.1, scale=0.3): mean, sd, cdf
    [
      'triangular',
      { distribution: 'triangular', min: 0.1, mode: 0.2, max: 0.4 },
      0.23333333333333334,
      0.06236095644623236,
      [
        [0.15, 0.08333333],
        [0.2, 0.33333333],
        [0.3, 0.83333333],
      ],
    ],
    // scipy.stats.beta(1.8, 4.2, loc=0.1, scale=0.5): PERT(0.1, 0.2, 0.6), mean (a + 4m + b)/6
    [
      'pert',
      { distribution: 'pert', min: 0.1, mode: 0.2, max: 0.6 },
      0.25,
      0.08660254037844387,
      [
        [0.15, 0.11852804],
        [0.2, 0.33158186],
        [0.3, 0.72838517],
      ],
    ],
    // scipy.stats.beta(4.2, 1.8): PERT(0, 0.8, 1), the larger shape first (Cheng BB, swapped)
    [
      'pert, mode near the top',
      { distribution: 'pert', min: 0, mode: 0.8, max: 1 },
      0.7,
      0.17320508075688773,
      [
        [0.5, 0.14207002],
        [0.7, 0.4517697],
        [0.9, 0.88147196],
      ],
    ],
    // scipy.stats.beta(2, 8) (Cheng BB)
    [
      'beta(2, 8)',
      { distribution: 'beta', alpha: 2, beta: 8, min: 0, max: 1 },
      0.2,
      0.12060453783110545,
      [
        [0.1, 0.22515902],
        [0.2, 0.56379238],
        [0.4, 0.92945613],
      ],
    ],
    // scipy.stats.beta(0.5, 0.5): shapes below 1 use the boost of Marsaglia & Tsang
    [
      'beta',
      { distribution: 'beta', alpha: 0.5, beta: 0.5, min: 0, max: 1 },
      0.5,
      0.3535533905932738,
      [
        [0.1, 0.20483276],
        [0.5, 0.5],
        [0.9, 0.79516724],
      ],
    ],
    // scipy.stats.truncnorm(-1.5, 3.5, loc=0.3, scale=0.2)
    [
      'normal truncated to 0–1',
      { distribution: 'normal', mean: 0.3, sd: 0.2, min: 0, max: 1 },
      0.32757779316963054,
      0.17543958829484216,
      [
        [0.1, 0.09844799],
        [0.3, 0.46432079],
        [0.5, 0.83019358],
      ],
    ],
    // uniform(2, 4): mean 3, sd 2/√12
    [
      'uniform',
      { distribution: 'uniform', min: 2, max: 4 },
      3,
      2 / Math.sqrt(12),
      [
        [2.5, 0.25],
        [3.5, 0.75],
      ],
    ],
  ])(
    'draws %s with the right mean, spread and CDF',
    (_name, distribution, expectedMean, expectedSd, cdf) => {
      const xs = draws(distribution);
      expect(Math.abs(mean(xs) - expectedMean)).toBeLessThan(
        (4 * expectedSd) / Math.sqrt(xs.length),
      );
      expect(Math.abs(sd(xs) / expectedSd - 1)).toBeLessThan(0.01);
      for (const [x, p] of cdf) expect(Math.abs(cdfAt(xs, x) - p)).toBeLessThan(0.005);
    },
  );

  it('samples a normal truncated far in its tail, mirrored below the mean', () => {
    // scipy.stats.truncnorm(10, inf, loc=0, scale=0.05).mean() = 0.5049046616981282
    const xs = draws(
      { distribution: 'normal', mean: 0, sd: 0.05, min: 0.5, max: Infinity },
      20_000,
    );
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0.5);
    expect(Math.abs(mean(xs) - 0.5049046616981282)).toBeLessThan(0.0002);
  });

  it('draws beta values for very small shapes, never NaN (review: G and H both underflowed)', () => {
    // Beta(0.005, 0.005) is symmetric about ½, so about half its values lie below ½
    // (binomial sd over 102,400 draws: 0.0016; tolerance 0.01).
    const symmetric = draws(
      { distribution: 'beta', alpha: 0.005, beta: 0.005, min: 0, max: 1 },
      102_400,
    );
    expect(symmetric.every((x) => x >= 0 && x <= 1)).toBe(true);
    expect(Math.abs(symmetric.filter((x) => x < 0.5).length / 102_400 - 0.5)).toBeLessThan(0.01);
    // Beta(0.001, 1) has CDF x^0.001, so P(X < 2^−1075, which rounds to 0) = e^(0.001 × ln 2^−1075)
    // = e^(−0.74513) = 0.4747: that share of exact zeros is correct float rounding.
    const skewed = draws({ distribution: 'beta', alpha: 0.001, beta: 1, min: 0, max: 1 }, 102_400);
    expect(skewed.some(Number.isNaN)).toBe(false);
    expect(Math.abs(skewed.filter((x) => x === 0).length / 102_400 - 0.4747)).toBeLessThan(0.01);
  });

  it('never draws beyond the range of a normal truncated ~38 sd from its mean (review)', () => {
    // N(1.383, 0.01) on [0, 1]: the range starts 38.3 sd below the mean, so every value lies
    // within about 0.01/38 of 1 (inversion used to give values near 0 and, unbounded, infinity).
    const near = draws({ distribution: 'normal', mean: 1.383, sd: 0.01, min: 0, max: 1 }, 102_400);
    expect(near.every((x) => x > 0.999 && x <= 1)).toBe(true);
    const open = draws(
      { distribution: 'normal', mean: 0, sd: 1, min: 38.3, max: Infinity },
      102_400,
    );
    expect(open.every((x) => Number.isFinite(x) && x >= 38.3 && x < 38.4)).toBe(true);
  });

  it('gives the same values for the same generator state and block size', () => {
    for (const distribution of [
      { distribution: 'uniform', min: 0, max: 1 },
      { distribution: 'triangular', min: 0, mode: 0.3, max: 1 },
      { distribution: 'pert', min: 0, mode: 0.3, max: 1 },
      { distribution: 'beta', alpha: 0.7, beta: 3, min: 0, max: 1 },
      { distribution: 'normal', mean: 0.2, sd: 0.3, min: 0, max: 1 },
      { distribution: 'normal', mean: 0, sd: 1, min: 3, max: 4 },
    ] as FloatDistribution[]) {
      const first = draws(distribution, 3000);
      expect(draws(distribution, 3000)).toEqual(first);
      expect(new Set(first).size).toBe(3000);
    }
  });

  it('returns the value itself for zero-width distributions', () => {
    for (const distribution of [
      { distribution: 'uniform', min: 0.25, max: 0.25 },
      { distribution: 'triangular', min: 0.25, mode: 0.25, max: 0.25 },
      { distribution: 'pert', min: 0.25, mode: 0.25, max: 0.25 },
      { distribution: 'beta', alpha: 2, beta: 3, min: 0.25, max: 0.25 },
      { distribution: 'normal', mean: 0.25, sd: 0, min: 0, max: 1 },
    ] as FloatDistribution[]) {
      expect(new Set(draws(distribution, 100))).toEqual(new Set([0.25]));
    }
  });
});
