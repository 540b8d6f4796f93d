import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/calc/_decimal.js';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { sampler } from '../../src/sensitivity/_distributions.js';
import { randomStreams } from '../../src/sensitivity/_random.js';
import {
  meanOfSorted,
  simulate,
  simulationModel,
  summary,
} from '../../src/sensitivity/simulate.js';
import type { FloatDistribution } from '../../src/sensitivity/_distributions.js';
import type { Analysis } from '../../src/model/analysis.js';
import type { UncertainAssumption, Uncertainty } from '../../src/sensitivity/Uncertainty.js';

const twoOutcomes = {
  name: 'Two outcomes',
  priceYear: 2023,
  discount: { rate: '3.5%', timing: 'mid' },
  inputs: [
    { description: 'Grant', value: '20000' },
    { description: 'Year 2', value: '5000', year: 2 },
  ],
  outcomes: [
    {
      id: 'a',
      stakeholder: 's',
      outcome: 'A',
      quantity: '40',
      proxy: { value: '1000', priceYear: 2019 },
      duration: 3,
      deadweight: '20%',
      attribution: '25%',
      dropOff: '50%',
    },
    {
      id: 'b',
      stakeholder: 's',
      outcome: 'B',
      quantityByYear: ['10', '8', '5'],
      proxy: { value: '700' },
      duration: 3,
      start: 2,
      leakage: '10%',
    },
  ],
};
const analysis = parseAnalysis(twoOutcomes);

const uncertainty = (parameters: UncertainAssumption[], draws = 2000): Uncertainty => ({
  seed: 7,
  draws,
  bins: 10,
  parameters,
});

const spread: UncertainAssumption[] = [
  {
    outcome: '*',
    parameter: 'deadweight',
    distribution: 'triangular',
    min: '0.1',
    mode: '0.2',
    max: '0.4',
  },
  { outcome: 'a', parameter: 'proxy', distribution: 'pert', min: '600', mode: '1000', max: '1500' },
  { outcome: 'b', parameter: 'quantity', distribution: 'normal', mean: '10', sd: '3' },
  { outcome: 'a', parameter: 'dropOff', distribution: 'beta', alpha: '5', beta: '5' },
  { parameter: 'discountRate', distribution: 'uniform', min: '0.015', max: '0.06' },
];

