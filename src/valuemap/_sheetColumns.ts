/**
 * What each column of a Value Map sheet holds, from its header and the user's column mapping: an
 * outcome's field, an input's, a figure the sheet computes (compared, never read as data), a
 * stakeholder group's size — and the header's problems (a column given twice, a required
 * column missing) and the columns not read, each said at its cell.
 */
import { mappingKey, resolveColumn, unresolvedMessage } from '../csv/columnMapping.js';
import { inputColumns, outcomeColumns } from '../csv/csvColumns.js';
import { findColumn } from '../csv/matchColumns.js';
import { shown } from '../schema/_shown.js';
import { columnLetters } from '../workbook/cellAddress.js';
import { valueMapColumns } from '../workbook/valueMapLayout.js';
import { gridName, gridPlace } from './ValueMapGrid.js';
import { keyOfField, placedName, tableColumn } from './_valueMapHeader.js';
import type { ValueMapGrid } from './ValueMapGrid.js';
import type { PlacedColumn, ValueMapHeader } from './_valueMapHeader.js';
import type { ColumnMappingInput } from '../csv/columnMapping.js';
import type { CsvColumn } from '../csv/csvColumns.js';
import type { CsvNote } from '../csv/CsvNote.js';
import type { ColumnMatch } from '../csv/matchColumns.js';
import type { CellAt, CellPlace } from '../csv/_tableRows.js';
import type { ReportIssue } from '../schema/_readerRuntime.js';

/** The columns a sheet computes: compared with sroi's figures, never read as data. */
export const COMPUTED = new Set(valueMapColumns.filter((c) => c.computed).map((c) => c.key));
/** Columns of a template version that the model has no field for. */
const NOT_READ: Partial<Record<string, string>> = {
  intendedChanges:
    'the intended and unintended changes are words for stage 1, not an outcome (the outcome is read from "The Outcomes (what changes)")',
  quantityPerPerson:
    'sroi values the number of people who experience the change (Quantity); the change per person is not read',
  deflatorRatio: 'sroi rebases each proxy itself, from its price year and the analysis price base',
};

/** The columns of a Value Map sheet, by position (0-based). */
export interface SheetColumns {
  readonly place: CellPlace;
  /** The sheet's name as a reference (`'Value Map'`), or the CSV file. */
  readonly placeName: string;
  readonly headerRow: number;
  /** Each position's header as messages name it (a column with no title by its letter). */
  readonly labels: readonly string[];
  readonly width: number;
  readonly outcomeAt: readonly (CsvColumn | undefined)[];
  readonly inputAt: readonly (CsvColumn | undefined)[];
  readonly computedAt: readonly (PlacedColumn | undefined)[];
  readonly sizeAt: number | undefined;
  readonly outcomeMatch: ColumnMatch;
  /** Absent when the sheet has no inputs columns. */
  readonly inputMatch?: ColumnMatch;
  /** Where a cell is, with its column's header. */
  readonly at: (row: number, position: number) => CellAt & { readonly column: string };
}

