import { describe, expect, it } from 'vitest';
import {
  cellAddress,
  cellReference,
  columnLetters,
  parseCellAddress,
  parseCellRange,
} from '../../src/workbook/cellAddress.js';

describe('cellAddress', () => {
  it.each([
    // Excel's own column headings: Z is 26, AA 27, AZ 52, XFD the last, 16,384
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
    [16_384, 'XFD'],
  ])('column %i is %s, and back', (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
    expect(parseCellAddress(`${letters}1`)).toEqual({ row: 1, column });
  });

  it('writes and reads an address, with or without $ anchors and in any case', () => {
    expect(cellAddress(12, 3)).toBe('C12');
    expect(parseCellAddress('$c$12')).toEqual({ row: 12, column: 3 });
  });

  it.each(['', 'A0', '12', 'A1B', 'XFE1', 'A1048577', 'AAAA1', 'A01'])('refuses %j', (text) => {
    expect(parseCellAddress(text)).toBeUndefined();
  });

  it('reads a range in either order, and a single cell as a range', () => {
    expect(parseCellRange('C9:B8')).toEqual({
      ref: 'B8:C9',
      firstRow: 8,
      firstColumn: 2,
      lastRow: 9,
      lastColumn: 3,
    });
    expect(parseCellRange('D4')).toEqual({
      ref: 'D4:D4',
      firstRow: 4,
      firstColumn: 4,
      lastRow: 4,
      lastColumn: 4,
    });
    expect(parseCellRange('A1:B2:C3')).toBeUndefined();
    expect(parseCellRange('A1:XFD1048577')).toBeUndefined();
  });

  it("quotes a sheet's name as a spreadsheet does when it holds more than letters and digits", () => {
    expect(cellReference('Inputs', 'B2')).toBe('Inputs!B2');
    expect(cellReference('Value Map', 'C12')).toBe("'Value Map'!C12");
    expect(cellReference("Charity's map")).toBe("'Charity''s map'");
  });
});
