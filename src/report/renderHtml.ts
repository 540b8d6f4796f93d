import { escapeHtml } from './escapeHtml.js';
import { chartSvg } from './charts/chartSvg.js';
import { reportSections } from './_reportSections.js';
import type { Cell, Section, Table } from './_sectionModel.js';
import { reportArguments } from './renderMarkdown.js';
import type { RenderMarkdownOptions } from './renderMarkdown.js';
import type { SroiResult } from '../model/result.js';

/** Options of `renderHtml`: the same as `renderMarkdown`'s. */
export type RenderHtmlOptions = RenderMarkdownOptions;

/**
 * Renders a result as one self-contained HTML page that a charity can send to a funder, laid out
 * as a board paper: a first page with the cover (organisation, period, kind, author, the
 * analysis's own date), the headline figures, the warnings and, when sensitivity, scenarios,
 * a simulation, a check or a diff are given, how firm the ratio is in plain words; then value by
 * stakeholder, category and year, the path from gross value to present value, the impact map
 * with its sources and evidence, the inputs and the method; then the assurer's appendix (full
 * sensitivity tables, the Monte Carlo histogram, the assurance-readiness findings, the changes
 * since a previous version). Charts are inline SVG drawn by this library in the colour-blind-safe
 * Okabe–Ito palette, each with a `<title>`, a `<desc>` and a table of its figures. The page has
 * no script and makes no network request (a Content-Security-Policy forbids both), reads the
 * same with styles off, and prints on A4. Every piece of text from the user's files is escaped.
 *
 * @example
 * const html = renderHtml(calculateSroi({
 *   name: 'Tiny', discount: { rate: '0' }, inputs: [{ description: 'Grant', value: 100 }],
 *   outcomes: [{ stakeholder: 'A', outcome: 'B', quantity: 1, proxy: { value: 250 }, duration: 1 }],
 * }));
 * /<strong class="ratio-value">(.*?)<\/strong>/.exec(html)?.[1];
 * //=> '2.50 : 1'
 * @example
 * const analysis = parseAnalysis({
 *   name: 'Tiny', discount: { rate: '0' }, inputs: [{ description: 'Grant', value: 100 }],
 *   outcomes: [{ id: 'b', stakeholder: 'A', outcome: 'B', quantity: 1, proxy: { value: 250 },
 *                duration: 1 }],
 * });
 * const html = renderHtml(evaluateAnalysis(analysis), {
 *   analysis,
 *   sensitivity: sensitivityAnalysis(analysis),
 * });
 * [...html.matchAll(/<h2>((?:How|Appendix)[^<]*)<\/h2>/g)].map((m) => m[1]);
 * //=> ['How firm the ratio is', 'Appendix A. Sensitivity of every assumption']
 */
