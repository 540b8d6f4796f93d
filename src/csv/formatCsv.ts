import { SroiError } from '../model/SroiError.js';

/** Options of `formatCsv`. */
export interface FormatCsvOptions {
  /** Default `,`. */
  readonly delimiter?: ',' | ';' | '\t';
  /** Line end, default `\r\n` (RFC 4180, and what spreadsheets write). */
  readonly newline?: '\r\n' | '\n';
}

const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes one cell safe to open in a spreadsheet (CSV formula injection, OWASP): text that begins
 * with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so a spreadsheet
 * shows it as text instead of running it as a formula. A plain number such as `-1200.5` or
 * `1.5e-7` is left as it is, so that negative figures stay numbers a spreadsheet can add up; a
 * plain number cannot hold a formula.
 *
 * @example
 * [neutraliseCsvCell('=HYPERLINK("http://x")'), neutraliseCsvCell('-1200.5'), neutraliseCsvCell('-not a number')];
 * //=> ['\'=HYPERLINK("http://x")', '-1200.5', "'-not a number"]
 */
export function neutraliseCsvCell(cell: string): string {
  if (typeof cell !== 'string') throw wrong('neutraliseCsvCell', 'cell must be a string', cell);
  if (!FORMULA_START.test(cell) || PLAIN_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}

/**
 * Writes rows as CSV text that spreadsheets open safely: every cell passes through
 * `neutraliseCsvCell`, and a cell holding the delimiter, a quote or a line break is quoted
 * (`"` doubled). `null` and `undefined` cells are written empty. A cell that is not text, a
 * finite number or empty (`NaN`, an object), rows that are not lists, or an unknown delimiter or
 * line end is a `SroiError` with code `INVALID_ARGUMENT`.
 *
 * @example
 * formatCsv([['outcome', 'presentValue'], ['Less isolated, older people', '-250'], ['@SUM(A1)', null]]);
 * //=> 'outcome,presentValue\r\n"Less isolated, older people",-250\r\n\'@SUM(A1),\r\n'
 */
export function formatCsv(
  rows: readonly (readonly (string | number | null | undefined)[])[],
  options: FormatCsvOptions = {},
): string {
  if (typeof options !== 'object' || options === null) {
    throw wrong('formatCsv', 'options must be an object', options);
  }
  const delimiter = options.delimiter ?? ',';
  const newline = options.newline ?? '\r\n';
  if (!Array.isArray(rows)) throw wrong('formatCsv', 'rows must be a list of rows', rows);
  if (!DELIMITERS.includes(delimiter)) {
    throw wrong('formatCsv', 'delimiter must be ",", ";" or a tab', delimiter);
  }
  if (!NEWLINES.includes(newline))
    throw wrong('formatCsv', 'newline must be "\\r\\n" or "\\n"', newline);
  let out = '';
  rows.forEach((row: unknown, r) => {
    if (!Array.isArray(row)) throw wrong('formatCsv', `rows[${r}] must be a list of cells`, row);
    out +=
      row
        .map((value: unknown, c) => {
          const ok =
            value === null ||
            value === undefined ||
            typeof value === 'string' ||
            (typeof value === 'number' && Number.isFinite(value));
          if (!ok) {
            throw wrong(
              'formatCsv',
              `rows[${r}][${c}] must be text, a finite number or empty`,
              value,
            );
          }
          const cell = neutraliseCsvCell(
            value === null || value === undefined ? '' : String(value),
          );
          return cell.includes(delimiter) || /["\r\n]/.test(cell)
            ? `"${cell.replaceAll('"', '""')}"`
            : cell;
        })
        .join(delimiter) + newline;
  });
  return out;
}

const DELIMITERS: readonly string[] = [',', ';', '\t'];
const NEWLINES: readonly string[] = ['\r\n', '\n'];

/** A wrong argument: the function, the rule, and the kind of value received. */
function wrong(fn: string, rule: string, value: unknown): SroiError {
  const kind =
    value === null || value === undefined || typeof value === 'number'
      ? String(value)
      : Array.isArray(value)
        ? 'a list'
        : typeof value === 'object'
          ? 'an object'
          : `a ${typeof value}`;
  return new SroiError('INVALID_ARGUMENT', `${fn}: ${rule}, got ${kind}`);
}
