import { formatCsv } from './formatCsv.js';
import { resultArgument } from '../model/_arguments.js';
import type { SroiResult } from '../model/result.js';

/**
 * The whole result as one long CSV table for a spreadsheet or a pivot table: one row per figure,
 * with the columns `section, id, name, year, figure, value`. Sections: `summary` (the headline
 * figures), `year`, `outcome`, `outcome-year`, `stakeholder`, `category`, `input`, `waterfall`.
 * Figures are the result's own decimal strings, unrounded; a `null` ratio is written empty.
 * Every text cell is neutralised against formula injection (`formatCsv`).
 *
 * @example
 * renderCsv(calculateSroi({
 *   name: 'Tiny', discount: { rate: '0' }, inputs: [{ description: 'Grant', value: 100 }],
 *   outcomes: [{ stakeholder: 'A', outcome: 'B', quantity: 1, proxy: { value: 250 }, duration: 1 }],
 * })).split('\r\n').slice(0, 6);
 * //=> ['section,id,name,year,figure,value', 'summary,,Tiny,,currency,GBP', 'summary,,Tiny,,priceYear,', 'summary,,Tiny,,totalPresentValue,250', 'summary,,Tiny,,totalInputs,100', 'summary,,Tiny,,netPresentValue,150']
 */
export function renderCsv(result: SroiResult): string {
  resultArgument('renderCsv', result);
  type Cell = string | number | null;
  const rows: Cell[][] = [['section', 'id', 'name', 'year', 'figure', 'value']];
  const summary: [string, Cell][] = [
    ['currency', result.currency],
    ['priceYear', result.priceYear],
    ['totalPresentValue', result.totalPresentValue],
    ['totalInputs', result.totalInputs],
    ['netPresentValue', result.netPresentValue],
    ['sroiRatio', result.sroiRatio],
    ['netSroiRatio', result.netSroiRatio],
    ['paybackMonths', result.paybackMonths],
    ['breakEvenYear', result.breakEvenYear],
  ];
  for (const [figure, value] of summary) rows.push(['summary', '', result.name, '', figure, value]);
  for (const year of result.years) {
    rows.push(['year', '', '', year.year, 'value', year.value]);
    rows.push(['year', '', '', year.year, 'discountFactor', year.discountFactor]);
    rows.push(['year', '', '', year.year, 'presentValue', year.presentValue]);
    rows.push(['year', '', '', year.year, 'cumulativePresentValue', year.cumulativePresentValue]);
  }
  for (const outcome of result.outcomes) {
    const name = `${outcome.stakeholder}: ${outcome.outcome}`;
    rows.push(['outcome', outcome.id, name, '', 'category', outcome.category]);
    rows.push(['outcome', outcome.id, name, '', 'proxyValue', outcome.proxyValue]);
    rows.push(['outcome', outcome.id, name, '', 'grossValue', outcome.grossValue]);
    rows.push(['outcome', outcome.id, name, '', 'impact', outcome.impact]);
    rows.push(['outcome', outcome.id, name, '', 'presentValue', outcome.presentValue]);
    for (const year of outcome.years) {
      rows.push(['outcome-year', outcome.id, name, year.year, 'value', year.value]);
    }
  }
  for (const s of result.stakeholders) {
    rows.push(['stakeholder', s.stakeholder, s.name, '', 'presentValue', s.presentValue]);
    rows.push(['stakeholder', s.stakeholder, s.name, '', 'share', s.share]);
    rows.push(['stakeholder', s.stakeholder, s.name, '', 'sroiRatio', s.sroiRatio]);
  }
  for (const c of result.categories) {
    rows.push(['category', c.category, c.category, '', 'presentValue', c.presentValue]);
    rows.push(['category', c.category, c.category, '', 'share', c.share]);
    rows.push(['category', c.category, c.category, '', 'sroiRatio', c.sroiRatio]);
  }
  result.inputs.forEach((input, index) => {
    const id = String(index + 1);
    rows.push(['input', id, input.description, input.year, 'value', input.value]);
    rows.push(['input', id, input.description, input.year, 'discountFactor', input.discountFactor]);
    rows.push(['input', id, input.description, input.year, 'presentValue', input.presentValue]);
  });
  for (const [figure, value] of Object.entries(result.waterfall)) {
    rows.push(['waterfall', '', '', '', figure, value]);
  }
  return formatCsv(rows);
}
