import { decimalsArgument, optionsArgument, resultArgument } from '../model/_arguments.js';
import { formatMoney, formatNumber, roundingArgument } from './round.js';
import { Dec } from '../calc/_decimal.js';
import { uncategorised } from '../calc/evaluateAnalysis.js';
import type { RoundingMode } from './round.js';
import type { SroiResult } from '../model/result.js';

/** Options of `renderText`. */
export interface RenderTextOptions {
  /** Decimal places of ratios (default 2; 0 to 20). */
  readonly ratioDecimals?: number;
  /** Decimal places of money (default 2; 0 to 20). */
  readonly moneyDecimals?: number;
  readonly rounding?: RoundingMode;
}

/**
 * A plain-text summary of a result for a terminal: the headline figures, value by stakeholder,
 * category and year, and any warnings. Figures are rounded here and only here: a figure that
 * rounds to zero but is not zero reads `< £0.01`, a very large one `£4.27 × 10^18`
 * (`formatNumber`). A `result` that is not a result, or an option out of range, is a
 * `SroiError` with code `INVALID_ARGUMENT`.
 *
 * @example
 * renderText(calculateSroi({
 *   name: 'Tiny', discount: { rate: '0' }, inputs: [{ description: 'Grant', value: 100 }],
 *   outcomes: [{ stakeholder: 'A', outcome: 'B', quantity: 1, proxy: { value: 250 }, duration: 1 }],
 * })).split('\n')[2];
 * //=> '  SROI ratio            2.50 : 1  (£2.50 of value for each £1 invested)'
 */
export function renderText(result: SroiResult, options: RenderTextOptions = {}): string {
  resultArgument('renderText', result);
  optionsArgument('renderText', options);
  const ratioPlaces = decimalsArgument('renderText', options.ratioDecimals ?? 2, 'ratioDecimals');
  const moneyPlaces = decimalsArgument('renderText', options.moneyDecimals ?? 2, 'moneyDecimals');
  const mode = roundingArgument('renderText', options.rounding ?? 'half-up');
  const money = (value: string) => formatMoney(value, result.currency, moneyPlaces, mode);
  const ratio = (value: string | null) =>
    value === null ? 'undefined (no inputs)' : formatNumber(value, ratioPlaces, mode);
  const share = (value: string | null) =>
    value === null ? '—' : `${formatNumber(new Dec(value).times(100).toString(), 1, mode)}%`;
  const table = (rows: string[][]): string[] => {
    const widths: number[] = [];
    for (const row of rows) {
      row.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 0, cell.length)));
    }
    return rows.map(
      (row) =>
        '  ' +
        row
          .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
          .join('  '),
    );
  };

  const lines: string[] = [];
  const base = result.priceYear === null ? '' : `, ${result.priceYear} prices`;
  lines.push(`${result.name} (${result.currency}${base})`, '');
  const headline =
    result.sroiRatio === null
      ? ratio(null)
      : `${ratio(result.sroiRatio)} : 1  (${formatMoney(result.sroiRatio, result.currency, ratioPlaces, mode)} of value for each ${formatMoney('1', result.currency, 0)} invested)`;
  // An array, not the arguments of one push: a table can have more rows than a call has room for.
  const body = [
    `  SROI ratio            ${headline}`,
    `  Total present value   ${money(result.totalPresentValue)}`,
    `  Total inputs          ${money(result.totalInputs)}`,
    `  Net present value     ${money(result.netPresentValue)}`,
    `  Net SROI ratio        ${ratio(result.netSroiRatio)}`,
    `  Payback               ${result.paybackMonths === null ? 'none (no positive value in the first year with value)' : `${formatNumber(result.paybackMonths, 1, mode)} months`}`,
    `  Break-even year       ${result.breakEvenYear === null ? 'none within the horizon' : String(result.breakEvenYear)}`,
    '',
    'Value by stakeholder',
    ...table([
      ['stakeholder', 'present value', 'share', 'ratio'],
      ...result.stakeholders.map((s) => [
        s.name,
        money(s.presentValue),
        share(s.share),
        ratio(s.sroiRatio),
      ]),
    ]),
    // No category table when no outcome has a category (the reports leave it out too).
    ...(result.categories.every((c) => c.category === uncategorised)
      ? []
      : [
          '',
          'Value by category',
          ...table([
            ['category', 'present value', 'share', 'ratio'],
            ...result.categories.map((c) => [
              c.category,
              money(c.presentValue),
              share(c.share),
              ratio(c.sroiRatio),
            ]),
          ]),
        ]),
    '',
    'Value by year',
    ...table([
      ['year', 'value', 'discount factor', 'present value'],
      ...result.years.map((y) => [
        String(y.year),
        money(y.value),
        formatNumber(y.discountFactor, 4, mode),
        money(y.presentValue),
      ]),
    ]),
  ];
  for (const line of body) lines.push(line);
  if (result.warnings.length > 0) {
    lines.push('', 'Warnings');
    for (const w of result.warnings) lines.push(`  ${w.code}: ${w.message}`);
  }
  return lines.join('\n') + '\n';
}
