/**
 * `npm run bench`: the benchmark suite (docs/performance.md). Generates its own seeded synthetic analyses,
 * runs each workload several times in this one process and prints, for each, the median time,
 * the throughput, the ratio to a baseline measured in the same run, the target and PASS / MISS.
 * Prints figures only; nothing here is a test. See bench/README.md and docs/performance.md.
 *
 *   npm run bench                      every workload at full size
 *   npm run bench -- --quick           smaller sizes, fewer runs
 *   npm run bench -- --only W1,W3      some workloads
 */
import { execFileSync } from 'node:child_process';
import { parseBenchArgs, USAGE } from './workloads/_config.js';
import { formatHeader, formatLine, formatLoad, machineFacts } from './workloads/_report.js';
import { runW1 } from './workloads/w1Calculate.js';
import { runW2 } from './workloads/w2Csv.js';
import { runW3 } from './workloads/w3SwitchingValues.js';
import { runW4 } from './workloads/w4MonteCarlo.js';
import { runW5 } from './workloads/w5PeakMemory.js';
import { runW6 } from './workloads/w6ValueMap.js';
import { runApp } from './workloads/appChromium.js';
import type { BenchConfig, WorkloadId } from './workloads/_config.js';
import type { BenchLine } from './workloads/_report.js';

const WORKLOADS: Record<
  WorkloadId,
  (config: BenchConfig, emit: (line: BenchLine) => void) => Promise<void>
> = { W1: runW1, W2: runW2, W3: runW3, W4: runW4, W5: runW5, W6: runW6, APP: runApp };

/** The commit measured, and whether src/ differs from it; '' outside a git checkout. */
function revision(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    const changed = git('status', '--porcelain', '--', 'src') !== '';
    return `commit ${commit}${changed ? ' with uncommitted changes in src/' : ''}`;
  } catch {
    return '';
  }
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  let config: BenchConfig;
  try {
    config = parseBenchArgs(argv);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const measured = revision();
  print(`sroi benchmarks, ${new Date().toISOString()}${measured === '' ? '' : `, ${measured}`}`);
  for (const fact of machineFacts()) print(fact);
  const { minRuns, maxRuns, budgetMs } = config.runs;
  print(
    `${config.quick ? 'quick mode: reduced sizes' : 'full sizes'}; each time is the median of ` +
      `${minRuns}–${maxRuns} timed runs (as many as fit ~${budgetMs / 1000} s) after one warm-up run`,
  );
  print(
    'a workload and its baseline run in alternation, and their ratio is the median of the ' +
      'per-round ratios; the heap is collected before each run',
  );
  print('');
  print(formatHeader());
  const lines: BenchLine[] = [];
  const emit = (line: BenchLine) => {
    lines.push(line);
    print(formatLine(line));
  };
  for (const id of config.only) await WORKLOADS[id](config, emit);

  print('');
  const judged = lines.filter((l) => l.verdict === 'PASS' || l.verdict === 'MISS');
  const missed = judged.filter((l) => l.verdict === 'MISS');
  print(
    `${judged.length - missed.length} of ${judged.length} targets met` +
      (missed.length === 0
        ? ''
        : `; missed: ${missed.map((l) => `${l.id} ${l.label.trim()}`).join('; ')}`),
  );
  print(
    `load average at the end: ${formatLoad()}; total ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 3;
  },
);
