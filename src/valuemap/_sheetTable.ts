/**
 * The rows of a Value Map sheet: the title rows above the header, the stage row skipped, then
 * each row of the table — an outcome, an input, or both side by side — given to the field
 * table's readers (`tableRows`), with blank or merged stakeholder cells filled down (a note per
 * run), Total rows left out (never summed; their figures compared), and the results block below
 * the table read for its figures. A row that cannot be read safely (a value under no title, a
 * formula with no saved result in a cell that is read) is an issue at its cell.
 */
import { outcomeFigures, totalFigures, resultFigures, figure } from './_figureCells.js';
import { sheetColumns } from './_sheetColumns.js';
import { resultRow, titleSetting } from './_sheetLabels.js';
import { isStageRow } from './_valueMapHeader.js';
import { tableRows } from '../csv/_tableRows.js';
import { TotalRows, totalRowsNote } from '../csv/_totalRows.js';
import { analysisReaders } from '../schema/_analysisReaders.js';
import { shown } from '../schema/_shown.js';
import { columnLetters } from '../workbook/cellAddress.js';
import type { GridRow, ValueMapGrid } from './ValueMapGrid.js';
import type { CellWithColumn } from './_figureCells.js';
import type { FigureCell } from './_sheetFigures.js';
import type { ResultRow, TitleSetting } from './_sheetLabels.js';
import type { PlacedColumn, ValueMapHeader } from './_valueMapHeader.js';
import type { ColumnMappingInput } from '../csv/columnMapping.js';
import type { CsvColumn } from '../csv/csvColumns.js';
import type { CsvNote } from '../csv/CsvNote.js';
import type { ColumnMatch } from '../csv/matchColumns.js';
import type { CellPlace, TableRows } from '../csv/_tableRows.js';
import type { Issue } from '../model/SroiError.js';
import type { ReportIssue } from '../schema/_readerRuntime.js';

/** What the reading of the Value Map sheet gives. */
export interface SheetRead {
  readonly grid: ValueMapGrid;
  readonly place: CellPlace;
  /** The sheet's name as a reference (`'Value Map'`), or the CSV file. */
  readonly placeName: string;
  readonly headerRow: number;
  readonly titleRows: number;
  readonly blankRows: number;
  readonly totalRows: number;
  readonly settings: readonly TitleSetting[];
  readonly resultRows: readonly ResultRow[];
  /** The columns the outcome rows were read by (for the assumptions not stated). */
  readonly outcomeColumns: readonly (CsvColumn | undefined)[];
  readonly outcomes: TableRead;
  readonly inputs?: TableRead;
  readonly figures: readonly FigureCell[];
  /** Each stakeholder named, in order, and the group size its rows give (a cell). */
  readonly stakeholders: readonly {
    readonly name: string;
    readonly size?: { readonly text: string; readonly row: number; readonly position: number };
  }[];
}

/** One table's rows and its own accounting. */
export interface TableRead {
  readonly rows: TableRows;
  rowsRead: number;
  /** Rows refused before they reached the table (a value under no title, a formula without a result). */
  refused: number;
  /** The header has a problem for this table (a required column missing): no row is usable. */
  readonly fatal: boolean;
  /** For an inputs table of its own: its layout. */
  readonly layout?: Layout;
}

/** What the accounting reads of a table's layout. */
export interface Layout {
  readonly grid: ValueMapGrid;
  readonly headerRow: number;
  readonly titleRows: number;
  readonly blankRows: number;
  readonly totalRows: number;
}

