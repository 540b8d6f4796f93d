/**
 * CSV text split into records by csv-parse (docs/decisions/0012-csv-on-csv-parse.md): the
 * one place sroi calls it. Each record is given to a visitor as it is read and never kept, with
 * the physical line on which it starts. csv-parse reads RFC 4180 with the options spreadsheet
 * exports need: a byte-order mark removed, CRLF, LF and CR all ending a record, a stray `"`
 * inside an unquoted cell kept as text (`relax_quotes`), rows of any length, blank lines kept as
 * records of one empty cell, and no cell ever converted.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { Options } from 'csv-parse/sync';
import type { CsvDelimiter } from './readCsvTable.js';

/** How `csvRecords` ended. */
export interface CsvRecordsEnd {
  /** How many records were given to `visit`. */
  readonly records: number;
  /**
   * Why the text could not be read to its end — a quote never closed, at the physical line on
   * which its record starts; that record and everything after it were not given to `visit`.
   */
  readonly error?: { readonly line: number; readonly message: string };
}

/** Options of `csvRecords`. */
export interface CsvRecordsOptions {
  /** Give at most this many records. */
  readonly limit?: number;
  /** How many characters csv-parse reads at a time at least (tests make it small). */
  readonly piece?: number;
  /** Read only the text up to the first line end from this many characters on. */
  readonly within?: number;
}

/** Thrown from the visitor to stop csv-parse early; never escapes this module. */
const STOP = Symbol('stop');

/**
 * How much text csv-parse reads at a time, in characters (64 K). The text is given to it in pieces that
 * end at a line end, so that only one piece's records are ever held (and each piece's records
 * are garbage at once, which is cheaper than a callback per record).
 */
const PIECE = 1 << 16;

/**
 * csv-parse's options (see the top of this file) for a piece of text: every kind of line end
 * ends a record, and when the piece uses one kind only, that one is given alone, which csv-parse
 * reads faster (a line end inside a quoted cell is part of the cell either way).
 */
function optionsFor(delimiter: CsvDelimiter, ends: LineEnds): Options {
  return {
    delimiter,
    cast: false,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    record_delimiter: ends.kind === 'mixed' ? ['\r\n', '\n', '\r'] : ends.kind,
  };
}

/** The line ends of a piece: which kind it uses, and how many (CRLF counts one). */
interface LineEnds {
  readonly kind: '\n' | '\r' | '\r\n' | 'mixed';
  readonly count: number;
}

/** Counts `of` in `piece`, by indexOf: faster than a loop over every character. */
function occurrences(piece: string, of: string, from: number): number {
  let count = 0;
  for (let at = from; at !== -1; at = piece.indexOf(of, at + 1)) count += 1;
  return count;
}

function lineEndsOf(piece: string): LineEnds {
  const cr = piece.indexOf('\r');
  const lf = piece.indexOf('\n');
  if (cr === -1) return { kind: '\n', count: lf === -1 ? 0 : occurrences(piece, '\n', lf) };
  if (lf === -1) return { kind: '\r', count: occurrences(piece, '\r', cr) };
  // CRLF only: every CR is followed by an LF, and every LF follows a CR.
  let crlf = 0;
  let mixed = false;
  for (let at = lf; at !== -1 && !mixed; at = piece.indexOf('\n', at + 1)) {
    if (piece.charCodeAt(at - 1) === CR) crlf += 1;
    else mixed = true;
  }
  for (let at = cr; at !== -1 && !mixed; at = piece.indexOf('\r', at + 1)) {
    if (piece.charCodeAt(at + 1) !== LF) mixed = true;
  }
  if (!mixed) return { kind: '\r\n', count: crlf };
  let count = 0;
  for (let i = 0; i < piece.length; i += 1) {
    const c = piece.charCodeAt(i);
    if (c === LF || (c === CR && piece.charCodeAt(i + 1) !== LF)) count += 1;
  }
  return { kind: 'mixed', count };
}

/**
 * What csv-parse is given for a piece: in Node, a piece whose characters all fit in one byte
 * (ASCII, `£`, `€` excepted…) as Latin-1 bytes, which csv-parse turns back into the same text
 * faster than UTF-8; otherwise the text itself.
 */
function input(piece: string, options: Options): [string | Uint8Array, Options] {
  if (typeof Buffer === 'undefined' || BEYOND_LATIN_1.test(piece)) return [piece, options];
  return [Buffer.from(piece, 'latin1'), { ...options, encoding: 'latin1' }];
}

/** A character that Latin-1 cannot hold (above U+00FF). */
const BEYOND_LATIN_1 = /[\u0100-\uffff]/;

