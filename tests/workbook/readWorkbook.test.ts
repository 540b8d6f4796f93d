import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/workbook/readWorkbook.js';
import type { Workbook, WorkbookCell, WorkbookSheet } from '../../src/workbook/Workbook.js';
import { styles, values, worksheet, xlsxPackage, zip } from './_package.js';

const si = (text: string) => `<si><t xml:space="preserve">${text}</t></si>`;

function read(bytes: Uint8Array, options?: Parameters<typeof readWorkbook>[1]) {
  const result = readWorkbook(bytes, options);
  return { ...result, sheet: (i = 0) => result.workbook?.sheets[i] as WorkbookSheet };
}

function cellAt(
  workbook: Workbook | undefined,
  address: string,
  sheet = 0,
): WorkbookCell | undefined {
  for (const row of workbook?.sheets[sheet]?.rows ?? []) {
    for (const cell of row.cells) if (cell.address === address) return cell;
  }
  return undefined;
}

describe('readWorkbook: values', () => {
  it('reads shared strings, joining rich-text runs and leaving out phonetic guides', () => {
    const bytes = xlsxPackage({
      sharedStrings: [
        si('Older people'),
        '<si><r><rPr><b/></rPr><t>Feel </t></r><r><t>less isolated</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>',
        si('line one_x000D_&#10;line two'),
        si('A &amp; B &lt;C&gt;'),
      ],
      sheets: [
        {
          name: 'Map',
          xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>',
        },
      ],
    });
    const { workbook, issues } = read(bytes);
    expect(issues).toEqual([]);
    expect(values(workbook?.sheets[0] as WorkbookSheet)).toEqual({
      A1: 'Older people',
      B1: 'Feel less isolated',
      C1: 'line one\r\nline two',
      D1: 'A & B <C>',
    });
    expect(cellAt(workbook, 'B1')).toMatchObject({ type: 'text', row: 1, column: 2 });
  });

  it('reads inline strings, formula text results, booleans, errors and ISO dates', () => {
    const { workbook, issues } = read(
      xlsxPackage({
        sheets: [
          {
            name: 'S',
            xml:
              '<row r="2"><c r="A2" t="inlineStr"><is><t>Grant</t></is></c>' +
              '<c r="B2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
              '<c r="C2" t="b"><v>1</v></c><c r="D2" t="b"><v>0</v></c>' +
              '<c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
              '<c r="F2" t="d"><v>2024-03-31T00:00:00</v></c></row>',
          },
        ],
      }),
    );
    expect(issues).toEqual([]);
    const cells = workbook?.sheets[0]?.rows[0]?.cells.map((c) => [
      c.address,
      c.type,
      c.value,
      c.formula,
    ]);
    expect(cells).toEqual([
      ['A2', 'text', 'Grant', undefined],
      ['B2', 'text', 'ab', '"a"&"b"'],
      ['C2', 'boolean', 'TRUE', undefined],
      ['D2', 'boolean', 'FALSE', undefined],
      ['E2', 'error', '#DIV/0!', '1/0'],
      ['F2', 'date', '2024-03-31T00:00:00', undefined],
    ]);
  });

  it('keeps a number as the exact decimal text stored, in plain notation', () => {
    const { workbook } = read(
      xlsxPackage({
        sheets: [
          {
            name: 'S',
            xml: '<row r="1"><c r="A1"><v>0.30000000000000004</v></c><c r="B1"><v>1.5E-3</v></c><c r="C1"><v>-1200</v></c><c r="D1"><v>1E+21</v></c><c r="E1"><v>-0</v></c></row>',
          },
        ],
      }),
    );
    // as stored, digits moved for the exponent: 1.5E-3 = 0.0015, 1E+21 = 1 followed by 21 zeros
    expect(values(workbook?.sheets[0] as WorkbookSheet)).toEqual({
      A1: '0.30000000000000004',
      B1: '0.0015',
      C1: '-1200',
      D1: '1000000000000000000000',
      E1: '0',
    });
  });

  it('knows 0.25 shown as 25% is a percentage, and keeps the fraction', () => {
    const { workbook } = read(
      xlsxPackage({
        styles: styles([0, 9, 10, 164, 165, 166], {
          164: '0.0%',
          165: '[$£-809]#,##0.00',
          166: '#,##0.00 "people"',
        }),
        sheets: [
          {
            name: 'S',
            xml: '<row r="1"><c r="A1" s="1"><v>0.25</v></c><c r="B1" s="2"><v>0.125</v></c><c r="C1" s="3"><v>0.2</v></c><c r="D1" s="4"><v>24000</v></c><c r="E1" s="5"><v>40</v></c><c r="F1"><v>3</v></c></row>',
          },
        ],
      }),
    );
    const formats = workbook?.sheets[0]?.rows[0]?.cells.map((c) => [
      c.value,
      c.format,
      c.numberFormat,
    ]);
    expect(formats).toEqual([
      ['0.25', 'percent', '0%'], // built-in format 9
      ['0.125', 'percent', '0.00%'], // built-in format 10
      ['0.2', 'percent', '0.0%'],
      ['24000', 'currency', '[$£-809]#,##0.00'],
      ['40', 'number', '#,##0.00 "people"'],
      ['3', 'general', undefined],
    ]);
  });

  it('reads a number formatted as a date as its ISO date, in the 1900 and 1904 systems', () => {
    const sheet = {
      name: 'S',
      xml: '<row r="1"><c r="A1" s="1"><v>45382</v></c><c r="B1" s="2"><v>45382.75</v></c><c r="C1" s="1"><v>60</v></c><c r="D1" s="1"><v>61</v></c><c r="E1" s="3"><v>0.5</v></c><c r="F1" s="1"><v>1</v></c></row>',
    };
    const formats = styles([0, 14, 164, 21], { 164: 'dd/mm/yyyy hh:mm' });
    const in1900 = read(xlsxPackage({ styles: formats, sheets: [sheet] })).workbook;
    // Excel: DATE(2024,3,31) = 45382 (1 January 2024 is 45292, + 31 + 29 + 30 days); serial 60
    // is the 29 February 1900 Excel keeps from Lotus 1-2-3, 61 is 1 March 1900; 0.5 is noon.
    expect(values(in1900?.sheets[0] as WorkbookSheet)).toEqual({
      A1: '2024-03-31',
      B1: '2024-03-31T18:00:00',
      C1: '1900-02-29',
      D1: '1900-03-01',
      E1: '12:00:00',
      F1: '1900-01-01',
    });
    expect(cellAt(in1900, 'A1')).toMatchObject({
      type: 'date',
      format: 'date',
      numberFormat: 'mm-dd-yy',
    });
    const in1904 = read(
      xlsxPackage({ styles: formats, sheets: [sheet], workbookPr: '<workbookPr date1904="1"/>' }),
    ).workbook;
    // 1904 system: serial 0 is 1 January 1904, so 45382 is 1462 days later than in the 1900 system
    expect(in1904?.date1904).toBe(true);
    expect(cellAt(in1904, 'A1')?.value).toBe('2028-04-01');
    expect(cellAt(in1904, 'F1')?.value).toBe('1904-01-02');
  });
});

