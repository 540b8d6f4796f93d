import { parseCommandArgs, theOneFile } from './_parseCommandArgs.js';
import { CliError, UsageError } from './_errors.js';
import { analysisFlags, loadOrReport, printIssues, readSection } from './_loadAnalysis.js';
import { Dec, str } from '../calc/_decimal.js';
import { MAX_DURATION } from '../model/_arguments.js';
import { SroiError } from '../model/SroiError.js';
import { reportFormat } from '../report/_reportFormat.js';
import { escapeMarkdown } from '../report/escapeMarkdown.js';
import { formatMoney, formatNumber, formatPercent } from '../report/round.js';
import { readNumber } from '../schema/readNumber.js';
import { evaluateScenarios } from '../sensitivity/evaluateScenarios.js';
import { swingOrder } from '../sensitivity/oneWaySensitivity.js';
import { leadingAssumptions } from '../sensitivity/_leading.js';
import { safeParseScenarios } from '../sensitivity/safeParseScenarios.js';
import { assumptions, sensitivityPlan } from '../sensitivity/sensitivityAnalysis.js';
import { writeOutput } from './_writeOutput.js';
import type { CliIo } from './_io.js';
import type { Analysis } from '../model/analysis.js';
import type { EvaluateScenariosResult } from '../sensitivity/evaluateScenarios.js';
import type { LeadingAssumptions } from '../sensitivity/_leading.js';
import type { SensitivityPlan } from '../sensitivity/sensitivityAnalysis.js';

const FORMATS = ['text', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

/** How many rows each table of the text and Markdown forms lists without `--all`. */
export const LISTED = 20;

/**
 * `sroi sensitivity <input> [--target 1] [--step 10%] [--fraction-step P] [--duration-step N]
 * [--all] [--scenarios] [--format text|json|markdown] [--out FILE]`: switching values and one-way
 * sensitivity of every assumption, or with `--scenarios` the analysis file's scenarios beside
 * the base case. The text and Markdown forms list the 20 assumptions closest to their switching
 * values and the 20 with the largest swing (`--all`: every one), so that what they print is
 * bounded whatever the size of the analysis; JSON lists every assumption, written piece by piece
 * as the assumptions are worked out, so that neither the rows nor the text is held whole.
 */
export async function sensitivityCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...analysisFlags,
    target: { type: 'string', short: 't', default: '1' },
    step: { type: 'string', short: 's', default: '10%' },
    'fraction-step': { type: 'string' },
    'duration-step': { type: 'string', default: '1' },
    all: { type: 'boolean', default: false },
    scenarios: { type: 'boolean', default: false },
    format: { type: 'string', short: 'f', default: 'text' },
    out: { type: 'string', short: 'o' },
  });
  const file = theOneFile(
    positionals,
    'sensitivity needs an analysis file: sroi sensitivity analysis.json',
  );
  const format = readFormat(values.format);
  const target = readFlagNumber('--target', values.target, false);
  if (target === '0') throw new UsageError('--target must be a ratio above 0, got "0"');
  const step = readFlagNumber('--step', values.step, true);
  const fractionStep =
    values['fraction-step'] === undefined
      ? step
      : readFlagNumber('--fraction-step', values['fraction-step'], true);
  // A duration may be a fraction of a year (docs/method.md), and so may its step.
  const durationText = readFlagNumber('--duration-step', values['duration-step'], false);
  const durationStep = Number(durationText);
  if (durationStep > MAX_DURATION) {
    throw new UsageError(
      `--duration-step must be a number of years from 0 to ${MAX_DURATION}, got "${values['duration-step']}"`,
    );
  }

  const analysis = await loadOrReport(io, file, values);
  if (analysis === undefined) return 1;

  let output: string | Iterable<string>;
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
      const plan = sensitivityPlan('sensitivityAnalysis', analysis, {
        target,
        step,
        fractionStep,
        durationStep,
      });
      output =
        format === 'json'
          ? located(file, sensitivityJson(plan))
          : renderSensitivity(shownRows(plan, values.all), plan, analysis, format, {
              step,
              fractionStep,
              durationStep: durationText,
            });
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
  output: string | Iterable<string>,
  format: Format,
): Promise<void> {
  await writeOutput(io, out, output, format === 'text' ? 'text' : 'data');
}

