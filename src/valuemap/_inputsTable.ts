/**
 * An inputs table of its own — an "Inputs" sheet of the workbook, or an inputs file given beside a
 * Value Map — read as `inputs.csv` is (its header found, matched to the inputs' columns and the
 * template's inputs titles), Total rows left out.
 */
import { gridName, gridPlace } from './ValueMapGrid.js';
import { inputsScore } from './_chooseSheet.js';
import { resolveColumn, unresolvedMessage } from '../csv/columnMapping.js';
import { inputColumns } from '../csv/csvColumns.js';
import { matchColumns } from '../csv/matchColumns.js';
import { tableRows } from '../csv/_tableRows.js';
import { TotalRows, totalRowsNote } from '../csv/_totalRows.js';
import { analysisReaders } from '../schema/_analysisReaders.js';
import { columnLetters } from '../workbook/cellAddress.js';
import type { ValueMapGrid } from './ValueMapGrid.js';
import type { Layout, TableRead } from './_sheetTable.js';
import type { ColumnMappingInput } from '../csv/columnMapping.js';
import type { CsvNote } from '../csv/CsvNote.js';
import type { ReportIssue } from '../schema/_readerRuntime.js';

/** An inputs table read, with its layout. */
export interface InputsRead extends TableRead {
  readonly layout: Layout;
}

/** An inputs sheet or file: its header, then its rows (Total rows left out). */
export function readInputsGrid(
  grid: ValueMapGrid,
  mapping: ColumnMappingInput,
  report: ReportIssue,
  notes: CsvNote[],
): InputsRead | undefined {
  const place = gridPlace(grid);
  let headerIndex = -1;
  let best = 0;
  grid.rows.slice(0, 30).forEach((row, i) => {
    const score = inputsScore(row.cells);
    if (score > best) {
      best = score;
      headerIndex = i;
    }
  });
  const headerGridRow = grid.rows[headerIndex];
  if (headerGridRow === undefined || best < 2) {
    report({
      code: 'csv_header',
      message:
        'no inputs header found (expected titles such as "Inputs" and "Value £", or description and value)',
      path: [],
      ...place.cell(grid.rows[0]?.row ?? 1, undefined),
    });
    return undefined;
  }
  const headers = headerGridRow.cells;
  const headerPlace = place.cell(headerGridRow.row, undefined);
  const table = {
    file: headerPlace.file ?? grid.name,
    delimiter: grid.delimiter ?? ',',
    headers,
    headerLine: headerGridRow.row,
    titleRows: 0,
    commentRows: 0,
    commentLines: [],
    blankRows: 0,
    rows: [],
  } as const;
  const match = matchColumns(table, inputColumns, mapping, { table: 'inputs' });
  // a problem of the mapping is the mapping's (its key), the others are the header row's
  for (const issue of match.issues) {
    report(issue.path[0] === 'columns' ? issue : { ...issue, ...headerPlace });
  }
  for (const note of match.notes) notes.push({ ...note, ...headerPlace });
  for (const key of match.unresolved) {
    const value = mapping[key];
    if (value === undefined) continue;
    const resolved = resolveColumn(value, headers);
    if ('problem' in resolved)
      report({
        code: 'csv_header',
        message: unresolvedMessage(key, value, grid.name, resolved),
        path: ['columns', key],
        received: value,
      });
  }
  const width = headers.length;
  const labels = headers.map((h, p) =>
    h.trim() === '' && match.columns[p] !== undefined ? `column ${columnLetters(p + 1)}` : h,
  );
  const rows = tableRows({
    which: 'inputs',
    file: grid.name,
    headers: labels,
    match,
    read: analysisReaders.inputCells,
    semicolons: grid.delimiter === ';',
    ...(grid.delimiter === undefined ? {} : { delimiter: grid.delimiter }),
    report,
    place,
  });
  const totalRows = new TotalRows();
  const totals: number[] = [];
  let rowsRead = 0;
  let blankRows = 0;
  for (const row of grid.rows.slice(headerIndex + 1)) {
    const cells = [...row.cells];
    while (cells.length < width) cells.push('');
    if (cells.every((c) => c.trim() === '')) {
      blankRows += 1;
      continue;
    }
    const total = totalRows.kind(cells);
    if (total !== undefined) {
      totals.push(row.row);
      totalRows.close(total);
      continue;
    }
    totalRows.add(cells);
    rowsRead += 1;
    rows.add({ line: row.row, cells }, row.lineEnds);
  }
  const name = gridName(grid);
  if (totals.length > 0)
    notes.push({
      ...totalRowsNote(name, totals, grid.kind === 'csv' ? 'line' : 'row'),
      file: name,
    });
  return {
    rows,
    rowsRead,
    refused: 0,
    fatal: match.issues.length > 0,
    layout: {
      grid,
      headerRow: headerGridRow.row,
      titleRows: headerIndex,
      blankRows,
      totalRows: totals.length,
    },
  };
}
