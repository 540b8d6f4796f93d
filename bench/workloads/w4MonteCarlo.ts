/**
 * W4: Monte Carlo, 100,000 draws of a seeded analysis of 100 outcomes × 5 years with five
 * uncertain assumptions per outcome (bench/sensitivity.ts's workload: `simulate`, summaries and
 * histogram included; the uncertainty section is parsed once, outside the timed runs), against
 * the same draws in a plain float64 loop (bench/sensitivity.ts's baseline: the library's own
 * samplers, streams and blocks of 1,024, so the very values `simulate` draws, then every outcome
 * and year valued from scratch, one draw at a time). Targets: ≤ 2 s, and ≤ 5× the float loop.
 * Then how the time grows with outcomes.
 */
import { measure, measureTogether } from './_measure.js';
import { atMost, formatCount, formatMs, formatRate, formatRatio } from './_report.js';
import {
  benchAnalysis,
  benchUncertainty,
  workloadPlainLoop,
  workloadSimulate,
} from '../sensitivity.js';
import type { BenchConfig } from './_config.js';
import type { BenchLine } from './_report.js';

export async function runW4(config: BenchConfig, emit: (line: BenchLine) => void): Promise<void> {
  const { w4Draws: draws, w4Outcomes: outcomes } = config.sizes;
  const analysis = benchAnalysis(outcomes, 5);
  const uncertainty = benchUncertainty(analysis, draws);
  const together = await measureTogether(
    {
      simulated: () => workloadSimulate(analysis, uncertainty),
      plain: () => workloadPlainLoop(analysis, draws),
    },
    config.runs,
  );
  const { simulated, plain } = together.measurements;
  const ratio = together.ratio('simulated', 'plain');
  emit({
    id: 'W4',
    label: `simulate, ${formatCount(draws)} draws × ${outcomes} outcomes × 5 years`,
    median: formatMs(simulated.medianMs),
    runs: simulated.samples.length,
    throughput: formatRate(draws, simulated.medianMs, 'draws'),
    target: '≤ 2,000 ms',
    verdict: atMost(simulated.medianMs, 2000, !config.quick),
  });
  emit({
    id: 'W4',
    label: '  simulate ÷ float64 loop',
    ratio: formatRatio(ratio),
    target: '≤ 5× baseline',
    verdict: atMost(ratio, 5),
  });
  emit({
    id: 'W4',
    label: '  baseline: plain float64 loop, same samplers',
    median: formatMs(plain.medianMs),
    runs: plain.samples.length,
    throughput: formatRate(draws, plain.medianMs, 'draws'),
    ratio: formatRatio(1),
  });

  // Growth: ×1, ×2, ×4, ×8 outcomes at a fixed number of draws; per unit = one outcome in one draw.
  const growthDraws = config.sizes.w4GrowthDraws;
  let firstPerUnit: number | undefined;
  for (const n of config.sizes.w4Growth) {
    const grown = benchAnalysis(n, 5);
    const grownUncertainty = benchUncertainty(grown, growthDraws);
    const m = await measure(() => workloadSimulate(grown, grownUncertainty), {
      ...config.runs,
      warmup: false,
    });
    const perUnit = (m.medianMs * 1000) / (n * growthDraws); // µs
    firstPerUnit ??= perUnit;
    emit({
      id: 'W4',
      label: `  growth: ${formatCount(growthDraws)} draws × ${formatCount(n)} outcomes`,
      median: formatMs(m.medianMs),
      runs: m.samples.length,
      throughput: `${perUnit.toFixed(2)} µs/outcome-draw`,
      ratio: formatRatio(perUnit / firstPerUnit),
    });
  }
}
