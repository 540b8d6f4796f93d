import { cellAddress, cellReference, parseCellAddress, parseCellRange } from './cellAddress.js';
import { plainDecimal } from './_plainDecimal.js';
import { serialDate } from './_serialDate.js';
import { shiftFormula } from './_shiftFormula.js';
import { decodeOoxmlEscapes, XmlReader } from './_xml.js';
import type { CellNumberFormat } from './readWorkbook.js';
import type { CellRange, CellType, WorkbookCell, WorkbookIssue, WorkbookRow } from './Workbook.js';

/** What reading one worksheet needs from the workbook around it. */
export interface SheetContext {
  readonly name: string;
  /** The part's path in the package, for messages. */
  readonly part: string;
  readonly sharedStrings: readonly string[];
  readonly styles: readonly CellNumberFormat[];
  readonly date1904: boolean;
  /** Cells still allowed in the whole workbook, shared by its sheets, and the limit itself. */
  readonly budget: { remaining: number; readonly limit: number };
  readonly issues: WorkbookIssue[];
}

const GENERAL: CellNumberFormat = { kind: 'general' };

/** A shared formula as its first cell states it. */
interface SharedFormula {
  readonly formula: string;
  readonly row: number;
  readonly column: number;
}

/**
 * The rows and merged ranges of one worksheet part, or `undefined` when the sheet is refused (a
 * declared dimension outside the grid, or more cells than the limit); the issues go to
 * `context.issues`.
 */
export function readSheet(
  text: string,
  context: SheetContext,
): { rows: WorkbookRow[]; merges: CellRange[] } | undefined {
  const { name, issues } = context;
  const reader = new XmlReader(text, context.part);
  const rows: WorkbookRow[] = [];
  const merges: CellRange[] = [];
  const shared = new Map<string, SharedFormula>();
  let rowNumber = 0;
  let cells: WorkbookCell[] = [];
  let ordered = true;
  const problem = (code: WorkbookIssue['code'], cell: string | undefined, message: string) => {
    issues.push({
      code,
      where: cellReference(name, cell),
      sheet: name,
      ...(cell === undefined ? {} : { cell }),
      message,
    });
  };
  const endRow = () => {
    if (cells.length > 0) {
      if (rows.length > 0 && (rows[rows.length - 1]?.row ?? 0) >= rowNumber) ordered = false;
      rows.push({ row: rowNumber, cells });
    }
    cells = [];
  };

  while (reader.next() !== 'end') {
    if (reader.kind !== 'open') continue;
    switch (reader.name) {
      case 'dimension': {
        const ref = reader.attribute('ref') ?? '';
        if (parseCellRange(ref) === undefined) {
          problem(
            'too_large',
            undefined,
            `the sheet declares its size as "${ref.slice(0, 40)}", which is not a range within a workbook's grid (at most 1,048,576 rows × 16,384 columns, A1:XFD1048576); the workbook is refused`,
          );
          return undefined;
        }
        break;
      }
      case 'row': {
        endRow();
        const r = reader.attribute('r');
        const next = r === undefined ? rowNumber + 1 : Number(r);
        if (!Number.isInteger(next) || next < 1 || next > 1_048_576) {
          problem('invalid_cell', undefined, `a row is numbered "${r}", outside 1–1,048,576`);
          reader.skip();
          break;
        }
        rowNumber = next;
        if (reader.selfClosing) endRow();
        break;
      }
      case 'c': {
        if (--context.budget.remaining < 0) {
          problem(
            'too_large',
            undefined,
            `the workbook has more than ${context.budget.limit.toLocaleString('en-GB')} cells, beyond sroi's limit for a workbook; the workbook is refused`,
          );
          return undefined;
        }
        const cell = readCell(
          reader,
          rowNumber,
          (cells[cells.length - 1]?.column ?? 0) + 1,
          context,
          shared,
          problem,
        );
        if (cell !== undefined) {
          if (cell.row !== rowNumber) {
            // a cell whose address names another row than its <row>: keep it in its own row
            endRow();
            rowNumber = cell.row;
          }
          cells.push(cell);
        }
        break;
      }
      case 'mergeCell': {
        const ref = reader.attribute('ref') ?? '';
        const range = parseCellRange(ref);
        if (range === undefined)
          problem('invalid_cell', undefined, `a merged range "${ref}" is not a range`);
        else merges.push(range);
        break;
      }
      default:
        break;
    }
  }
  endRow();
  if (!ordered) rows.sort((a, b) => a.row - b.row);
  return { rows, merges };
}

