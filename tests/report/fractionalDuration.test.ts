/**
 * A fractional duration as a report shows it: `2.5 years`, never `2.5000`. The analysis is the
 * validated model, built directly.
 */
import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { renderMarkdown } from '../../src/report/renderMarkdown.js';
import { sensitivityAnalysis } from '../../src/sensitivity/sensitivityAnalysis.js';
import { modelAnalysis, modelOutcome } from '../_model.js';

// 1 × £100 a year for 2.5 years at rate 0 against £250: ratio 250 / 250 = 1 (hand-computed)
const analysis = modelAnalysis(
  [modelOutcome({ outcome: 'Warmer homes', quantity: '1', duration: 2.5 })],
  { name: 'Half a year more', inputs: [{ description: 'Grant', value: '250', year: 0 }] },
);

const rowOf = (markdown: string, first: string): string | undefined =>
  markdown.split('\n').find((line) => line.startsWith(`| ${first} |`));

describe('renderMarkdown (fractional durations)', () => {
  const md = renderMarkdown(evaluateAnalysis(analysis), {
    analysis,
    sensitivity: sensitivityAnalysis(analysis, { target: '0.5' }),
  });

  it('shows the duration as written', () => {
    // every deduction and the drop-off are 0%, so the table has no column for them
    expect(rowOf(md, 'Warmer homes')).toBe('| Warmer homes | 2.5 years | £100.00 | £250.00 |');
  });

  it('shows moved and switching durations without trailing zeros', () => {
    // one-way: 2.5 ± 1 → 1.5 years (0.6) and 3.5 years (1.4); switching value for a ratio of
    // 0.5: 100d / 250 = 0.5 → d = 1.25 (hand-computed)
    const rows = md.split('\n').filter((line) => line.startsWith('| Duration |'));
    expect(rows).toEqual([
      '| Duration | Warmer homes | 1.5 years | 0.60 | 3.5 years | 1.40 |',
      '| Duration | Warmer homes | 2.5 years | 1.25 years |',
    ]);
    expect(md).not.toMatch(/\d\.\d*0 years/);
  });
});
