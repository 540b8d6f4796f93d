/**
 * Hand-built .xlsx packages for the reader's tests: the parts of a workbook written out as XML
 * text, so that each test states exactly the bytes a spreadsheet program would have written.
 */
import { strToU8, zipSync } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface PackageSheet {
  readonly name: string;
  /** The `<sheetData>` content, or a whole `<worksheet>` when it starts with `<worksheet` or `<?xml`. */
  readonly xml: string;
  readonly state?: 'hidden' | 'veryHidden';
}

export interface PackageParts {
  readonly sheets: readonly PackageSheet[];
  /** `<si>` items of the shared strings part. */
  readonly sharedStrings?: readonly string[];
  /** The `<styleSheet>` content. */
  readonly styles?: string;
  readonly workbookPr?: string;
  /** Parts to add or replace, by path. */
  readonly extra?: Readonly<Record<string, string | Uint8Array>>;
}

/** A worksheet part around `<sheetData>` content. */
export function worksheet(sheetData: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/** A styles part whose `cellXfs` are the given number format ids, with custom `numFmts`. */
export function styles(
  numFmtIds: readonly number[],
  custom: Readonly<Record<number, string>> = {},
): string {
  const formats = Object.entries(custom)
    .map(
      ([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replaceAll('"', '&quot;')}"/>`,
    )
    .join('');
  return `<numFmts count="${Object.keys(custom).length}">${formats}</numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${numFmtIds.length}">${numFmtIds.map((id) => `<xf numFmtId="${id}" xfId="0"/>`).join('')}</cellXfs>`;
}

export function xlsxPackage(parts: PackageParts): Uint8Array {
  const files: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${parts.sheets
      .map(
        (_s, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('')}</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${parts.workbookPr ?? ''}<sheets>${parts.sheets
      .map(
        (s, i) =>
          `<sheet name="${s.name}" sheetId="${i + 1}"${s.state === undefined ? '' : ` state="${s.state}"`} r:id="rId${i + 1}"/>`,
      )
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${parts.sheets
      .map(
        (_s, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        '',
      )}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${REL}/styles" Target="/xl/styles.xml"/></Relationships>`,
  };
  parts.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = /^\s*<(\?xml|worksheet)/.test(s.xml)
      ? s.xml
      : worksheet(s.xml);
  });
  if (parts.sharedStrings !== undefined) {
    files['xl/sharedStrings.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${parts.sharedStrings.join('')}</sst>`;
  }
  if (parts.styles !== undefined) {
    files['xl/styles.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${parts.styles}</styleSheet>`;
  }
  Object.assign(files, parts.extra ?? {});
  return zip(files);
}

/** A zip archive of the given files. */
export function zip(files: Readonly<Record<string, string | Uint8Array>>): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, data]) => [
        name,
        typeof data === 'string' ? strToU8(data) : data,
      ]),
    ),
    { mtime: '2001-01-01T12:00:00Z' },
  );
}

/** The cells of a sheet as `address → value` for compact assertions. */
export function values(sheet: {
  rows: readonly { cells: readonly { address: string; value: string }[] }[];
}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of sheet.rows) for (const cell of row.cells) out[cell.address] = cell.value;
  return out;
}
