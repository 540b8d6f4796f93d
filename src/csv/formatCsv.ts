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
  if (!FORMULA_START.test(cell) || PLAIN_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}

/**
 * Writes rows as CSV text that spreadsheets open safely: every cell passes through
 * `neutraliseCsvCell`, and a cell holding the delimiter, a quote or a line break is quoted
 * (`"` doubled). `null` and `undefined` cells are written empty.
 *
 * @example
 * formatCsv([['outcome', 'presentValue'], ['Less isolated, older people', '-250'], ['@SUM(A1)', null]]);
 * //=> 'outcome,presentValue\r\n"Less isolated, older people",-250\r\n\'@SUM(A1),\r\n'
 */
export function formatCsv(
  rows: readonly (readonly (string | number | null | undefined)[])[],
  options: FormatCsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const newline = options.newline ?? '\r\n';
  let out = '';
  for (const row of rows) {
    out +=
      row
        .map((value) => {
          const cell = neutraliseCsvCell(
            value === null || value === undefined ? '' : String(value),
          );
          return cell.includes(delimiter) || /["\r\n]/.test(cell)
            ? `"${cell.replaceAll('"', '""')}"`
            : cell;
        })
        .join(delimiter) + newline;
  }
  return out;
}
