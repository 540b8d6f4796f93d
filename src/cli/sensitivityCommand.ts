import { parseCommandArgs } from './_parseCommandArgs.js';
import { CliError, UsageError } from './_errors.js';
import { analysisFlags, loadOrReport, printIssues, readSection } from './_loadAnalysis.js';
import { SroiError } from '../model/SroiError.js';
import { escapeMarkdown } from '../report/escapeMarkdown.js';
import { formatMoney, formatNumber, formatPercent } from '../report/round.js';
import { readNumber } from '../schema/readNumber.js';
import { evaluateScenarios } from '../sensitivity/evaluateScenarios.js';
import { safeParseScenarios } from '../sensitivity/safeParseScenarios.js';
import { sensitivityAnalysis } from '../sensitivity/sensitivityAnalysis.js';
import { writeOutput } from './_writeOutput.js';
import type { CliIo } from './_io.js';
import type { Analysis } from '../model/analysis.js';
import type { EvaluateScenariosResult } from '../sensitivity/evaluateScenarios.js';
import type { SensitivityAnalysisResult } from '../sensitivity/sensitivityAnalysis.js';

const FORMATS = ['text', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

/**
 * `sroi sensitivity <input> [--target 1] [--step 10%] [--fraction-step P] [--duration-step N]
 * [--scenarios] [--format text|json|markdown] [--out FILE]`: switching values and one-way
 * sensitivity of every assumption, or with `--scenarios` the analysis file's scenarios beside
 * the base case.
 */
export async function sensitivityCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...analysisFlags,
    target: { type: 'string', short: 't', default: '1' },
    step: { type: 'string', short: 's', default: '10%' },
    'fraction-step': { type: 'string' },
    'duration-step': { type: 'string', default: '1' },
    scenarios: { type: 'boolean', default: false },
    format: { type: 'string', short: 'f', default: 'text' },
    out: { type: 'string', short: 'o' },
  });
  const [file, ...extra] = positionals;
  if (file === undefined) {
    throw new UsageError('sensitivity needs an analysis file: sroi sensitivity analysis.json');
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const format = readFormat(values.format);
  const target = readFlagNumber('--target', values.target, false);
  if (target === '0') throw new UsageError('--target must be a ratio above 0, got "0"');
  const step = readFlagNumber('--step', values.step, true);
  const fractionStep =
    values['fraction-step'] === undefined
      ? step
      : readFlagNumber('--fraction-step', values['fraction-step'], true);
  const durationStep = Number(values['duration-step']);
  if (!/^\d+$/.test(values['duration-step'])) {
    throw new UsageError(
      `--duration-step must be a whole number of years, got "${values['duration-step']}"`,
    );
  }

  const analysis = await loadOrReport(io, file, values);
  if (analysis === undefined) return 1;

  let output: string;
  try {
    if (values.scenarios) {
      const section = await readSection(io, file, 'scenarios');
      if (section === undefined) {
        throw new CliError(
          `${file}: the analysis has no "scenarios" section; see docs/sensitivity.md for its form`,
        );
      }
      const parsed = safeParseScenarios(section, analysis);
      if (!parsed.success) {
        await printIssues(io, file, parsed.issues);
        return 1;
      }
      output = renderScenarios(evaluateScenarios(analysis, parsed.scenarios), format);
    } else {
      const result = sensitivityAnalysis(analysis, {
        target,
        step,
        fractionStep,
        durationStep,
      });
      output = renderSensitivity(result, analysis, format, { step, fractionStep, durationStep });
    }
  } catch (error) {
    if (error instanceof SroiError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
  await write(io, values.out, output, format);
  return 0;
}

export function readFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${value}"`);
  }
  return value as Format;
}

/** Reads a number flag; `percent` allows `10%` (read as 0.1). */
function readFlagNumber(flag: string, text: string, percent: boolean): string {
  const read = readNumber(text);
  if (!read.ok || (read.percent && !percent) || read.value.startsWith('-')) {
    throw new UsageError(
      `${flag} must be a number ≥ 0${percent ? ' such as 10%' : ' such as 1'}, got "${text}"`,
    );
  }
  return read.value;
}

/** Writes a command's output: text for people, or JSON and Markdown, which escape their own text. */
export async function write(
  io: CliIo,
  out: string | undefined,
  output: string,
  format: Format,
): Promise<void> {
  await writeOutput(io, out, output, format === 'text' ? 'text' : 'data');
}

const FRACTIONS = new Set([
  'deadweight',
  'displacement',
  'attribution',
  'leakage',
  'dropOff',
  'discountRate',
]);

