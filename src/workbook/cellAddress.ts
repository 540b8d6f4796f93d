import { textArgument, wholeNumber } from '../model/_arguments.js';
import { columnOfLetters, lettersOfColumn } from '../model/_columnLetters.js';
import type { CellRange } from './Workbook.js';

/** The largest row and column a workbook can have (Excel's grid: 1,048,576 rows, XFD columns). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/**
 * The letters of a 1-based column number: 1 → `A`, 27 → `AA`.
 *
 * @example
 * columnLetters(28);
 * //=> 'AB'
 */
export function columnLetters(column: number): string {
  wholeNumber('columnLetters', 'column', column, 1, MAX_COLUMNS);
  return lettersOfColumn(column);
}

/**
 * The address of a cell from its 1-based row and column.
 *
 * @example
 * cellAddress(12, 3);
 * //=> 'C12'
 */
export function cellAddress(row: number, column: number): string {
  wholeNumber('cellAddress', 'row', row, 1, MAX_ROWS);
  wholeNumber('cellAddress', 'column', column, 1, MAX_COLUMNS);
  return `${columnLetters(column)}${row}`;
}

/**
 * The row and column of an address such as `C12` or `$C$12`; `undefined` when it is not one, or
 * is outside the grid (`MAX_ROWS` × `MAX_COLUMNS`).
 *
 * @example
 * parseCellAddress('AB7');
 * //=> { row: 7, column: 28 }
 */
export function parseCellAddress(address: string): { row: number; column: number } | undefined {
  textArgument('parseCellAddress', address, 'address');
  const match = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(address);
  if (match === null) return undefined;
  const column = columnOfLetters((match[1] ?? '').toUpperCase());
  const row = Number(match[2]);
  return row > MAX_ROWS || column > MAX_COLUMNS ? undefined : { row, column };
}

/**
 * A range such as `A5:A7` (or a single cell `B2`); `undefined` when it is not one.
 *
 * @example
 * parseCellRange('B7:A5');
 * //=> { ref: 'A5:B7', firstRow: 5, firstColumn: 1, lastRow: 7, lastColumn: 2 }
 */
export function parseCellRange(ref: string): CellRange | undefined {
  textArgument('parseCellRange', ref, 'ref');
  const [from = '', to = from, extra] = ref.split(':');
  if (extra !== undefined) return undefined;
  const a = parseCellAddress(from);
  const b = parseCellAddress(to);
  if (a === undefined || b === undefined) return undefined;
  const firstRow = Math.min(a.row, b.row);
  const lastRow = Math.max(a.row, b.row);
  const firstColumn = Math.min(a.column, b.column);
  const lastColumn = Math.max(a.column, b.column);
  return {
    ref: `${cellAddress(firstRow, firstColumn)}:${cellAddress(lastRow, lastColumn)}`,
    firstRow,
    firstColumn,
    lastRow,
    lastColumn,
  };
}

/**
 * A reference to a cell of a sheet as a spreadsheet writes it, quoting the sheet's name when it
 * holds anything but letters, digits and underscores.
 *
 * @example
 * cellReference('Value Map', 'C12');
 * //=> "'Value Map'!C12"
 */
export function cellReference(sheet: string, address?: string): string {
  textArgument('cellReference', sheet, 'sheet');
  if (address !== undefined) textArgument('cellReference', address, 'address');
  const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
  return address === undefined ? name : `${name}!${address}`;
}
