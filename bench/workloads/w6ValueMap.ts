/**
 * W6: a Value Map workbook of 1,000 outcomes to a result — `readWorkbook`, `readValueMap` (the
 * sheet's own figures compared included) and `evaluateAnalysis`, as `sroi calculate map.xlsx`
 * does it — against `readWorkbook` alone on the same bytes (the "bare read": sroi's XML reader
 * over fflate is the chosen workbook reader, docs/decisions/0005-xlsx-workbooks.md). The workbook
 * is the synthetic analysis as `writeValueMap` writes it, formulas with their saved results.
 * Targets: ≤ 500 ms, and ≤ 5× the bare read.
 */
import { syntheticAnalysis } from '../synthetic.js';
import { measureTogether } from './_measure.js';
import { atMost, formatCount, formatMs, formatRate, formatRatio } from './_report.js';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { readValueMap } from '../../src/valuemap/readValueMap.js';
import { readWorkbook } from '../../src/workbook/readWorkbook.js';
import { writeValueMap } from '../../src/workbook/writeValueMap.js';
import type { SroiResult } from '../../src/model/result.js';
import type { ReadValueMapResult } from '../../src/valuemap/readValueMap.js';
import type { BenchConfig } from './_config.js';
import type { BenchLine } from './_report.js';

/** The Value Map workbook of the synthetic analysis of `outcomes` outcomes × 5 years, flat 3.5 %. */
export function valueMapWorkbook(outcomes: number): Uint8Array {
  const analysis = parseAnalysis(syntheticAnalysis({ outcomes, years: 5, schedule: 'flat' }));
  return writeValueMap(analysis, evaluateAnalysis(analysis));
}

/** Workbook bytes → the analysis read from its Value Map sheet → its result; throws if invalid. */
export function valueMapToResult(bytes: Uint8Array): {
  read: Extract<ReadValueMapResult, { success: true }>;
  result: SroiResult;
} {
  const workbook = readWorkbook(bytes);
  if (workbook.workbook === undefined) throw new Error('the bench workbook should read');
  const read = readValueMap({ workbook: { workbook: workbook.workbook, issues: workbook.issues } });
  if (!read.success)
    throw new Error(`the bench workbook should be valid: ${read.issues[0]?.message}`);
  return { read, result: evaluateAnalysis(read.analysis) };
}

export async function runW6(config: BenchConfig, emit: (line: BenchLine) => void): Promise<void> {
  const outcomes = config.sizes.w6Outcomes;
  const bytes = valueMapWorkbook(outcomes);
  const together = await measureTogether(
    {
      toResult: () => valueMapToResult(bytes),
      bare: () => readWorkbook(bytes),
    },
    config.runs,
  );
  const { toResult, bare } = together.measurements;
  const ratio = together.ratio('toResult', 'bare');
  emit({
    id: 'W6',
    label: `Value Map .xlsx → result, ${formatCount(outcomes)} outcomes (${(bytes.length / 1e3).toFixed(0)} KB)`,
    median: formatMs(toResult.medianMs),
    runs: toResult.samples.length,
    throughput: formatRate(outcomes, toResult.medianMs, 'outcomes'),
    target: '≤ 500 ms',
    verdict: atMost(toResult.medianMs, 500, !config.quick),
  });
  emit({
    id: 'W6',
    label: '  .xlsx → result ÷ readWorkbook alone',
    ratio: formatRatio(ratio),
    target: '≤ 5× baseline',
    verdict: atMost(ratio, 5),
  });
  emit({
    id: 'W6',
    label: '  baseline: readWorkbook alone (the bare read)',
    median: formatMs(bare.medianMs),
    runs: bare.samples.length,
    throughput: formatRate(outcomes, bare.medianMs, 'outcomes'),
    ratio: formatRatio(1),
  });
}
