/**
 * W1: `calculateSroi` (parse + evaluate, full breakdowns) on a seeded analysis of 5,000 outcomes ×
 * 10 years with drop-off and the Green Book schedule; `evaluateAnalysis` alone on the parsed
 * analysis; `parseAnalysis` alone; and the baseline, the same arithmetic as a bare decimal.js loop (decimalBaseline.ts).
 * Targets: median ≤ 120 ms, and ≤ 1.5× the baseline. Then how the time grows with outcomes.
 */
import { bareDecimalLoop } from './bareDecimalLoop.js';
import { decimalBaseline } from './decimalBaseline.js';
import { measure, measureTogether } from './_measure.js';
import { atMost, formatCount, formatMs, formatRate, formatRatio } from './_report.js';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { calculateSroi } from '../../src/calculateSroi.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { syntheticAnalysis } from '../synthetic.js';
import type { BenchConfig } from './_config.js';
import type { BenchLine } from './_report.js';

export async function runW1(config: BenchConfig, emit: (line: BenchLine) => void): Promise<void> {
  const { w1Outcomes: outcomes, w1Years: years } = config.sizes;
  const input = syntheticAnalysis({ outcomes, years, schedule: 'green-book' });
  const analysis = parseAnalysis(input);
  const size = `${formatCount(outcomes)} outcomes × ${years} years`;

  const together = await measureTogether(
    {
      whole: () => calculateSroi(input),
      evaluate: () => evaluateAnalysis(analysis),
      parse: () => parseAnalysis(input),
      baseline: () => decimalBaseline(analysis),
      bare: () => bareDecimalLoop(analysis),
    },
    config.runs,
  );
  const { whole, evaluate, parse, baseline, bare } = together.measurements;
  const ratio = together.ratio('whole', 'baseline');
  emit({
    id: 'W1',
    label: `calculateSroi, ${size}`,
    median: formatMs(whole.medianMs),
    runs: whole.samples.length,
    throughput: formatRate(outcomes, whole.medianMs, 'outcomes'),
    target: '≤ 120 ms',
    verdict: atMost(whole.medianMs, 120, !config.quick),
  });
  emit({
    id: 'W1',
    label: '  calculateSroi ÷ baseline',
    ratio: formatRatio(ratio),
    target: '≤ 1.5× baseline',
    verdict: atMost(ratio, 1.5),
  });
  emit({
    id: 'W1',
    label: '  evaluateAnalysis alone (parsed analysis)',
    median: formatMs(evaluate.medianMs),
    runs: evaluate.samples.length,
    throughput: formatRate(outcomes, evaluate.medianMs, 'outcomes'),
    ratio: formatRatio(together.ratio('evaluate', 'baseline')),
  });
  emit({
    id: 'W1',
    label: '  parseAnalysis alone',
    median: formatMs(parse.medianMs),
    runs: parse.samples.length,
    throughput: formatRate(outcomes, parse.medianMs, 'outcomes'),
    ratio: formatRatio(together.ratio('parse', 'baseline')),
  });
  emit({
    id: 'W1',
    label: '  baseline: decimal.js loop, 34 digits',
    median: formatMs(baseline.medianMs),
    runs: baseline.samples.length,
    throughput: formatRate(outcomes, baseline.medianMs, 'outcomes'),
    ratio: formatRatio(1),
  });
  emit({
    id: 'W1',
    label: "  the targets' bare decimal.js loop (3 operations per outcome-year)",
    median: formatMs(bare.medianMs),
    runs: bare.samples.length,
    throughput: formatRate(outcomes, bare.medianMs, 'outcomes'),
    ratio: formatRatio(together.ratio('bare', 'baseline')),
    target: '≈ 80 ms on the issue’s machine',
  });
  emit({
    id: 'W1',
    label: '  calculateSroi ÷ bare loop (the 120 ms target is 1.5× its 80 ms)',
    ratio: formatRatio(together.ratio('whole', 'bare')),
    target: '(≤ 1.5×, information)',
  });

  // Growth: ×1, ×2, ×4, ×8 outcomes. The code is warm from the runs above, so no warm-up run.
  let firstPerOutcome: number | undefined;
  for (const n of config.sizes.w1Growth) {
    const grown = syntheticAnalysis({ outcomes: n, years, schedule: 'green-book' });
    const m = await measure(() => calculateSroi(grown), { ...config.runs, warmup: false });
    const perOutcome = (m.medianMs * 1000) / n; // µs
    firstPerOutcome ??= perOutcome;
    emit({
      id: 'W1',
      label: `  growth: calculateSroi, ${formatCount(n)} outcomes × ${years}`,
      median: formatMs(m.medianMs),
      runs: m.samples.length,
      throughput: `${perOutcome.toFixed(1)} µs/outcome`,
      ratio: formatRatio(perOutcome / firstPerOutcome),
    });
  }
}
