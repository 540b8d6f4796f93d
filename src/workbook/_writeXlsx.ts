import { zipSync, strToU8 } from 'fflate';
import { cellAddress } from './cellAddress.js';
import { encodeOoxmlEscapes, escapeXml } from './_xml.js';

/** A cell's value: text, an exact decimal number, or a boolean. */
export type XlsxValue =
  { readonly text: string } | { readonly number: string } | { readonly boolean: boolean };

/** How a cell looks. Cells with equal styles share one entry of the styles part. */
export interface XlsxStyle {
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly wrap?: boolean;
  /** A solid background, as RRGGBB. */
  readonly fill?: string;
  readonly vertical?: 'top' | 'center';
}

/** One cell to write. A formula's `value` is its cached result (left out: none is written). */
export interface XlsxCell {
  readonly row: number;
  readonly column: number;
  readonly value?: XlsxValue;
  /** Without the leading `=`. */
  readonly formula?: string;
  readonly style?: XlsxStyle;
}

/** A data validation rule over a range. */
export interface XlsxValidation {
  readonly ref: string;
  readonly type: 'decimal' | 'whole';
  readonly operator: 'between' | 'greaterThan' | 'greaterThanOrEqual';
  readonly formula1: string;
  readonly formula2?: string;
  /** Shown when a value breaks the rule. */
  readonly error: string;
  /** Shown when the cell is selected. */
  readonly prompt: string;
}

/** One worksheet to write. */
export interface XlsxSheet {
  readonly name: string;
  readonly cells: readonly XlsxCell[];
  readonly merges?: readonly string[];
  readonly columnWidths?: ReadonlyMap<number, number>;
  readonly validations?: readonly XlsxValidation[];
  /** Rows above and columns left of the scrolling area. */
  readonly freeze?: { readonly rows: number; readonly columns: number };
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};

/**
 * Writes a workbook: sheets of cells (text as shared strings, numbers as their exact decimal
 * text, formulas with or without cached results), styles, merged ranges, column widths, frozen
 * panes and data validation. The workbook asks the spreadsheet to recalculate every formula when
 * it is opened (`fullCalcOnLoad`), so the figures shown are the spreadsheet's own.
 */
