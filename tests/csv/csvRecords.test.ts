/**
 * The records of CSV text as the reader takes them from csv-parse (`_csvRecords.ts`): the rules
 * sroi's own tokenizer used to be tested for, now the reader's own — quoted newlines, CRLF, LF
 * and CR, a byte-order mark, a quote never closed (located at the line its row starts on), stray
 * quotes — and that reading the text piece by piece gives exactly what one csv-parse call on the
 * whole text gives, whatever the size of the pieces.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/csv/_csvRecords.js';
import type { CsvRecordsOptions } from '../../src/csv/_csvRecords.js';
import type { CsvDelimiter } from '../../src/csv/readCsvTable.js';

interface Read {
  readonly records: string[][];
  readonly lines: number[];
  readonly error?: number;
}

function read(text: string, delimiter: CsvDelimiter = ',', options?: CsvRecordsOptions): Read {
  const records: string[][] = [];
  const lines: number[] = [];
  const end = csvRecords(
    text,
    delimiter,
    (cells, line) => {
      records.push(cells);
      lines.push(line);
    },
    options,
  );
  expect(end.records).toBe(records.length);
  return { records, lines, ...(end.error === undefined ? {} : { error: end.error.line }) };
}

/**
 * One csv-parse call on the whole text, with every line end made LF first (so that its cells
 * hold LF, as the reader's do); the records before an error are kept.
 */
function wholeText(text: string, delimiter: CsvDelimiter): { records: string[][]; error: boolean } {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const records: string[][] = [];
  try {
    parse(normalised, {
      delimiter,
      cast: false,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[]) => {
        records.push(record);
        return null;
      },
    });
    return { records, error: false };
  } catch {
    return { records, error: true };
  }
}

describe('csvRecords', () => {
  it.each([
    // [text, records, start lines] — each worked out by reading the text by RFC 4180 by hand.
    [
      'a,b\nc,d\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      [1, 2],
    ],
    [
      'a,b\r\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      [1, 2],
    ],
    [
      'a,b\rc,d\r',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      [1, 2],
    ],
    ['a\r\nb\nc\rd', [['a'], ['b'], ['c'], ['d']], [1, 2, 3, 4]], // mixed line ends, one each
    ['a\r\n\r\nb\n', [['a'], [''], ['b']], [1, 2, 3]],
    [
      'a,\n,b\n,\n',
      [
        ['a', ''],
        ['', 'b'],
        ['', ''],
      ],
      [1, 2, 3],
    ],
    ['"a,b","c""d"\n', [['a,b', 'c"d']], [1]],
    ['"two\r\nlines",x\ny\n', [['two\nlines', 'x'], ['y']], [1, 3]],
    ['"cr\ronly",x\r"lf\nonly"\r\n', [['cr\nonly', 'x'], ['lf\nonly']], [1, 3]],
    ['x\n"a\r\n\r\nb"\nz\n', [['x'], ['a\n\nb'], ['z']], [1, 2, 5]],
    ['"",""""\n', [['', '"']], [1]],
    ['\uFEFFname\n', [['name']], [1]],
    ['x\uFEFF,é,😀,中文\n', [['x\uFEFF', 'é', '😀', '中文']], [1]],
    ['£1,€2\n', [['£1', '€2']], [1]],
    [' "a" ,b\n', [[' "a" ', 'b']], [1]],
    ['ab"c,d\n', [['ab"c', 'd']], [1]],
    ['"a"b"c,d\n', [['"a"b"c', 'd']], [1]],
    ['', [], []],
    ['\uFEFF', [], []],
    ['\n', [['']], [1]],
  ])('reads %j', (text, records, lines) => {
    expect(read(text)).toEqual({ records, lines });
  });

  it('splits at the delimiter it is given, and at no other', () => {
    expect(read('a;b,c\td\n', ';').records).toEqual([['a', 'b,c\td']]);
    expect(read('a;b,c\td\n', '\t').records).toEqual([['a;b,c', 'd']]);
  });

  it('locates a quote that is never closed at the line its row starts on, after the rows before it', () => {
    // Rows on lines 1 and 2 (the quoted newline), a blank line 3; the row on line 4 never closes.
    expect(read('a,"b\nc"\n\nd,"e\nf,g\n')).toEqual({
      records: [['a', 'b\nc'], ['']],
      lines: [1, 3],
      error: 4,
    });
    expect(read('"""\n').error).toBe(1); // `""` is a quote inside the cell
  });

  it('stops when visit returns false, and after the limit', () => {
    const seen: string[][] = [];
    const end = csvRecords('a\nb\n"c\n', ',', (cells) => {
      seen.push(cells);
      return seen.length < 2;
    });
    expect(seen).toEqual([['a'], ['b']]);
    expect(end).toEqual({ records: 2 }); // the unclosed quote after the stop is never reached
    expect(read('a\nb\nc\n', ',', { limit: 2 }).records).toEqual([['a'], ['b']]);
  });

  it('reads a quoted cell that spans many pieces', () => {
    const long = `x,"${'line\r\n'.repeat(50)}end"\r\ny,z\r\n`;
    // The cell holds 50 line ends; the next row starts 51 lines below the first.
    expect(read(long, ',', { piece: 8 })).toEqual({
      records: [
        ['x', `${'line\n'.repeat(50)}end`],
        ['y', 'z'],
      ],
      lines: [1, 52],
    });
  });

  it('reads what one csv-parse call reads, with the lines of the file, in pieces of any size', () => {
    const fragment = fc.oneof(
      fc.constantFrom('"', '""', ',', ';', '\t', '\r', '\n', '\r\n', '\n\r', ' ', '#', '\uFEFF'),
      fc.constantFrom('a', 'bc', '£1,200.50', '25%', 'é', '😀', '中文'),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    );
    const csvText = fc
      .tuple(fc.boolean(), fc.array(fragment, { maxLength: 60 }))
      // One byte-order mark at most, at the start: csv-parse would drop a second one there too.
      .map(([bom, parts]) => (bom ? '\uFEFF' : '') + parts.join('').replace(/^\uFEFF+/, ''));
    const delimiter = fc.constantFrom<CsvDelimiter>(',', ';', '\t');
    const piece = fc.integer({ min: 1, max: 40 });
    fc.assert(
      fc.property(csvText, delimiter, piece, (text, d, size) => {
        const ours = read(text, d, { piece: size });
        const theirs = wholeText(text, d);
        expect(ours.records).toEqual(theirs.records);
        expect(ours.error !== undefined).toBe(theirs.error);
        // Lines: a record starts one line after the previous one ends, and a record spans one
        // line plus one for each newline inside its cells (all line ends are `\n` in the cells).
        let line = 1;
        theirs.records.forEach((cells, index) => {
          expect(ours.lines[index]).toBe(line);
          line += 1 + cells.join('').split('\n').length - 1;
        });
        if (theirs.error) expect(ours.error).toBe(line);
      }),
      { numRuns: 3000 },
    );
  });
});
