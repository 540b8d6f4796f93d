/**
 * Asking a table of the editor to draw one of its rows. A table draws only the rows near the
 * screen (`RowsTable.ts`), so a row far from it must be drawn before the keyboard can go there:
 * a problem's "Go to cell", a finding's link to its outcome, a row just added or moved.
 */
import type { TableName } from './AnalysisDocument.js';

const tables = new Map<TableName, (row: number) => void>();

/** Lets a table be asked to draw a row; returns the function that stops it. */
export function onRevealRow(table: TableName, reveal: (row: number) => void): () => void {
  tables.set(table, reveal);
  return () => {
    if (tables.get(table) === reveal) tables.delete(table);
  };
}

/** Asks `table` to draw `row` at its next render (nothing happens if no such table is shown). */
export function revealRow(table: TableName, row: number): void {
  tables.get(table)?.(row);
}