/** Reads the Value Map sheet whose header was found. */
export function readSheet(
  grid: ValueMapGrid,
  header: ValueMapHeader,
  mapping: ColumnMappingInput,
  report: ReportIssue,
  notes: CsvNote[],
): SheetRead {
  const columns = sheetColumns(grid, header, mapping, report, notes);
  const { place, placeName, headerRow, labels, width, outcomeAt, inputAt, computedAt, sizeAt, at } =
    columns;
  const { outcomeMatch, inputMatch } = columns;
  const rows = grid.rows;
  const semicolons = grid.delimiter === ';';
  // Every position has a label (a column with no title is named by its letter), so the rows'
  // reader never refuses a row for a blank header: `rowProblem` below says that, once a row.
  const makeRows = (which: 'outcomes' | 'inputs', match: ColumnMatch) =>
    tableRows({
      which,
      file: grid.name,
      headers: labels,
      match,
      read: which === 'outcomes' ? analysisReaders.outcomeCells : analysisReaders.inputCells,
      semicolons,
      ...(grid.delimiter === undefined ? {} : { delimiter: grid.delimiter }),
      report,
      place,
    });
  const outcomes: TableRead = {
    rows: makeRows('outcomes', outcomeMatch),
    rowsRead: 0,
    refused: 0,
    fatal: outcomeMatch.missing.length > 0 || header.repeated.length > 0,
  };
  const inputs: TableRead | undefined =
    inputMatch === undefined
      ? undefined
      : {
          rows: makeRows('inputs', inputMatch),
          rowsRead: 0,
          refused: 0,
          fatal: inputMatch.missing.length > 0 || header.repeated.length > 0,
        };

  // Above the header: title rows (settings) and the stage row.
  const settings: TitleSetting[] = [];
  const unread: number[] = [];
  let titleRows = 0;
  for (const row of rows.slice(0, header.index)) {
    titleRows += 1;
    if (isStageRow(row.cells)) continue;
    const setting = titleSetting(row);
    if (setting !== undefined) settings.push(setting);
    else if (!isSheetTitle(row)) unread.push(row.row);
  }
  const first = (header.questionIndex ?? header.index) + 1;

  // The table, to the first row of the results block.
  const figures: FigureCell[] = [];
  const resultRows: ResultRow[] = [];
  const stakeholderPositions = [
    ...new Set(
      [outcomeAt, inputAt]
        .map((a) => a.findIndex((c) => c?.name === 'stakeholder'))
        .filter((p) => p !== -1),
    ),
  ];
  const stakeholders = new Map<
    string,
    { name: string; size?: { text: string; row: number; position: number } }
  >();
  const runs: { from: number; name: string; rows: number[]; merged: boolean; position: number }[] =
    [];
  let current: { name: string; row: number; run?: (typeof runs)[number] } | undefined;
  const totalRows = new TotalRows();
  // The data rows since the last Total row of any kind (a section), and since the last Total.
  let section = { outcomes: [] as number[], inputs: [] as number[] };
  let table = { outcomes: [] as number[], inputs: [] as number[] };
  const totals: number[] = [];
  let blankRows = 0;
  let inResults = false;
  const dataPositions = (columns: readonly (CsvColumn | undefined)[]) =>
    columns.flatMap((c, p) => (c === undefined || c.name === 'stakeholder' ? [] : [p]));
  const outcomeData = dataPositions(outcomeAt);
  const inputData = dataPositions(inputAt);
  const filled = (cells: readonly string[], p: number) => (cells[p] ?? '').trim() !== '';
  for (const row of rows.slice(first)) {
    const result = resultRow(row);
    if (result !== undefined) {
      inResults = true;
      resultRows.push(result);
      continue;
    }
    if (inResults) {
      if (row.cells.some((c) => c.trim() !== '')) unread.push(row.row);
      continue;
    }
    const cells = [...row.cells];
    while (cells.length < width) cells.push('');
    if (cells.every((c) => c.trim() === '')) {
      blankRows += 1;
      continue;
    }
    const total = totalRows.kind(cells);
    if (total !== undefined) {
      totals.push(row.row);
      totalFigures(
        cells,
        row.row,
        total === 'table' ? table : section,
        computedAt,
        inputAt,
        at,
        figures,
      );
      totalRows.close(total);
      section = { outcomes: [], inputs: [] };
      if (total === 'table') table = { outcomes: [], inputs: [] };
      current = undefined;
      continue;
    }
    const hasOutcome = outcomeData.some((p) => filled(cells, p));
    const hasInput = inputData.some((p) => filled(cells, p));
    const named = stakeholderPositions.some((p) => filled(cells, p));
    if (!hasOutcome && !hasInput && !named) {
      // a blank row of a template (its computed cells only), or cells under no field
      const other = cells.some((c, p) => c.trim() !== '' && computedAt[p] === undefined);
      if (other) unread.push(row.row);
      else blankRows += 1;
      continue;
    }
    // A blank (or merged) stakeholder cell of a row with an outcome or an input takes the
    // stakeholder above it; a row that names a stakeholder and nothing else heads its rows.
    for (const p of stakeholderPositions) {
      const own = (cells[p] ?? '').trim();
      if (own !== '') {
        current = { name: own, row: row.row };
        continue;
      }
      if (current === undefined || (!hasOutcome && !hasInput)) continue;
      cells[p] = current.name;
      if (current.run === undefined) {
        current.run = {
          from: current.row,
          name: current.name,
          rows: [],
          merged: isMerged(grid, current.row, row.row, p),
          position: p,
        };
        runs.push(current.run);
      }
      const rowsOfRun = current.run.rows;
      if (rowsOfRun[rowsOfRun.length - 1] !== row.row) rowsOfRun.push(row.row);
    }
    const name =
      stakeholderPositions.length === 0
        ? undefined
        : (cells[stakeholderPositions[0] ?? 0] ?? '').trim();
    if (name !== undefined && name !== '') {
      const known = stakeholders.get(name) ?? { name };
      if (known.size === undefined && sizeAt !== undefined && filled(row.cells, sizeAt)) {
        known.size = { text: (row.cells[sizeAt] ?? '').trim(), row: row.row, position: sizeAt };
      }
      stakeholders.set(name, known);
    }
    if (!hasOutcome && !hasInput) {
      // the stakeholder's own row: nothing to value, and anything else on it is not read
      const other = cells.some(
        (c, p) =>
          c.trim() !== '' &&
          !stakeholderPositions.includes(p) &&
          p !== sizeAt &&
          computedAt[p] === undefined,
      );
      if (other) unread.push(row.row);
      continue;
    }
    // What the row cannot be read with: a value under no title, a formula without a result.
    const problem = rowProblem(
      cells,
      row,
      header,
      width,
      outcomeAt,
      inputAt,
      computedAt,
      sizeAt,
      grid,
      at,
    );
    if (hasOutcome) outcomes.rowsRead += 1;
    if (hasInput && inputs !== undefined) inputs.rowsRead += 1;
    if (problem !== undefined) {
      report(problem);
      if (hasOutcome) outcomes.refused += 1;
      if (hasInput && inputs !== undefined) inputs.refused += 1;
      continue;
    }
    totalRows.add(cells);
    const csvRow = { line: row.row, cells: cells.slice(0, width) };
    if (hasOutcome) {
      const index = outcomes.rows.records.length;
      outcomes.rows.add(csvRow, row.lineEnds);
      section.outcomes.push(index);
      table.outcomes.push(index);
      outcomeFigures(cells, row.row, index, computedAt, at, figures);
    }
    if (hasInput && inputs !== undefined) {
      const index = inputs.rows.records.length;
      inputs.rows.add(csvRow, row.lineEnds);
      section.inputs.push(index);
      table.inputs.push(index);
      const p = computedAt.findIndex((c) => c?.key === 'inputPresentValue');
      if (p !== -1) {
        figures.push(
          figure(
            'present values of inputs',
            'present value of the input',
            cells,
            p,
            row.row,
            at,
            'discount',
            (r) => r.inputs[index]?.presentValue,
          ),
        );
      }
    }
  }
  const uncachedAt = (row: number, position: number) =>
    grid.uncached.has(`${columnLetters(position + 1)}${row}`);
  resultFigures(resultRows, computedAt, at, figures, uncachedAt);
  // A computed cell whose formula has no saved result holds nothing to compare.
  const compared =
    grid.uncached.size === 0
      ? figures
      : figures.map((cell) => {
          const address = /!\$?([A-Z]+)\$?(\d+)$/.exec(cell.place.file);
          return address !== null && grid.uncached.has(`${address[1]}${address[2]}`)
            ? { ...cell, uncached: true }
            : cell;
        });

  // Notes: the runs filled down, the Total rows, the rows not read.
  for (const run of runs) {
    const word = grid.kind === 'csv' ? 'line' : 'row';
    const cell = at(run.from, run.position);
    notes.push({
      code: 'filled_down',
      message: `stakeholder ${shown(run.name)} filled down to ${word}${run.rows.length === 1 ? '' : 's'} ${ranges(run.rows)}, whose stakeholder cell${run.rows.length === 1 ? ' is' : 's are'} ${run.merged ? 'merged with it' : 'blank'}`,
      ...cell,
    });
  }
  if (totals.length > 0) {
    const note = totalRowsNote(placeName, totals, grid.kind === 'csv' ? 'line' : 'row');
    const one = totals.length === 1 ? place.cell(totals[0] ?? 0, 0) : { file: placeName };
    notes.push({ code: note.code, message: note.message, ...one });
  }
  if (unread.length > 0) {
    notes.push({
      code: 'rows_not_read',
      message: `${unread.length} row${unread.length === 1 ? '' : 's'} not read (${grid.kind === 'csv' ? 'line' : 'row'}${unread.length === 1 ? '' : 's'} ${ranges(unread)}): neither a setting above the table, nor an outcome or an input, nor a Total or results row`,
      file: placeName,
    });
  }
  return {
    grid,
    place,
    placeName,
    headerRow,
    titleRows,
    blankRows,
    totalRows: totals.length,
    settings,
    resultRows,
    outcomeColumns: outcomeAt,
    outcomes,
    ...(inputs === undefined ? {} : { inputs }),
    figures: compared,
    stakeholders: [...stakeholders.values()],
  };
}

