import { escapeMarkdown } from './escapeMarkdown.js';
import { roundingArgument } from './round.js';
import {
  analysisArgument,
  decimalsArgument,
  listArgument,
  objectArgument,
  optionsArgument,
  resultArgument,
  textArgument,
} from '../model/_arguments.js';
import { reportSections } from './_reportSections.js';
import type { Cell, Section, Table } from './_sectionModel.js';
import type { ReportScenarios, ReportSensitivity, ReportSimulation } from './ReportExtras.js';
import type { RoundingMode } from './round.js';
import type { Analysis } from '../model/analysis.js';
import type { SroiResult } from '../model/result.js';
import type { CheckResult } from '../review/checkAnalysis.js';
import type { AnalysisDiff } from '../review/diffAnalyses.js';

/** Options of `renderMarkdown` (and of `renderHtml`, which takes the same). */
export interface RenderMarkdownOptions {
  /** The report's title; the analysis name by default. */
  readonly title?: string;
  /**
   * The analysis the result was calculated from. With it the report has a cover (organisation,
   * period, kind, author, the analysis's own date), and the impact map shows every assumption
   * (quantity, proxy and source, each deduction, duration, drop-off) with the evidence behind
   * it; without it, only what the result holds.
   */
  readonly analysis?: Analysis;
  /**
   * One-way sensitivity and switching values: in plain words on the first page, and the tornado
   * chart and full tables in the appendix (leaving out assumptions no outcome uses).
   */
  readonly sensitivity?: ReportSensitivity;
  /** A Monte Carlo simulation: a sentence on the first page, the histogram in the appendix. */
  readonly simulation?: ReportSimulation;
  /** The base case and the scenarios (`evaluateScenarios`), side by side on the first page. */
  readonly scenarios?: ReportScenarios;
  /** An assurance-readiness check (`checkAnalysis`), in the appendix. */
  readonly check?: CheckResult;
  /** What changed since a previous version (`diffAnalyses(previous, analysis)`), in the appendix. */
  readonly diff?: AnalysisDiff;
  /** Decimal places of ratios (default 2). */
  readonly ratioDecimals?: number;
  /** Decimal places of money (default 2). */
  readonly moneyDecimals?: number;
  /** How figures are rounded for display (default `half-up`). */
  readonly rounding?: RoundingMode;
}

/**
 * Renders a result as a Markdown report (GitHub Flavored Markdown; converts cleanly to Word with
 * pandoc), with the sections of `renderHtml`: the cover and headline figures, a summary of how
 * firm the ratio is, the body (value by stakeholder, category and year, gross to present value,
 * the impact map with its sources, inputs, method) and the appendix. Tables stand where the HTML
 * report has charts. Figures are rounded here and only here; every piece of text from the
 * user's files is escaped.
 *
 * @example
 * renderMarkdown(calculateSroi({
 *   name: 'Tiny', discount: { rate: '0' }, inputs: [{ description: 'Grant', value: 100 }],
 *   outcomes: [{ stakeholder: 'A', outcome: 'B', quantity: 1, proxy: { value: 250 }, duration: 1 }],
 * })).split('\n')[4];
 * //=> '**SROI ratio 2.50 : 1** — £2.50 of social value for each £1 invested.'
 * @example
 * const analysis = parseAnalysis({
 *   name: 'Tiny', discount: { rate: '0' }, inputs: [{ description: 'Grant', value: 100 }],
 *   outcomes: [{ stakeholder: 'A', outcome: 'B', quantity: 1, proxy: { value: 250 }, duration: 1 }],
 * });
 * const md = renderMarkdown(evaluateAnalysis(analysis), {
 *   analysis: { ...analysis, organisation: 'Warm Homes Trust', kind: 'forecast' },
 *   check: checkAnalysis(analysis),
 * });
 * md.split('\n').filter((line) => /^(## |- \*\*(Kind|Organisation))/.test(line));
 * //=> ['- **Kind:** Forecast', '- **Organisation:** Warm Homes Trust', '## How firm the ratio is', '## Value by stakeholder', '## Value by year', '## From gross value to present value', '## Impact map', '## Inputs', '## Method', '## Appendix A. Assurance readiness']
 */