describe('simulate', () => {
  it('gives byte-identical output for the same seed, and different output for another', () => {
    const first = JSON.stringify(simulate(analysis, uncertainty(spread)));
    const second = JSON.stringify(simulate(analysis, uncertainty(spread)));
    expect(second).toBe(first);
    expect(JSON.stringify(simulate(analysis, uncertainty(spread), { seed: 8 }))).not.toBe(first);
  });

  it('keeps the draws of one assumption when another is added', () => {
    // Each assumption has its own stream, so the deadweight draws of the first run are the
    // deadweight draws of the second; only adding the (zero-width) proxy assumption differs.
    const one = simulate(analysis, uncertainty([spread[0] as UncertainAssumption]));
    const two = simulate(
      analysis,
      uncertainty([
        spread[0] as UncertainAssumption,
        { outcome: 'a', parameter: 'proxy', distribution: 'uniform', min: '1000', max: '1000' },
      ]),
    );
    expect(two.sroiRatio).toEqual(one.sroiRatio);
  });

  it('keeps every other outcome\'s draws when an outcome\'s own entry is added under a "*"', () => {
    // Outcome a has quantity 0, so its deadweight cannot change any figure; b's deadweight comes
    // from the "*" entry in both runs. The own entry for a takes precedence over "*" for a, and
    // b must keep its stream (found by review: it used to move down one).
    const input = parseAnalysis({
      name: 'Two',
      inputs: [{ description: 'Grant', value: '100' }],
      outcomes: [
        {
          id: 'a',
          stakeholder: 's',
          outcome: 'A',
          quantity: '0',
          proxy: { value: '10' },
          duration: 1,
        },
        {
          id: 'b',
          stakeholder: 's',
          outcome: 'B',
          quantity: '10',
          proxy: { value: '20' },
          duration: 1,
        },
      ],
    });
    const star: UncertainAssumption = {
      outcome: '*',
      parameter: 'deadweight',
      distribution: 'uniform',
      min: '0',
      max: '0.5',
    };
    const alone = simulate(input, uncertainty([star], 1000));
    const withOwn = simulate(
      input,
      uncertainty(
        [
          star,
          {
            outcome: 'a',
            parameter: 'deadweight',
            distribution: 'uniform',
            min: '0.2',
            max: '0.2',
          },
        ],
        1000,
      ),
    );
    expect(JSON.stringify(withOwn)).toBe(JSON.stringify(alone));
  });

  it('reproduces the exact base case when every distribution has zero width at the base value', () => {
    const base = evaluateAnalysis(analysis);
    const result = simulate(
      analysis,
      uncertainty(
        [
          {
            outcome: 'a',
            parameter: 'deadweight',
            distribution: 'uniform',
            min: '0.2',
            max: '0.2',
          },
          { outcome: 'b', parameter: 'quantity', distribution: 'normal', mean: '10', sd: '0' },
          {
            outcome: 'a',
            parameter: 'proxy',
            distribution: 'pert',
            min: '1000',
            mode: '1000',
            max: '1000',
          },
          {
            outcome: 'a',
            parameter: 'dropOff',
            distribution: 'triangular',
            min: '0.5',
            mode: '0.5',
            max: '0.5',
          },
          {
            parameter: 'discountRate',
            distribution: 'beta',
            alpha: '2',
            beta: '2',
            min: '0.035',
            max: '0.035',
          },
        ],
        50,
      ),
    );
    for (const figure of Object.values(result.sroiRatio)) {
      expect(Math.abs(Number(figure) / Number(base.sroiRatio) - 1)).toBeLessThan(1e-9);
    }
    for (const figure of Object.values(result.presentValue)) {
      expect(Math.abs(Number(figure) / Number(base.totalPresentValue) - 1)).toBeLessThan(1e-9);
    }
    expect(result.histogram).toHaveLength(1);
    expect(result.histogram[0]?.count).toBe(50);
  });

  it('reproduces the exact base case with zero-width distributions and a fixed rate', () => {
    // Without a drawn rate: Horner over the years for a drawn drop-off, one precomputed sum
    // for an outcome whose drop-off is not drawn.
    const base = evaluateAnalysis(analysis);
    const result = simulate(
      analysis,
      uncertainty(
        [
          { outcome: 'a', parameter: 'dropOff', distribution: 'uniform', min: '0.5', max: '0.5' },
          {
            outcome: 'a',
            parameter: 'attribution',
            distribution: 'beta',
            alpha: '3',
            beta: '2',
            min: '0.25',
            max: '0.25',
          },
          {
            outcome: 'b',
            parameter: 'leakage',
            distribution: 'triangular',
            min: '0.1',
            mode: '0.1',
            max: '0.1',
          },
        ],
        30,
      ),
    );
    for (const figure of Object.values(result.sroiRatio)) {
      expect(Math.abs(Number(figure) / Number(base.sroiRatio) - 1)).toBeLessThan(1e-9);
    }
  });

  it.each([
    ['with the discount rate drawn', true],
    ['with the discount rate fixed', false],
  ])('values every draw as the exact engine does, %s', (_name, drawRate) => {
    // The draws of each stream, made here with the same samplers, streams and block, then
    // each draw's analysis evaluated by the exact engine.
    const draws = 12;
    const assumptions: [UncertainAssumption, FloatDistribution][] = [
      [
        { outcome: 'a', parameter: 'deadweight', distribution: 'uniform', min: '0.1', max: '0.3' },
        { distribution: 'uniform', min: 0.1, max: 0.3 },
      ],
      [
        {
          outcome: 'a',
          parameter: 'proxy',
          distribution: 'pert',
          min: '600',
          mode: '1000',
          max: '1500',
        },
        { distribution: 'pert', min: 600, mode: 1000, max: 1500 },
      ],
      [
        {
          outcome: 'a',
          parameter: 'dropOff',
          distribution: 'triangular',
          min: '0.2',
          mode: '0.5',
          max: '0.6',
        },
        { distribution: 'triangular', min: 0.2, mode: 0.5, max: 0.6 },
      ],
      [
        { outcome: 'b', parameter: 'displacement', distribution: 'beta', alpha: '2', beta: '5' },
        { distribution: 'beta', alpha: 2, beta: 5, min: 0, max: 1 },
      ],
      ...(drawRate
        ? ([
            [
              { parameter: 'discountRate', distribution: 'uniform', min: '0.01', max: '0.08' },
              { distribution: 'uniform', min: 0.01, max: 0.08 },
            ],
          ] as [UncertainAssumption, FloatDistribution][])
        : []),
    ];
    const flat = { ...twoOutcomes, discount: { rate: '3.5%', timing: 'mid' } };
    const streams = randomStreams(7, assumptions.length);
    const values = assumptions.map(([, distribution], k) => {
      const block = new Float64Array(draws);
      sampler(distribution).fill(streams[k] as (typeof streams)[number], block, draws);
      return block;
    });
    const model = simulationModel(
      parseAnalysis(flat),
      uncertainty(assumptions.map(([assumption]) => assumption)),
    );
    const { ratios } = model.run(draws, 7);
    for (let j = 0; j < draws; j++) {
      const at = (k: number) => String((values[k] as Float64Array)[j]);
      const [a, b] = flat.outcomes;
      const drawn = {
        ...flat,
        discount: drawRate ? { rate: at(4), timing: 'mid' } : flat.discount,
        outcomes: [
          { ...a, deadweight: at(0), proxy: { ...a?.proxy, value: at(1) }, dropOff: at(2) },
          { ...b, displacement: at(3) },
        ],
      };
      const exact = Number(evaluateAnalysis(parseAnalysis(drawn)).sroiRatio);
      expect(Math.abs((ratios[j] as number) / exact - 1)).toBeLessThan(1e-9);
    }
  });

  it('orders its percentiles and accounts for every draw in the histogram', () => {
    const result = simulate(analysis, uncertainty(spread));
    for (const s of [result.sroiRatio, result.presentValue]) {
      expect(Number(s.p5)).toBeLessThanOrEqual(Number(s.p50));
      expect(Number(s.p50)).toBeLessThanOrEqual(Number(s.p95));
    }
    expect(result.histogram).toHaveLength(10);
    expect(result.histogram.reduce((total, bin) => total + bin.count, 0)).toBe(2000);
    const edges = result.histogram.flatMap((bin) => [Number(bin.from), Number(bin.to)]);
    expect([...edges].sort((x, y) => x - y)).toEqual(edges);
    expect(Number(result.histogram[0]?.from)).toBeLessThanOrEqual(Number(result.sroiRatio.p5));
  });

  it('matches a hand-derived distribution of the ratio', () => {
    // One outcome worth 1000 before deadweight, rate 0, inputs 500: ratio = 2(1 − d). With d
    // uniform on 0–1 the ratio is uniform on 0–2: mean 1, p5 0.1, p50 1, p95 1.9, P(ratio ≥ 1) = ½.
    const simple = parseAnalysis({
      name: 'Uniform',
      discount: { rate: '0' },
      inputs: [{ description: 'Grant', value: '500' }],
      outcomes: [
        {
          id: 'x',
          stakeholder: 's',
          outcome: 'o',
          quantity: '1',
          proxy: { value: '1000' },
          duration: 1,
        },
      ],
    });
    const result = simulate(simple, {
      seed: 42,
      draws: 100_000,
      bins: 4,
      parameters: [
        { outcome: 'x', parameter: 'deadweight', distribution: 'uniform', min: '0', max: '1' },
      ],
    });
    // standard errors: mean 0.58/√n ≈ 0.0018, quantiles ≈ 0.002, probability 0.0016
    expect(Number(result.sroiRatio.mean)).toBeCloseTo(1, 2);
    expect(Number(result.sroiRatio.p5)).toBeCloseTo(0.1, 2);
    expect(Number(result.sroiRatio.p50)).toBeCloseTo(1, 2);
    expect(Number(result.sroiRatio.p95)).toBeCloseTo(1.9, 2);
    expect(Number(result.probabilityRatioAtLeastOne)).toBeCloseTo(0.5, 2);
    for (const bin of result.histogram) expect(bin.count / 100_000).toBeCloseTo(0.25, 2);
  });

  it('rejects a number of draws that is not a whole number from 1', () => {
    expect(() => simulate(analysis, uncertainty(spread), { draws: 0 })).toThrow(
      'simulate: draws must be a whole number from 1 to 10000000, got the number 0',
    );
  });
});

