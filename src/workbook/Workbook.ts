/**
 * A workbook as `readWorkbook` gives it: every sheet, its cells in rows, each cell located by its
 * address, and the merged ranges. Values are text, as in a CSV cell, so that a table reader can
 * take cells from either source; a number keeps the exact decimal text the file stores, never a
 * binary float (docs/decisions/0005-xlsx-workbooks.md).
 */

/** What a cell holds. */
export type CellType =
  /** A number: `value` is its exact decimal text in plain notation (`"0.25"`, `"-1200"`). */
  | 'number'
  /** Text: `value` is the text as written (shared strings, inline strings, formula text results). */
  | 'text'
  /** `value` is `"TRUE"` or `"FALSE"`. */
  | 'boolean'
  /** A spreadsheet error: `value` is its code, e.g. `"#DIV/0!"`. */
  | 'error'
  /** A number formatted as a date or time: `value` is ISO 8601 (`"2024-03-31"`, `"2024-03-31T12:00:00"`, `"12:00:00"`). */
  | 'date'
  /** A formula whose result the file does not hold (`value` is `""`; an issue says so). */
  | 'empty';

/** How a number format shows a number; percentages keep their fraction (0.25 shown as 25%). */
export type NumberFormatKind = 'general' | 'number' | 'percent' | 'currency' | 'date' | 'text';

/** One cell that holds a value or a formula. Blank cells are left out. */
export interface WorkbookCell {
  /** The cell's address, e.g. `"C12"`. */
  readonly address: string;
  /** 1-based row number. */
  readonly row: number;
  /** 1-based column number (A = 1). */
  readonly column: number;
  readonly type: CellType;
  /** The value shown: for a formula cell, the result the file holds (its cached value). */
  readonly value: string;
  /** The formula, without the leading `=`, when the cell has one. */
  readonly formula?: string;
  /** The number format code (`"0.00%"`, `"#,##0.00"`), when the cell has one other than General. */
  readonly numberFormat?: string;
  readonly format: NumberFormatKind;
}

/** One row of a sheet that has at least one cell. */
export interface WorkbookRow {
  /** 1-based row number. */
  readonly row: number;
  /** Its cells, left to right. */
  readonly cells: readonly WorkbookCell[];
}

/** A rectangular range of cells, e.g. a merged range `A5:A7`. */
export interface CellRange {
  /** As written, upper-case: `"A5:A7"`. */
  readonly ref: string;
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly lastRow: number;
  readonly lastColumn: number;
}

/** One worksheet. */
export interface WorkbookSheet {
  readonly name: string;
  /** Whether the sheet is shown, hidden, or hidden so that only a program can show it. */
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** Rows that hold at least one cell, top to bottom. */
  readonly rows: readonly WorkbookRow[];
  /** Merged ranges; only a range's first cell holds the value. */
  readonly merges: readonly CellRange[];
}

/** A workbook read from bytes. */
export interface Workbook {
  /** Worksheets in the order the workbook lists them (chart sheets are left out). */
  readonly sheets: readonly WorkbookSheet[];
  /** Dates count from 1904 (old Mac Excel) rather than 1900. */
  readonly date1904: boolean;
}

/** Stable codes of the problems `readWorkbook` reports. */
export type WorkbookIssueCode =
  /** The bytes are not a zip archive, so not an .xlsx file. */
  | 'not_a_zip'
  /** An Excel 97–2003 binary workbook (.xls) or another OLE file, not .xlsx. */
  | 'legacy_xls'
  /** A password-protected (encrypted) workbook. */
  | 'encrypted'
  /** A zip archive that is not an .xlsx workbook (an .ods, a .docx, an .xlsb, …), or a damaged one. */
  | 'not_a_workbook'
  /** Over a size limit (`workbookLimits`): a zip bomb or a sheet too large to read. */
  | 'too_large'
  /** A part of the workbook is not well-formed XML, or not valid UTF-8. */
  | 'invalid_xml'
  /** A cell's address, a shared string index or a style is not one the workbook defines. */
  | 'invalid_cell'
  /** A formula cell without a cached result (the file was written by a program that does not calculate). */
  | 'no_cached_value';

/** One problem found while reading a workbook, located by sheet and cell where it has one. */
export interface WorkbookIssue {
  readonly code: WorkbookIssueCode;
  /** Where, as a spreadsheet writes a reference: `'Value Map'!C12`, `Inputs`, or `workbook`. */
  readonly where: string;
  /** What, the rule and the value received. */
  readonly message: string;
  /** The sheet's name, when the problem is in a sheet. */
  readonly sheet?: string;
  /** The cell's address (`"C12"`), when the problem is in a cell. */
  readonly cell?: string;
}
