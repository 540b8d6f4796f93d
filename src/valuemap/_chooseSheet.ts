/**
 * Which sheet of a workbook holds the Value Map, and which holds its inputs: every sheet is
 * considered, by the header it has (the best Value Map header wins), and a note says which was
 * read and why the others were not. A whole sheet exported as CSV is its one sheet.
 */
import { csvGrid, sheetGrid } from './ValueMapGrid.js';
import { cellReference } from '../workbook/cellAddress.js';
import { findHeader, tableColumn, titleScore } from './_valueMapHeader.js';
import { inputColumns } from '../csv/csvColumns.js';
import { normaliseHeader } from '../csv/normaliseHeader.js';
import { headerScorer } from '../csv/readCsvTable.js';
import { alternatives } from '../model/_alternatives.js';
import { shown } from '../schema/_shown.js';
import { valueMapColumns } from '../workbook/valueMapLayout.js';
import type { GridRow, ValueMapGrid } from './ValueMapGrid.js';
import type { ValueMapHeader } from './_valueMapHeader.js';
import type { CsvNote } from '../csv/CsvNote.js';
import type { CsvSource } from '../csv/readCsvAnalysis.js';
import type { Issue } from '../model/SroiError.js';
import type { Workbook, WorkbookIssue } from '../workbook/Workbook.js';

/** The sheets found to read. */
export interface Found {
  readonly name: string;
  readonly main?: { readonly grid: ValueMapGrid; readonly header: ValueMapHeader };
  readonly inputs?: { readonly grid: ValueMapGrid };
  readonly issues: readonly Issue[];
}

/** A row's score as a header of the Value Map (titles or questions). */
export function rowScore(cells: readonly string[]): number {
  return titleScore(cells);
}

/** The known headers of an inputs table: its CSV names and the template's inputs titles. */
const INPUT_HEADERS = (() => {
  const known = new Map<string, string>();
  for (const column of inputColumns) {
    for (const name of [column.name, ...column.aliases])
      known.set(normaliseHeader(name), column.name);
  }
  for (const column of valueMapColumns) {
    const input = tableColumn(column.key, 'inputs');
    if (input === undefined) continue;
    for (const title of [column.title, ...column.alsoTitled])
      known.set(normaliseHeader(title), input.name);
  }
  return known;
})();
export const inputsScore = headerScorer(INPUT_HEADERS);

/** Whether a header names the columns of outcomes (the Value Map itself, not an inputs table). */
function isValueMapHeader(header: ValueMapHeader | undefined): header is ValueMapHeader {
  if (header === undefined) return false;
  const keys = new Set(header.columns.map((c) => c?.key));
  return (
    (keys.has('outcome') || keys.has('stakeholder')) &&
    (keys.has('proxyValue') || keys.has('quantity'))
  );
}

export function csvSheet(source: CsvSource | undefined, notes: CsvNote[]): Found {
  if (source === undefined) {
    return {
      name: '',
      issues: [
        { code: 'required', message: 'readValueMap needs a workbook or a CSV file', path: [] },
      ],
    };
  }
  const grid = csvGrid(source.text, source.file, rowScore);
  const problems: Issue[] = [];
  if (grid.unreadable !== undefined) {
    problems.push({
      code: 'csv_row',
      message: grid.unreadable.message,
      path: [],
      file: source.file,
      line: grid.unreadable.line,
    });
  }
  const header = findHeader(grid.rows);
  if (!isValueMapHeader(header)) {
    const first = grid.rows[0]?.cells.join(grid.delimiter ?? ',') ?? '';
    problems.push({
      code: 'csv_header',
      message: `no Value Map header found in the first 100 rows: expected a row of titles such as "Stakeholders", "The Outcomes (what changes)", "Quantity", "Value in currency", "Duration"; the first row reads ${shown(first)}`,
      path: [],
      file: source.file,
      ...(grid.rows[0] === undefined ? {} : { line: grid.rows[0].row }),
    });
    return { name: source.file, issues: problems };
  }
  const delimiter = grid.delimiter === '\t' ? 'tab' : `"${grid.delimiter ?? ','}"`;
  notes.push({
    code: 'sheet_read',
    message: `read as a whole Value Map sheet (its header on line ${grid.rows[header.index]?.row ?? '?'}${header.questionIndex === undefined ? '' : ', the questions under it'}, delimiter ${delimiter})`,
    file: source.file,
  });
  return { name: source.file, main: { grid, header }, issues: problems };
}

