/**
 * Child process of W5 (started by w5PeakMemory.ts, never run by hand): builds the W2 CSV text and,
 * in mode "pipeline", runs CSV → validated analysis → result once; then reports its own peak
 * resident set size (getrusage's maxrss) to the parent. Mode "floor" stops after building the
 * text, to show what the process costs before the library does anything.
 */
import { outcomesCsv } from './outcomesCsv.js';
import { csvToResult } from './w2Csv.js';

export interface PeakMemoryReport {
  readonly mode: 'floor' | 'pipeline';
  readonly rows: number;
  readonly maxRssBytes: number;
  readonly outcomes: number;
}

const rows = Number(process.argv[2]);
const mode = process.argv[3] === 'pipeline' ? 'pipeline' : 'floor';
const text = outcomesCsv(rows);
const outcomes = mode === 'pipeline' ? csvToResult(text).outcomes.length : 0;
const report: PeakMemoryReport = {
  mode,
  rows,
  maxRssBytes: process.resourceUsage().maxRSS * 1024, // maxRSS is in KiB
  outcomes,
};
if (process.send === undefined) throw new Error('peakMemoryChild.ts is run by w5PeakMemory.ts');
process.send(report, () => process.exit(0));
