// `sroi/xlsx`: workbooks and the bytes of exported files, kept out of the core bundle (it brings
// the zip library; docs/decisions/0005-xlsx-workbooks.md). Pure: bytes in, bytes out, no file access.

// Reading a workbook: every sheet, its cells located by address, its merged ranges.
export { readWorkbook } from './workbook/readWorkbook.js';
export type {
  CellNumberFormat,
  ReadWorkbookOptions,
  ReadWorkbookResult,
} from './workbook/readWorkbook.js';
export { workbookLimits } from './workbook/_unzipParts.js';
export type { WorkbookLimits } from './workbook/_unzipParts.js';
export type {
  CellRange,
  CellType,
  NumberFormatKind,
  Workbook,
  WorkbookCell,
  WorkbookIssue,
  WorkbookIssueCode,
  WorkbookRow,
  WorkbookSheet,
} from './workbook/Workbook.js';
export {
  cellAddress,
  cellReference,
  columnLetters,
  parseCellAddress,
  parseCellRange,
} from './workbook/cellAddress.js';
export { numberFormatKind } from './workbook/numberFormat.js';

// The bytes of a text file: UTF-8, UTF-16 or Windows-1252, with a note; what a file is.
export { decodeText } from './workbook/decodeText.js';
export type { DecodedText, TextEncodingName } from './workbook/decodeText.js';
export { sniffBytes } from './workbook/sniffBytes.js';

// The SROI Value Map: its layout as the versions of the template have it, written and blank.
export {
  valueMapSheet,
  valueMapTitle,
  valueMapColumns,
  valueMapKinds,
  valueMapResultRows,
  valueMapStages,
  valueMapTitleRows,
  valueMapVersions,
} from './workbook/valueMapLayout.js';
export type {
  ValueMapColumn,
  ValueMapColumnKey,
  ValueMapContent,
  ValueMapResultKey,
  ValueMapTitleKey,
  ValueMapVersion,
} from './workbook/valueMapLayout.js';
export { writeValueMap } from './workbook/writeValueMap.js';
export type { WriteValueMapOptions } from './workbook/writeValueMap.js';
export { valueMapTemplate } from './workbook/valueMapTemplate.js';
export type { ValueMapTemplateOptions } from './workbook/valueMapTemplate.js';

// A charity's Value Map as it is: a workbook, or the sheet exported as CSV, to a validated
// analysis, the sheet's own figures compared (docs/value-map.md).
export { readValueMap } from './valuemap/readValueMap.js';
export type {
  ReadValueMapOptions,
  ReadValueMapResult,
  SheetFigure,
  ValueMapSources,
} from './valuemap/readValueMap.js';
export { valueMapFeatures } from './valuemap/valueMapFeatures.js';
