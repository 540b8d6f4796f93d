/**
 * Writes the .xlsx files tests/workbook/files.test.ts reads, as spreadsheets write them:
 *
 * - `libreoffice-csv.xlsx`: LibreOffice Calc's import of a CSV (British English, special numbers
 *   detected, so "25%" is a percentage, "£1,000.50" a currency amount and "31/03/2024" a date),
 *   saved as .xlsx;
 * - `libreoffice-value-map.xlsx`: a small Value Map kept in LibreOffice (a flat ODF sheet saved
 *   as .xlsx): a stakeholder cell merged over three rows, percentages, formulas whose results
 *   LibreOffice computed and saved (a number, a percentage, text, an error, a boolean), a second
 *   sheet "Inputs" that is hidden;
 * - `no-cached-values.xlsx`: written by hand the way a program that does not calculate writes one
 *   (inline strings, formulas with no saved result).
 *
 * Needs LibreOffice (`apt-get install -y libreoffice-calc-nogui`). Run:
 *   npx tsx scripts/make-xlsx-test-files.ts
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { convertWithLibreOffice } from '../tests/_support/libreoffice.js';

const out = join(import.meta.dirname, '..', 'tests', 'workbook', 'files');
const work = mkdtempSync(join(tmpdir(), 'sroi-xlsx-files-'));
mkdirSync(out, { recursive: true });

// 1. A CSV as a charity exports it, opened in LibreOffice (en-GB) and saved as .xlsx.
const csv = [
  'Stakeholder,Outcome,Quantity,Deadweight,Value,Start date',
  'Older people,Less isolated,40,25%,"£1,000.50",31/03/2024',
  'Carers,More respite,12,12.5%,£250,01/04/2024',
  '',
].join('\r\n');
writeFileSync(join(work, 'libreoffice-csv.csv'), csv);
// CSV filter options: comma, double quote, UTF-8 (76), from line 1, standard columns,
// language en-GB (2057), quoted fields not forced to text, special numbers detected.
convertWithLibreOffice(
  [join(work, 'libreoffice-csv.csv')],
  work,
  'xlsx',
  'CSV:44,34,76,1,,2057,false,true',
);

// 2. A small Value Map kept in LibreOffice, as a flat ODF spreadsheet.
const cell = (value: string) =>
  `<table:table-cell office:value-type="string"><text:p>${value}</text:p></table:table-cell>`;
const number = (value: string, style = '') =>
  `<table:table-cell${style === '' ? '' : ` table:style-name="${style}"`} office:value-type="${style === 'pct' ? 'percentage' : 'float'}" office:value="${value}"><text:p>${value}</text:p></table:table-cell>`;
const formula = (f: string, style = '') =>
  `<table:table-cell${style === '' ? '' : ` table:style-name="${style}"`} table:formula="of:=${f}"/>`;
const row = (...cells: string[]) => `<table:table-row>${cells.join('')}</table:table-row>`;
const fods = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:percentage-style style:name="N1"><number:number number:decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<style:style style:name="pct" style:family="table-cell" style:data-style-name="N1"/>
<style:style style:name="hidden" style:family="table"><style:table-properties table:display="false"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="Value Map">
${row(cell('Stakeholders'), cell('Outcome'), cell('Quantity'), cell('Value in currency'), cell('Deadweight %'), cell('Impact'), cell('Check'))}
<table:table-row><table:table-cell table:number-rows-spanned="3" office:value-type="string"><text:p>Older people</text:p></table:table-cell>${cell('Less isolated')}${number('40')}${number('1000')}${number('0.25', 'pct')}${formula('[.C2]*[.D2]*(1-[.E2])')}${formula('[.F2]&gt;25000')}</table:table-row>
<table:table-row><table:covered-table-cell/>${cell('Fewer falls')}${number('10')}${number('3200.5')}${number('0.125', 'pct')}${formula('[.C3]*[.D3]*(1-[.E3])')}${formula('[.E3]*2', 'pct')}</table:table-row>
<table:table-row><table:covered-table-cell/>${cell('Lonelier at first')}${number('5')}${number('-200')}${number('0', 'pct')}${formula('[.C4]*[.D4]*(1-[.E4])')}${formula('1/0')}</table:table-row>
${row(cell('Total'), cell(''), formula('SUM([.C2:.C4])'), cell(''), cell(''), formula('SUM([.F2:.F4])'), formula('&quot;Total &quot;&amp;TEXT([.F5];&quot;0&quot;)'))}
</table:table>
<table:table table:name="Inputs" table:style-name="hidden">
${row(cell('Inputs'), cell('Value £'))}
${row(cell('Grant'), number('24000'))}
</table:table>
</office:spreadsheet></office:body></office:document>
`;
writeFileSync(join(work, 'libreoffice-value-map.fods'), fods);
convertWithLibreOffice([join(work, 'libreoffice-value-map.fods')], work, 'xlsx');

for (const name of ['libreoffice-csv.xlsx', 'libreoffice-value-map.xlsx']) {
  copyFileSync(join(work, name), join(out, name));
}

// 3. Formulas without saved results, as a program that writes but does not calculate does.
const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const files = {
  '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Outcomes" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Quantity</t></is></c><c r="B1" t="inlineStr"><is><t>Value</t></is></c><c r="C1" t="inlineStr"><is><t>Gross</t></is></c></row><row r="2"><c r="A2"><v>40</v></c><c r="B2"><v>1000</v></c><c r="C2"><f>A2*B2</f></c></row></sheetData></worksheet>`,
};
writeFileSync(
  join(out, 'no-cached-values.xlsx'),
  zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])), {
    mtime: '2001-01-01T12:00:00Z',
  }),
);

rmSync(work, { recursive: true, force: true });
console.log(
  `wrote libreoffice-csv.xlsx, libreoffice-value-map.xlsx, no-cached-values.xlsx to ${out}`,
);
