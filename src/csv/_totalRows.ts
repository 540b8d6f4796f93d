/**
 * Total, Subtotal and Sum rows: a spreadsheet's own sums below (or between) the rows they add
 * up. Read as data, a Total row of inputs counts every input twice, so a table reader leaves
 * such a row out — with a note — and never sums it (docs/csv-format.md). A row is one when its
 * first filled cell is such a label and every other filled cell is a number (a stakeholder
 * called "Total Care" with an outcome beside it is not), or — with no label — when every number
 * in it is the sum of the same column over the rows above it (`sumRow`).
 */
import { readNumber } from '../schema/readNumber.js';
import { Dec } from '../calc/_decimal.js';
import type { CsvNote } from './CsvNote.js';

/** The words a Total row starts with: Total(s), Sub-total, Subtotal, Grand total, Sum. */
const TOTAL_LABEL = /^(?:grand[\s-]*)?(?:sub[\s-]*)?totals?(?![a-z])|^sum(?![a-z])/i;

/** A zero as accounting formats show it: `-`, `£ -`. */
const ACCOUNTING_ZERO = /^[£$€]?\s*-\s*$/;

/**
 * The label of a Total row — its first filled cell when that is a Total, Subtotal or Sum label
 * and no other cell holds text — or `undefined`.
 *
 * @example
 * [totalLabel(['', 'Total', '3,000']), totalLabel(['Total Care', 'Fewer falls', '10']), totalLabel(['Sum:', '£ -'])];
 * //=> ['Total', undefined, 'Sum:']
 */
export function totalLabel(cells: readonly string[]): string | undefined {
  let label: string | undefined;
  for (const cell of cells) {
    const text = cell.trim();
    if (text === '') continue;
    if (label === undefined) {
      if (!TOTAL_LABEL.test(text)) return undefined;
      label = text;
    } else if (!isNumberLike(text)) return undefined;
  }
  return label;
}

/** Whether a cell reads as a number (a spreadsheet error and an accounting zero included). */
export function isNumberLike(text: string): boolean {
  if (ACCOUNTING_ZERO.test(text)) return true;
  const read = readNumber(text);
  return read.ok || read.code === 'spreadsheet_error';
}

/** The number a cell holds, exactly, or `undefined` (text, blank, an error). */
export function cellNumber(text: string): Dec | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (ACCOUNTING_ZERO.test(trimmed)) return new Dec(0);
  const read = readNumber(trimmed);
  return read.ok ? new Dec(read.value) : undefined;
}

/**
 * The Total rows of a table as its rows are read: a row labelled Subtotal totals the rows since
 * the last Total row of any kind (its section); one labelled Total (Grand total, Sum) the rows
 * since the last such Total (after Subtotals, every data row above it); a row with no label and
 * no text is a Total row when every number in it is the sum of its column over either, within
 * what the rounding of shown figures explains (half a unit of the last shown digit for each
 * figure summed, and 1e-9 of the sum for a spreadsheet's binary arithmetic), from two rows on.
 * The data rows are kept by reference and summed only for a row that could be a Total row, so a
 * table of data rows costs no arithmetic.
 */
export class TotalRows {
  /** The data rows since the last Total row of any kind, and since the last Total. */
  private section = new RowSums();
  private table = new RowSums();

  /** Which rows `cells` totals, or `undefined` when it is not a Total row. */
  kind(cells: readonly string[]): 'section' | 'table' | undefined {
    const label = totalLabel(cells);
    if (label !== undefined) return /^sub/i.test(label) ? 'section' : 'table';
    if (!numbersOnly(cells)) return undefined;
    if (this.section.isSum(cells)) return 'section';
    if (this.table.isSum(cells)) return 'table';
    return undefined;
  }

  /** Adds a data row (kept, not copied: the caller does not change it). */
  add(cells: readonly string[]): void {
    this.section.rows.push(cells);
    this.table.rows.push(cells);
  }

  /** After a Total row of `kind`: its rows are totalled. */
  close(kind: 'section' | 'table'): void {
    this.section = new RowSums();
    if (kind === 'table') this.table = new RowSums();
  }
}

/**
 * Rows and the sums of their columns, the sums brought up to date only when a row that could be
 * their Total asks: each row is summed once at most, whatever the number of such rows.
 */
class RowSums {
  readonly rows: (readonly string[])[] = [];
  private readonly sums: (Dec | undefined)[] = [];
  private readonly places: number[] = [];
  private summed = 0;

  /** Whether each number of `cells` is the sum of its column over the rows (see `TotalRows`). */
  isSum(cells: readonly string[]): boolean {
    if (this.rows.length < 2) return false;
    for (; this.summed < this.rows.length; this.summed += 1) {
      (this.rows[this.summed] ?? []).forEach((cell, index) => {
        const number = cellNumber(cell);
        if (number === undefined) return;
        this.sums[index] = (this.sums[index] ?? new Dec(0)).plus(number);
        this.places[index] = Math.max(this.places[index] ?? 0, decimals(cell));
      });
    }
    for (let index = 0; index < cells.length; index += 1) {
      const text = (cells[index] ?? '').trim();
      if (text === '') continue;
      const value = cellNumber(text) ?? new Dec(0);
      const total = this.sums[index];
      if (total === undefined) return false;
      const places = Math.max(this.places[index] ?? 0, decimals(text));
      const shown = new Dec(5).times(new Dec(10).pow(-places - 1)).times(this.rows.length + 1);
      if (
        value
          .minus(total)
          .abs()
          .gt(Dec.max(shown, total.abs().times('1e-9')))
      )
        return false;
    }
    return true;
  }
}

/** Whether every filled cell of a row reads as a number (and one does). */
function numbersOnly(cells: readonly string[]): boolean {
  let numbers = 0;
  for (const cell of cells) {
    const text = cell.trim();
    if (text === '') continue;
    if (cellNumber(text) === undefined) return false;
    numbers += 1;
  }
  return numbers > 0;
}

/** The digits shown after the decimal point of a number as written: `£1,234.50` → 2. */
function decimals(text: string): number {
  const match = /\.(\d+)/.exec(text);
  return match?.[1]?.length ?? 0;
}

/** How many rows a note names before it counts the rest. */
const NAMED_ROWS = 20;

/** The note for the Total rows a table's reader left out, naming their lines (or rows). */
export function totalRowsNote(file: string, lines: readonly number[], word = 'line'): CsvNote {
  const named = lines.slice(0, NAMED_ROWS).join(', ');
  const more = lines.length > NAMED_ROWS ? ` and ${lines.length - NAMED_ROWS} more` : '';
  const n = lines.length;
  return {
    code: 'total_rows',
    message: `${n} Total row${n === 1 ? '' : 's'} left out, on ${word}${n === 1 ? '' : 's'} ${named}${more}: a Total, Subtotal or Sum row is not data, and read as data it would count its rows twice`,
    file,
    ...(n === 1 ? { line: lines[0] ?? 0 } : {}),
  };
}