/** Every sheet considered: the one that holds the Value Map, an inputs sheet, and why not the rest. */
export function chooseSheets(
  source: { readonly workbook: Workbook; readonly issues?: readonly WorkbookIssue[] },
  notes: CsvNote[],
): Found {
  const workbookIssues = source.issues ?? [];
  const considered = source.workbook.sheets.map((sheet) => {
    const grid = sheetGrid(sheet, workbookIssues);
    const header = findHeader(grid.rows);
    const inputs = bestInputsHeader(grid.rows);
    return { sheet, grid, header: isValueMapHeader(header) ? header : undefined, inputs };
  });
  const maps = considered.filter((c) => c.header !== undefined);
  const main = maps.reduce<(typeof maps)[number] | undefined>(
    (best, c) =>
      best === undefined || (c.header?.score ?? 0) > (best.header?.score ?? 0) ? c : best,
    undefined,
  );
  const names = source.workbook.sheets.map((s) => s.name);
  if (main === undefined || main.header === undefined) {
    return {
      name: 'workbook',
      issues: [
        {
          code: 'csv_header',
          message: `no sheet of the workbook holds a Value Map: no row of titles such as "Stakeholders", "The Outcomes (what changes)", "Quantity", "Value in currency" in the first 100 rows of any sheet (${alternatives('sheets', names)})`,
          path: [],
          file: 'workbook',
        },
      ],
    };
  }
  const inputs = considered.find((c) => c !== main && c.header === undefined && c.inputs >= 2);
  const read = `read the sheet "${main.sheet.name}"${main.sheet.state === 'visible' ? '' : ' (hidden)'} as the Value Map (its header on row ${main.grid.rows[main.header.index]?.row ?? '?'})${inputs === undefined ? '' : `, and its inputs from the sheet "${inputs.sheet.name}"`}`;
  const others = considered
    .filter((c) => c !== main && c !== inputs)
    .map(
      (c) =>
        `"${c.sheet.name}" (${c.header !== undefined ? 'another Value Map: only one sheet is read' : 'no Value Map or inputs header'})`,
    );
  notes.push({
    code: 'sheet_read',
    message: `${read}${others.length === 0 ? '' : `; not read: ${others.slice(0, 5).join(', ')}${others.length > 5 ? ` and ${others.length - 5} more` : ''}`}`,
    file: cellReference(main.sheet.name),
  });
  // The workbook's own problems in the sheets read (a formula without a saved result is judged
  // where its cell is read).
  const readSheets = new Set([main.sheet.name, inputs?.sheet.name]);
  const issues: Issue[] = workbookIssues
    .filter(
      (i) => i.code !== 'no_cached_value' && (i.sheet === undefined || readSheets.has(i.sheet)),
    )
    .map((i) => ({ code: 'invalid_value', message: i.message, path: [], file: i.where }));
  return {
    name: main.sheet.name,
    main: { grid: main.grid, header: main.header },
    ...(inputs === undefined ? {} : { inputs: { grid: inputs.grid } }),
    issues,
  };
}

/** The score of the best inputs header in a grid's first 30 rows. */
function bestInputsHeader(rows: readonly GridRow[]): number {
  let best = 0;
  for (const row of rows.slice(0, 30)) best = Math.max(best, inputsScore(row.cells));
  return best;
}
