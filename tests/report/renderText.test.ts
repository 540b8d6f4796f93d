import { describe, expect, it } from 'vitest';
import { calculateSroi } from '../../src/calculateSroi.js';
import { SroiError } from '../../src/model/SroiError.js';
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

  it('leaves out the category table when no outcome has a category, and prints it when one has', () => {
    // warmHomes names no category: its one category is the engine's "uncategorised", which is
    // not a category the map has, so the summary has no such table (the reports do the same).
    expect(renderText(warmHomes)).not.toContain('Value by category');
    const categorised = calculateSroi({
      name: 'Warm homes',
      discount: { rate: '0' },
      inputs: [{ description: 'Grant', value: '1000' }],
      outcomes: [
        {
          stakeholder: 'Residents',
          outcome: 'Warmer',
          category: 'Health',
          quantity: '10',
          proxy: { value: '250' },
          duration: 1,
        },
      ],
    });
    const lines = renderText(categorised).split('\n');
    expect(lines).toContain('Value by category');
    // The one category holds all of the 2,500 (10 × 250 at a rate of 0): share 100%, ratio 2.5.
    // Columns as wide as their widest cell: "category" (8) and "present value" (13).
    expect(lines).toContain('  Health        £2,500.00  100.0%   2.50');
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

  it('shows a figure that rounds to zero as "< £0.01", and a huge ratio in powers of ten', () => {
    // Inputs of 1e-100 against a present value of 427.18: a ratio of 4.2718 × 10^102.
    const tiny = calculateSroi({
      name: 'Tiny inputs',
      discount: { rate: '0' },
      inputs: [{ description: 'Grant', value: '1e-100' }],
      outcomes: [
        { stakeholder: 'A', outcome: 'B', quantity: '1', proxy: { value: '427.18' }, duration: 1 },
      ],
    });
    const lines = renderText(tiny).split('\n');
    expect(lines.slice(2, 5)).toEqual([
      '  SROI ratio            4.27 × 10^102 : 1  (£4.27 × 10^102 of value for each £1 invested)',
      '  Total present value   £427.18',
      '  Total inputs          < £0.01',
    ]);
  });

  it('renders a report of values of 1e-60 without failing', () => {
    const small = calculateSroi({
      name: 'Small',
      discount: { rate: '0' },
      inputs: [{ description: 'Grant', value: '1' }],
      outcomes: [
        { stakeholder: 'A', outcome: 'B', quantity: '1e-60', proxy: { value: '1' }, duration: 1 },
      ],
    });
    // hand-computed: PV = 1e-60 × 1; ratio 1e-60; net PV 1e-60 − 1 rounds to -£1.00.
    expect(renderText(small).split('\n').slice(2, 6)).toEqual([
      '  SROI ratio            < 0.01 : 1  (< £0.01 of value for each £1 invested)',
      '  Total present value   < £0.01',
      '  Total inputs          £1.00',
      '  Net present value     -£1.00',
    ]);
  });

  it.each([
    [
      { ratioDecimals: 1e9 },
      'renderText: ratioDecimals must be a whole number from 0 to 20, got the number 1000000000',
    ],
    [
      { moneyDecimals: -1 },
      'renderText: moneyDecimals must be a whole number from 0 to 20, got the number -1',
    ],
    [
      { rounding: 'valueOf' },
      'renderText: rounding must be one of "half-up", "half-even", "down", "up", got "valueOf"',
    ],
  ])('throws SroiError for the option %j', (options, message) => {
    expect(() => renderText(warmHomes, options as never)).toThrow(message);
  });

  it.each([[undefined], [null], [{}], [{ name: 'x', currency: 'GBP' }]])(
    'throws SroiError for %j, which is not a result',
    (value) => {
      expect(() => renderText(value as never)).toThrow(SroiError);
      expect(() => renderText(value as never)).toThrow(
        /^renderText: result(?:\.\w+)? must be .+, got .+ \(an SroiResult is what calculateSroi and evaluateAnalysis return\)$/,
      );
    },
  );
});
