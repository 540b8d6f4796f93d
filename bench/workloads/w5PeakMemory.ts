/**
 * W5: the peak memory of W2 (CSV → validated analysis → result, 100,000 outcome rows), measured
 * in a child process of its own so that no other workload's heap is counted: the child's peak
 * resident set size, as the kernel records it. Target: ≤ 300 MB (10⁶ bytes). The child is
 * bundled by esbuild into one JavaScript file and run by plain node, as the built CLI would be,
 * so that the TypeScript loader (tsx, which runs a thread of its own) is not counted. The CSV is
 * written to a temporary file that the child reads, as `sroi calculate` does. A second child that
 * only loads the code and reads the file shows the floor the library adds to.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { outcomesCsv } from './outcomesCsv.js';
import { atMost, formatCount } from './_report.js';
import type { BenchConfig } from './_config.js';
import type { PeakMemoryReport } from './peakMemoryChild.js';
import type { BenchLine } from './_report.js';

const CHILD = fileURLToPath(new URL('./peakMemoryChild.ts', import.meta.url));

/** Bundles the child into `dir` and returns the bundle's path. */
export function bundleChild(dir: string): string {
  const outfile = join(dir, 'peakMemoryChild.mjs');
  buildSync({
    entryPoints: [CHILD],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/** Runs the bundled child in plain node (no loader flags) and waits for its report. */
export function peakMemory(
  bundle: string,
  file: string,
  rows: number,
  mode: 'floor' | 'pipeline',
): Promise<PeakMemoryReport> {
  return new Promise((resolve, reject) => {
    let report: PeakMemoryReport | undefined;
    const child = fork(bundle, [file, String(rows), mode], {
      execArgv: [],
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
  const dir = mkdtempSync(join(tmpdir(), 'sroi-bench-w5-'));
  let floor: PeakMemoryReport;
  let pipeline: PeakMemoryReport;
  try {
    const bundle = bundleChild(dir);
    const file = join(dir, 'outcomes.csv');
    writeFileSync(file, outcomesCsv(rows));
    floor = await peakMemory(bundle, file, rows, 'floor');
    pipeline = await peakMemory(bundle, file, rows, 'pipeline');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
    label: '  floor: code loaded, file read, no parsing',
    median: `${mb(floor.maxRssBytes).toFixed(0)} MB`,
    runs: 1,
  });
  emit({
    id: 'W5',
    label: '  peak − floor',
    median: `${mb(pipeline.maxRssBytes - floor.maxRssBytes).toFixed(0)} MB`,
  });
}
