/**
 * The report as a board paper: a cover from the analysis' own metadata, the first page's
 * account of how firm the ratio is, the body with the impact map's sources, the appendix, and
 * sections with nothing to show left out. Figures come from `tests/report/_smallAnalysis.ts`
 * (worked there by hand) and from the switching values worked out below.
 */
import { describe, expect, it } from 'vitest';
import { smallAnalysis, smallInput, smallResult } from './_smallAnalysis.js';
import { calculateSroi } from '../../src/calculateSroi.js';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { escapeHtml } from '../../src/report/escapeHtml.js';
import { escapeMarkdown } from '../../src/report/escapeMarkdown.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import { renderMarkdown } from '../../src/report/renderMarkdown.js';
import { tornadoChart } from '../../src/report/charts/tornadoChart.js';
import { checkAnalysis } from '../../src/review/checkAnalysis.js';
import { diffAnalyses } from '../../src/review/diffAnalyses.js';
import { evaluateScenarios } from '../../src/sensitivity/evaluateScenarios.js';
import { sensitivityAnalysis } from '../../src/sensitivity/sensitivityAnalysis.js';
import type { Analysis, Outcome } from '../../src/model/analysis.js';
import type { ReportSimulation } from '../../src/report/ReportExtras.js';

/** The small analysis with the metadata and evidence of the model (built as the validated type). */
const described: Analysis = {
  ...smallAnalysis,
  organisation: 'Warm Homes Trust',
  author: 'A. Evaluator',
  period: 'April 2023 – March 2024',
  kind: 'evaluative',
  description: 'Insulation and advice for 10 homes.',
  date: '30 June 2024',
  outcomes: smallAnalysis.outcomes.map((o) =>
    o.id === 'warmer'
      ? ({
          ...o,
          output: '10 homes insulated',
          evidence: {
            quantity: 'Installer records',
            deadweight: 'Council survey of similar homes',
          },
        } as Outcome)
      : o,
  ),
};

