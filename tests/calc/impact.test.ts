import { describe, expect, it } from 'vitest';
import { decimalArithmetic } from '../../src/calc/_arithmetic.js';
import { Dec, str } from '../../src/calc/_decimal.js';
import { Fractions } from '../../src/calc/_fractions.js';
import { applyDeductions, deductionChain, readDeductions } from '../../src/calc/impact.js';
import type { Deductions } from '../../src/calc/impact.js';

/** The engine's impact of a gross value: each deduction read once, then applied in turn. */
function impactOf(gross: string, deductions: Deductions): string {
  const read = readDeductions(deductions, new Fractions(decimalArithmetic));
  return str(applyDeductions(decimalArithmetic)(new Dec(gross), read));
}

describe('applyDeductions (the impact)', () => {
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
  ])('of %s with %o is %s', (gross, deductions, expected) => {
    expect(impactOf(gross, deductions)).toBe(expected);
  });
});

describe('deductionChain (the waterfall of the deductions)', () => {
  it('gives what remains after each deduction in turn, the last being the impact', () => {
    const read = readDeductions(
      { deadweight: '0.2', displacement: '0', attribution: '0.25', leakage: '0.5' },
      new Fractions(decimalArithmetic),
    );
    const chain = deductionChain(decimalArithmetic)(new Dec('1000'), read).map(str);
    // hand-computed: 1000; × 0.8 = 800; displacement 0 leaves 800; × 0.75 = 600; × 0.5 = 300
    expect(chain).toEqual(['1000', '800', '800', '600', '300']);
  });
});