/** The columns of a sheet with the header found. */
export function sheetColumns(
  grid: ValueMapGrid,
  header: ValueMapHeader,
  mapping: ColumnMappingInput,
  report: ReportIssue,
  notes: CsvNote[],
): SheetColumns {
  const place = gridPlace(grid);
  const rows = grid.rows;
  const headerRow = rows[header.index]?.row ?? 0;
  const placeName = gridName(grid);
  const labels = header.labels.map((label, p) =>
    label === '' ? `column ${columnLetters(p + 1)}` : label,
  );
  const at = (row: number, position: number) => ({
    ...place.cell(row, position),
    column: labels[position] ?? `column ${columnLetters(position + 1)}`,
  });

  // What each position holds: an outcome's field, an input's, a computed figure, a group size.
  const width = labels.length;
  const outcomeAt: (CsvColumn | undefined)[] = new Array<CsvColumn | undefined>(width).fill(
    undefined,
  );
  const inputAt: (CsvColumn | undefined)[] = new Array<CsvColumn | undefined>(width).fill(
    undefined,
  );
  const computedAt: (PlacedColumn | undefined)[] = new Array<PlacedColumn | undefined>(width).fill(
    undefined,
  );
  let sizeAt: number | undefined;
  header.columns.forEach((placed, p) => {
    if (placed === undefined) return;
    outcomeAt[p] = tableColumn(placed.key, 'outcomes');
    inputAt[p] = tableColumn(placed.key, 'inputs');
    if (COMPUTED.has(placed.key)) computedAt[p] = placed;
    if (placed.key === 'stakeholderSize') sizeAt = p;
  });
  const hasOutcomeColumn = outcomeAt.some((c) => c?.name === 'outcome');
  const intended = header.columns.findIndex((c) => c?.key === 'intendedChanges');
  if (!hasOutcomeColumn && intended !== -1) {
    outcomeAt[intended] = outcomeColumns.find((c) => c.name === 'outcome');
    notes.push({
      code: 'ignored_column',
      message: `column ${shown(labels[intended] ?? '')} is read as the outcome: the sheet has no "The Outcomes (what changes)" column`,
      ...at(headerRow, intended),
    });
  }
  // a problem of the mapping is located at its key (in an analysis file), not in the sheet
  applyMapping(mapping, labels, outcomeAt, inputAt, computedAt, report);

  // The header's own problems, and the columns not read.
  for (const { position, first } of header.repeated) {
    const placed = header.columns[first];
    report({
      code: 'csv_header',
      message: `columns ${shown(labels[first] ?? '')} (${columnLetters(first + 1)}) and ${shown(labels[position] ?? '')} (${columnLetters(position + 1)}) both give ${placed === undefined ? 'one column' : placedName(placed)}; keep one, or rename the other (or map the one to read with --map)`,
      path: [],
      ...at(headerRow, position),
      received: labels[position] ?? '',
    });
  }
  labels.forEach((label, p) => {
    if (
      header.labels[p] === '' ||
      outcomeAt[p] !== undefined ||
      inputAt[p] !== undefined ||
      computedAt[p] !== undefined ||
      p === sizeAt
    )
      return;
    if (header.repeated.some((r) => r.position === p)) return;
    const key = header.columns[p]?.key;
    const why = key === undefined ? undefined : NOT_READ[key];
    notes.push({
      code: 'ignored_column',
      message: `column ${shown(label)} (${columnLetters(p + 1)}) is ignored: ${why ?? 'it is not a column sroi reads'}`,
      ...at(headerRow, p),
    });
  });

  const missing = (
    columns: readonly (CsvColumn | undefined)[],
    all: readonly CsvColumn[],
    which: string,
  ) =>
    all
      .filter(
        (c) =>
          c.required &&
          !columns.includes(c) &&
          !(c.alternative !== undefined && columns.some((d) => d?.name === c.alternative)),
      )
      .map((c) => {
        const key = keyOfField(c, which === 'outcomes' ? 'outcomes' : 'inputs');
        const layout = valueMapColumns.find((l) => l.key === key);
        report({
          code: 'csv_header',
          message: `the sheet has no ${which === 'inputs' ? 'inputs ' : ''}${c.name} column: give one the title ${shown(layout?.title ?? c.name)}${
            layout === undefined || layout.alsoTitled.length === 0
              ? ''
              : ` (or ${layout.alsoTitled
                  .slice(0, 3)
                  .map((t) => shown(t))
                  .join(', ')})`
          }, or map yours (--map "${which}:${c.name}=C")`,
          path: [],
          ...place.cell(headerRow, undefined),
          column: c.name,
        });
        return c;
      });
  const hasInputs = inputAt.some((c) => c !== undefined && c.name !== 'stakeholder');
  const outcomeMatch: ColumnMatch = {
    columns: outcomeAt,
    missing: missing(outcomeAt, outcomeColumns, 'outcomes'),
    issues: [],
    notes: [],
    unresolved: [],
  };
  const inputMatch: ColumnMatch | undefined = hasInputs
    ? {
        columns: inputAt,
        missing: missing(inputAt, inputColumns, 'inputs'),
        issues: [],
        notes: [],
        unresolved: [],
      }
    : undefined;
  return {
    place,
    placeName,
    headerRow,
    labels,
    width,
    outcomeAt,
    inputAt,
    computedAt,
    sizeAt,
    outcomeMatch,
    ...(inputMatch === undefined ? {} : { inputMatch }),
    at,
  };
}

/** A user's mapping over the places the header gave. */
function applyMapping(
  mapping: ColumnMappingInput,
  labels: readonly string[],
  outcomeAt: (CsvColumn | undefined)[],
  inputAt: (CsvColumn | undefined)[],
  computedAt: (PlacedColumn | undefined)[],
  report: ReportIssue,
): void {
  for (const [key, value] of Object.entries(mapping)) {
    const read = mappingKey(key);
    if (read === undefined || (typeof value !== 'string' && typeof value !== 'number')) continue;
    const tables: ['outcomes' | 'inputs', (CsvColumn | undefined)[], readonly CsvColumn[]][] = [
      ['outcomes', outcomeAt, outcomeColumns],
      ['inputs', inputAt, inputColumns],
    ];
    const targets = tables.filter(
      ([which, , all]) =>
        (read.table === undefined || read.table === which) &&
        findColumn(all, read.field) !== undefined,
    );
    if (targets.length === 0) continue;
    const resolved = resolveColumn(value, labels);
    if ('problem' in resolved) {
      report({
        code: 'csv_header',
        message: unresolvedMessage(key, value, 'the sheet', resolved),
        path: ['columns', key],
        received: value,
      });
      continue;
    }
    for (const [, columns, all] of targets) {
      const column = findColumn(all, read.field);
      columns.forEach((c, p) => {
        if (c === column) columns[p] = undefined;
      });
      columns[resolved.position] = column;
    }
    computedAt[resolved.position] = undefined;
  }
}
