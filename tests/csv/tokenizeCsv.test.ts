import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeCsv } from '../../src/csv/_tokenizeCsv.js';
import type { CsvDelimiter } from '../../src/csv/readCsvTable.js';

interface Read {
  readonly records: string[][];
  readonly lines: number[];
  readonly unclosedQuoteLine?: number;
}

function tokenize(text: string, delimiter: CsvDelimiter = ','): Read {
  const records: string[][] = [];
  const lines: number[] = [];
  const end = tokenizeCsv(text, delimiter, (cells, line) => {
    records.push(cells);
    lines.push(line);
  });
  expect(end.records).toBe(records.length);
  return {
    records,
    lines,
    ...(end.unclosedQuoteLine === undefined ? {} : { unclosedQuoteLine: end.unclosedQuoteLine }),
  };
}

/**
 * What `readCsvTable` read before it had a tokenizer of its own: csv-parse 6 with these options,
 * on the text without its byte-order mark and with every line end made LF. The records read
 * before an unclosed quote are kept, as `readCsvTable` kept them.
 */
function csvParse(text: string, delimiter: CsvDelimiter): { records: string[][]; error: boolean } {
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

describe('tokenizeCsv', () => {
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
    ['"",""""\n', [['', '"']], [1]],
    ['\uFEFFname\n', [['name']], [1]],
    ['x\uFEFF,é,😀\n', [['x\uFEFF', 'é', '😀']], [1]],
    [' "a" ,b\n', [[' "a" ', 'b']], [1]],
    ['ab"c,d\n', [['ab"c', 'd']], [1]],
    ['"a"b"c,d\n', [['"a"b"c', 'd']], [1]],
    ['"a""b"c\n', [['"a"b"c']], [1]],
    ['', [], []],
    ['\uFEFF', [], []],
    ['\n', [['']], [1]],
  ])('reads %j', (text, records, lines) => {
    expect(tokenize(text)).toEqual({ records, lines });
  });

  it('splits at the delimiter it is given, and at no other', () => {
    expect(tokenize('a;b,c\td\n', ';').records).toEqual([['a', 'b,c\td']]);
    expect(tokenize('a;b,c\td\n', '\t').records).toEqual([['a;b,c', 'd']]);
  });

  it('reports the line on which the row with an unclosed quote starts, after the rows before it', () => {
    // Rows on lines 1 and 2 (the quoted newline), a blank line 3; the row on line 4 never closes.
    expect(tokenize('a,"b\nc"\n\nd,"e\nf,g\n')).toEqual({
      records: [['a', 'b\nc'], ['']],
      lines: [1, 3],
      unclosedQuoteLine: 4,
    });
    expect(tokenize('"""\n').unclosedQuoteLine).toBe(1); // `""` is a quote inside the cell
  });

  it('stops when visit returns false', () => {
    const seen: string[][] = [];
    const end = tokenizeCsv('a\nb\n"c\n', ',', (cells) => {
      seen.push(cells);
      return seen.length < 2;
    });
    expect(seen).toEqual([['a'], ['b']]);
    expect(end).toEqual({ records: 2 }); // the unclosed quote after the stop is never reached
  });

  it('reads what csv-parse reads on the same text, with the same line numbers', () => {
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
    fc.assert(
      fc.property(csvText, delimiter, (text, d) => {
        const ours = tokenize(text, d);
        const theirs = csvParse(text, d);
        expect(ours.records).toEqual(theirs.records);
        expect(ours.unclosedQuoteLine !== undefined).toBe(theirs.error);
        // Lines: a record starts one line after the previous one ends, and a record spans one
        // line plus one for each newline inside its cells (all line ends are `\n` in the cells).
        let line = 1;
        theirs.records.forEach((cells, index) => {
          expect(ours.lines[index]).toBe(line);
          line += 1 + cells.join('').split('\n').length - 1;
        });
        if (theirs.error) expect(ours.unclosedQuoteLine).toBe(line);
      }),
      { numRuns: 3000 },
    );
  });
});
