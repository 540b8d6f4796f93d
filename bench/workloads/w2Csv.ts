/**
 * W2: CSV → validated analysis → result for 100,000 outcome rows (readCsvAnalysis, then
 * evaluateAnalysis), against csv-parse alone on the same text (every record kept, cells as
 * text). csv-parse is also the reader's own tokenizer (src/csv/_csvRecords.ts), so the target is
 * on reading: readCsvAnalysis ≤ 1.5× csv-parse alone. The end-to-end figure is printed, with
 * its former target of ≥ 50,000 rows/s.
 */
import { parse } from 'csv-parse/sync';
import { CSV_SETTINGS, outcomesCsv } from './outcomesCsv.js';
import { decimalBaseline } from './decimalBaseline.js';
import { median, measureTogether } from './_measure.js';
import { atLeast, atMost, formatCount, formatMs, formatRate, formatRatio } from './_report.js';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { readCsvAnalysis } from '../../src/csv/readCsvAnalysis.js';
import type { SroiResult } from '../../src/model/result.js';
import type { BenchConfig } from './_config.js';
import type { BenchLine } from './_report.js';

/** Where `csvToResult` records the time of its two steps, in ms. */
export interface CsvToResultTimes {
  readonly read: number[];
  readonly evaluate: number[];
}

/**
 * CSV text → validated analysis → result, as `sroi calculate outcomes.csv` does it; throws if the
 * text is not valid. With `times`, records how long each step took.
 */
export function csvToResult(text: string, times?: CsvToResultTimes): SroiResult {
  const start = performance.now();
  const read = readCsvAnalysis({
    outcomes: { text, file: 'outcomes.csv' },
    settings: CSV_SETTINGS,
  });
  const middle = performance.now();
  if (!read.success) throw new Error(`the bench CSV should be valid: ${read.issues[0]?.message}`);
  const result = evaluateAnalysis(read.analysis);
  times?.read.push(middle - start);
  times?.evaluate.push(performance.now() - middle);
  return result;
}

/** The baseline: csv-parse alone, keeping every record, cells as text. */
export function csvParseAlone(text: string): string[][] {
  return parse(text, {
    delimiter: ',',
    cast: false,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
  }) as string[][];
}

export async function runW2(config: BenchConfig, emit: (line: BenchLine) => void): Promise<void> {
  const rows = config.sizes.w2Rows;
  const text = outcomesCsv(rows);
  // The end-to-end time is measured as one; its two parts are timed inside each run as well.
  const times: CsvToResultTimes = { read: [], evaluate: [] };
  // The exact-arithmetic floor of the evaluation: W1's baseline loop on the same outcomes.
  const read = readCsvAnalysis({
    outcomes: { text, file: 'outcomes.csv' },
    settings: CSV_SETTINGS,
  });
  if (!read.success) throw new Error('the bench CSV should be valid');
  const analysis = read.analysis;
  const together = await measureTogether(
    {
      endToEnd: () => csvToResult(text, times),
      alone: () => csvParseAlone(text),
      arithmetic: () => decimalBaseline(analysis),
    },
    config.runs,
  );
  const { endToEnd, alone } = together.measurements;
  const ratio = together.ratio('endToEnd', 'alone');
  const rate = (rows * 1000) / endToEnd.medianMs;
  const mb = (text.length / 1e6).toFixed(1);
  emit({
    id: 'W2',
    label: `CSV → result, ${formatCount(rows)} rows (${mb} MB)`,
    median: formatMs(endToEnd.medianMs),
    runs: endToEnd.samples.length,
    throughput: formatRate(rows, endToEnd.medianMs, 'rows'),
    target: '≥ 50,000 rows/s',
    verdict: atLeast(rate, 50_000),
  });
  // The first entries are the warm-up run's; the medians are over the timed runs only.
  const timed = (all: number[]) =>
    all.slice(all.length - endToEnd.samples.length).sort((a, b) => a - b);
  const readMedian = median(timed(times.read));
  const evaluateMedian = median(timed(times.evaluate));
  const readRatio = readMedian / alone.medianMs;
  emit({
    id: 'W2',
    label: '  CSV → result ÷ csv-parse alone',
    ratio: formatRatio(ratio),
  });
  emit({
    id: 'W2',
    label: '  of which readCsvAnalysis (CSV → analysis)',
    median: formatMs(readMedian),
    throughput: formatRate(rows, readMedian, 'rows'),
    ratio: formatRatio(readRatio),
    target: '≤ 1.5× baseline',
    verdict: atMost(readRatio, 1.5),
  });
  emit({
    id: 'W2',
    label: '  of which evaluateAnalysis (analysis → result)',
    median: formatMs(evaluateMedian),
    throughput: formatRate(rows, evaluateMedian, 'rows'),
    ratio: formatRatio(evaluateMedian / alone.medianMs),
  });
  const arithmetic = together.measurements.arithmetic;
  emit({
    id: 'W2',
    label: '  floor: W1 baseline decimal.js loop on the same outcomes',
    median: formatMs(arithmetic.medianMs),
    runs: arithmetic.samples.length,
    throughput: formatRate(rows, arithmetic.medianMs, 'rows'),
    ratio: formatRatio(together.ratio('arithmetic', 'alone')),
  });
  emit({
    id: 'W2',
    label: '  baseline: csv-parse alone, same text',
    median: formatMs(alone.medianMs),
    runs: alone.samples.length,
    throughput: formatRate(rows, alone.medianMs, 'rows'),
    ratio: formatRatio(1),
  });
}