export function renderHtml(result: SroiResult, options: RenderHtmlOptions = {}): string {
  reportArguments('renderHtml', result, options);
  const report = reportSections(result, options);
  const e = escapeHtml;
  const head = report.headline;
  const figures = head.figures
    .filter((f) => f.label !== 'SROI ratio')
    .map((f) => `<div><dt>${e(f.label)}</dt><dd>${e(f.value)}</dd></div>`)
    .join('');
  const warnings =
    report.warnings.length === 0
      ? ''
      : `<aside class="warnings" aria-label="Warnings"><h2>Read with care</h2><ul>${report.warnings
          .map((w) => `<li>${e(w)}</li>`)
          .join('')}</ul></aside>`;
  const facts =
    report.facts.length === 0
      ? ''
      : `<dl class="facts">${report.facts.map((f) => `<div><dt>${e(f.label)}</dt><dd>${e(f.value)}</dd></div>`).join('')}</dl>`;
  const description =
    report.description === undefined ? '' : `<p class="description">${e(report.description)}</p>`;
  const all = [
    ...(report.summary === undefined ? [] : [report.summary]),
    ...report.sections,
    ...report.appendix,
  ];
  const contents = all.map((s) => `<li><a href="#${s.id}">${e(s.heading)}</a></li>`).join('');
  const appendix =
    report.appendix.length === 0
      ? ''
      : `\n<div class="appendix">\n${report.appendix.map(section).join('\n')}\n</div>`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="sroi">
<title>${e(report.title)} — SROI report</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<div class="front">
<header class="report-header">
<p class="kicker">Social Return on Investment report</p>
<h1>${e(report.title)}</h1>
<p class="subtitle">${e(report.subtitle)}</p>
${facts}${description}
</header>
<section id="headline" class="headline" aria-label="Headline figures">
<div class="ratio"><span class="ratio-label">SROI ratio</span><strong class="ratio-value">${e(head.ratio)}</strong><span class="ratio-sentence">${e(head.sentence)}</span></div>
<dl class="figures">${figures}</dl>
</section>
${warnings}
${report.summary === undefined ? '' : section(report.summary)}
</div>
<nav class="contents" aria-label="Contents"><ol>${contents}</ol></nav>
${report.sections.map(section).join('\n')}${appendix}
</main>
</body>
</html>
`;
}

function section(s: Section): string {
  const e = escapeHtml;
  const paragraphs = s.paragraphs.map((p) => `<p>${e(p)}</p>`).join('');
  const items =
    s.items === undefined
      ? ''
      : `<ul>${s.items.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`;
  const chart =
    s.chart === undefined
      ? ''
      : `<figure class="chart">${chartSvg(s.chart)}<figcaption>${e(s.chart.data.title)}. The figures are in the table below.</figcaption></figure>`;
  const terms =
    s.terms === undefined
      ? ''
      : `<dl class="terms">${s.terms.map((t) => `<dt>${e(t.term)}</dt><dd>${e(t.text)}</dd>`).join('')}</dl>`;
  const tables = s.tables
    .map((t) => table(t, s.tables.length > 1 || t.captionShown === true))
    .join('');
  const after = (s.after ?? []).map((p) => `<p>${e(p)}</p>`).join('');
  return `<section id="${s.id}" class="section-${s.id}"><h2>${e(s.heading)}</h2>${paragraphs}${items}${chart}${tables}${after}${terms}</section>`;
}

function table(t: Table, showCaption: boolean): string {
  const e = escapeHtml;
  const align = (i: number) => (t.columns[i]?.align === 'right' ? ' class="num"' : '');
  const row = (cells: readonly Cell[], tag: 'td' | 'th') =>
    `<tr>${t.columns.map((_, i) => `<${tag}${align(i)}${tag === 'th' ? ' scope="row"' : ''}>${cell(cells[i] ?? '')}</${tag}>`).join('')}</tr>`;
  const html =
    `<table><caption${showCaption ? '' : ' class="visually-hidden"'}>${e(t.caption)}</caption>` +
    `<thead><tr>${t.columns.map((c, i) => `<th scope="col"${align(i)}>${e(c.label)}</th>`).join('')}</tr></thead>` +
    `<tbody>${t.rows.map((r) => row(r, 'td')).join('')}</tbody>` +
    (t.total === undefined ? '' : `<tfoot>${row(t.total, 'td')}</tfoot>`) +
    `</table>`;
  return t.collapsible === true
    ? `<details><summary>${e(t.caption)} (table)</summary>${html}</details>`
    : `<div class="table-wrap">${html}</div>`;
}

function cell(c: Cell): string {
  if (typeof c === 'string') return escapeHtml(c);
  return `${escapeHtml(c.text)}${c.note === undefined ? '' : `<span class="note">${escapeHtml(c.note)}</span>`}`;
}

const STYLE = `
:root { --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --accent: #0072B2; --paper: #fff; --tint: #f3f7fa; }
* { box-sizing: border-box; }
html { background: #eceff1; }
body { margin: 0; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 980px; margin: 24px auto; padding: 40px 48px; background: var(--paper); box-shadow: 0 1px 4px rgba(0,0,0,.12); }
.kicker { margin: 0; color: var(--accent); font-weight: 600; text-transform: uppercase; letter-spacing: .06em; font-size: 12px; }
h1 { margin: 4px 0 4px; font-size: 28px; line-height: 1.2; }
.subtitle { margin: 0 0 12px; color: var(--muted); }
.facts { display: flex; flex-wrap: wrap; gap: 6px 32px; margin: 0 0 12px; }
.facts dt { font-size: 12px; color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; }
.description { margin: 0 0 20px; }
.report-header { margin-bottom: 20px; }
.section-summary ul { padding-left: 20px; max-width: 72ch; }
.section-summary li { margin: 4px 0; }
.section-check td:nth-child(3) { min-width: 22em; }
h2 { margin: 36px 0 8px; font-size: 20px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; break-after: avoid; }
h2 + p { margin-top: 8px; }
p { max-width: 72ch; }
.headline { display: grid; grid-template-columns: minmax(220px, 1fr) 2fr; gap: 24px; align-items: center; background: var(--tint); border-left: 6px solid var(--accent); padding: 20px 24px; break-inside: avoid; }
.ratio { display: flex; flex-direction: column; }
.ratio-label { font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.ratio-value { font-size: 48px; line-height: 1.1; color: var(--accent); font-variant-numeric: tabular-nums; }
.ratio-sentence { margin-top: 4px; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px 20px; margin: 0; }
.figures div { border-top: 1px solid var(--rule); padding-top: 4px; }
.figures dt { font-size: 12px; color: var(--muted); }
.figures dd { margin: 0; font-size: 18px; font-weight: 600; font-variant-numeric: tabular-nums; }
.warnings { margin: 16px 0; padding: 12px 16px; border-left: 6px solid #E69F00; background: #fdf6e3; }
.warnings h2 { margin: 0 0 4px; font-size: 16px; border: 0; padding: 0; }
.warnings ul { margin: 0; padding-left: 20px; }
.contents ol { columns: 2; margin: 20px 0 0; padding-left: 20px; color: var(--muted); }
.contents a { color: var(--accent); }
figure.chart { margin: 16px 0; break-inside: avoid; }
figure.chart svg { display: block; width: 100%; max-width: 640px; height: auto; }
figcaption { font-size: 12px; color: var(--muted); margin-top: 4px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 12px 0; font-size: 13px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { padding: 4px 10px 4px 0; border-bottom: 1px solid var(--rule); vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid var(--ink); font-size: 12px; }
th.num, td.num { text-align: right; padding-left: 10px; }
tfoot td { font-weight: 700; border-top: 2px solid var(--ink); border-bottom: 0; }
.note { display: block; font-size: 11px; color: var(--muted); }
.section-impact-map table { width: 100%; }
.section-impact-map td:first-child { min-width: 11em; }
.terms dt { font-weight: 600; margin-top: 8px; }
.terms dd { margin: 0 0 0 0; max-width: 80ch; }
details { margin: 8px 0; }
summary { color: var(--accent); font-size: 13px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@page { size: A4; margin: 15mm 14mm 16mm; }
@media print {
  html, body { background: none; font-size: 10pt; }
  main { margin: 0; padding: 0; max-width: none; box-shadow: none; }
  .contents { display: none; }
  .front { break-after: page; }
  .front p, .front li { margin: 4pt 0; }
  .front p, .section-summary ul { max-width: none; }
  .front h2 { margin-top: 10pt; }
  .report-header { margin-bottom: 8pt; }
  .facts { gap: 2pt 16pt; margin-bottom: 6pt; }
  .headline { padding: 8pt 12pt; gap: 12pt; }
  .appendix > section:first-child { break-before: page; }
  h1 { font-size: 20pt; }
  h2 { font-size: 13pt; margin-top: 18pt; }
  .headline { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .ratio-value { font-size: 30pt; }
  .figures dd { font-size: 12pt; }
  figure.chart svg { max-width: 150mm; }
  table { font-size: 8.5pt; page-break-inside: auto; }
  th, td { padding: 2px 6px 2px 0; }
  th.num, td.num { padding-left: 6px; }
  thead th { font-size: 7.5pt; }
  .section-impact-map table { font-size: 7.5pt; }
  .section-impact-map td:first-child { min-width: 6em; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
@media (max-width: 700px) { main { padding: 20px; margin: 0; } .headline { grid-template-columns: 1fr; } .figures { grid-template-columns: repeat(2, 1fr); } }
`;
