import { describe, expect, it } from 'vitest';
import { calculateSroi } from '../../src/calculateSroi.js';
import { renderText } from '../../src/report/renderText.js';
import type { SroiResult } from '../../src/model/result.js';

const warmHomes: SroiResult = calculateSroi({
  name: 'Warm homes',
  discount: { rate: '0' },
  inputs: [{ description: 'Grant', value: '1000' }],
  outcomes: [
    {
      stakeholder: 'Residents',
      outcome: 'Warmer',
      quantity: '10',
      proxy: { value: '250' },
      duration: 1,
    },
  ],
});

describe('renderText', () => {
  it('prints the headline figures and aligned tables, rounded for people', () => {
    const lines = renderText(warmHomes).split('\n');
    // hand-computed: PV = 10 × 250 = 2,500 (rate 0); ratio 2,500 / 1,000 = 2.5; net 1.5;
    // payback 1,000 / (2,500 / 12) = 4.8 months
    expect(lines.slice(0, 10)).toEqual([
      'Warm homes (GBP)',
      '',
      '  SROI ratio            2.50 : 1  (£2.50 of value for each £1 invested)',
      '  Total present value   £2,500.00',
      '  Total inputs          £1,000.00',
      '  Net present value     £1,500.00',
      '  Net SROI ratio        1.50',
      '  Payback               4.8 months',
      '  Break-even year       1',
      '',
    ]);
    // Each column as wide as its widest cell: names padded right, figures left.
    expect(lines).toContain('  stakeholder  present value   share  ratio');
    expect(lines).toContain('  Residents        £2,500.00  100.0%   2.50');
  });

  it('prints a table with more rows than a function call has room for arguments', () => {
    // 200,000 stakeholders: spreading them into one call (push(...rows), Math.max(...widths))
    // overflows V8's stack; found with a 100,000-row CSV. Column widths: the longest name (18
    // characters) and the header "present value" (13), so the money is padded by 4.
    const many = Array.from({ length: 200_000 }, (_, i) => ({
      ...(warmHomes.stakeholders[0] as SroiResult['stakeholders'][number]),
      stakeholder: `s${i}`,
      name: `Stakeholder ${i}`,
    }));
    const text = renderText({ ...warmHomes, stakeholders: many });
    expect(text).toContain('  Stakeholder 199999      £2,500.00  100.0%   2.50');
    expect(text.split('\n').length).toBeGreaterThan(200_000);
  });
});
