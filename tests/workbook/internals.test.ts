/** The reader's private helpers: exact numbers, dates without Date, shared formulas. */
import { describe, expect, it } from 'vitest';
import { plainDecimal } from '../../src/workbook/_plainDecimal.js';
import { serialDate } from '../../src/workbook/_serialDate.js';
import { shiftFormula } from '../../src/workbook/_shiftFormula.js';

describe('plainDecimal', () => {
  it.each([
    ['12', '12'],
    ['0.25', '0.25'],
    ['1.5E-3', '0.0015'],
    ['-1.2345e2', '-123.45'],
    ['1E+21', '1000000000000000000000'],
    ['00012.3400', '12.34'],
    ['-0', '0'],
    ['.5', '0.5'],
    ['3.0000000000000004E-2', '0.030000000000000004'],
  ])('%s is %s', (text, plain) => {
    expect(plainDecimal(text)).toBe(plain);
  });

  it.each(['', 'abc', '1,5', '1e', 'NaN', 'INF', '1e999999'])('refuses %j', (text) => {
    expect(plainDecimal(text)).toBeUndefined();
  });
});

describe('serialDate', () => {
  it.each([
    // 1900 system; reference points: DATE(2024,1,1) = 45292, DATE(1900,3,1) = 61
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [60, false, '1900-02-29'],
    [61, false, '1900-03-01'],
    [45292, false, '2024-01-01'],
    [45382.5, false, '2024-03-31T12:00:00'],
    [0.75, false, '18:00:00'],
    [0, false, '1900-01-00'],
    [2958465, false, '9999-12-31'], // Excel's last date
    // 1904 system: 0 is 1 January 1904, and 1904 is a leap year
    [0, true, '1904-01-01'],
    [59, true, '1904-02-29'],
    [43830, true, '2024-01-01'], // 45292 − 1462
  ])('%f (1904 system: %s) is %s', (serial, date1904, iso) => {
    expect(serialDate(serial, date1904)).toBe(iso);
  });

  it('rounds the time of day to the second, carrying into the next day', () => {
    expect(serialDate(45292.99999999, false)).toBe('2024-01-02');
  });

  it('has no date for a negative serial', () => {
    expect(serialDate(-1, false)).toBeUndefined();
  });
});

describe('shiftFormula', () => {
  it.each([
    ['A2*3', 1, 0, 'A3*3'],
    ['A2*$B$1', 2, 1, 'B4*$B$1'],
    ['SUM(A$2:A2)', 3, 0, 'SUM(A$2:A5)'],
    ['$A2+A$2', 1, 1, '$A3+B$2'],
    ['Inputs!B2*2', 1, 0, 'Inputs!B3*2'],
    ["'Value Map'!B2", 1, 0, "'Value Map'!B3"],
    ['"A1"&A1', 1, 0, '"A1"&A2'], // text in quotes is not a reference
    ['LOG10(A1)+ATAN2(B1,C1)', 1, 0, 'LOG10(A2)+ATAN2(B2,C2)'], // function names stay
    ['1E5*A1', 1, 0, '1E5*A2'],
    ['A1', -1, 0, '#REF!'],
  ])('%s moved %i down and %i right is %s', (formula, rows, columns, shifted) => {
    expect(shiftFormula(formula, rows, columns)).toBe(shifted);
  });
});