/**
 * Every figure the simulation can draw, pinned at its base value (zero-width distributions): the
 * proxy and drop-off of every outcome, and the discount rate when it is flat. Every draw then
 * goes through the simulation's own valuation of drawn figures (Horner over the years, per-draw
 * discount factors) and must give the exact engine's base case.
 */
function pinned(variant: Analysis): Uncertainty {
  const parameters: UncertainAssumption[] = variant.outcomes.flatMap((o) => [
    {
      outcome: o.id,
      parameter: 'proxy',
      distribution: 'uniform',
      min: o.proxy.value,
      max: o.proxy.value,
    },
    {
      outcome: o.id,
      parameter: 'dropOff',
      distribution: 'uniform',
      min: o.dropOff,
      max: o.dropOff,
    },
  ]);
  if ('rate' in variant.discount) {
    const { rate } = variant.discount;
    parameters.push({ parameter: 'discountRate', distribution: 'uniform', min: rate, max: rate });
  }
  return uncertainty(parameters, 3);
}

/** `simulate`'s ratio and present value (all three draws equal) against the exact engine's. */
function expectBaseCase(variant: Analysis): void {
  const exact = evaluateAnalysis(variant);
  const result = simulate(variant, pinned(variant));
  // relative to the largest outcome PV, since a total near zero can cancel
  const scale = Math.max(1, ...exact.outcomes.map((o) => Math.abs(Number(o.presentValue))));
  for (const figure of [result.presentValue.p5, result.presentValue.p95]) {
    expect(Math.abs(Number(figure) - Number(exact.totalPresentValue)) / scale).toBeLessThan(1e-9);
  }
  const ratio = Number(exact.sroiRatio);
  for (const figure of [result.sroiRatio.p5, result.sroiRatio.p95]) {
    expect(Math.abs(Number(figure) - ratio) / Math.max(1, Math.abs(ratio))).toBeLessThan(1e-9);
  }
}

