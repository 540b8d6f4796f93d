import { describe, expect, it } from 'vitest';
import {
  currencyKind,
  FieldProblem,
  oneOfKind,
  priceYearKind,
  readPriceYear,
  wholeYearsKind,
  yearsKind,
} from '../../src/schema/_fields.js';

const million = 1_000_000;

describe('the field kinds', () => {
  it('read price years, and refuse long text in linear time', () => {
    expect(readPriceYear('2023/24')).toBe('2023-24');
    expect(readPriceYear(`2023${' '.repeat(million)}-24`)).toBe('2023-24'); // spaces are allowed there
    expect(readPriceYear(`2023${' '.repeat(million)}x`)).toBeUndefined();
    expect(priceYearKind.read(`${'2'.repeat(million)}`, 'priceYear')).toBeInstanceOf(FieldProblem);
  });

  it('read whole years and years, and refuse long text in linear time', () => {
    expect(wholeYearsKind(1).read('3.0', 'start')).toBe(3);
    expect(wholeYearsKind(1).read('9'.repeat(million), 'start')).toBeInstanceOf(FieldProblem);
    expect(yearsKind.read(`2${'0'.repeat(million)}.5`, 'duration')).toBeInstanceOf(FieldProblem);
    expect(yearsKind.read(`0.${'5'.repeat(million)}`, 'duration')).toBeCloseTo(0.5555555);
  });

  it('read a currency, and refuse long text with a short message', () => {
    expect(currencyKind.read(' gbp ', 'currency')).toBe('GBP');
    const problem = currencyKind.read('G'.repeat(million), 'currency');
    expect(problem).toBeInstanceOf(FieldProblem);
    expect((problem as FieldProblem).message.length).toBeLessThan(200);
  });

  it('name the values of a choice, and show only a short excerpt of what was given', () => {
    const problem = oneOfKind(['end', 'start', 'mid']).read('x'.repeat(million), 'discount.timing');
    expect((problem as FieldProblem).message).toBe(
      `discount.timing must be one of "end", "start", "mid", got "${'x'.repeat(57)}…" (1,000,000 characters)`,
    );
  });
});
