import { escapeMarkdown } from './escapeMarkdown.js';
import { reportSections } from './_reportSections.js';
import type { Cell, Table } from './_reportSections.js';
import type { ReportSensitivity, ReportSimulation } from './ReportExtras.js';
import type { RoundingMode } from './round.js';
import type { Analysis } from '../model/analysis.js';
import type { SroiResult } from '../model/result.js';

/** Options of `renderMarkdown` (and of `renderHtml`, which takes the same). */
export interface RenderMarkdownOptions {
  /** The report's title; the analysis name by default. */
  readonly title?: string;
  /**
   * The analysis the result was calculated from. With it the impact map shows every assumption
   * (quantity, proxy and source, each deduction, duration, drop-off); without it, only what the
   * result holds.
   */
  readonly analysis?: Analysis;
  /** One-way sensitivity and switching values, shown as a tornado chart and tables. */
  readonly sensitivity?: ReportSensitivity;
  /** A Monte Carlo simulation, shown as a histogram and a table of percentiles. */
  readonly simulation?: ReportSimulation;
  /** Decimal places of ratios (default 2). */
  readonly ratioDecimals?: number;
  /** Decimal places of money (default 2). */
  readonly moneyDecimals?: number;
  /** How figures are rounded for display (default `half-up`). */
  readonly rounding?: RoundingMode;
}

/**
 * Renders a result as a Markdown report (GitHub Flavored Markdown; converts cleanly to Word with
 * pandoc): the headline figures, value by stakeholder, by category and by year, the path from
 * gross value to present value, the impact map, the inputs, sensitivity and Monte Carlo results
 * when given, and a method statement. Tables stand where the HTML report has charts. Figures are
 * rounded here and only here; every piece of text from the user's files is escaped.
 *
 * @example
 * renderMarkdown(calculateSroi({
 *   name: 'Tiny', discount: { rate: '0' }, inputs: [{ description: 'Grant', value: 100 }],
 *   outcomes: [{ stakeholder: 'A', outcome: 'B', quantity: 1, proxy: { value: 250 }, duration: 1 }],
 * })).split('\n')[4];
 * //=> '**SROI ratio 2.50 : 1** — £2.50 of social value for each £1 invested.'
 */
export function renderMarkdown(result: SroiResult, options: RenderMarkdownOptions = {}): string {
  const report = reportSections(result, options);
  const lines: string[] = [
    `# ${escapeMarkdown(report.title)}`,
    '',
    escapeMarkdown(report.subtitle),
    '',
    report.headline.ratioValue === null
      ? `**${escapeMarkdown(report.headline.sentence)}**`
      : `**SROI ratio ${escapeMarkdown(report.headline.ratio)}** — ${escapeMarkdown(report.headline.sentence)}`,
    '',
    ...table({
      caption: 'Headline',
      columns: [
        { label: 'Figure', align: 'left' },
        { label: 'Value', align: 'right' },
      ],
      rows: report.headline.figures.map((f) => [f.label, f.value]),
    }),
  ];
  for (const warning of report.warnings) {
    lines.push('', `> **Warning:** ${escapeMarkdown(warning)}`);
  }
  for (const section of report.sections) {
    lines.push('', `## ${escapeMarkdown(section.heading)}`);
    for (const paragraph of section.paragraphs) lines.push('', escapeMarkdown(paragraph));
    for (const t of section.tables) {
      if (section.tables.length > 1) lines.push('', `### ${escapeMarkdown(t.caption)}`);
      lines.push('', ...table(t));
    }
    if (section.terms !== undefined) {
      lines.push(
        '',
        ...section.terms.map((t) => `- **${escapeMarkdown(t.term)}:** ${escapeMarkdown(t.text)}`),
      );
    }
  }
  return `${lines.join('\n')}\n`;
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
