/**
 * Child process of W5 (bundled and started by w5PeakMemory.ts, never run by hand): reads the W2
 * CSV file as `sroi calculate` would, and in mode "pipeline" runs CSV → validated analysis →
 * result once; then reports its own peak resident set size (getrusage's maxrss) to the parent.
 * Mode "floor" stops after reading the file, to show what the process costs before the library
 * does anything.
 */
import { readFileSync } from 'node:fs';
import { csvToResult } from './w2Csv.js';

export interface PeakMemoryReport {
  readonly mode: 'floor' | 'pipeline';
  readonly rows: number;
  readonly maxRssBytes: number;
  readonly outcomes: number;
}

const file = process.argv[2] as string;
const rows = Number(process.argv[3]);
const mode = process.argv[4] === 'pipeline' ? 'pipeline' : 'floor';
const text = readFileSync(file, 'utf8');
const outcomes = mode === 'pipeline' ? csvToResult(text).outcomes.length : 0;
const report: PeakMemoryReport = {
  mode,
  rows,
  maxRssBytes: process.resourceUsage().maxRSS * 1024, // maxRSS is in KiB
  outcomes,
};
if (process.send === undefined) throw new Error('peakMemoryChild.ts is run by w5PeakMemory.ts');
process.send(report, () => process.exit(0));