describe('simulate with every drawn figure pinned at its base value', () => {
  it('agrees with the exact engine to 1e-9 relative', () => {
    const variants: Analysis[] = [
      analysis,
      parseAnalysis({
        name: 'Green Book schedule, horizon cuts',
        discount: { schedule: 'green-book', timing: 'start' },
        horizon: 40,
        inputs: [
          { description: 'Grant', value: '123456.78' },
          { description: 'Later', value: '1000', year: 45 },
        ],
        outcomes: [
          {
            stakeholder: 's',
            outcome: 'long',
            quantity: '3',
            proxy: { value: '1234.5' },
            duration: 60,
            dropOff: '2%',
          },
          {
            stakeholder: 's',
            outcome: 'disbenefit',
            quantity: '7',
            proxy: { value: '-99.99' },
            duration: 5,
            deadweight: '35%',
          },
        ],
      }),
    ];
    for (const variant of variants) expectBaseCase(variant);
  });
  // On generated analyses (every schedule, profiles, fractional durations, …):
  // tests/differential.test.ts.
});

describe('the summary of the draws', () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 });

  it('gives mean = p5 = p50 = p95, each the draw itself, when every draw is the same', () => {
    fc.assert(
      fc.property(finite, fc.integer({ min: 1, max: 20_000 }), (value, n) => {
        const { mean, p5, p50, p95 } = summary(new Float64Array(n).fill(value));
        // the draw itself, written as simulate writes every figure (-0 is written 0)
        const expected = new Dec(value).isZero() ? '0' : new Dec(value).toString();
        expect([mean, p5, p50, p95]).toEqual([expected, expected, expected, expected]);
      }),
      { numRuns: 300 },
    );
  });

  it('is exact where a plain running sum is not: 10,000 draws of 0.1', () => {
    const draws = new Float64Array(10_000).fill(0.1);
    let plain = 0;
    for (const draw of draws) plain += draw;
    // the float sum drifts from 1,000 (0.1 is not a binary fraction): its mean is not p5 = 0.1
    expect(plain / draws.length).not.toBe(0.1);
    expect(meanOfSorted(draws)).toBe(0.1);
  });

  it('lies within the smallest and largest draw, and agrees with an exact decimal mean', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 2000 }), (values) => {
        const sorted = Float64Array.from(values).sort();
        const mean = meanOfSorted(sorted);
        const min = sorted[0] as number;
        const max = sorted[sorted.length - 1] as number;
        expect(mean).toBeGreaterThanOrEqual(min);
        expect(mean).toBeLessThanOrEqual(max);
        // oracle: the same draws summed in decimal (each double is an exact decimal)
        const precise = Dec.clone({ precision: 400 });
        let total = new precise(0);
        for (const value of values) total = total.plus(value);
        const exact = total.div(values.length).toNumber();
        const scale = Math.max(Math.abs(min), Math.abs(max));
        // relative to the draws' size, and, among subnormal numbers (whose spacing is
        // Number.MIN_VALUE, 5e-324, whatever their size), a few of those spacings: the mean of
        // 1.5e-323 and -6e-323, -2.25e-323, lies between two of them
        expect(Math.abs(mean - exact)).toBeLessThanOrEqual(
          4 * Number.EPSILON * scale + 4 * Number.MIN_VALUE,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('gives mean = p5 = p50 = p95 for a simulation whose draws are all the same', () => {
    // 0.1 and 0.3 are not binary fractions: every draw's ratio carries the same rounding
    const tenths = parseAnalysis({
      name: 'Tenths',
      discount: { rate: '3.5%' },
      inputs: [{ description: 'Grant', value: '0.3' }],
      outcomes: [
        {
          id: 'a',
          stakeholder: 's',
          outcome: 'o',
          quantity: '3',
          proxy: { value: '0.1' },
          duration: 3,
        },
      ],
    });
    const result = simulate(tenths, {
      seed: 3,
      draws: 9_999,
      bins: 5,
      parameters: [
        { outcome: 'a', parameter: 'deadweight', distribution: 'uniform', min: '0.1', max: '0.1' },
      ],
    });
    for (const figures of [result.sroiRatio, result.presentValue]) {
      expect(new Set(Object.values(figures)).size).toBe(1);
    }
  });
});