describe('readWorkbook: formulas', () => {
  it('gives a formula cell its cached result and keeps the formula beside it', () => {
    const { workbook } = read(
      xlsxPackage({
        sheets: [
          {
            name: 'S',
            xml: '<row r="1"><c r="A1"><v>40</v></c><c r="B1"><f>A1*25</f><v>1000</v></c></row>',
          },
        ],
      }),
    );
    expect(cellAt(workbook, 'B1')).toEqual({
      address: 'B1',
      row: 1,
      column: 2,
      type: 'number',
      value: '1000',
      formula: 'A1*25',
      format: 'general',
    });
  });

  it('names, at its cell, a formula the file holds no result for', () => {
    const { workbook, issues } = read(
      xlsxPackage({
        sheets: [{ name: 'Value Map', xml: '<row r="12"><c r="C12"><f>A12*B12</f></c></row>' }],
      }),
    );
    expect(cellAt(workbook, 'C12')).toMatchObject({ type: 'empty', value: '', formula: 'A12*B12' });
    expect(issues).toEqual([
      {
        code: 'no_cached_value',
        where: "'Value Map'!C12",
        sheet: 'Value Map',
        cell: 'C12',
        message:
          'the formula =A12*B12 has no saved result (the file was written by a program that does not calculate); open the file in Excel or LibreOffice and save it again',
      },
    ]);
  });

  it('gives each cell of a shared formula its own text, relative references moved', () => {
    const { workbook } = read(
      xlsxPackage({
        sheets: [
          {
            name: 'S',
            xml:
              '<row r="2"><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*$C$1+SUM(A$2:A2)</f><v>1</v></c></row>' +
              '<row r="3"><c r="B3"><f t="shared" si="0"/><v>2</v></c></row>' +
              '<row r="4"><c r="B4"><f t="shared" si="0"/><v>3</v></c></row>',
          },
        ],
      }),
    );
    // as Excel shows them: the row moves where it is not anchored with $
    expect(workbook?.sheets[0]?.rows.map((r) => r.cells[0]?.formula)).toEqual([
      'A2*$C$1+SUM(A$2:A2)',
      'A3*$C$1+SUM(A$2:A3)',
      'A4*$C$1+SUM(A$2:A4)',
    ]);
  });
});

