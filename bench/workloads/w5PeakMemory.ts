/**
 * W5: the peak memory of W2 (CSV → validated analysis → result, 100,000 outcome rows), measured
 * in a child process of its own so that no other workload's heap is counted: the child's peak
 * resident set size, as the kernel records it. Target: ≤ 300 MB (10⁶ bytes). A second child
 * that only loads the code and builds the text shows the floor the library adds to.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { atMost, formatCount } from './_report.js';
import type { BenchConfig } from './_config.js';
import type { PeakMemoryReport } from './peakMemoryChild.js';
import type { BenchLine } from './_report.js';

const CHILD = fileURLToPath(new URL('./peakMemoryChild.ts', import.meta.url));

/** Runs the child (with this process's node flags, so the TypeScript loader too) and waits. */
export function peakMemory(rows: number, mode: 'floor' | 'pipeline'): Promise<PeakMemoryReport> {
  return new Promise((resolve, reject) => {
    let report: PeakMemoryReport | undefined;
    const child = fork(CHILD, [String(rows), mode], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (message) => {
      report = message as PeakMemoryReport;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (report !== undefined && code === 0) resolve(report);
      else reject(new Error(`the W5 child (${mode}) ended with ${signal ?? `exit code ${code}`}`));
    });
  });
}

export async function runW5(config: BenchConfig, emit: (line: BenchLine) => void): Promise<void> {
  const rows = config.sizes.w5Rows;
  const floor = await peakMemory(rows, 'floor');
  const pipeline = await peakMemory(rows, 'pipeline');
  if (pipeline.outcomes !== rows) {
    throw new Error(`W5: expected ${rows} outcomes in the result, got ${pipeline.outcomes}`);
  }
  const mb = (bytes: number) => bytes / 1e6;
  emit({
    id: 'W5',
    label: `peak RSS, CSV → result, ${formatCount(rows)} rows`,
    median: `${mb(pipeline.maxRssBytes).toFixed(0)} MB`,
    runs: 1,
    target: '≤ 300 MB',
    verdict: atMost(mb(pipeline.maxRssBytes), 300, !config.quick),
  });
  emit({
    id: 'W5',
    label: '  floor: code loaded and text built, no parsing',
    median: `${mb(floor.maxRssBytes).toFixed(0)} MB`,
    runs: 1,
  });
  emit({
    id: 'W5',
    label: '  peak − floor',
    median: `${mb(pipeline.maxRssBytes - floor.maxRssBytes).toFixed(0)} MB`,
  });
}