/** An assumption's value for people, rounded as the reports round it; `—` for none. */
function shownValue(parameter: string, value: string | null, currency: string): string {
  return value === null ? '—' : reportFormat(currency, {}).assumption(parameter, value);
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

/** What the text and Markdown forms show: how many assumptions, and the rows of each table. */
interface ShownRows extends LeadingAssumptions {
  readonly all: boolean;
}

/**
 * The assumptions closest to their switching values (by `switchingMargin`, the measure the
 * reports and `sroi check` rank them by) and those with the largest one-way swing, `LISTED` of
 * each, or every one with `all`; the others are screened out, not worked out exactly
 * (`leadingAssumptions`).
 */
function shownRows(plan: SensitivityPlan, all: boolean): ShownRows {
  return { ...leadingAssumptions(plan, all ? Infinity : LISTED), all };
}

/** How much of `count` rows a table shows, for its title: `: 20 of 1,200,003 (--all …)`. */
function shownOf(shown: number, count: number): string {
  if (shown >= count) return '';
  return `: ${formatNumber(String(shown), 0)} of ${formatNumber(String(count), 0)} (--all lists every one)`;
}

function renderSensitivity(
  rows: ShownRows,
  plan: SensitivityPlan,
  analysis: Analysis,
  format: Exclude<Format, 'json'>,
  steps: { step: string; fractionStep: string; durationStep: string },
): string {
  const currency = analysis.currency;
  const target = str(plan.target);
  const switching = rows.switching.map((v) => [
    v.parameter,
    whose(v, analysis),
    shownValue(v.parameter, v.base, currency),
    v.reachable
      ? shownValue(v.parameter, v.switchingValue, currency)
      : `not reachable (ratio ${ratio(v.ratioAtLimit)} at the limit)`,
  ]);
  const oneWay = rows.oneWay.map((r) => [
    r.parameter,
    whose(r, analysis),
    `${shownValue(r.parameter, r.low.value, currency)} → ${ratio(r.low.sroiRatio)}`,
    `${shownValue(r.parameter, r.high.value, currency)} → ${ratio(r.high.sroiRatio)}`,
  ]);
  const years = shownValue('duration', steps.durationStep, currency);
  const moves = `±${formatPercent(steps.step)} for money and quantities, ±${formatPercent(steps.fractionStep).slice(0, -1)} points for fractions, ±${years} for duration`;
  const title = `Sensitivity of ${analysis.name}: SROI ratio ${ratio(plan.base.sroiRatio)} : 1, target ${ratio(target)} : 1`;
  const switchingTitle = `Switching values: where each assumption, moved alone, brings the ratio to ${ratio(target)}, closest first${shownOf(switching.length, rows.count)}`;
  const oneWayTitle = `One-way sensitivity (${moves}), largest swing first${shownOf(oneWay.length, rows.count)}`;
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

/** How much text the JSON form gathers before it hands a piece to the output. */
const PIECE = 1 << 16;

/**
 * `sroi sensitivity --format json`: the text of `JSON.stringify(sensitivityAnalysis(…), null,
 * 2)`, byte for byte, in pieces of about 64 KB. The switching values are written as they are
 * worked out; the one-way rows wait, as their JSON text, for the sort by swing. So no string
 * holds the whole output (a 150,000-outcome analysis gives more text than a string can hold)
 * and no result object holds every row.
 */
export function* sensitivityJson(plan: SensitivityPlan): Generator<string> {
  const rows: { readonly text: string; readonly swing: Dec }[] = [];
  const element = (value: unknown) =>
    `\n    ${JSON.stringify(value, null, 2).replaceAll('\n', '\n    ')}`;
  let piece = `{\n  "base": ${JSON.stringify(plan.base, null, 2).replaceAll('\n', '\n  ')},\n  "target": ${JSON.stringify(str(plan.target))},\n  "switchingValues": [`;
  let first = true;
  for (const { switchingValue, oneWay } of assumptions(plan)) {
    piece += `${first ? '' : ','}${element(switchingValue)}`;
    first = false;
    rows.push({ text: element(oneWay.row), swing: oneWay.swing });
    if (piece.length >= PIECE) {
      yield piece;
      piece = '';
    }
  }
  piece += first ? ']' : '\n  ]';
  piece += ',\n  "oneWay": [';
  rows.sort(swingOrder);
  for (let i = 0; i < rows.length; i++) {
    piece += `${i === 0 ? '' : ','}${(rows[i] as { text: string }).text}`;
    if (piece.length >= PIECE) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}${rows.length === 0 ? ']' : '\n  ]'}\n}\n`;
}

/** The pieces of an output, a domain error while they are worked out located at the file. */
function* located(file: string, pieces: Iterable<string>): Generator<string> {
  try {
    yield* pieces;
  } catch (error) {
    if (error instanceof SroiError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
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