describe('readWorkbook: sheets', () => {
  it('lists every worksheet in order with its state and its merged ranges, and skips chart sheets', () => {
    const bytes = xlsxPackage({
      sheets: [
        {
          name: 'Value Map',
          xml: worksheet(
            '<row r="5"><c r="A5" t="inlineStr"><is><t>Older people</t></is></c></row>',
            '<mergeCells count="2"><mergeCell ref="A5:A7"/><mergeCell ref="c9:b8"/></mergeCells>',
          ),
        },
        { name: 'Inputs', xml: '', state: 'hidden' },
        { name: 'Lists', xml: '', state: 'veryHidden' },
      ],
      extra: {
        'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Value Map" sheetId="1" r:id="rId1"/><sheet name="Chart" sheetId="9" r:id="rIdC"/><sheet name="Inputs" sheetId="2" state="hidden" r:id="rId2"/><sheet name="Lists" sheetId="3" state="veryHidden" r:id="rId3"/></sheets></workbook>`,
        'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="./worksheets/../worksheets/sheet3.xml"/></Relationships>`,
      },
    });
    const { workbook, issues } = read(bytes);
    expect(issues).toEqual([]);
    expect(workbook?.sheets.map((s) => [s.name, s.state])).toEqual([
      ['Value Map', 'visible'],
      ['Inputs', 'hidden'],
      ['Lists', 'veryHidden'],
    ]);
    expect(workbook?.sheets[0]?.merges).toEqual([
      { ref: 'A5:A7', firstRow: 5, firstColumn: 1, lastRow: 7, lastColumn: 1 },
      { ref: 'B8:C9', firstRow: 8, firstColumn: 2, lastRow: 9, lastColumn: 3 },
    ]);
  });

  it('reads parts written with a namespace prefix, and rows and cells without addresses', () => {
    const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r="C2"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const { workbook, issues } = read(xlsxPackage({ sheets: [{ name: 'S', xml: sheet }] }));
    expect(issues).toEqual([]);
    expect(values(workbook?.sheets[0] as WorkbookSheet)).toEqual({
      A1: 'a',
      B1: '2',
      C2: '3',
      D2: '4',
    });
  });

  it('names a cell that points at a shared string the workbook does not have', () => {
    const { workbook, issues } = read(
      xlsxPackage({
        sharedStrings: [si('only')],
        sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" t="s"><v>7</v></c></row>' }],
      }),
    );
    expect(workbook?.sheets[0]?.rows).toEqual([]);
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'invalid_cell',
        where: 'S!A1',
        message: 'the cell names shared string 7, but the workbook has 1',
      }),
    ]);
  });
});

/** The bytes of an OLE compound file: its signature, and a directory entry name in UTF-16LE. */
function oleFile(streamName: string): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const name = [...streamName].flatMap((c) => [c.charCodeAt(0), 0]);
  return new Uint8Array([...header, ...new Array<number>(504).fill(0), ...name, 0, 0]);
}

/** Sets the uncompressed size a zip's central directory declares for every entry. */
function declareSize(bytes: Uint8Array, size: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let i = 0; i + 4 <= copy.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return copy;
}