export function renderMarkdown(result: SroiResult, options: RenderMarkdownOptions = {}): string {
  reportArguments('renderMarkdown', result, options);
  const report = reportSections(result, options);
  const lines: string[] = [
    `# ${escapeMarkdown(report.title)}`,
    '',
    escapeMarkdown(report.subtitle),
    '',
  ];
  // Lines are appended one at a time, never spread into push: a table can have more rows than
  // a call has room for arguments.
  if (report.facts.length > 0) {
    for (const fact of report.facts) {
      lines.push(`- **${escapeMarkdown(fact.label)}:** ${escapeMarkdown(fact.value)}`);
    }
    lines.push('');
  }
  if (report.description !== undefined) lines.push(escapeMarkdown(report.description), '');
  lines.push(
    report.headline.ratioValue === null
      ? `**${escapeMarkdown(report.headline.sentence)}**`
      : `**SROI ratio ${escapeMarkdown(report.headline.ratio)}** — ${escapeMarkdown(report.headline.sentence)}`,
    '',
  );
  append(
    lines,
    table({
      caption: 'Headline',
      columns: [
        { label: 'Figure', align: 'left' },
        { label: 'Value', align: 'right' },
      ],
      rows: report.headline.figures.map((f) => [f.label, f.value]),
    }),
  );
  for (const warning of report.warnings) {
    lines.push('', `> **Warning:** ${escapeMarkdown(warning)}`);
  }
  const sections = [
    ...(report.summary === undefined ? [] : [report.summary]),
    ...report.sections,
    ...report.appendix,
  ];
  for (const section of sections) {
    lines.push('');
    append(lines, markdownSection(section));
  }
  return `${lines.join('\n')}\n`;
}

/** One section as Markdown lines: its heading (`##`), paragraphs, list, tables and terms. */
export function markdownSection(section: Section): string[] {
  const lines = [`## ${escapeMarkdown(section.heading)}`];
  for (const paragraph of section.paragraphs) lines.push('', escapeMarkdown(paragraph));
  if (section.items !== undefined) {
    lines.push('');
    for (const item of section.items) lines.push(`- ${escapeMarkdown(item)}`);
  }
  for (const t of section.tables) {
    if (section.tables.length > 1 || t.captionShown === true) {
      lines.push('', `### ${escapeMarkdown(t.caption)}`);
    }
    lines.push('');
    append(lines, table(t));
  }
  for (const paragraph of section.after ?? []) lines.push('', escapeMarkdown(paragraph));
  if (section.terms !== undefined) {
    lines.push('');
    for (const t of section.terms) {
      lines.push(`- **${escapeMarkdown(t.term)}:** ${escapeMarkdown(t.text)}`);
    }
  }
  return lines;
}

/** Appends every line of `more` to `lines`, one at a time (never a spread into a call). */
function append(lines: string[], more: readonly string[]): void {
  for (const line of more) lines.push(line);
}

/** A GFM table; the totals row in bold. */
function table(t: Table): string[] {
  const row = (cells: readonly Cell[], strong: boolean) =>
    `| ${t.columns.map((_, i) => cell(cells[i] ?? '', strong)).join(' | ')} |`;
  return [
    `| ${t.columns.map((c) => escapeMarkdown(c.label)).join(' | ')} |`,
    `|${t.columns.map((c) => (c.align === 'right' ? ' --: ' : ' --- ')).join('|')}|`,
    ...t.rows.map((cells) => row(cells, false)),
    ...(t.total === undefined ? [] : [row(t.total, true)]),
  ];
}

/** A cell's text, escaped; a second line follows in brackets. */
function cell(c: Cell, strong: boolean): string {
  const text = typeof c === 'string' ? c : c.text;
  const body = text === '' ? '' : strong ? `**${escapeMarkdown(text)}**` : escapeMarkdown(text);
  return typeof c === 'string' || c.note === undefined
    ? body
    : `${body} (${escapeMarkdown(c.note)})`;
}

/**
 * Checks the arguments of a report renderer: the result's shape, and each option given — the
 * title, the analysis, decimal places (0 to 20), the rounding mode, and the lists the sections
 * read from the sensitivity, simulation, scenarios, check and diff (each figure in them is
 * checked where it is formatted). @internal
 */
export function reportArguments(fn: string, result: unknown, options: unknown): void {
  resultArgument(fn, result);
  const o = optionsArgument(fn, options);
  if (o.title !== undefined) textArgument(fn, o.title, 'options.title');
  if (o.analysis !== undefined) analysisArgument(fn, o.analysis, 'options.analysis');
  for (const key of ['ratioDecimals', 'moneyDecimals'] as const) {
    if (o[key] !== undefined) decimalsArgument(fn, o[key], `options.${key}`);
  }
  if (o.rounding !== undefined) roundingArgument(fn, o.rounding);
  // extra: [its lists, its objects]
  const extras: Readonly<Record<string, readonly [readonly string[], readonly string[]]>> = {
    sensitivity: [['oneWay', 'switchingValues'], []],
    simulation: [['histogram'], ['sroiRatio']],
    scenarios: [['scenarios'], ['base']],
    check: [['findings'], []],
    diff: [
      ['changes', 'notes'],
      ['before', 'after'],
    ],
  };
  for (const [extra, [lists, objects]] of Object.entries(extras)) {
    if (o[extra] === undefined) continue;
    const value = objectArgument(fn, `options.${extra}`, o[extra]);
    for (const field of lists) {
      listArgument(fn, `options.${extra}.${field}`, value[field]).forEach((item, i) =>
        field === 'notes'
          ? textArgument(fn, item, `options.${extra}.${field}[${i}]`)
          : objectArgument(fn, `options.${extra}.${field}[${i}]`, item),
      );
    }
    for (const field of objects) objectArgument(fn, `options.${extra}.${field}`, value[field]);
  }
}
