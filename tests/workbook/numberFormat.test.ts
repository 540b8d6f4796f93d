import { describe, expect, it } from 'vitest';
import { builtInNumberFormatKind, numberFormatKind } from '../../src/workbook/numberFormat.js';

describe('numberFormatKind', () => {
  it.each([
    ['General', 'general'],
    ['0', 'number'],
    ['#,##0.00', 'number'],
    ['0.00E+00', 'number'],
    ['#,##0.00 "days"', 'number'], // the d, a, y, s are quoted text, not a date
    ['[Red]0.00;(0.00)', 'number'],
    ['0%', 'percent'],
    ['0.0%', 'percent'],
    ['#,##0.00\\%', 'number'], // an escaped % is a literal sign: the value is not scaled
    ['dd/mm/yyyy', 'date'],
    ['d-mmm-yy', 'date'],
    ['h:mm AM/PM', 'date'],
    ['[h]:mm:ss', 'date'],
    ['[$-409]mmmm d, yyyy', 'date'], // a locale tag, not a currency
    ['[$£-809]#,##0.00', 'currency'],
    ['"£"#,##0.00', 'number'], // the £ is quoted text here
    ['£#,##0.00', 'currency'],
    ['[$€-1809]#,##0.00;-[$€-1809]#,##0.00', 'currency'],
    ['@', 'text'],
  ])('%s is %s', (code, kind) => {
    expect(numberFormatKind(code)).toBe(kind);
  });

  it('knows the kind of the built-in formats, including those that depend on the locale', () => {
    // ECMA-376 §18.8.30: 9 and 10 percentages, 14–22 dates and times, 5–8 and 41–44 currency
    expect([9, 10, 14, 22, 5, 44, 49, 4, 0, 200].map(builtInNumberFormatKind)).toEqual([
      'percent',
      'percent',
      'date',
      'date',
      'currency',
      'currency',
      'text',
      'number',
      'general',
      'general',
    ]);
  });
});