/** The first row of the sheet, holding its title alone ("Social Return on Investment – Value Map"). */
function isSheetTitle(row: GridRow): boolean {
  const filled = row.cells.filter((c) => c.trim() !== '');
  return filled.length === 1 && /value map|impact map|social return/i.test(filled[0] ?? '');
}

/** Whether the stakeholder cell of `row` is merged with the one on `from`. */
function isMerged(grid: ValueMapGrid, from: number, row: number, position: number): boolean {
  return grid.merges.some(
    (m) =>
      m.firstRow === from &&
      m.lastRow >= row &&
      m.firstColumn <= position + 1 &&
      m.lastColumn >= position + 1,
  );
}

/** A row that cannot be read: a value under no title, or a formula without a saved result. */
function rowProblem(
  cells: readonly string[],
  row: GridRow,
  header: ValueMapHeader,
  width: number,
  outcomeAt: readonly (CsvColumn | undefined)[],
  inputAt: readonly (CsvColumn | undefined)[],
  computedAt: readonly (PlacedColumn | undefined)[],
  sizeAt: number | undefined,
  grid: ValueMapGrid,
  at: CellWithColumn,
): Issue | undefined {
  for (let p = 0; p < cells.length; p += 1) {
    const text = (cells[p] ?? '').trim();
    const read = outcomeAt[p] !== undefined || inputAt[p] !== undefined || p === sizeAt;
    if (read && grid.uncached.size > 0) {
      const address = `${columnLetters(p + 1)}${row.row}`;
      const uncached = grid.uncached.get(address);
      if (uncached !== undefined) {
        return {
          code: 'spreadsheet_error',
          message: `${uncached.message}; the row is not read`,
          path: [],
          ...at(row.row, p),
        };
      }
    }
    if (text === '' || read || computedAt[p] !== undefined) continue;
    if (p >= width) {
      return {
        code: 'csv_row',
        message: `the row has a value beyond the last titled column (${shown(text)}): give its column a title, or move the value; the row is not read`,
        path: [],
        ...at(row.row, p),
        received: text,
      };
    }
    if ((header.labels[p] ?? '') === '') {
      return {
        code: 'csv_row',
        message: `column ${columnLetters(p + 1)} has no title but this row has a value there (${shown(text)}); give the column a title, or map it (--map "field=${columnLetters(p + 1)}"); the row is not read`,
        path: [],
        ...at(row.row, p),
        received: text,
      };
    }
  }
  return undefined;
}

/** A computed cell to compare. */

function ranges(numbers: readonly number[]): string {
  const parts: string[] = [];
  let start = numbers[0];
  let end = start;
  for (const n of [...numbers.slice(1), undefined]) {
    if (n !== undefined && end !== undefined && n === end + 1) {
      end = n;
      continue;
    }
    if (start !== undefined) parts.push(start === end ? String(start) : `${start}–${end}`);
    start = n;
    end = n;
  }
  return parts.length > 20
    ? `${parts.slice(0, 20).join(', ')} and ${parts.length - 20} more`
    : parts.join(', ');
}
