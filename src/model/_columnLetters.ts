/**
 * A spreadsheet's column letters, said once for every reader that names a column: the CSV
 * reader's column mapping (`--map "deadweight=F"`) and the workbook's cell addresses.
 */

/** The letters of a 1-based column number, as a spreadsheet writes them: 28 → `AB`. */
export function lettersOfColumn(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The 1-based number of a column's upper-case letters: `AB` → 28. */
export function columnOfLetters(letters: string): number {
  let column = 0;
  for (let i = 0; i < letters.length; i++) column = column * 26 + letters.charCodeAt(i) - 64;
  return column;
}