/** The text of the section headed `## heading`, up to the next section. */
function sectionOf(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`no section "${heading}"`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

const headings = (markdown: string) =>
  markdown
    .split('\n')
    .filter((line) => line.startsWith('## '))
    .map((line) => line.slice(3));

describe('the cover', () => {
  it('shows the organisation, period, kind, author and the analysis’s own date', () => {
    const md = renderMarkdown(smallResult, { analysis: described });
    expect(md.split('\n').slice(0, 12)).toEqual([
      '# Warm Homes 2024',
      '',
      'GBP · years 1–2',
      '',
      '- **Kind:** Evaluation',
      '- **Organisation:** Warm Homes Trust',
      '- **Period:** April 2023 – March 2024',
      '- **Author:** A. Evaluator',
      '- **Date:** 30 June 2024',
      '',
      'Insulation and advice for 10 homes.',
      '',
    ]);
    const html = renderHtml(smallResult, { analysis: described });
    expect(html).toContain('<div><dt>Organisation</dt><dd>Warm Homes Trust</dd></div>');
    expect(html).toContain('<p class="description">Insulation and advice for 10 homes.</p>');
  });

  it('shows no date the analysis does not give, and the same bytes every time', () => {
    const undated = Object.fromEntries(
      Object.entries(described).filter(([key]) => key !== 'date'),
    ) as unknown as Analysis;
    const md = renderMarkdown(smallResult, { analysis: undated });
    expect(md).not.toContain('**Date:**');
    expect(renderHtml(smallResult, { analysis: undated })).toBe(
      renderHtml(smallResult, { analysis: undated }),
    );
  });

  it('has no cover lines without the analysis', () => {
    expect(renderMarkdown(smallResult).split('\n')[4]).toMatch(/^\*\*SROI ratio/);
  });
});

describe('sections with nothing to show', () => {
  const plain = {
    ...smallAnalysis,
    outcomes: smallAnalysis.outcomes.map(
      (o) =>
        Object.fromEntries(
          Object.entries(o).filter(([key]) => key !== 'category'),
        ) as unknown as Outcome,
    ),
  };
  const result = evaluateAnalysis(plain);

  it('leave out the category section and column when no outcome has a category', () => {
    const md = renderMarkdown(result, { analysis: plain });
    expect(headings(md)).not.toContain('Value by category');
    expect(md).not.toContain('uncategorised');
    expect(sectionOf(md, 'Impact map')).toContain(
      '| Stakeholder | Outcome and indicator | Quantity | Financial proxy and source | Proxy value |',
    );
    const html = renderHtml(result, { analysis: plain });
    expect(html).not.toContain('<section id="categories"');
    expect(html.match(/<svg /g)).toHaveLength(3);
  });

  it('keep the category section when outcomes have categories', () => {
    expect(headings(renderMarkdown(smallResult, { analysis: smallAnalysis }))).toContain(
      'Value by category',
    );
  });

  it('leave out the price-base line when there is no price base, and keep it when there is', () => {
    const md = renderMarkdown(smallResult, { analysis: smallAnalysis });
    expect(md.split('\n')[2]).toBe('GBP · years 1–2');
    expect(md).not.toMatch(/price base/i);
    const based = calculateSroi({ ...smallInput, priceYear: 2023 });
    const withBase = renderMarkdown(based);
    expect(withBase.split('\n')[2]).toBe('GBP · 2023 prices · years 1–2');
    expect(withBase).toContain(
      '- **Price base:** 2023 prices. No financial proxy needed rebasing.',
    );
  });

  it('leave out the first-page summary and the appendix when nothing was given for them', () => {
    const md = renderMarkdown(smallResult, { analysis: smallAnalysis });
    expect(headings(md)).toEqual([
      'Value by stakeholder',
      'Value by category',
      'Value by year',
      'From gross value to present value',
      'Impact map',
      'Inputs',
      'Method',
    ]);
  });
});

describe('the impact map', () => {
  it('shows the output, the proxy source and the evidence behind each assumption', () => {
    const map = sectionOf(renderMarkdown(smallResult, { analysis: described }), 'Impact map');
    expect(map).toContain(
      '| Tenants | 10 homes insulated | Warmer homes (Homes above 18°C) | social | 10 | Heating cost saved (Source: Survey 2024) | £100.00 |',
    );
    expect(map).toContain('| Council | — | Fewer repairs | fiscal | 5 | Repair visit | £44.00 |');
    expect(map).toContain('### Sources and evidence');
    expect(map).toContain('| Warmer homes | Financial proxy | Survey 2024 |');
    expect(map).toContain('| Warmer homes | Quantity | Installer records |');
    expect(map).toContain('| Warmer homes | Deadweight | Council survey of similar homes |');
  });

  it('says so when no source or evidence is recorded', () => {
    const bare = {
      ...smallAnalysis,
      outcomes: smallAnalysis.outcomes.map((o) => ({ ...o, proxy: { value: o.proxy.value } })),
    };
    const map = sectionOf(renderMarkdown(evaluateAnalysis(bare), { analysis: bare }), 'Impact map');
    expect(map).toContain(
      'The analysis records no source for its financial proxies and no evidence for its other assumptions.',
    );
    expect(map).not.toContain('### Sources and evidence');
  });
});

describe('how firm the ratio is (the first page)', () => {
  const sensitivity = sensitivityAnalysis(smallAnalysis);
  const simulation: ReportSimulation = {
    draws: 1000,
    seed: 42,
    sroiRatio: { mean: 1.45, p5: 1.1, p50: 1.44, p95: 1.8 },
    probabilityRatioAtLeastOne: 0.97,
    histogram: [{ from: 1, to: 2, count: 1000 }],
  };
  const scenarios = evaluateScenarios(smallAnalysis, {
    cautious: {
      description: 'Half the homes stay warmer',
      outcomes: { warmer: { quantity: '5' } },
    },
  });
  const md = renderMarkdown(smallResult, {
    analysis: smallAnalysis,
    sensitivity,
    simulation,
    scenarios,
  });
  const summary = sectionOf(md, 'How firm the ratio is');

  it('comes straight after the headline, before the body', () => {
    expect(headings(md).slice(0, 2)).toEqual(['How firm the ratio is', 'Value by stakeholder']);
  });

  it('says what would take the ratio to 1 : 1', () => {
    // hand-computed: PV 728.9256… on inputs of 500; every proxy × 500 / 728.9256… = 0.685941…
    // (31.4% lower), or the grant raised to the present value, £728.93
    expect(summary).toContain(
      'The SROI ratio of 1.46 : 1 would fall to 1.00 : 1 if every financial proxy were 31.4% lower (×0.6859), or if “Grant” rose from £500.00 to £728.93.',
    );
  });

  it('names the assumptions closest to their switching values, closest first', () => {
    // hand-computed (Python decimal): the duration of "warmer": its first year is worth
    // 400 / 1.1 = 363.64 and the ratio needs its PV at 500 − 200 = 300, so it reaches 1 : 1 at
    // 300 / 363.64 = 0.825 of a year (a duration may be a fraction; docs/method.md): −1.175
    // years, 1.175 moves of one year (the engine's 34-digit quotient lies a hair above 0.825,
    // so the move shows as −1.17); attribution: 1,057.85 (1 − t) + 200 = 500 → t = 71.640625%
    // (+21.64 points, 2.16 moves of 10 points); its deadweight: 661.16 (1 − d) + 200 = 500 →
    // d = 54.625% (+34.625 points, 3.46 moves; shown as 54.62 for the same reason); the
    // discount rate (50.566%, 4.06 moves) comes fourth and is not named
    const items = summary.split('\n').filter((line) => line.startsWith('- '));
    expect(items).toHaveLength(3);
    expect(items[0]).toBe(
      '- Duration of “Warmer homes”: 2 years now; the ratio is 1.00 : 1 at 0.83 years (−1.17 years).',
    );
    expect(items[1]).toBe(
      '- Attribution of “Warmer homes”: 50% now; the ratio is 1.00 : 1 at 71.64% (+21.64 points).',
    );
    expect(items[2]).toMatch(
      /^- Deadweight of “Warmer homes”: 20% now; the ratio is 1\.00 : 1 at 54\.6[23]% \(\+34\.6[23] points\)\.$/,
    );
  });

  it('never names an assumption no outcome uses', () => {
    // displacement and leakage are 0 for both outcomes: moving them is not a finding
    expect(summary).not.toMatch(/Displacement|Leakage/);
  });

  it('puts the scenarios side by side', () => {
    // hand-computed: 5 homes halve "warmer": 264.46… + 200 = 464.46…; ratio 0.93
    expect(summary).toContain('| Base case | £728.93 | £228.93 | 1.46 |');
    expect(summary).toContain(
      '| cautious (Half the homes stay warmer) | £464.46 | -£35.54 | 0.93 |',
    );
  });

  it('gives the Monte Carlo result as a sentence', () => {
    expect(summary).toContain(
      'In 90% of the 1,000 draws of the Monte Carlo simulation (seed 42) the SROI ratio was between 1.10 and 1.80; it was at least 1 : 1 in 97.0% of them.',
    );
  });
});

describe('the appendix', () => {
  const sensitivity = sensitivityAnalysis(smallAnalysis);
  const md = renderMarkdown(smallResult, { analysis: smallAnalysis, sensitivity });
  const appendix = sectionOf(md, 'Appendix A. Sensitivity of every assumption');

  it('leaves out the assumptions no outcome uses, and says which', () => {
    expect(appendix).toContain(
      'Left out: displacement and leakage, which are zero for every outcome with no evidence recorded, so no outcome uses them.',
    );
    expect(appendix).not.toMatch(/\| (Displacement|Leakage) \|/);
    // "repairs" is valued for one year: its drop-off moves nothing
    expect(appendix).not.toContain('| Drop-off | Fewer repairs |');
    expect(appendix).toContain('| Drop-off | Warmer homes |');
    // 8 assumptions of each outcome, the discount rate, one input and the scale make 19; less
    // displacement and leakage of both outcomes and repairs' drop-off: 14 rows in each table
    const rows = (caption: string) =>
      (appendix.split(`### ${caption}`)[1] ?? '')
        .split('\n###')[0]
        ?.split('\n')
        .filter((l) => /^\| [A-Z]/.test(l) && !l.startsWith('| Assumption')).length;
    expect(sensitivity.oneWay).toHaveLength(19);
    expect(rows('One-way sensitivity')).toBe(14);
    expect(rows('Switching values (SROI ratio 1.00)')).toBe(14);
  });

  it('lists the switching values closest first, the unreachable last', () => {
    const table = appendix.split('### Switching values')[1] ?? '';
    const first = table
      .split('\n')
      .filter((l) => /^\| [A-Z]/.test(l) && !l.startsWith('| Assumption'));
    // the duration of "warmer" is the closest (1.175 moves, above), then its attribution
    expect(first[0]).toBe('| Duration | Warmer homes | 2 years | 0.83 years |');
    expect(first[1]).toBe('| Attribution | Warmer homes | 50% | 71.64% |');
    expect(first[first.length - 1]).toMatch(/not reachable/);
  });

  it('keeps every assumption when the analysis is not given (nothing says which are unused)', () => {
    const bare = renderMarkdown(smallResult, { sensitivity });
    expect(bare).toContain('| Leakage | Warmer homes |');
  });

  it('shows the assurance-readiness findings, with the principle of each', () => {
    const check = checkAnalysis(smallAnalysis);
    const text = sectionOf(
      renderMarkdown(smallResult, { analysis: smallAnalysis, check }),
      'Appendix A. Assurance readiness',
    );
    // "repairs" has no source, no price year, no indicator and no deduction
    expect(text).toContain(
      '| High | Fewer repairs | The financial proxy of “Fewer repairs”, “Repair visit”, has no source: say where its value of 44 comes from (PROXY\\_WITHOUT\\_SOURCE) | Be transparent |',
    );
    expect(text).toContain('(NO\\_DEDUCTIONS) | Do not over-claim |');
    const first = sectionOf(
      renderMarkdown(smallResult, { analysis: smallAnalysis, check }),
      'How firm the ratio is',
    );
    expect(first).toContain(
      `An assurance-readiness check against the principles of social value raised ${check.findings.length} points an assurer would question, the most serious first (appendix A).`,
    );
  });

  it('shows the changes since a previous version, adding up to the whole change', () => {
    const previous = {
      ...smallAnalysis,
      inputs: smallAnalysis.inputs.map((input) => ({ ...input, value: '400' })),
    };
    const diff = diffAnalyses(previous, smallAnalysis);
    const md2 = renderMarkdown(smallResult, { analysis: smallAnalysis, diff });
    const text = sectionOf(md2, 'Appendix A. Changes since “Warm Homes 2024”');
    // hand-computed: 728.9256… / 400 = 1.8223…; / 500 = 1.4578…; effect −0.3645… → −0.36
    expect(text).toContain('The SROI ratio moved from 1.82 : 1 to 1.46 : 1 (−0.36)');
    expect(text).toContain(
      '| Value of input “Grant” (inputs\\["Grant"\\].value) | £400.00 | £500.00 | −0.36 | £0.00 |',
    );
    expect(text).toContain('| **Whole change** |  |  | **−0.36** | **£0.00** |');
    expect(sectionOf(md2, 'How firm the ratio is')).toContain(
      'Since “Warm Homes 2024”, the SROI ratio has moved from 1.82 : 1 to 1.46 : 1; 1 change is listed with the effect of each (appendix A).',
    );
  });

  it('puts the appendix after the body and letters it in order', () => {
    const check = checkAnalysis(smallAnalysis);
    const all = renderMarkdown(smallResult, { analysis: smallAnalysis, sensitivity, check });
    expect(headings(all).slice(-3)).toEqual([
      'Method',
      'Appendix A. Sensitivity of every assumption',
      'Appendix B. Assurance readiness',
    ]);
    const html = renderHtml(smallResult, { analysis: smallAnalysis, sensitivity, check });
    expect(html.indexOf('<div class="appendix">')).toBeGreaterThan(html.indexOf('id="method"'));
    // the first page ends before the body, and breaks the page in print
    expect(html.indexOf('</div>\n<nav class="contents"')).toBeGreaterThan(
      html.indexOf('id="summary"'),
    );
    expect(html).toContain('.front { break-after: page; }');
  });
});

describe('the result’s warnings', () => {
  it('are shown in both formats', () => {
    const result = evaluateAnalysis({ ...smallAnalysis, horizon: 1 });
    expect(result.warnings.map((w) => w.code)).toContain('HORIZON_CUTS_OUTCOMES');
    const message = result.warnings.find((w) => w.code === 'HORIZON_CUTS_OUTCOMES')?.message ?? '';
    expect(renderMarkdown(result)).toContain(`> **Warning:** ${escapeMarkdown(message)}`);
    expect(renderHtml(result)).toContain(
      `<aside class="warnings" aria-label="Warnings"><h2>Read with care</h2><ul><li>${escapeHtml(message)}</li>`,
    );
  });
});

describe('tornado labels', () => {
  it('are never cut: a 120-character outcome name is drawn whole, and the chart makes room', () => {
    const name =
      'Older residents of the Northfield and Southgate estates feel less isolated and more able to take part in community life.';
    expect(name).toHaveLength(120);
    const svg = tornadoChart({
      id: 't',
      title: 'Tornado',
      description: 'One-way',
      formatTick: String,
      base: 2,
      baseLabel: '2.00',
      rows: [
        { label: `Deadweight — ${name}`, low: 2.5, high: 1.5, lowLabel: '2.50', highLabel: '1.50' },
        {
          label: 'Discount rate — all outcomes',
          low: 2.1,
          high: 1.9,
          lowLabel: '2.10',
          highLabel: '1.90',
        },
      ],
    });
    const spans = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1] ?? '');
    expect(spans.join(' ')).toContain(`Deadweight — ${name}`);
    expect(spans.every((line) => line.length <= 34)).toBe(true);
    expect(svg).not.toContain('…');
    // hand-counted: wrapped at 34 characters the first label takes 5 lines ("Deadweight — Older
    // residents of" … "community life."), so its row is 5 × 14 + 12 = 82 px high against 26 for
    // the one-line row: the chart is 30 (legend) + 82 + 26 + 26 (axis) = 164 px high
    expect(svg).toContain('viewBox="0 0 640 164"');
    expect(spans.slice(0, 5)).toEqual([
      'Deadweight — Older residents of',
      'the Northfield and Southgate',
      'estates feel less isolated and',
      'more able to take part in',
      'community life.',
    ]);
  });
});

describe('the changes since a previous version', () => {
  it('show text fields as written, even where a figure of the same name is a fraction', () => {
    const previous = {
      ...smallAnalysis,
      outcomes: smallAnalysis.outcomes.map((o) =>
        o.id === 'warmer' ? ({ ...o, evidence: { deadweight: 'Survey 2022' } } as Outcome) : o,
      ),
    };
    const current = {
      ...smallAnalysis,
      outcomes: smallAnalysis.outcomes.map((o) =>
        o.id === 'warmer' ? ({ ...o, evidence: { deadweight: 'Survey 2024' } } as Outcome) : o,
      ),
    };
    const md = renderMarkdown(smallResult, {
      analysis: current,
      diff: diffAnalyses(previous, current),
    });
    expect(md).toContain(
      '| Evidence for deadweight of outcome “Warmer homes” (outcomes\\["warmer"\\].evidence.deadweight) | Survey 2022 | Survey 2024 | 0.00 | £0.00 |',
    );
  });
});