/** An assumption's value for people: fractions as percentages, money grouped, years as years. */
function shownValue(parameter: string, value: string | null, currency: string): string {
  if (value === null) return '—';
  if (FRACTIONS.has(parameter)) return formatPercent(value, 2);
  if (parameter === 'duration') return `${value} year${value === '1' ? '' : 's'}`;
  if (parameter === 'proxyScale') return `×${formatNumber(value, 4)}`;
  if (parameter === 'quantity') return formatNumber(value, 2);
  return formatMoney(value, currency);
}

const ratio = (value: string | null | undefined): string =>
  value === null || value === undefined ? 'undefined' : formatNumber(value, 2);

function whose(row: { outcome?: string; input?: number }, analysis: Analysis): string {
  if (row.outcome !== undefined) return row.outcome;
  if (row.input !== undefined) {
    const input = analysis.inputs[row.input];
    return input === undefined ? `input ${row.input}` : `${input.description} (input ${row.input})`;
  }
  return '(all)';
}

function renderSensitivity(
  result: SensitivityAnalysisResult,
  analysis: Analysis,
  format: Format,
  steps: { step: string; fractionStep: string; durationStep: number },
): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const currency = analysis.currency;
  const switching = result.switchingValues.map((v) => [
    v.parameter,
    whose(v, analysis),
    shownValue(v.parameter, v.base, currency),
    v.reachable
      ? shownValue(v.parameter, v.switchingValue, currency)
      : `not reachable (ratio ${ratio(v.ratioAtLimit)} at the limit)`,
  ]);
  const oneWay = result.oneWay.map((r) => [
    r.parameter,
    whose(r, analysis),
    `${shownValue(r.parameter, r.low.value, currency)} → ${ratio(r.low.sroiRatio)}`,
    `${shownValue(r.parameter, r.high.value, currency)} → ${ratio(r.high.sroiRatio)}`,
  ]);
  const moves = `±${formatPercent(steps.step)} for money and quantities, ±${formatPercent(steps.fractionStep).slice(0, -1)} points for fractions, ±${steps.durationStep} year${steps.durationStep === 1 ? '' : 's'} for duration`;
  const title = `Sensitivity of ${analysis.name}: SROI ratio ${ratio(result.base.sroiRatio)} : 1, target ${ratio(result.target)} : 1`;
  const switchingTitle = `Switching values: where each assumption, moved alone, brings the ratio to ${ratio(result.target)}`;
  const oneWayTitle = `One-way sensitivity (${moves}), largest swing first`;
  const switchingHead = ['parameter', 'outcome / input', 'base', 'switching value'];
  const oneWayHead = ['parameter', 'outcome / input', 'low → ratio', 'high → ratio'];
  if (format === 'markdown') {
    return [
      `# ${escapeMarkdown(title)}`,
      '',
      `## ${escapeMarkdown(switchingTitle)}`,
      '',
      markdownTable(switchingHead, switching),
      '',
      `## ${escapeMarkdown(oneWayTitle)}`,
      '',
      markdownTable(oneWayHead, oneWay),
      '',
    ].join('\n');
  }
  return [
    title,
    '',
    switchingTitle,
    textTable(switchingHead, switching),
    '',
    oneWayTitle,
    textTable(oneWayHead, oneWay),
    '',
  ].join('\n');
}

function renderScenarios(result: EvaluateScenariosResult, format: Format): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const currency = result.base.currency;
  const rows = [
    { name: 'base case', description: '', result: result.base },
    ...result.scenarios.map((s) => ({
      name: s.name,
      description: s.description ?? '',
      result: s.result,
    })),
  ].map(({ name, description, result: r }) => [
    name,
    formatMoney(r.totalPresentValue, currency),
    formatMoney(r.totalInputs, currency),
    formatMoney(r.netPresentValue, currency),
    ratio(r.sroiRatio),
    description,
  ]);
  const head = [
    'scenario',
    'present value',
    'inputs',
    'net present value',
    'SROI ratio',
    'description',
  ];
  const title = `Scenarios of ${result.base.name}`;
  if (format === 'markdown') {
    return [`# ${escapeMarkdown(title)}`, '', markdownTable(head, rows), ''].join('\n');
  }
  return [title, textTable(head, rows), ''].join('\n');
}

/** Columns padded to their widest cell; the first two left-aligned, the rest too (text). */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  // A loop, not Math.max(...rows): a table can have more rows than a call has room for.
  const widths = head.map((h) => h.length);
  for (const row of rows) {
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  }
  const line = (cells: readonly string[]) =>
    `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

export function markdownTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}
