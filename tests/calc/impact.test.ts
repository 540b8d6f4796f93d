import { describe, expect, it } from 'vitest';
import { impact } from '../../src/calc/impact.js';

describe('impact', () => {
  it.each([
    // hand-computed: 40000 × 0.8 × 1 × 0.75 × 1 = 24000
    ['40000', { deadweight: '0.2', displacement: '0', attribution: '0.25', leakage: '0' }, '24000'],
    // hand-computed: 1000 × 0.9 × 0.9 × 0.9 × 0.9 = 656.1 (deductions multiply; adding them would give 600)
    [
      '1000',
      { deadweight: '0.1', displacement: '0.1', attribution: '0.1', leakage: '0.1' },
      '656.1',
    ],
    // a disbenefit keeps its sign: -500 × 0.5 = -250
    ['-500', { deadweight: '0.5', displacement: '0', attribution: '0', leakage: '0' }, '-250'],
    // full deadweight leaves nothing
    ['1234.5', { deadweight: '1', displacement: '0', attribution: '0', leakage: '0' }, '0'],
  ])('impact(%s, %o) is %s', (gross, deductions, expected) => {
    expect(impact(gross, deductions)).toBe(expected);
  });
});
