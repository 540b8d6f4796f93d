/**
 * Sensitivity and uncertainty benchmarks. Prints figures; asserts nothing.
 * - Switching values for every assumption of a seeded 1,000-outcome × 5-year analysis
 *   (target: under 1 s), and how the time grows with outcomes.
 * - 100,000 Monte Carlo draws of a 100-outcome × 5-year analysis with five uncertain
 *   assumptions per outcome (target: under 2 s), as many draws from the same samplers in a plain float64 loop as a
 *   baseline, and how the time grows with draws and with outcomes.
 * Run: npx tsx bench/sensitivity.ts
 */
import { pathToFileURL } from 'node:url';
import { syntheticAnalysis } from './synthetic.js';
import { parseAnalysis } from '../src/schema/parseAnalysis.js';
import { sampler } from '../src/sensitivity/_distributions.js';
import { randomStreams } from '../src/sensitivity/_random.js';
import { safeParseUncertainty } from '../src/sensitivity/safeParseUncertainty.js';
import { simulate } from '../src/sensitivity/simulate.js';
import { switchingValues } from '../src/sensitivity/switchingValues.js';
import type { Analysis } from '../src/model/analysis.js';
import type { FloatDistribution } from '../src/sensitivity/_distributions.js';
import type { Uncertainty } from '../src/sensitivity/Uncertainty.js';

/** A parsed synthetic analysis with a flat 3.5% rate (see bench/synthetic.ts). */
export function benchAnalysis(outcomes: number, years = 5): Analysis {
  return parseAnalysis(syntheticAnalysis({ outcomes, years, schedule: 'flat' }));
}

/** Five uncertain assumptions for every outcome, one of each distribution. */
export const FIVE_ASSUMPTIONS = [
  { outcome: '*', parameter: 'quantity', distribution: 'normal', mean: '100', sd: '25' },
  { outcome: '*', parameter: 'proxy', distribution: 'pert', min: '500', mode: '2000', max: '5000' },
  {
    outcome: '*',
    parameter: 'deadweight',
    distribution: 'triangular',
    min: '5%',
    mode: '20%',
    max: '40%',
  },
  { outcome: '*', parameter: 'attribution', distribution: 'uniform', min: '0', max: '30%' },
  { outcome: '*', parameter: 'dropOff', distribution: 'beta', alpha: '2', beta: '8' },
] as const;

export function benchUncertainty(analysis: Analysis, draws: number): Uncertainty {
  const parsed = safeParseUncertainty({ seed: 42, draws, parameters: FIVE_ASSUMPTIONS }, analysis);
  if (!parsed.success) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.uncertainty;
}

/** Workload: switching values for every assumption. Returns how many were found. */
export function workloadSwitchingValues(analysis: Analysis): number {
  return switchingValues(analysis).length;
}

/** Workload: the library's simulation (float64 fast path, summaries and histogram included). */
export function workloadSimulate(analysis: Analysis, uncertainty: Uncertainty): string {
  return simulate(analysis, uncertainty).sroiRatio.mean;
}

/**
 * Baseline: the same draws as `simulate` (the same samplers, streams and blocks of 1,024, so the
 * same values) in a plain float64 loop, one draw at a time, recomputing every outcome and every
 * year from scratch, with no summaries. Returns the mean SROI ratio.
 */
