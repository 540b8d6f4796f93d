import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../src/csv/readCsvTable.js';

const known = ['name', 'value', 'year'];
const scoreHeader = (cells: readonly string[]) =>
  cells.filter((cell) => known.includes(cell.trim())).length;

function table(text: string) {
  const read = readCsvTable(text, { file: 't.csv', scoreHeader });
  if (!read.ok) throw new Error(read.issue.message);
  return read.table;
}

describe('readCsvTable', () => {
  it.each([
    [',', 'name,value\nGrant,1\n'],
    [';', 'name;value\nGrant;"1,5"\n'],
    ['\t', 'name\tvalue\nGrant\t1\n'],
  ])('detects the delimiter %j', (delimiter, text) => {
    expect(table(text).delimiter).toBe(delimiter);
  });

  it('prefers the delimiter whose header names more columns', () => {
    // With ',' the header reads ['name;value;year'] (no known column); with ';' it names three.
    expect(table('name;value;year\n"a, b";1;2\n').delimiter).toBe(';');
  });

  it('strips a byte-order mark and reads CRLF, LF and CR line ends alike', () => {
    for (const newline of ['\r\n', '\n', '\r']) {
      const read = table(`\uFEFFname,value${newline}Grant,1${newline}Gift,2${newline}`);
      expect(read.headers).toEqual(['name', 'value']);
      expect(read.rows).toEqual([
        { line: 2, cells: ['Grant', '1'] },
        { line: 3, cells: ['Gift', '2'] },
      ]);
    }
  });

  it('finds the header below title rows and counts them', () => {
    const read = table('Annual return,,\nDraft,,\n,,\nname,value,year\nGrant,1,0\n');
    expect(read.headerLine).toBe(4);
    expect(read.titleRows).toBe(2); // the blank line above the header is not a title
    expect(read.rows).toEqual([{ line: 5, cells: ['Grant', '1', '0'] }]);
  });

  it('keeps physical line numbers after quoted cells with newlines', () => {
    const read = table('name,value\n"Grant\r\nfrom the\r\ncouncil",1\nGift,2\n');
    expect(read.rows.map((row) => row.line)).toEqual([2, 5]);
    expect(read.rows[0]?.cells[0]).toBe('Grant\nfrom the\ncouncil');
  });

  it('counts blank and comment rows instead of returning them', () => {
    const read = table('name,value\n,\n# a note, with a comma\nGrant,1\n\n  ,  \n#DIV/0!,1\n');
    expect(read.blankRows).toBe(3);
    expect(read.commentRows).toBe(1);
    // #DIV/0! is a spreadsheet error, not a comment: the row stays a data row.
    expect(read.rows.map((row) => row.line)).toEqual([4, 7]);
  });

  it('never converts a cell', () => {
    expect(table('name,value\n007,1.50\n').rows[0]?.cells).toEqual(['007', '1.50']);
  });

  it('reports an empty file', () => {
    const read = readCsvTable(' \r\n\r\n', { file: 'e.csv', scoreHeader });
    expect(read).toMatchObject({
      ok: false,
      rowsRead: 0,
      issue: { code: 'csv_header', file: 'e.csv' },
    });
  });

  it('reports a file without a header row', () => {
    const read = readCsvTable('just some text\nmore text\n', { file: 'p.csv', scoreHeader });
    expect(read).toMatchObject({ ok: false, issue: { code: 'csv_header', line: 1 } });
  });

  it('reports a quote that is never closed, at the line where its row starts', () => {
    const read = readCsvTable('name,value\nGrant,1\n"Gift,2\nOther,3\n', {
      file: 'q.csv',
      scoreHeader,
    });
    expect(read).toMatchObject({ ok: false, rowsRead: 2, issue: { code: 'csv_row', line: 3 } });
  });
});

describe('readCsvTable (long input)', () => {
  it('reads a comment row of a million characters in linear time', () => {
    const read = table(`name,value\n#${'A'.repeat(1_000_000)}\nGrant,1\n`);
    expect(read.commentRows).toBe(1);
    expect(read.rows).toEqual([{ line: 3, cells: ['Grant', '1'] }]);
  });

  it('reports a file without a header with a short excerpt of its first line', () => {
    const read = readCsvTable(`${'prose '.repeat(200_000)}\n`, { file: 'p.csv', scoreHeader });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issue.message.length).toBeLessThan(250);
  });
});
