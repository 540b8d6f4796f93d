/**
 * W3: switching values for every assumption of a seeded analysis of 1,000 outcomes × 5 years
 * (bench/sensitivity.ts's workload). Target: ≤ 1 s. No baseline; prints how many switching
 * values were computed.
 */
import { measure } from './_measure.js';
import { atMost, formatCount, formatMs, formatRate } from './_report.js';
import { benchAnalysis, workloadSwitchingValues } from '../sensitivity.js';
import type { BenchConfig } from './_config.js';
import type { BenchLine } from './_report.js';

export async function runW3(config: BenchConfig, emit: (line: BenchLine) => void): Promise<void> {
  const outcomes = config.sizes.w3Outcomes;
  const analysis = benchAnalysis(outcomes, 5);
  const count = workloadSwitchingValues(analysis);
  const m = await measure(() => workloadSwitchingValues(analysis), config.runs);
  emit({
    id: 'W3',
    label: `switching values, ${formatCount(outcomes)} outcomes × 5 years`,
    median: formatMs(m.medianMs),
    runs: m.samples.length,
    throughput: formatRate(count, m.medianMs, 'values'),
    target: '≤ 1,000 ms',
    verdict: atMost(m.medianMs, 1000, !config.quick),
  });
  emit({ id: 'W3', label: `  switching values computed: ${formatCount(count)}` });
}
