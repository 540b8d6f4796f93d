/**
 * The RFC 4180 tokenizer behind `readCsvTable`: one pass of character codes over the text, cells
 * sliced out of it, no per-character strings. It reads exactly what csv-parse 6 reads with the
 * options `readCsvTable` used to give it (`relax_quotes`, `relax_column_count`, no empty lines
 * skipped, no casting) on the text with its byte-order mark removed and its line ends made LF;
 * `tests/csv/tokenizeCsv.test.ts` checks that on random text.
 */
import type { CsvDelimiter } from './readCsvTable.js';

const QUOTE = 34; // "
const LF = 10; // \n
const CR = 13; // \r
const BOM = 0xfeff;

/** How `tokenizeCsv` ended. */
export interface TokenizeCsvEnd {
  /** How many records were given to `visit`. */
  readonly records: number;
  /**
   * The physical line on which the record starts whose quoted cell is never closed; that record
   * and everything after it were not given to `visit`.
   */
  readonly unclosedQuoteLine?: number;
}

/**
 * Splits CSV text into records and gives each to `visit` with the physical line (1-based) on
 * which it starts; stops early when `visit` returns `false`. A leading byte-order mark is
 * skipped. CRLF, LF and CR all end a record, and all count as one line; inside a quoted cell
 * each of them becomes `\n`. A quoted cell keeps its delimiters and newlines, and `""` in it is
 * one `"`. Like csv-parse with `relax_quotes`, a `"` inside an unquoted cell is an ordinary
 * character, and a closing quote followed by more text keeps both quotes and reads on to the
 * delimiter (`"a"b` → `"a"b`). A blank line is a record of one empty cell. Cells are never
 * trimmed or converted.
 *
 * @example
 * const seen: [string[], number][] = [];
 * tokenizeCsv('name,note\r\nGrant,"two\r\nlines"\r\nGift,"say ""hi"""\r\n', ',', (cells, line) => {
 *   seen.push([cells, line]);
 * });
 * seen;
 * //=> [[['name', 'note'], 1], [['Grant', 'two\nlines'], 2], [['Gift', 'say "hi"'], 4]]
 */
export function tokenizeCsv(
  text: string,
  delimiter: CsvDelimiter,
  visit: (cells: string[], line: number) => unknown,
): TokenizeCsvEnd {
  const n = text.length;
  const separator = delimiter.charCodeAt(0);
  let pos = n > 0 && text.charCodeAt(0) === BOM ? 1 : 0;
  let line = 1;
  let records = 0;
  while (pos < n) {
    const recordLine = line;
    const cells: string[] = [];
    // `code` is the character that ended the last cell: the separator, LF, CR, or -1 at the end.
    let code: number;
    for (;;) {
      let cell: string;
      if (pos < n && text.charCodeAt(pos) === QUOTE) {
        // A quoted cell: up to the closing quote, `""` as one quote, line ends as `\n`.
        pos += 1;
        let from = pos;
        cell = '';
        for (;;) {
          if (pos >= n) return { records, unclosedQuoteLine: recordLine };
          const c = text.charCodeAt(pos);
          if (c === QUOTE) {
            if (pos + 1 < n && text.charCodeAt(pos + 1) === QUOTE) {
              cell += text.slice(from, pos + 1);
              pos += 2;
              from = pos;
              continue;
            }
            cell += text.slice(from, pos);
            pos += 1;
            break;
          }
          if (c === LF || c === CR) {
            cell += `${text.slice(from, pos)}\n`;
            pos += c === CR && pos + 1 < n && text.charCodeAt(pos + 1) === LF ? 2 : 1;
            line += 1;
            from = pos;
            continue;
          }
          pos += 1;
        }
        code = pos < n ? text.charCodeAt(pos) : -1;
        if (code !== -1 && code !== separator && code !== LF && code !== CR) {
          // Text after the closing quote: both quotes are kept and the cell reads on, unquoted.
          const start = pos;
          pos = endOfUnquoted(text, pos, separator);
          code = pos < n ? text.charCodeAt(pos) : -1;
          cell = `"${cell}"${text.slice(start, pos)}`;
        }
      } else {
        const start = pos;
        pos = endOfUnquoted(text, pos, separator);
        code = pos < n ? text.charCodeAt(pos) : -1;
        cell = text.slice(start, pos);
      }
      cells.push(cell);
      if (code !== separator) break;
      pos += 1;
    }
    if (code === CR) {
      pos += pos + 1 < n && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      line += 1;
    } else if (code === LF) {
      pos += 1;
      line += 1;
    }
    records += 1;
    if (visit(cells, recordLine) === false) break;
  }
  return { records };
}

/** Where an unquoted run from `pos` ends: at the separator, LF or CR, or the end of the text. */
function endOfUnquoted(text: string, pos: number, separator: number): number {
  let i = pos;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === separator || c === LF || c === CR) return i;
    i += 1;
  }
  return i;
}