/**
 * Splits CSV text into records and gives each to `visit` with the physical line (1-based) on
 * which it starts and the number of line ends inside its quoted cells, stopping early when
 * `visit` returns `false` or after `options.limit` records. Inside a quoted cell, CRLF and CR become LF,
 * and each line end counts one line, so the lines of the records after it stay the lines of
 * the file.
 *
 * @example
 * const seen: [string[], number][] = [];
 * csvRecords('name,note\r\nGrant,"two\r\nlines"\r\nGift,"say ""hi"""\r\n', ',', (cells, line) => {
 *   seen.push([cells, line]);
 * });
 * seen;
 * //=> [[['name', 'note'], 1], [['Grant', 'two\nlines'], 2], [['Gift', 'say "hi"'], 4]]
 */
export function csvRecords(
  all: string,
  delimiter: CsvDelimiter,
  visit: (cells: string[], line: number, lineEnds: number) => unknown,
  options: CsvRecordsOptions = {},
): CsvRecordsEnd {
  const { limit, piece: pieceSize = PIECE, within } = options;
  const text = within === undefined ? all : all.slice(0, pieceEnd(all, within));
  let records = 0;
  let line = 1; // the line on which the next record starts
  const give = (cells: string[], plain = false): boolean => {
    const start = line;
    const ends = plain ? 0 : lineEndsIn(cells);
    line += 1 + ends;
    records += 1;
    return visit(cells, start, ends) !== false && (limit === undefined || records < limit);
  };
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark
  while (start < text.length) {
    // A piece ends at a line end. When that line end is inside a quoted cell, csv-parse finds
    // the quote open at the end of the piece, and the piece grows until the quote closes.
    let size = pieceSize;
    let end = pieceEnd(text, start + size);
    let rows: string[][] | undefined;
    let ends: LineEnds = { kind: '\n', count: 0 };
    while (rows === undefined) {
      const piece = text.slice(start, end);
      ends = lineEndsOf(piece);
      try {
        // eslint-disable-next-line no-restricted-syntax -- bounded: input() gives two arguments, the text and the options
        rows = parse(...input(piece, optionsFor(delimiter, ends)));
      } catch (error) {
        if (end === text.length || !(error instanceof CsvError)) {
          const rest = text.slice(start);
          return failed(rest, optionsFor(delimiter, lineEndsOf(rest)), give, () => ({
            records,
            line,
          }));
        }
        size *= 2;
        end = pieceEnd(text, start + size);
      }
    }
    // When the piece has no more line ends than the records it ends, no cell holds one: nothing
    // to count. (Its last record ends without a line end when the text does.)
    const last = text.charCodeAt(end - 1);
    const ended = last === LF || last === CR ? rows.length : rows.length - 1;
    const plain = ends.count <= ended;
    for (const cells of rows) if (!give(cells, plain)) return { records };
    start = end;
  }
  return { records };
}

/** The end of a piece that starts before `from`: just after the first line end from there. */
function pieceEnd(text: string, from: number): number {
  if (from >= text.length) return text.length;
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return text.length;
}

const LF = 10;
const CR = 13;

/**
 * The last piece, which csv-parse cannot read to its end: its records up to the problem are
 * given one by one, then the problem is located at the line where its record starts.
 */
function failed(
  piece: string,
  options: Options,
  give: (cells: string[]) => boolean,
  state: () => { records: number; line: number },
): CsvRecordsEnd {
  try {
    parse(piece, {
      ...options,
      on_record: (cells: string[]) => {
        if (!give(cells)) throw STOP;
        return null; // not kept
      },
    });
  } catch (error) {
    const { records, line } = state();
    if (error === STOP) return { records };
    if (!(error instanceof CsvError)) throw error;
    return {
      records,
      error: {
        line,
        message:
          error.code === 'CSV_QUOTE_NOT_CLOSED'
            ? `a quoted cell in the row that starts on line ${line} is never closed: add the missing " (everything after it was read as one cell)`
            : `the row that starts on line ${line} cannot be read as CSV (${error.code})`,
      },
    };
  }
  return { records: state().records };
}

/**
 * The line ends inside a record's quoted cells (CRLF and CR count one each, as LF), each made
 * LF in the cell.
 */
function lineEndsIn(cells: string[]): number {
  let ends = 0;
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i] as string;
    const cr = cell.indexOf('\r');
    if (cr === -1 && cell.indexOf('\n') === -1) continue;
    const normalised = cr === -1 ? cell : cell.replace(/\r\n?/g, '\n');
    cells[i] = normalised;
    for (let at = normalised.indexOf('\n'); at !== -1; at = normalised.indexOf('\n', at + 1)) {
      ends += 1;
    }
  }
  return ends;
}
