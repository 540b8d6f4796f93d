/**
 * Timing for the benchmark suite: tinybench runs each workload a chosen number of times in this
 * process and keeps every sample; the figure reported is the median. A workload and its baseline
 * run in alternation (see `measureTogether`). Before each timed run the heap is collected
 * (outside the timed region), so that one run's garbage is not charged to the next and the
 * engine and its baseline start from the same clean heap.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Bench } from 'tinybench';

/** How many times to run a workload. */
export interface MeasureOptions {
  /** Run the function once, untimed, before the timed runs (JIT warm-up). Default true. */
  readonly warmup?: boolean;
  /** At least this many timed runs. */
  readonly minRuns: number;
  /** At most this many timed runs. */
  readonly maxRuns: number;
  /** Aim for about this much time in total (ms): runs = budget ÷ the warm-up round's time, clamped. */
  readonly budgetMs: number;
}

/** The timed runs of one workload. */
export interface Measurement {
  /** Every run's time in ms, in ascending order. */
  readonly samples: readonly number[];
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

/** The median of numbers already in ascending order (the mean of the middle two when even). */
export function median(sorted: readonly number[]): number {
  if (sorted.length === 0) throw new RangeError('median of no samples');
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/** How many timed runs fit the budget, given one run's time. */
export function runsFor(oneRunMs: number, options: MeasureOptions): number {
  const fit = oneRunMs > 0 ? Math.floor(options.budgetMs / oneRunMs) : options.maxRuns;
  return Math.min(options.maxRuns, Math.max(options.minRuns, fit));
}

let collect: (() => void) | undefined;

/** `global.gc`, exposed at run time when node was not started with `--expose-gc`. */
export function collectGarbage(): void {
  if (collect === undefined) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

/** Interleaved measurements of several workloads, with their per-round ratios. */
export interface Comparison<K extends string> {
  readonly measurements: Readonly<Record<K, Measurement>>;
  /** The median over rounds of `a`'s time ÷ `b`'s time in the same round. */
  ratio(a: K, b: K): number;
}

/**
 * Times several workloads in rounds: each round runs every workload once, in turn, so that a
 * change in the machine's load falls on all of them alike, and a ratio between two of them is
 * taken within each round and its median reported. Each workload first runs once untimed (the
 * JIT warm-up; skipped with `warmup: false`); the number of rounds is what fits the budget,
 * given the warm-up round's time, within `minRuns`…`maxRuns`.
 */
export async function measureTogether<K extends string>(
  tasks: Readonly<Record<K, () => unknown>>,
  options: MeasureOptions,
): Promise<Comparison<K>> {
  const names = Object.keys(tasks) as K[];
  let roundMs = 0;
  if (options.warmup ?? true) {
    for (const name of names) {
      collectGarbage();
      const start = performance.now();
      tasks[name]();
      roundMs += performance.now() - start;
    }
  }
  const rounds = (options.warmup ?? true) ? runsFor(roundMs, options) : options.minRuns;
  // One task per workload, one timed run each per `bench.run()`: calling `run()` once per round
  // interleaves the workloads. Each task is an async function so that tinybench does not make an
  // extra, untimed call to find out whether it returns a promise (awaiting the settled promise
  // costs microseconds); `time: 0` and no tinybench warm-up give exactly one sample per run.
  const bench = new Bench({
    time: 0,
    iterations: 1,
    warmupTime: 0,
    warmupIterations: 0,
    throws: true,
  });
  for (const name of names) {
    const fn = tasks[name];
    bench.add(
      name,
      async () => {
        fn();
      },
      { beforeEach: collectGarbage },
    );
  }
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
    K,
    number[]
  >;
  for (let round = 0; round < rounds; round++) {
    await bench.run();
    for (const task of bench.tasks) {
      const sample = task.result?.samples[0];
      if (sample === undefined) throw new Error(`tinybench returned no sample for ${task.name}`);
      samples[task.name as K].push(sample);
    }
  }
  const measurements = Object.fromEntries(
    names.map((name) => {
      const sorted = [...samples[name]].sort((a, b) => a - b);
      const measurement: Measurement = {
        samples: sorted,
        medianMs: median(sorted),
        minMs: sorted[0] as number,
        maxMs: sorted[sorted.length - 1] as number,
      };
      return [name, measurement];
    }),
  ) as Record<K, Measurement>;
  return {
    measurements,
    ratio(a, b) {
      const ratios = samples[a].map((ms, round) => ms / (samples[b][round] as number));
      return median(ratios.sort((x, y) => x - y));
    },
  };
}

/** Times one workload (see `measureTogether`). */
export async function measure(fn: () => unknown, options: MeasureOptions): Promise<Measurement> {
  return (await measureTogether({ workload: fn }, options)).measurements.workload;
}
