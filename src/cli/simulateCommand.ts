import { parseCommandArgs, theOneFile } from './_parseCommandArgs.js';
import { CliError, UsageError, asInputError } from './_errors.js';
import { analysisFlags, loadOrReport, printIssues, readSection } from './_loadAnalysis.js';
import { markdownTable, readFormat, textTable, write } from './sensitivityCommand.js';
import { escapeMarkdown } from '../report/escapeMarkdown.js';
import { formatMoney, formatNumber, formatPercent } from '../report/round.js';
import { safeParseUncertainty } from '../sensitivity/safeParseUncertainty.js';
import { simulate } from '../sensitivity/simulate.js';
import type { CliIo } from './_io.js';
import type { SimulationResult } from '../sensitivity/simulate.js';

/**
 * `sroi simulate <analysis.json> [--draws N] [--seed S] [--bins B] [--format text|json|markdown]
 * [--out FILE]`: Monte Carlo simulation over the distributions in the file's `uncertainty`
 * section; the flags replace the section's draws, seed and bins.
 */
export async function simulateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...analysisFlags,
    draws: { type: 'string', short: 'n' },
    seed: { type: 'string' },
    bins: { type: 'string' },
    format: { type: 'string', short: 'f', default: 'text' },
    out: { type: 'string', short: 'o' },
  });
  const file = theOneFile(
    positionals,
    'simulate needs an analysis file: sroi simulate analysis.json',
  );
  const format = readFormat(values.format);
  const draws = readWhole('--draws', values.draws, 1, 10_000_000);
  const seed = readWhole('--seed', values.seed, -2147483648, 2147483647);
  const bins = readWhole('--bins', values.bins, 1, 1000);

  const analysis = await loadOrReport(io, file, values);
  if (analysis === undefined) return 1;
  const section = await readSection(io, file, 'uncertainty');
  if (section === undefined) {
    throw new CliError(
      `${file}: the analysis has no "uncertainty" section, so there is nothing to simulate; see docs/sensitivity.md for its form`,
    );
  }
  const parsed = safeParseUncertainty(section, analysis);
  if (!parsed.success) {
    await printIssues(io, file, parsed.issues);
    return 1;
  }
  const result: SimulationResult = asInputError(file, () =>
    simulate(analysis, parsed.uncertainty, {
      ...(draws === undefined ? {} : { draws }),
      ...(seed === undefined ? {} : { seed }),
      ...(bins === undefined ? {} : { bins }),
    }),
  );
  await write(io, values.out, render(result, analysis.name, analysis.currency, format), format);
  return 0;
}

function readWhole(
  flag: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const value = /^-?\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function render(
  result: SimulationResult,
  name: string,
  currency: string,
  format: 'text' | 'json' | 'markdown',
): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const r = result.sroiRatio;
  const pv = result.presentValue;
  const head = ['', 'mean', 'p5', 'p50', 'p95'];
  const rows = [
    [
      'SROI ratio',
      formatNumber(r.mean, 2),
      formatNumber(r.p5, 2),
      formatNumber(r.p50, 2),
      formatNumber(r.p95, 2),
    ],
    [
      'present value',
      formatMoney(pv.mean, currency),
      formatMoney(pv.p5, currency),
      formatMoney(pv.p50, currency),
      formatMoney(pv.p95, currency),
    ],
  ];
  const title = `Monte Carlo simulation of ${name}: ${formatNumber(String(result.draws), 0)} draws, seed ${result.seed}`;
  const probability = `Probability that the SROI ratio is at least 1: ${formatPercent(result.probabilityRatioAtLeastOne, 1)}`;
  let most = 0;
  for (const bin of result.histogram) most = Math.max(most, bin.count);
  const bars = result.histogram.map((bin) => [
    `${formatNumber(bin.from, 2)} – ${formatNumber(bin.to, 2)}`,
    '█'.repeat(most === 0 ? 0 : Math.round((40 * bin.count) / most)),
    String(bin.count),
  ]);
  if (format === 'markdown') {
    return [
      `# ${escapeMarkdown(title)}`,
      '',
      markdownTable(head, rows),
      '',
      escapeMarkdown(probability),
      '',
      '## Histogram of the SROI ratio',
      '',
      markdownTable(
        ['SROI ratio', 'draws'],
        result.histogram.map((bin) => [
          `${formatNumber(bin.from, 2)} – ${formatNumber(bin.to, 2)}`,
          String(bin.count),
        ]),
      ),
      '',
    ].join('\n');
  }
  return [
    title,
    '',
    textTable(head, rows),
    '',
    probability,
    '',
    'Histogram of the SROI ratio',
    textTable(['ratio', '', 'draws'], bars),
    '',
  ].join('\n');
}
