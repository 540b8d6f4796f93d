import { columnLetters, MAX_COLUMNS, MAX_ROWS, parseCellAddress } from './cellAddress.js';

/**
 * A shared formula's text for a cell `rows` down and `columns` right of the cell that states it
 * (Excel writes a filled-down formula once, `<f t="shared" ref="B2:B9" si="0">A2*3</f>`, and the
 * other cells only as `<f t="shared" si="0"/>`): every relative A1 reference moves, `$`-anchored
 * parts stay. Text in double quotes, function names and sheet names are left alone. Whole-column
 * and whole-row references (`A:A`, `3:3`) are left as written.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const c = formula[i] ?? '';
    if (c === '"' || c === "'") {
      // a string literal, or a quoted sheet name: copy to the closing quote (doubled quotes escape)
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === c) {
          if (formula[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const match = REFERENCE.exec(formula.slice(i));
    const before = i === 0 ? '' : (formula[i - 1] ?? '');
    if (match !== null && !/[A-Za-z0-9_.$]/.test(before)) {
      const [whole, colAnchor = '', letters = '', rowAnchor = '', digits = ''] = match;
      const after = formula[i + whole.length] ?? '';
      const cell = parseCellAddress(`${letters}${digits}`);
      if (cell !== undefined && !/[A-Za-z0-9_(!]/.test(after)) {
        const column = colAnchor === '$' ? cell.column : cell.column + columns;
        const row = rowAnchor === '$' ? cell.row : cell.row + rows;
        if (column < 1 || row < 1 || column > MAX_COLUMNS || row > MAX_ROWS) out += '#REF!';
        else out += `${colAnchor}${columnLetters(column)}${rowAnchor}${row}`;
        i += whole.length;
        continue;
      }
      out += whole;
      i += whole.length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

const REFERENCE = /^(\$?)([A-Z]{1,3})(\$?)([0-9]+)/;