export function workloadPlainLoop(analysis: Analysis, draws: number): number {
  const rate = 0.035;
  const years = Math.max(...analysis.outcomes.map((o) => o.start + o.duration - 1));
  const factors = Array.from({ length: years + 1 }, (_, t) => 1 / (1 + rate) ** t);
  const inputs = analysis.inputs.reduce(
    (sum, i) => sum + Number(i.value) * (factors[i.year] ?? 1),
    0,
  );
  // FIVE_ASSUMPTIONS as floats; simulate's stream k draws assumption ⌊k / outcomes⌋ of outcome
  // k mod outcomes (each "*" expanded in outcome order).
  const samplers = [
    { distribution: 'normal', mean: 100, sd: 25, min: 0, max: Infinity },
    { distribution: 'pert', min: 500, mode: 2000, max: 5000 },
    { distribution: 'triangular', min: 0.05, mode: 0.2, max: 0.4 },
    { distribution: 'uniform', min: 0, max: 0.3 },
    { distribution: 'beta', alpha: 2, beta: 8, min: 0, max: 1 },
  ].map((d) => sampler(d as FloatDistribution));
  const outcomes = analysis.outcomes.length;
  const streams = randomStreams(42, outcomes * samplers.length);
  const block = 1024;
  const blocks = streams.map(() => new Float64Array(block));
  const fixed = analysis.outcomes.map((o) => ({
    start: o.start,
    duration: o.duration,
    displacement: Number(o.displacement),
    leakage: Number(o.leakage),
  }));
  const at = (assumption: number, outcome: number, j: number): number =>
    (blocks[assumption * outcomes + outcome] as Float64Array)[j] as number;
  let total = 0;
  for (let first = 0; first < draws; first += block) {
    const count = Math.min(block, draws - first);
    streams.forEach((rng, k) => {
      const fill = (samplers[Math.floor(k / outcomes)] as (typeof samplers)[number]).fill;
      fill(rng, blocks[k] as Float64Array, count);
    });
    for (let j = 0; j < count; j++) {
      let presentValue = 0;
      for (let i = 0; i < outcomes; i++) {
        const o = fixed[i] as (typeof fixed)[number];
        const dropOff = at(4, i, j);
        let value =
          at(0, i, j) *
          at(1, i, j) *
          (1 - at(2, i, j)) *
          (1 - o.displacement) *
          (1 - at(3, i, j)) *
          (1 - o.leakage);
        for (let k = 0; k < o.duration; k++) {
          presentValue += value * (factors[o.start + k] as number);
          value *= 1 - dropOff;
        }
      }
      total += presentValue / inputs;
    }
  }
  return total / draws;
}

/** Seconds for one run of `fn`, after one warm-up run. */
export function seconds(fn: () => unknown): number {
  fn();
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export interface SensitivityBenchRow {
  readonly label: string;
  readonly seconds: number;
}

/** Runs every measurement and returns the rows (for bench/run.ts); prints them as it goes. */
export function runSensitivityBench(
  print: (line: string) => void = console.log,
): SensitivityBenchRow[] {
  const rows: SensitivityBenchRow[] = [];
  const measure = (label: string, fn: () => unknown): number => {
    const s = seconds(fn);
    rows.push({ label, seconds: s });
    print(`${label.padEnd(64)} ${s.toFixed(3).padStart(8)} s`);
    return s;
  };

  print(`Node ${process.version}; times are the second of two runs (the first warms up)`);
  print('');
  print(
    'Switching values for every assumption (8 per outcome + discount rate, inputs, proxy scale)',
  );
  const thousand = benchAnalysis(1000);
  measure('1,000 outcomes × 5 years (target < 1 s)', () => workloadSwitchingValues(thousand));
  for (const factor of [1, 2, 4, 8]) {
    const analysis = benchAnalysis(125 * factor);
    measure(`  growth: ${125 * factor} outcomes`, () => workloadSwitchingValues(analysis));
  }

  print('');
  print(
    'Monte Carlo: five uncertain assumptions per outcome (normal, PERT, triangular, uniform, beta)',
  );
  const hundred = benchAnalysis(100);
  const draws = 100_000;
  measure('100,000 draws × 100 outcomes × 5 years (target < 2 s)', () =>
    workloadSimulate(hundred, benchUncertainty(hundred, draws)),
  );
  measure('  baseline: the same draws, plain float64 loop', () =>
    workloadPlainLoop(hundred, draws),
  );
  for (const factor of [1, 2, 4, 8]) {
    const n = 12_500 * factor;
    measure(`  growth: ${n.toLocaleString('en-GB')} draws × 100 outcomes`, () =>
      workloadSimulate(hundred, benchUncertainty(hundred, n)),
    );
  }
  for (const factor of [1, 2, 4, 8]) {
    const analysis = benchAnalysis(25 * factor);
    measure(`  growth: 25,000 draws × ${25 * factor} outcomes`, () =>
      workloadSimulate(analysis, benchUncertainty(analysis, 25_000)),
    );
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runSensitivityBench();
