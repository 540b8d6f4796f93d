/**
 * How `npm run bench` prints: the machine facts first (the machines are shared and noisy), then one
 * fixed-width line per measurement, each with its target and PASS / MISS where it has one.
 */
import { cpus, freemem, loadavg, totalmem } from 'node:os';

export type Verdict = 'PASS' | 'MISS' | 'not judged (quick)';

/** One printed line of the results table. */
export interface BenchLine {
  readonly id: string;
  readonly label: string;
  /** Median time, or the peak memory for W5. */
  readonly median?: string;
  readonly runs?: number;
  readonly throughput?: string;
  /** This measurement ÷ its baseline in the same run, or per-unit ÷ the smallest size's. */
  readonly ratio?: string;
  readonly target?: string;
  readonly verdict?: Verdict;
}

const WIDTHS = { id: 4, label: 50, median: 11, runs: 6, throughput: 24, ratio: 9, target: 17 };

export function formatHeader(): string {
  return [
    'id'.padEnd(WIDTHS.id),
    'measurement'.padEnd(WIDTHS.label),
    'median'.padStart(WIDTHS.median),
    'runs'.padStart(WIDTHS.runs),
    'throughput'.padStart(WIDTHS.throughput),
    'ratio'.padStart(WIDTHS.ratio),
    '  ',
    'target'.padEnd(WIDTHS.target),
    'result',
  ].join('');
}

export function formatLine(line: BenchLine): string {
  return [
    line.id.padEnd(WIDTHS.id),
    line.label.padEnd(WIDTHS.label),
    (line.median ?? '').padStart(WIDTHS.median),
    (line.runs === undefined ? '' : String(line.runs)).padStart(WIDTHS.runs),
    (line.throughput ?? '').padStart(WIDTHS.throughput),
    (line.ratio ?? '').padStart(WIDTHS.ratio),
    '  ',
    (line.target ?? '—').padEnd(WIDTHS.target),
    line.verdict ?? '',
  ]
    .join('')
    .trimEnd();
}

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** `1234.5` → `1,235`. */
export function formatCount(n: number): string {
  return whole.format(n);
}

/** Milliseconds with three significant figures or more: `912 ms`, `81.2 ms`, `1,840 ms`. */
export function formatMs(ms: number): string {
  const digits = ms >= 100 ? 0 : ms >= 10 ? 1 : 2;
  return `${ms.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ms`;
}

/** `count` things in `ms` milliseconds as a rate per second: `5,481 outcomes/s`. */
export function formatRate(count: number, ms: number, unit: string): string {
  return `${formatCount((count * 1000) / ms)} ${unit}/s`;
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}

/** PASS when `value ≤ limit`; in quick mode a size-dependent target is not judged. */
export function atMost(value: number, limit: number, judged = true): Verdict {
  if (!judged) return 'not judged (quick)';
  return value <= limit ? 'PASS' : 'MISS';
}

/** PASS when `value ≥ limit`. */
export function atLeast(value: number, limit: number): Verdict {
  return value >= limit ? 'PASS' : 'MISS';
}

/** The facts that make figures from a shared machine readable: versions, CPU, cores, load. */
export function machineFacts(): string[] {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  const gib = (bytes: number) => (bytes / 2 ** 30).toFixed(1);
  return [
    `Node ${process.version} (V8 ${process.versions.v8}), ${process.platform} ${process.arch}`,
    `CPU: ${model}, ${cores.length} cores; memory ${gib(totalmem())} GiB (${gib(freemem())} GiB free)`,
    `load average (1, 5, 15 min): ${formatLoad()}`,
  ];
}

export function formatLoad(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
}