describe('readWorkbook: files that are not readable workbooks', () => {
  const small = xlsxPackage({
    sheets: [{ name: 'S', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }],
  });

  it.each([
    ['an empty file', new Uint8Array(), 'not_a_zip', 'the file is empty, not an .xlsx workbook'],
    [
      'a CSV file',
      new TextEncoder().encode('stakeholder,outcome\r\nA,B\r\n'),
      'not_a_zip',
      'the file is not an .xlsx workbook (an .xlsx file is a zip archive; this one starts with other bytes — a CSV or text file is read as a table, not as a workbook)',
    ],
    [
      'an Excel 97–2003 .xls',
      oleFile('Workbook'),
      'legacy_xls',
      'the file is an Excel 97–2003 workbook (.xls), which sroi does not read; open it and save it as an Excel Workbook (.xlsx)',
    ],
    [
      'a password-protected workbook',
      oleFile('EncryptedPackage'),
      'encrypted',
      'the workbook is password-protected (encrypted), so its cells cannot be read; open it, remove the password (File › Info › Protect Workbook › Encrypt with Password in Excel) and save it again',
    ],
    [
      'an OpenDocument spreadsheet',
      zip({
        mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
        'content.xml': '<x/>',
        'META-INF/manifest.xml': '<m/>',
      }),
      'not_a_workbook',
      'the file is an OpenDocument file (.ods); save it as an Excel Workbook (.xlsx)',
    ],
    [
      'a Word document',
      zip({
        '_rels/.rels':
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        'word/document.xml': '<w/>',
      }),
      'not_a_workbook',
      'the file is a Word document, not a workbook',
    ],
    [
      'a zip of other files',
      zip({ 'notes.txt': 'hello' }),
      'not_a_workbook',
      'the file is a zip archive that holds no workbook',
    ],
  ])('refuses %s with one located issue and no workbook', (_what, bytes, code, message) => {
    expect(readWorkbook(bytes)).toEqual({ issues: [{ code, where: 'workbook', message }] });
  });

  it('refuses a damaged zip archive', () => {
    const { workbook, issues } = read(small.subarray(0, small.length - 30));
    expect(workbook).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({ code: 'not_a_workbook', where: 'workbook' }),
    ]);
    expect(issues[0]?.message).toMatch(
      /^the file is a damaged zip archive \(.+\); open it in a spreadsheet and save it again as \.xlsx$/,
    );
  });

  it('refuses a zip bomb by the sizes it declares, before inflating anything', () => {
    // 2 GiB declared for each part: far over the 100 MiB limit
    const { workbook, issues } = read(declareSize(small, 2 ** 31));
    expect(workbook).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ code: 'too_large', where: 'workbook' })]);
    expect(issues[0]?.message).toMatch(
      /its XML parts unpack to more than 100 MiB \(.+ declares 2147483648 bytes\)/,
    );
  });

  it('cuts a part that declares less than it holds at its declared size, and says it is damaged', () => {
    const { workbook, issues } = read(declareSize(small, 40));
    expect(workbook).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ code: 'invalid_xml', where: 'workbook' })]);
  });

  it('refuses more zip entries, or more cells, than its limits', () => {
    expect(read(small, { limits: { maxEntries: 3 } }).issues).toEqual([
      expect.objectContaining({
        code: 'too_large',
        message: expect.stringContaining('the archive has more than 3 entries') as unknown,
      }),
    ]);
    const threeCells = xlsxPackage({
      sheets: [
        {
          name: 'S',
          xml: '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>',
        },
      ],
    });
    expect(read(threeCells, { limits: { maxCells: 3 } }).issues).toEqual([]);
    const refused = read(threeCells, { limits: { maxCells: 2 } });
    expect(refused.workbook).toBeUndefined();
    expect(refused.issues).toEqual([
      {
        code: 'too_large',
        where: 'S',
        sheet: 'S',
        message:
          "the workbook has more than 2 cells, beyond sroi's limit for a workbook; the workbook is refused",
      },
    ]);
  });

  it('refuses a sheet that declares a size beyond the grid', () => {
    const sheet = worksheet('<row r="1"><c r="A1"><v>1</v></c></row>').replace(
      '<sheetData>',
      '<dimension ref="A1:ZZZZ99999999"/><sheetData>',
    );
    const { workbook, issues } = read(xlsxPackage({ sheets: [{ name: 'Big sheet', xml: sheet }] }));
    expect(workbook).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ code: 'too_large', where: "'Big sheet'" })]);
  });

  it('says where a part is not well-formed XML, or not UTF-8', () => {
    const broken = read(
      xlsxPackage({ sheets: [{ name: 'S', xml: '<row r="1">\n<c r="A1"><v>1</c></row>' }] }),
    );
    expect(broken.issues).toEqual([
      {
        code: 'invalid_xml',
        where: 'workbook',
        message: 'the workbook is damaged: xl/worksheets/sheet1.xml, line 2: </c> closes <v>',
      },
    ]);
    const latin1 = read(
      xlsxPackage({
        sheets: [{ name: 'S', xml: '' }],
        extra: {
          'xl/sharedStrings.xml': new Uint8Array([
            0x3c, 0x73, 0x73, 0x74, 0x3e, 0xa3, 0x3c, 0x2f, 0x73, 0x73, 0x74, 0x3e,
          ]),
        },
      }),
    );
    expect(latin1.issues).toEqual([
      {
        code: 'invalid_xml',
        where: 'workbook',
        message: 'the workbook is damaged: xl/sharedStrings.xml is not valid UTF-8 or UTF-16 text',
      },
    ]);
  });

  it('never throws, whatever the bytes (a real workbook with bytes changed)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(small.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (changes) => {
          const bytes = small.slice();
          for (const [at, byte] of changes) bytes[at] = byte;
          const result = readWorkbook(bytes);
          return result.workbook !== undefined || result.issues.length > 0;
        },
      ),
      { numRuns: 300 },
    );
  });
});
