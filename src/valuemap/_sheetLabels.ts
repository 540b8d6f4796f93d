/**
 * The labelled rows around a Value Map's table: the title rows above it (a label, the value
 * beside it: "Organisation | Friends of Oakfield", or "Discount rate: 3.5%" in one cell) and the
 * results rows below it, where the sheet computes its own figures ("Present value of each year",
 * "Total Present Value (PV)", "Social Return …"). Labels are matched as headers are, against
 * `valueMapLayout.ts`.
 */
import { normaliseHeader } from '../csv/normaliseHeader.js';
import { isNumberLike } from '../csv/_totalRows.js';
import { valueMapResultRows, valueMapTitleRows } from '../workbook/valueMapLayout.js';
import type { GridRow } from './ValueMapGrid.js';
import type { ValueMapResultKey, ValueMapTitleKey } from '../workbook/valueMapLayout.js';

/** A setting given in a title row: the value as written, and where. */
export interface TitleSetting {
  readonly key: ValueMapTitleKey;
  readonly label: string;
  readonly value: string;
  /** The row's number and the 0-based position of the value's cell. */
  readonly row: number;
  readonly position: number;
}

const TITLE_LABELS = labelIndex(valueMapTitleRows);
const RESULT_LABELS = labelIndex(valueMapResultRows.filter((r) => r.key !== 'total'));

function labelIndex<K extends string>(
  rows: readonly {
    readonly key: K;
    readonly label: string;
    readonly alsoLabelled: readonly string[];
  }[],
): Map<string, K> {
  const index = new Map<string, K>();
  for (const row of rows) {
    for (const label of [row.label, ...row.alsoLabelled])
      index.set(normaliseHeader(label), row.key);
  }
  return index;
}

/** The key a label names, exactly or without a closing parenthesis. */
function labelKey<K>(index: ReadonlyMap<string, K>, text: string): K | undefined {
  return (
    index.get(normaliseHeader(text)) ??
    index.get(normaliseHeader(text.replace(/\([^)]*\)\s*$/, '')))
  );
}

/**
 * Reads one title row: a known label and the first filled cell after it, or `Label: value` in
 * one cell; `undefined` when the row names no setting (or gives it no value).
 */
export function titleSetting(row: GridRow): TitleSetting | undefined {
  const cells = row.cells;
  for (let position = 0; position < cells.length; position += 1) {
    const text = (cells[position] ?? '').trim();
    if (text === '') continue;
    const key = labelKey(TITLE_LABELS, text);
    if (key !== undefined) {
      for (let next = position + 1; next < cells.length; next += 1) {
        const value = (cells[next] ?? '').trim();
        if (value !== '') return { key, label: text, value, row: row.row, position: next };
      }
      return undefined;
    }
    const colon = text.indexOf(':');
    if (colon > 0) {
      const inline = labelKey(TITLE_LABELS, text.slice(0, colon));
      const value = text.slice(colon + 1).trim();
      if (inline !== undefined && value !== '') {
        return { key: inline, label: text.slice(0, colon).trim(), value, row: row.row, position };
      }
    }
    return undefined; // only the row's first filled cell can be a label
  }
  return undefined;
}

/** A row of the results block: what it holds, where its label is, and its cells. */
export interface ResultRow {
  readonly key: ValueMapResultKey;
  readonly row: GridRow;
  /** The 0-based position of its label. */
  readonly position: number;
}

/**
 * The results row a row is: its one text cell is a results label, every other filled cell a
 * number (an outcome row, with its texts, is never one); `undefined` if none.
 */
export function resultRow(row: GridRow): ResultRow | undefined {
  const cells = row.cells;
  let found: ResultRow | undefined;
  for (let position = 0; position < cells.length; position += 1) {
    const text = (cells[position] ?? '').trim();
    if (text === '' || isNumberLike(text)) continue;
    const key = found === undefined ? labelKey(RESULT_LABELS, text) : undefined;
    if (key === undefined) return undefined;
    found = { key, row, position };
  }
  return found;
}

/**
 * The first cell right of a results row's label that holds a number (or a formula with no
 * saved result, `uncached`): its position, or -1.
 */
export function figureAfterLabel(
  result: ResultRow,
  uncached: (position: number) => boolean = () => false,
): number {
  const cells = result.row.cells;
  for (let position = result.position + 1; position < cells.length; position += 1) {
    const text = (cells[position] ?? '').trim();
    if ((text !== '' && isNumberLike(text)) || (text === '' && uncached(position))) return position;
  }
  return -1;
}
