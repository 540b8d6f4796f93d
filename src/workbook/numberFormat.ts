import { textArgument } from '../model/_arguments.js';
import type { NumberFormatKind } from './Workbook.js';

/**
 * The format codes of the built-in number formats a workbook refers to by id alone (ECMA-376
 * Part 1, §18.8.30). Ids 5–8 and 41–44 are the locale's currency and accounting formats, and
 * 27–36, 50–58 East Asian dates: their code depends on the locale, so only their kind is known.
 */
const BUILT_IN: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/**
 * The format code of a built-in number format id, or `undefined` for a locale-dependent one.
 *
 * @example
 * [builtInNumberFormat(10), builtInNumberFormat(7)];
 * //=> ['0.00%', undefined]
 */
export function builtInNumberFormat(id: number): string | undefined {
  return BUILT_IN[id];
}

/**
 * The kind of a built-in format id, including those whose code depends on the locale.
 *
 * @example
 * [builtInNumberFormatKind(9), builtInNumberFormatKind(7), builtInNumberFormatKind(14)];
 * //=> ['percent', 'currency', 'date']
 */
export function builtInNumberFormatKind(id: number): NumberFormatKind {
  const code = BUILT_IN[id];
  if (code !== undefined) return numberFormatKind(code);
  if ((id >= 5 && id <= 8) || (id >= 41 && id <= 44)) return 'currency';
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return 'date';
  return 'general';
}

/**
 * How a number format code shows a number: a percentage (`0.00%`: the cell holds 0.25 and shows
 * 25%), a date or time, a currency amount, text (`@`), a plain number, or General. Only the first
 * section (positive numbers) decides; quoted text, escaped characters and colours are ignored.
 *
 * @example
 * numberFormatKind('0.0%');
 * //=> 'percent'
 * @example
 * numberFormatKind('[$£-809]#,##0.00');
 * //=> 'currency'
 */
export function numberFormatKind(code: string): NumberFormatKind {
  textArgument('numberFormatKind', code, 'code');
  const currency = /\[\$[^\]-]/.test(code) || /[£$€¥]/.test(code.replace(/"[^"]*"/g, ''));
  const section = (code.split(';')[0] ?? '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  if (section.trim().toLowerCase() === 'general' || section.trim() === '') {
    return currency ? 'currency' : 'general';
  }
  if (section.includes('%')) return 'percent';
  if (/[ymdhs]/i.test(section.replace(/AM\/PM|A\/P/gi, 'h').replace(/E[+-]/g, ''))) return 'date';
  if (currency) return 'currency';
  if (section.includes('@') && !/[0#?]/.test(section)) return 'text';
  return 'number';
}
