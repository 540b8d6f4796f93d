import { describe, expect, it } from 'vitest';
import { smallAnalysis, smallResult } from './_smallAnalysis.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import type { ReportSensitivity, ReportSimulation } from '../../src/report/ReportExtras.js';

const sensitivity: ReportSensitivity = {
  target: '1',
  oneWay: [
    {
      parameter: 'attribution',
      outcome: 'warmer',
      low: { value: '0.4', sroiRatio: '1.6' },
      high: { value: '0.6', sroiRatio: '1.3' },
    },
  ],
  switchingValues: [
    {
      parameter: 'attribution',
      outcome: 'warmer',
      base: '0.5',
      switchingValue: '0.97',
      reachable: true,
    },
  ],
};
const simulation: ReportSimulation = {
  draws: 100,
  seed: 7,
  sroiRatio: { mean: '1.4', p5: '1.1', p50: '1.4', p95: '1.7' },
  probabilityRatioAtLeastOne: '0.99',
  histogram: [
    { from: '1', to: '1.5', count: 60 },
    { from: '1.5', to: '2', count: 40 },
  ],
};

describe('renderHtml', () => {
  const html = renderHtml(smallResult, { analysis: smallAnalysis });

  it('shows the headline ratio and figures', () => {
    // hand-computed (see _smallAnalysis.ts): 1.457851… → 1.46
    expect(html).toContain('<strong class="ratio-value">1.46 : 1</strong>');
    expect(html).toContain('£1.46 of social value for each £1 invested.');
    expect(html).toContain('<dt>Total present value</dt><dd>£728.93</dd>');
    expect(html).toContain('<dt>Net present value</dt><dd>£228.93</dd>');
    expect(html).toContain('<dt>Payback</dt><dd>9.7 months</dd>');
    expect(html).toContain('<dt>Break-even year</dt><dd>year 1</dd>');
  });

  it('has the sections in order, each chart followed by its table', () => {
    const ids = [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'headline',
      'stakeholders',
      'categories',
      'years',
      'waterfall',
      'impact-map',
      'inputs',
      'method',
    ]);
    for (const section of html.split('<section').slice(1)) {
      const svg = section.indexOf('<svg');
      if (svg !== -1) expect(section.indexOf('<table', svg)).toBeGreaterThan(svg);
    }
  });

  it('draws four charts, and a tornado and a histogram when sensitivity and simulation are given', () => {
    expect(html.match(/<svg /g)).toHaveLength(4);
    const full = renderHtml(smallResult, { analysis: smallAnalysis, sensitivity, simulation });
    expect(full.match(/<svg /g)).toHaveLength(6);
    expect(full).toContain('<section id="sensitivity"');
    expect(full).toContain('<section id="simulation"');
    // 0.97 as a percentage, two places at most
    expect(full).toContain('<td class="num">50%</td><td class="num">97%</td>');
  });

  it('shows the same rounded figures as the tables of the Markdown report', () => {
    expect(html).toContain(
      '<td>Tenants</td><td class="num">£528.93</td><td class="num">72.6%</td><td class="num">1.06</td>',
    );
    expect(html).toContain('<td>Discounting</td><td class="num">−£91.07</td>');
  });

  it('needs no script and fetches nothing', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|<img|@import|url\(/i);
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<)]+/g)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
  });

  it('prints on A4', () => {
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@media print {');
  });

  it('uses only the Okabe–Ito colours for data', () => {
    const fills = new Set(
      [...html.matchAll(/<rect [^>]*fill="(#[0-9A-Fa-f]{6})"/g)].map((m) => m[1]),
    );
    const okabeIto = new Set([
      '#E69F00',
      '#56B4E9',
      '#009E73',
      '#F0E442',
      '#0072B2',
      '#D55E00',
      '#CC79A7',
    ]);
    expect([...fills].filter((fill) => fill !== undefined && !okabeIto.has(fill))).toEqual([]);
  });
});
