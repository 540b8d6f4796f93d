/**
 * The input types accept read-only values: an object literal `as const`, a frozen object, and the
 * `Analysis` that `safeParseAnalysis` or `readCsvAnalysis` return go into `calculateSroi` as they
 * are. `npm run typecheck` compiles this file, so a mutable input type fails it; the calls run too.
 */
import { describe, expect, it } from 'vitest';
import { calculateSroi, readCsvAnalysis, safeParseAnalysis } from '../src/index.js';

const constant = {
  name: 'Read-only',
  discount: { rate: '0' },
  inputs: [{ description: 'Grant', value: '100' }],
  outcomes: [
    {
      stakeholder: 'Residents',
      outcome: 'Warmer homes',
      quantity: '10',
      proxy: { value: '25' },
      duration: 1,
      quantityByYear: ['10'],
    },
  ],
} as const;

describe('calculateSroi', () => {
  it('takes an analysis written `as const`', () => {
    // hand-computed: 10 × 25 = 250 over 100, undiscounted
    expect(calculateSroi(constant).sroiRatio).toBe('2.5');
  });

  it('takes a frozen analysis', () => {
    expect(calculateSroi(Object.freeze(constant)).sroiRatio).toBe('2.5');
  });

  it('takes the Analysis that safeParseAnalysis returns', () => {
    const parsed = safeParseAnalysis(constant);
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(calculateSroi(parsed.analysis).sroiRatio).toBe('2.5');
  });

  it('takes the Analysis that readCsvAnalysis returns', () => {
    const read = readCsvAnalysis({
      outcomes: {
        file: 'outcomes.csv',
        text: 'stakeholder,outcome,quantity,proxy_value,duration\nResidents,Warmer homes,10,25,1\n',
      },
      settings: {
        name: 'CSV',
        discount: { rate: '0' },
        inputs: [{ description: 'Grant', value: '100' }],
      },
    });
    expect(read.success).toBe(true);
    if (read.success) expect(calculateSroi(read.analysis).sroiRatio).toBe('2.5');
  });
});
