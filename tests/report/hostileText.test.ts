/**
 * Text from a user's files cannot inject markup or script into a report: every field that a
 * report shows carries a hostile string here, and the output is checked tag by tag.
 */
import { describe, expect, it } from 'vitest';
import { calculateSroi } from '../../src/calculateSroi.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import { renderMarkdown } from '../../src/report/renderMarkdown.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { checkAnalysis } from '../../src/review/checkAnalysis.js';
import { diffAnalyses } from '../../src/review/diffAnalyses.js';
import { evaluateScenarios } from '../../src/sensitivity/evaluateScenarios.js';
import { sensitivityAnalysis } from '../../src/sensitivity/sensitivityAnalysis.js';
import type { Analysis } from '../../src/model/analysis.js';
import type { AnalysisInput } from '../../src/schema/analysisSchema.js';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const LINK = '[click](javascript:alert(1))';
const PIPE = 'a | b';

const hostile: AnalysisInput = {
  name: `</title>${SCRIPT}`,
  discount: { rate: '0' },
  stakeholders: [
    { id: 'evil', name: SCRIPT },
    { id: 'quote', name: IMG },
  ],
  inputs: [
    { stakeholder: 'evil', description: `<svg onload=alert(1)>${LINK}`, value: '100', kind: IMG },
  ],
  outcomes: [
    {
      id: 'o1',
      stakeholder: 'evil',
      outcome: LINK,
      indicator: `${PIPE}\n| injected | row |`,
      category: `<style>body{display:none}</style>`,
      quantity: '1',
      proxy: { description: '<iframe src=//evil.example>', value: '150', source: IMG },
      duration: 1,
    },
    {
      id: 'o2',
      stakeholder: 'quote',
      outcome: '![x](https://evil.example/track.png)',
      category: PIPE,
      quantity: '1',
      proxy: { value: '50', source: '<a href="javascript:alert(1)">source</a>' },
      duration: 1,
    },
  ],
};
const result = calculateSroi(hostile);
const parsed = parseAnalysis(hostile);
/** The metadata and evidence of the model carry hostile text too (the validated type, built directly). */
const analysis: Analysis = {
  ...parsed,
  organisation: SCRIPT,
  author: IMG,
  period: LINK,
  description: `${PIPE}\n# injected heading`,
  date: IMG,
  kind: 'forecast',
  outcomes: parsed.outcomes.map((o) => ({
    ...o,
    output: SCRIPT,
    evidence: { quantity: IMG, deadweight: `${LINK}\n| injected | row |` },
  })),
};
/** Every section a report can have: sensitivity, scenarios, a check and a diff name the outcomes. */
const extras = {
  sensitivity: sensitivityAnalysis(analysis),
  scenarios: evaluateScenarios(analysis, { [SCRIPT]: { description: IMG, outcomes: {} } }),
  check: checkAnalysis(analysis),
  diff: diffAnalyses({ ...analysis, name: LINK, outcomes: analysis.outcomes.slice(1) }, analysis),
};

/** The elements the HTML report is made of; anything else came from user text. */
const ALLOWED_TAGS = new Set(
  (
    'html head meta title style body main header p h1 h2 section div strong span dl dt dd aside ' +
    'ul li nav ol a figure figcaption svg desc g rect line text table caption thead tbody tfoot ' +
    'tr th td details summary tspan'
  ).split(' '),
);

describe('renderHtml with hostile text', () => {
  const html = renderHtml(result, { analysis, title: `${SCRIPT} report`, ...extras });

  it('contains only the report’s own elements', () => {
    const tags = [...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => (m[1] ?? '').toLowerCase());
    expect(tags.filter((tag) => !ALLOWED_TAGS.has(tag))).toEqual([]);
  });

  it('has no event-handler attribute and no javascript: link', () => {
    const insideTags = [...html.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]);
    expect(insideTags.filter((tag) => /\son\w+\s*=/i.test(tag))).toEqual([]);
    expect(insideTags.filter((tag) => /javascript:/i.test(tag))).toEqual([]);
    expect(
      [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).filter((h) => !h?.startsWith('#')),
    ).toEqual([]);
  });

  it('shows the hostile text as text', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain(
      '<title>&lt;script&gt;alert(1)&lt;/script&gt; report — SROI report</title>',
    );
    expect(html).toContain(
      '<p class="subtitle">&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; · ',
    );
  });

  it('forbids script and network requests with a Content-Security-Policy', () => {
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
  });
});

describe('renderMarkdown with hostile text', () => {
  const md = renderMarkdown(result, { analysis, title: `${SCRIPT} report`, ...extras });

  it('has every section a report can have', () => {
    for (const heading of ['How firm the ratio is', 'Appendix A.', 'Appendix B.', 'Appendix C.'])
      expect(md).toContain(`\n## ${heading}`);
  });

  it('escapes every <, [, ! and | that comes from the user', () => {
    expect(md).not.toMatch(/(^|[^\\])</m);
    expect(md).not.toMatch(/(^|[^\\])\[/m);
    expect(md).not.toMatch(/(^|[^\\])!/m);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('\\[click\\](javascript:alert(1))');
  });

  it('keeps every table row to its columns', () => {
    const rows = md.split('\n').filter((line) => line.startsWith('|'));
    const tables: string[][] = [];
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) continue;
      const previous = md.split('\n')[md.split('\n').indexOf(line) - 1];
      if (previous === undefined || !previous.startsWith('|')) tables.push([]);
      tables[tables.length - 1]?.push(line);
    }
    expect(rows.length).toBeGreaterThan(20);
    for (const table of tables) {
      const cells = table.map((line) => line.split(/(?<!\\)\|/).length);
      expect(new Set(cells).size).toBe(1);
    }
  });

  it('puts no user text on a line of its own', () => {
    expect(md).not.toContain('\n| injected | row |');
    expect(md).not.toContain('\n# injected heading');
    expect(md).toContain('a \\| b \\| injected \\| row \\|');
  });
});
