/**
 * Throughput of the CSV path for 100,000 outcome rows: csv-parse alone (W2's baseline), its
 * records as the reader takes them (src/csv/_csvRecords.ts, none kept), readCsvTable, then CSV →
 * validated analysis (readCsvAnalysis), then → result (evaluateAnalysis). Prints rows per second.
 * The text is W2's (workloads/outcomesCsv.ts). Run: npx tsx bench/csv.ts [rows]
 */
import { parse } from 'csv-parse/sync';
import { outcomesCsv } from './workloads/outcomesCsv.js';
import { evaluateAnalysis } from '../src/calc/evaluateAnalysis.js';
import { csvRecords } from '../src/csv/_csvRecords.js';
import { readCsvAnalysis } from '../src/csv/readCsvAnalysis.js';
import { readCsvTable } from '../src/csv/readCsvTable.js';

const rows = Number(process.argv[2] ?? 100_000);
const text = outcomesCsv(rows);

function time<T>(label: string, fn: () => T): { result: T; seconds: number } {
  fn(); // warm-up
  const start = process.hrtime.bigint();
  const result = fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = Math.round(rows / seconds).toLocaleString('en-GB');
  console.log(
    `${label.padEnd(44)} ${seconds.toFixed(3).padStart(7)} s  ${rate.padStart(10)} rows/s`,
  );
  return { result, seconds };
}

console.log(
  `${rows.toLocaleString('en-GB')} outcome rows, ${(text.length / 1e6).toFixed(1)} MB, Node ${process.version}`,
);
const alone = time('csv-parse alone (cast: false)', () =>
  parse(text, { cast: false, relax_column_count: true, relax_quotes: true }),
);
time('csvRecords (csv-parse by pieces, not kept)', () => {
  let cells = 0;
  csvRecords(text, ',', (record) => {
    cells += record.length;
  });
  return cells;
});
time('readCsvTable (every row kept)', () =>
  readCsvTable(text, { scoreHeader: (cells) => cells.length }),
);
const read = time('CSV → validated analysis (readCsvAnalysis)', () =>
  readCsvAnalysis({ outcomes: { text, file: 'outcomes.csv' }, settings: { name: 'bench' } }),
);
if (!read.result.success) throw new Error('the bench file should be valid');
const analysis = read.result.analysis;
const evaluate = time('validated analysis → result (evaluateAnalysis)', () =>
  evaluateAnalysis(analysis),
);
const total = read.seconds + evaluate.seconds;
console.log(
  `${'CSV → result, end to end'.padEnd(44)} ${total.toFixed(3).padStart(7)} s  ${Math.round(
    rows / total,
  )
    .toLocaleString('en-GB')
    .padStart(10)} rows/s`,
);
console.log(`end to end ÷ csv-parse alone: ${(total / alone.seconds).toFixed(1)}×`);
