/**
 * What `npm run bench` runs: the workloads, their sizes (full, or smaller with `--quick`),
 * and how many timed runs each measurement gets.
 */
import type { MeasureOptions } from './_measure.js';

export const WORKLOAD_IDS = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'APP'] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];
/** What runs without `--only`: APP (it needs Chromium) runs only when named. */
const DEFAULT_WORKLOADS: readonly WorkloadId[] = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6'];

export interface BenchSizes {
  /** W1: outcomes × years of the synthetic analysis (Green Book schedule, drop-off). */
  readonly w1Outcomes: number;
  readonly w1Years: number;
  /** W1 growth: outcomes at ×1, ×2, ×4, ×8. */
  readonly w1Growth: readonly number[];
  /** W2: outcome rows of the CSV. */
  readonly w2Rows: number;
  /** W3: outcomes (× 5 years) whose every assumption gets a switching value. */
  readonly w3Outcomes: number;
  /** W4: Monte Carlo draws of an analysis of `w4Outcomes` outcomes × 5 years. */
  readonly w4Draws: number;
  readonly w4Outcomes: number;
  /** W4 growth: outcomes at ×1, ×2, ×4, ×8, each with `w4GrowthDraws` draws. */
  readonly w4Growth: readonly number[];
  readonly w4GrowthDraws: number;
  /** W5: outcome rows of the CSV whose peak memory is measured. */
  readonly w5Rows: number;
  /** W6: outcomes (× 5 years) of the Value Map workbook read to a result. */
  readonly w6Outcomes: number;
}

export interface BenchConfig {
  /** Smaller sizes and fewer runs; absolute targets (ms, MB) are then not judged. */
  readonly quick: boolean;
  /** The workloads to run, in order. */
  readonly only: readonly WorkloadId[];
  readonly sizes: BenchSizes;
  readonly runs: MeasureOptions;
}

const FULL_SIZES: BenchSizes = {
  w1Outcomes: 5000,
  w1Years: 10,
  w1Growth: [1250, 2500, 5000, 10000],
  w2Rows: 100_000,
  w3Outcomes: 1000,
  w4Draws: 100_000,
  w4Outcomes: 100,
  w4Growth: [100, 200, 400, 800],
  w4GrowthDraws: 2500,
  w5Rows: 100_000,
  w6Outcomes: 1000,
};

const QUICK_SIZES: BenchSizes = {
  w1Outcomes: 500,
  w1Years: 10,
  w1Growth: [125, 250, 500, 1000],
  w2Rows: 10_000,
  w3Outcomes: 100,
  w4Draws: 10_000,
  w4Outcomes: 100,
  w4Growth: [100, 200, 400, 800],
  w4GrowthDraws: 1000,
  w5Rows: 10_000,
  w6Outcomes: 200,
};

export const USAGE = `Usage: npm run bench -- [--quick] [--only W1,W3] [--runs N]

  --quick        smaller sizes and fewer runs, for a fast check; only the targets that do not
                 depend on size (throughput, ratio to a baseline) are judged
  --only LIST    run only these workloads (W1 calculateSroi, W2 CSV end to end,
                 W3 switching values, W4 Monte Carlo, W5 peak memory of W2,
                 W6 a Value Map workbook to a result,
                 APP the web app in Chromium, run only when named)
  --runs N       at least N timed runs per measurement (default 3; more fit a time budget)
`;

/** Reads the command line of `npm run bench`; throws an Error whose message is for the user. */
export function parseBenchArgs(argv: readonly string[]): BenchConfig {
  let quick = false;
  let only: WorkloadId[] = [...DEFAULT_WORKLOADS];
  let minRuns = 3;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split('=', 2) : [arg];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--quick') quick = true;
    else if (flag === '--only') {
      const wanted = value()
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter((s) => s !== '');
      for (const id of wanted) {
        if (!(WORKLOAD_IDS as readonly string[]).includes(id)) {
          throw new Error(
            `--only: unknown workload "${id}"; expected some of ${WORKLOAD_IDS.join(', ')}`,
          );
        }
      }
      only = WORKLOAD_IDS.filter((id) => wanted.includes(id));
    } else if (flag === '--runs') {
      const text = value();
      minRuns = Number(text);
      if (!Number.isInteger(minRuns) || minRuns < 1) {
        throw new Error(`--runs must be a whole number ≥ 1, got "${text}"`);
      }
    } else throw new Error(`unknown option "${arg}"`);
  }
  return {
    quick,
    only,
    sizes: quick ? QUICK_SIZES : FULL_SIZES,
    runs: quick
      ? { minRuns, maxRuns: Math.max(minRuns, 5), budgetMs: 1500 }
      : { minRuns, maxRuns: Math.max(minRuns, 9), budgetMs: 15_000 },
  };
}
