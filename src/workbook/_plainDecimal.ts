/**
 * A number as a workbook stores it (`<v>1.5E-3</v>`, `<v>-0</v>`, `<v>12</v>`) in plain decimal
 * notation (`"0.0015"`, `"0"`, `"12"`), exactly: digits are moved, never computed through a
 * float. `undefined` when the text is not a number.
 */
export function plainDecimal(text: string): string | undefined {
  const match = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
  if (match === null) return undefined;
  const [, sign = '', whole = '', fraction = '', exponentText] = match;
  if (whole === '' && fraction === '') return undefined;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return undefined;
  // all digits, and where the decimal point falls among them
  const digits = whole + fraction;
  const point = whole.length + exponent;
  let integer: string;
  let decimals: string;
  if (point <= 0) {
    integer = '0';
    decimals = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    integer = digits + '0'.repeat(point - digits.length);
    decimals = '';
  } else {
    integer = digits.slice(0, point);
    decimals = digits.slice(point);
  }
  integer = integer.replace(/^0+(?=\d)/, '');
  decimals = decimals.replace(/0+$/, '');
  const plain = decimals === '' ? integer : `${integer}.${decimals}`;
  return sign === '-' && /[1-9]/.test(plain) ? `-${plain}` : plain;
}
