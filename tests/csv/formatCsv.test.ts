import { describe, expect, it } from 'vitest';
import { formatCsv, neutraliseCsvCell } from '../../src/csv/formatCsv.js';
import { readCsvTable } from '../../src/csv/readCsvTable.js';

describe('neutraliseCsvCell', () => {
  it.each([
    // OWASP CSV injection: a leading = + - @ tab or CR makes a spreadsheet evaluate the cell.
    ['=1+2', "'=1+2"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-cmd|calc', "'-cmd|calc"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    // Plain numbers cannot hold a formula and stay numbers.
    ['-1200.5', '-1200.5'],
    ['+3', '+3'],
    ['-1.5e-7', '-1.5e-7'],
    // Everything else passes unchanged.
    ['Older people', 'Older people'],
    ['', ''],
    ['1-2', '1-2'],
  ])('writes %j as %j', (cell, expected) => {
    expect(neutraliseCsvCell(cell)).toBe(expected);
  });
});

describe('formatCsv', () => {
  it('quotes cells holding the delimiter, a quote or a line break', () => {
    expect(formatCsv([['a,b', 'say "hi"', 'two\nlines', 'plain']])).toBe(
      '"a,b","say ""hi""","two\nlines",plain\r\n',
    );
  });

  it('writes null and undefined as empty cells and numbers as written', () => {
    expect(formatCsv([[null, undefined, 2.5, -3]], { newline: '\n' })).toBe(',,2.5,-3\n');
  });

  it('uses the delimiter it is given', () => {
    expect(formatCsv([['a;b', 'c']], { delimiter: ';', newline: '\n' })).toBe('"a;b";c\n');
  });

  it('round-trips through readCsvTable, with formulas neutralised', () => {
    const rows = [
      ['name', 'value'],
      ['=HYPERLINK("http://evil")', '-5'],
      ['multi\nline, with comma', '1,000'],
    ];
    const read = readCsvTable(formatCsv(rows), {
      scoreHeader: (cells) => cells.filter((c) => c === 'name' || c === 'value').length,
    });
    expect(read.ok && read.table.rows.map((row) => row.cells)).toEqual([
      ['\'=HYPERLINK("http://evil")', '-5'],
      ['multi\nline, with comma', '1,000'],
    ]);
  });
});

describe('neutraliseCsvCell (long input)', () => {
  it('tells a number from a formula in linear time, whatever the length', () => {
    // `-` and a million digits is a plain number; followed by "x" it is text that could be a formula.
    const digits = '1'.repeat(1_000_000);
    expect(neutraliseCsvCell(`-${digits}`)).toBe(`-${digits}`);
    expect(neutraliseCsvCell(`-${digits}.${digits}x`)).toBe(`'-${digits}.${digits}x`);
  });
});