/** One `<c>` element, read to its end; `undefined` when it holds no value and no formula. */
function readCell(
  reader: XmlReader,
  rowNumber: number,
  nextColumn: number,
  context: SheetContext,
  shared: Map<string, SharedFormula>,
  problem: (code: WorkbookIssue['code'], cell: string | undefined, message: string) => void,
): WorkbookCell | undefined {
  const r = reader.attribute('r');
  const at = r === undefined ? { row: rowNumber, column: nextColumn } : parseCellAddress(r);
  const type = reader.attribute('t') ?? 'n';
  const styleText = reader.attribute('s');
  let value: string | undefined;
  let inline: string | undefined;
  let formula: string | undefined;
  if (!reader.selfClosing) {
    const depth = reader.name;
    while (reader.next() !== 'end') {
      if (reader.kind === 'close' && reader.name === depth) break;
      if (reader.kind !== 'open') continue;
      if (reader.name === 'v') value = reader.readText();
      else if (reader.name === 'is') inline = readInline(reader);
      else if (reader.name === 'f') {
        const kind = reader.attribute('t');
        const si = reader.attribute('si');
        const text = reader.readText();
        if (kind === 'shared' && si !== undefined && at !== undefined) {
          const master = shared.get(si);
          if (text !== '' || master === undefined) {
            shared.set(si, { formula: text, row: at.row, column: at.column });
            formula = text;
          } else {
            formula = shiftFormula(master.formula, at.row - master.row, at.column - master.column);
          }
        } else formula = text;
      } else reader.skip();
    }
  }
  if (at === undefined) {
    problem(
      'invalid_cell',
      undefined,
      `a cell's address "${(r ?? '').slice(0, 20)}" is not within the grid (A1 to XFD1048576)`,
    );
    return undefined;
  }
  const address =
    r === undefined ? cellAddress(at.row, at.column) : r.replaceAll('$', '').toUpperCase();
  const styleIndex = styleText === undefined ? 0 : Number(styleText);
  let style = context.styles[styleIndex];
  if (style === undefined) {
    if (styleText !== undefined && context.styles.length > 0) {
      problem(
        'invalid_cell',
        address,
        `the cell's style ${styleText} is not defined in the workbook's styles; read with the General format`,
      );
    }
    style = GENERAL;
  }
  const base = {
    address,
    row: at.row,
    column: at.column,
    ...(formula === undefined ? {} : { formula }),
    ...(style.code === undefined ? {} : { numberFormat: style.code }),
    format: style.kind,
  };
  const make = (cellType: CellType, text: string): WorkbookCell => ({
    ...base,
    type: cellType,
    value: text,
  });

  if (type === 'inlineStr') return make('text', decodeOoxmlEscapes(inline ?? value ?? ''));
  if (value === undefined || (value === '' && type !== 'str')) {
    if (formula === undefined) return undefined;
    problem(
      'no_cached_value',
      address,
      `the formula =${formula.slice(0, 60)} has no saved result (the file was written by a program that does not calculate); open the file in Excel or LibreOffice and save it again`,
    );
    return make('empty', '');
  }
  switch (type) {
    case 's': {
      const text = context.sharedStrings[Number(value)];
      if (!/^\d+$/.test(value.trim()) || text === undefined) {
        problem(
          'invalid_cell',
          address,
          `the cell names shared string ${value.slice(0, 20)}, but the workbook has ${context.sharedStrings.length}`,
        );
        return undefined;
      }
      return make('text', text);
    }
    case 'str':
      return make('text', decodeOoxmlEscapes(value));
    case 'b':
      if (value.trim() === '1' || value.trim() === 'true') return make('boolean', 'TRUE');
      if (value.trim() === '0' || value.trim() === 'false') return make('boolean', 'FALSE');
      problem('invalid_cell', address, `a TRUE/FALSE cell holds "${value.slice(0, 20)}"`);
      return undefined;
    case 'e':
      return make('error', value.trim());
    case 'd':
      return make('date', value.trim());
    default: {
      const number = plainDecimal(value);
      if (number === undefined) {
        problem(
          'invalid_cell',
          address,
          `a number cell holds "${value.slice(0, 20)}", which is not a number`,
        );
        return undefined;
      }
      if (style.kind === 'date') {
        const date = serialDate(Number(number), context.date1904);
        if (date !== undefined) return make('date', date);
      }
      return make('number', number);
    }
  }
}

/** The text of an inline string `<is>`: its `<t>` runs, phonetic guides left out. */
function readInline(reader: XmlReader): string {
  if (reader.selfClosing) return '';
  let text = '';
  while (reader.next() !== 'end') {
    if (reader.kind === 'close' && reader.name === 'is') break;
    if (reader.kind !== 'open') continue;
    if (reader.name === 't') text += reader.readText();
    else if (reader.name === 'rPh') reader.skip();
  }
  return text;
}
