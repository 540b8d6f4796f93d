/**
 * The figures of a Value Map sheet found the way a reader finds them: by the titles of the
 * layout (`valueMapLayout.ts`), never by fixed addresses, so the same code reads a sheet sroi
 * wrote and the same sheet after LibreOffice recalculated and saved it.
 */
import { valueMapColumns, valueMapResultRows } from '../../src/workbook/valueMapLayout.js';
import type { ValueMapColumnKey, ValueMapResultKey } from '../../src/workbook/valueMapLayout.js';
import type { WorkbookCell, WorkbookSheet } from '../../src/workbook/Workbook.js';

export interface ValueMapFigures {
  /** The header row's titles by column number. */
  readonly titles: ReadonlyMap<number, string>;
  /** The question under each title, by column number. */
  readonly questions: ReadonlyMap<number, string>;
  /** A cell of an outcome row (found by its Outcome id), by the column's key or `Year n`. */
  outcome(id: string, column: ValueMapColumnKey | `Year ${number}`): WorkbookCell | undefined;
  /** A cell of the Total row. */
  total(column: ValueMapColumnKey | `Year ${number}`): WorkbookCell | undefined;
  /** A figure of the results block: per year for the discount rows, else the single figure. */
  result(key: ValueMapResultKey, year?: number): WorkbookCell | undefined;
  /** The first row of a title row label (Name of analysis, Discount rate, …), its value cell. */
  title(label: string): WorkbookCell | undefined;
  /** The number of year columns. */
  readonly years: number;
}

export function valueMapFigures(sheet: WorkbookSheet): ValueMapFigures {
  const cells = new Map<string, WorkbookCell>();
  const byRow = new Map<number, WorkbookCell[]>();
  for (const row of sheet.rows) {
    byRow.set(row.row, [...row.cells]);
    for (const cell of row.cells) cells.set(`${cell.row},${cell.column}`, cell);
  }
  const at = (row: number, column: number) => cells.get(`${row},${column}`);
  const stakeholders = valueMapColumns.find((c) => c.key === 'stakeholder')?.title;
  const titleRow = sheet.rows.find(
    (r) => r.cells[0]?.column === 1 && r.cells[0].value === stakeholders,
  )?.row;
  if (titleRow === undefined) throw new Error('no title row');
  const titles = new Map((byRow.get(titleRow) ?? []).map((c) => [c.column, c.value]));
  const questions = new Map((byRow.get(titleRow + 1) ?? []).map((c) => [c.column, c.value]));
  // Each column's key, by a scan in the layout's order, so that a title the layout uses twice
  // ("Source" after the indicator, "Source" after the proxy) is told apart by its place.
  const keyed = new Map<string, number>();
  let next = 0;
  for (const [c, text] of [...titles].sort(([a], [b]) => a - b)) {
    const year = /^Year \d+$/.test(text);
    const i = valueMapColumns.findIndex(
      (col, k) =>
        k >= next &&
        (year ? col.key === 'year' : col.title === text || col.alsoTitled.includes(text)),
    );
    if (i === -1) throw new Error(`the title "${text}" is not in the layout, or out of its order`);
    keyed.set(year ? text : (valueMapColumns[i]?.key ?? ''), c);
    next = year ? i : i + 1;
  }
  const columnOf = (column: ValueMapColumnKey | `Year ${number}`): number | undefined =>
    keyed.get(column);
  const idColumn = columnOf('id');
  const rowOfId = (id: string) =>
    sheet.rows.find(
      (r) => r.row > titleRow + 1 && r.cells.some((c) => c.column === idColumn && c.value === id),
    )?.row;
  const label = (key: ValueMapResultKey) => valueMapResultRows.find((r) => r.key === key)?.label;
  const rowOfLabel = (text: string | undefined, column?: number) =>
    sheet.rows.find(
      (r) =>
        r.row > titleRow &&
        r.cells.some((c) => c.value === text && (column === undefined || c.column === column)),
    )?.row;
  const year1 = columnOf('Year 1') ?? 0;
  let years = 0;
  while (columnOf(`Year ${years + 1}`) !== undefined) years++;
  return {
    titles,
    questions,
    years,
    outcome(id, column) {
      const row = rowOfId(id);
      const c = columnOf(column);
      return row === undefined || c === undefined ? undefined : at(row, c);
    },
    total(column) {
      const row = rowOfLabel(label('total'), 1);
      const c = columnOf(column);
      return row === undefined || c === undefined ? undefined : at(row, c);
    },
    result(key, year) {
      const row = rowOfLabel(label(key), year1 - 1);
      return row === undefined ? undefined : at(row, year1 + (year ?? 1) - 1);
    },
    title(text) {
      const row = sheet.rows.find((r) => r.row < titleRow && r.cells[0]?.value === text);
      return row?.cells.find((c) => c.column === 2);
    },
  };
}
