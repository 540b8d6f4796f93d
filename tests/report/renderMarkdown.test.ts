import { describe, expect, it } from 'vitest';
import { smallAnalysis, smallInput, smallResult } from './_smallAnalysis.js';
import { calculateSroi } from '../../src/calculateSroi.js';
import { renderMarkdown } from '../../src/report/renderMarkdown.js';
import type { ReportSensitivity, ReportSimulation } from '../../src/report/ReportExtras.js';

/** The Markdown lines of the table whose first cell is `first`. */
function rowOf(markdown: string, first: string): string | undefined {
  return markdown.split('\n').find((line) => line.startsWith(`| ${first} |`));
}

/** The text of the section headed `## heading`, up to the next section. */
function sectionOf(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`no section "${heading}"`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

describe('renderMarkdown', () => {
  const md = renderMarkdown(smallResult, { analysis: smallAnalysis });

  it('opens with the title and the headline ratio', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Warm Homes 2024');
    // no price base is set, so none is named
    expect(lines[2]).toBe('GBP · years 1–2');
    // hand-computed: 882/1.21/500 = 1.457851… → 1.46
    expect(lines[4]).toBe('**SROI ratio 1.46 : 1** — £1.46 of social value for each £1 invested.');
  });

  it.each([
    // hand-computed, see _smallAnalysis.ts
    ['Total present value', '£728.93'],
    ['Total inputs', '£500.00'],
    ['Net present value', '£228.93'],
    ['Net SROI ratio', '0.46'],
    ['Payback', '9.7 months'],
    ['Break-even year', 'year 1'],
  ])('shows the %s as %s', (label, value) => {
    expect(rowOf(md, label)).toBe(`| ${label} | ${value} |`);
  });

  it('shows value, share and ratio by stakeholder and by category', () => {
    // hand-computed: 640/1.21 = 528.9256…; 640/882 = 72.56…%; 528.9256…/500 = 1.0578…
    expect(rowOf(md, 'Tenants')).toBe('| Tenants | £528.93 | 72.6% | 1.06 |');
    // hand-computed: 220/1.1 = 200; 242/882 = 27.44…%; 200/500 = 0.4
    expect(rowOf(md, 'Council')).toBe('| Council | £200.00 | 27.4% | 0.40 |');
    expect(rowOf(md, 'social')).toBe('| social | £528.93 | 72.6% | 1.06 |');
    expect(rowOf(md, 'fiscal')).toBe('| fiscal | £200.00 | 27.4% | 0.40 |');
  });

  it('shows each year undiscounted, its discount factor and present value', () => {
    // hand-computed: 620 × 1/1.1 = 563.6363…; 200 × 1/1.21 = 165.2892…
    expect(rowOf(md, '1')).toBe('| 1 | £620.00 | 0.9091 | £563.64 | £563.64 |');
    expect(rowOf(md, '2')).toBe('| 2 | £200.00 | 0.8264 | £165.29 | £728.93 |');
  });

  it('shows what each step takes from gross value to present value', () => {
    // hand-computed, see _smallAnalysis.ts
    expect(rowOf(md, 'Gross value')).toBe('| Gross value | £2,220.00 |');
    expect(rowOf(md, 'Deadweight')).toBe('| Deadweight | −£400.00 |');
    // a step that takes nothing away is named in a sentence, not listed
    expect(rowOf(md, 'Displacement')).toBeUndefined();
    expect(md).toContain('Displacement and leakage take nothing away.');
    expect(rowOf(md, 'Attribution')).toBe('| Attribution | −£800.00 |');
    expect(rowOf(md, 'Drop-off')).toBe('| Drop-off | −£200.00 |');
    expect(rowOf(md, 'Discounting')).toBe('| Discounting | −£91.07 |');
    expect(rowOf(md, '\\*\\*Present value\\*\\*')).toBeUndefined();
    expect(md).toContain('| **Present value** | **£728.93** |');
  });

  it('shows the impact map with the analysis: proxy, source, deductions, duration, drop-off', () => {
    expect(rowOf(md, 'Tenants')).toBeDefined();
    expect(md).toContain(
      '| Tenants | Warmer homes (Homes above 18°C) | social | 10 | Heating cost saved (Source: Survey 2024) | £100.00 |',
    );
    // hand-computed: impact 10 × 100 × 0.8 × 0.5 = 400; PV 528.93 (above). Displacement and
    // leakage are 0 for both outcomes, so their columns are left out and a sentence says so.
    expect(rowOf(md, 'Warmer homes')).toBe(
      '| Warmer homes | 20% | 50% | 2 years | 50% | £400.00 | £528.93 |',
    );
    expect(rowOf(md, 'Fewer repairs')).toBe(
      '| Fewer repairs | 0% | 0% | 1 year | 0% | £220.00 | £200.00 |',
    );
    expect(md).toContain(
      '| Outcome | Deadweight | Attribution | Duration | Drop-off | Impact (first year) | Present value |',
    );
    expect(md).toContain(
      'Displacement and leakage are 0% for every outcome, so the table leaves their columns out.',
    );
  });

  it('keeps every deduction column that some outcome states', () => {
    const stated = renderMarkdown(smallResult, {
      analysis: {
        ...smallAnalysis,
        outcomes: smallAnalysis.outcomes.map((o, i) =>
          i === 0 ? { ...o, displacement: '0.1', leakage: '0.05' } : o,
        ),
      },
    });
    expect(stated).toContain(
      '| Outcome | Deadweight | Displacement | Attribution | Leakage | Duration | Drop-off | Impact (first year) | Present value |',
    );
    expect(stated).not.toContain('so the table leaves');
  });

  it('shows only what the result holds when the analysis is not given', () => {
    const bare = renderMarkdown(smallResult);
    expect(bare).toContain('quantities and deductions are not shown');
    // hand-computed: gross first year 10 × 100 = 1,000; impact 400
    expect(rowOf(bare, 'Tenants')).toBe('| Tenants | £528.93 | 72.6% | 1.06 |');
    expect(bare).toContain(
      '| Tenants | Warmer homes | social | £100.00 | £1,000.00 | £400.00 | £528.93 |',
    );
  });

  it('shows the inputs and their total', () => {
    expect(rowOf(md, 'Council')).toBeDefined();
    expect(md).toContain('| Council | Grant | cash | 0 | £500.00 | 1.0000 | £500.00 |');
    expect(md).toContain('| **Total inputs** |  |  |  |  |  | **£500.00** |');
  });

  it('states every convention in the method statement', () => {
    expect(md).toContain('- **Discount rate:** 10% a year, every year.');
    expect(md).toContain(
      '- **Timing:** Each year’s value is discounted as if it arrives at the end',
    );
    // no price base: no price-base line and no deflator line
    expect(md).not.toContain('- **Price base:**');
    expect(md).not.toContain('- **Deflator series:**');
    expect(md).toContain('- **Horizon:** Value is counted in years 1 to 2.');
  });

  it('names a Green Book schedule with its bands', () => {
    const result = calculateSroi({ ...smallInput, discount: { schedule: 'green-book' } });
    expect(renderMarkdown(result)).toContain(
      '- **Discount rate:** HM Treasury Green Book schedule “green-book”: 3.5% in years 1–30, 3% in years 31–75, 2.5% from year 76. Factors compound year by year.',
    );
  });

  it('rounds as asked: places and mode', () => {
    // hand-computed: 1 × 2.345 / 1 = 2.345 exactly, a tie at two places
    const tie = calculateSroi({
      name: 'Tie',
      discount: { rate: '0' },
      inputs: [{ description: 'Grant', value: '1' }],
      outcomes: [
        { stakeholder: 'A', outcome: 'B', quantity: '1', proxy: { value: '2.345' }, duration: 1 },
      ],
    });
    expect(renderMarkdown(tie).split('\n')[4]).toMatch(/^\*\*SROI ratio 2\.35 : 1\*\*/);
    expect(renderMarkdown(tie, { rounding: 'half-even' }).split('\n')[4]).toMatch(
      /^\*\*SROI ratio 2\.34 : 1\*\*/,
    );
    const wide = renderMarkdown(smallResult, { ratioDecimals: 3, moneyDecimals: 0 });
    // hand-computed: 1.457851… → 1.458; 728.925… → 729
    expect(rowOf(wide, 'SROI ratio')).toBe('| SROI ratio | 1.458 : 1 |');
    expect(rowOf(wide, 'Total present value')).toBe('| Total present value | £729 |');
  });

  it('says the ratio is undefined when there are no inputs, and shows the warning', () => {
    const result = calculateSroi({ ...smallInput, inputs: [] });
    const text = renderMarkdown(result);
    expect(text.split('\n')[4]).toBe(
      '**The SROI ratio is undefined because the total inputs are zero.**',
    );
    expect(rowOf(text, 'SROI ratio')).toBe('| SROI ratio | undefined (no inputs) |');
    expect(text).toContain('> **Warning:** total inputs are zero');
  });

  it('uses the title given, and keeps the analysis name under it', () => {
    const lines = renderMarkdown(smallResult, { title: 'Report to the board' }).split('\n');
    expect(lines[0]).toBe('# Report to the board');
    expect(lines[2]).toBe('Warm Homes 2024 · GBP · years 1–2');
  });

  it('shows one-way sensitivity and switching values when given', () => {
    const sensitivity: ReportSensitivity = {
      base: { sroiRatio: smallResult.sroiRatio ?? '0' },
      target: '1',
      oneWay: [
        {
          parameter: 'deadweight',
          outcome: 'warmer',
          low: { value: '0.1', sroiRatio: '1.56' },
          high: { value: '0.3', sroiRatio: '1.35' },
        },
      ],
      switchingValues: [
        {
          parameter: 'quantity',
          outcome: 'repairs',
          base: '5',
          switchingValue: '-5.5',
          reachable: false,
          ratioAtLimit: '1.0578',
        },
        {
          parameter: 'inputValue',
          input: 0,
          base: '500',
          switchingValue: '728.93',
          reachable: true,
        },
      ],
    };
    const text = sectionOf(
      renderMarkdown(smallResult, { sensitivity }),
      'Appendix A. Sensitivity of every assumption',
    );
    expect(rowOf(text, 'Deadweight')).toBe(
      '| Deadweight | Warmer homes | 10% | 1.56 | 30% | 1.35 |',
    );
    expect(rowOf(text, 'Quantity')).toBe(
      '| Quantity | Fewer repairs | 5 | not reachable (ratio 1.06 at the end of the valid range) |',
    );
    expect(rowOf(text, 'Input value')).toBe('| Input value | Grant | £500.00 | £728.93 |');
  });

  it('shows the Monte Carlo summary and histogram when given', () => {
    const simulation: ReportSimulation = {
      draws: 1000,
      seed: 42,
      sroiRatio: { mean: 1.45, p5: 1.1, p50: 1.44, p95: 1.8 },
      presentValue: { mean: '725', p5: '550', p50: '720', p95: '900' },
      probabilityRatioAtLeastOne: 0.97,
      histogram: [
        { from: 1, to: 1.5, count: 600 },
        { from: 1.5, to: 2, count: 400 },
      ],
    };
    const text = sectionOf(
      renderMarkdown(smallResult, { simulation }),
      'Appendix A. Uncertainty (Monte Carlo)',
    );
    expect(text).toContain('recalculated 1,000 times (seed 42)');
    expect(text).toContain('the ratio was at least 1 in 97.0% of draws');
    expect(rowOf(text, 'SROI ratio')).toBe('| SROI ratio | 1.45 | 1.10 | 1.44 | 1.80 |');
    expect(rowOf(text, 'Present value')).toBe(
      '| Present value | £725.00 | £550.00 | £720.00 | £900.00 |',
    );
    expect(rowOf(text, '1.00')).toBe('| 1.00 | 1.50 | 600 |');
  });

  it('does not change the result it renders', () => {
    const before = JSON.stringify(smallResult);
    renderMarkdown(smallResult, { analysis: smallAnalysis });
    expect(JSON.stringify(smallResult)).toBe(before);
  });
});