export function writeXlsx(sheets: readonly XlsxSheet[]): Uint8Array {
  const strings = new Map<string, number>();
  const styles = new StyleTable();
  const sheetXml = sheets.map((sheet) => worksheetXml(sheet, strings, styles));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(contentTypes(sheets.length)),
    '_rels/.rels': strToU8(
      `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(workbookXml(sheets)),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRels(sheets.length)),
    'xl/styles.xml': strToU8(styles.xml()),
    'xl/sharedStrings.xml': strToU8(sharedStringsXml(strings)),
  };
  sheetXml.forEach((xml, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml);
  });
  // A fixed modification time, so the same workbook always gives the same bytes.
  return zipSync(files, { level: 6, mtime: '2001-01-01T12:00:00Z' });
}

function contentTypes(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
}

function workbookXml(sheets: readonly XlsxSheet[]): string {
  const list = sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  return `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>${list}</sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`;
}

function workbookRels(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return `${XML}<Relationships xmlns="${PKG_REL}">${sheets}<Relationship Id="rId${sheetCount + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${sheetCount + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
}

function sharedStringsXml(strings: Map<string, number>): string {
  const items: string[] = [];
  for (const text of strings.keys()) {
    items.push(`<si><t xml:space="preserve">${escapeXml(encodeOoxmlEscapes(text))}</t></si>`);
  }
  return `${XML}<sst xmlns="${MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;
}

function worksheetXml(sheet: XlsxSheet, strings: Map<string, number>, styles: StyleTable): string {
  const cells = [...sheet.cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const out: string[] = [];
  let lastRow = 0;
  let lastColumn = 0;
  let maxColumn = 1;
  for (const cell of cells) {
    if (cell.row !== lastRow) {
      if (lastRow !== 0) out.push('</row>');
      out.push(`<row r="${cell.row}">`);
      lastRow = cell.row;
    } else if (cell.column === lastColumn) continue; // a second cell at one address: the first wins
    lastColumn = cell.column;
    if (cell.column > maxColumn) maxColumn = cell.column;
    out.push(cellXml(cell, strings, styles));
  }
  if (lastRow !== 0) out.push('</row>');
  const dimension = `A1:${cellAddress(Math.max(lastRow, 1), maxColumn)}`;
  const pane =
    sheet.freeze === undefined || (sheet.freeze.rows === 0 && sheet.freeze.columns === 0)
      ? ''
      : `<pane xSplit="${sheet.freeze.columns}" ySplit="${sheet.freeze.rows}" topLeftCell="${cellAddress(sheet.freeze.rows + 1, sheet.freeze.columns + 1)}" activePane="bottomRight" state="frozen"/>`;
  const widths = [...(sheet.columnWidths ?? new Map<number, number>())]
    .sort(([a], [b]) => a - b)
    .map(([c, w]) => `<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`)
    .join('');
  const merges =
    sheet.merges === undefined || sheet.merges.length === 0
      ? ''
      : `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`;
  const validations =
    sheet.validations === undefined || sheet.validations.length === 0
      ? ''
      : `<dataValidations count="${sheet.validations.length}">${sheet.validations.map(validationXml).join('')}</dataValidations>`;
  return `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="${dimension}"/><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${widths === '' ? '' : `<cols>${widths}</cols>`}<sheetData>${out.join('')}</sheetData>${merges}${validations}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

function cellXml(cell: XlsxCell, strings: Map<string, number>, styles: StyleTable): string {
  const address = cellAddress(cell.row, cell.column);
  const s = cell.style === undefined ? 0 : styles.index(cell.style);
  const style = s === 0 ? '' : ` s="${s}"`;
  const formula = cell.formula === undefined ? '' : `<f>${escapeXml(cell.formula)}</f>`;
  const value = cell.value;
  if (value === undefined) return `<c r="${address}"${style}>${formula}</c>`;
  if ('number' in value) return `<c r="${address}"${style}>${formula}<v>${value.number}</v></c>`;
  if ('boolean' in value) {
    return `<c r="${address}"${style} t="b">${formula}<v>${value.boolean ? 1 : 0}</v></c>`;
  }
  if (cell.formula !== undefined) {
    return `<c r="${address}"${style} t="str">${formula}<v>${escapeXml(encodeOoxmlEscapes(value.text))}</v></c>`;
  }
  let index = strings.get(value.text);
  if (index === undefined) {
    index = strings.size;
    strings.set(value.text, index);
  }
  return `<c r="${address}"${style} t="s"><v>${index}</v></c>`;
}

function validationXml(v: XlsxValidation): string {
  const second = v.formula2 === undefined ? '' : `<formula2>${escapeXml(v.formula2)}</formula2>`;
  return `<dataValidation type="${v.type}" operator="${v.operator}" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Not allowed" error="${escapeXml(v.error)}" promptTitle="sroi" prompt="${escapeXml(v.prompt)}" sqref="${v.ref}"><formula1>${escapeXml(v.formula1)}</formula1>${second}</dataValidation>`;
}

/** The styles part: each distinct style once, with the fonts, fills and formats it needs. */
class StyleTable {
  private readonly xfs: string[] = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  ];
  private readonly byKey = new Map<string, number>();
  private readonly formats = new Map<string, number>();
  private readonly fills: string[] = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly fillIds = new Map<string, number>();

  index(style: XlsxStyle): number {
    const key = JSON.stringify(style);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const numFmtId = this.format(style.numberFormat ?? 'General');
    const fontId = (style.bold === true ? 1 : 0) + (style.italic === true ? 2 : 0);
    let fillId = 0;
    if (style.fill !== undefined) {
      fillId = this.fillIds.get(style.fill) ?? this.fills.length;
      if (fillId === this.fills.length) {
        this.fillIds.set(style.fill, fillId);
        this.fills.push(
          `<fill><patternFill patternType="solid"><fgColor rgb="FF${style.fill}"/><bgColor indexed="64"/></patternFill></fill>`,
        );
      }
    }
    const alignment =
      style.wrap === true || style.vertical !== undefined
        ? `<alignment${style.wrap === true ? ' wrapText="1"' : ''}${style.vertical === undefined ? '' : ` vertical="${style.vertical}"`}/>`
        : '';
    const apply = `${numFmtId === 0 ? '' : ' applyNumberFormat="1"'}${fontId === 0 ? '' : ' applyFont="1"'}${fillId === 0 ? '' : ' applyFill="1"'}${alignment === '' ? '' : ' applyAlignment="1"'}`;
    const attributes = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${apply}`;
    this.xfs.push(alignment === '' ? `<xf ${attributes}/>` : `<xf ${attributes}>${alignment}</xf>`);
    const index = this.xfs.length - 1;
    this.byKey.set(key, index);
    return index;
  }

  private format(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  xml(): string {
    const numFmts =
      this.formats.size === 0
        ? ''
        : `<numFmts count="${this.formats.size}">${[...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('')}</numFmts>`;
    const font = (bold: boolean, italic: boolean) =>
      `<font>${bold ? '<b/>' : ''}${italic ? '<i/>' : ''}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
    const fonts = `<fonts count="4">${font(false, false)}${font(true, false)}${font(false, true)}${font(true, true)}</fonts>`;
    return `${XML}<styleSheet xmlns="${MAIN}">${numFmts}${fonts}<fills count="${this.fills.length}">${this.fills.join('')}</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  }
}
