import { discountFactors } from '../calc/discountFactors.js';
import { MAX_DURATION, optionsArgument, wholeNumber } from '../model/_arguments.js';
import { planSheet } from './_planSheet.js';
import type { PlanGroup, ValueMapPlan } from './_planSheet.js';
import { writeXlsx } from './_writeXlsx.js';

/** Options of `valueMapTemplate`. */
export interface ValueMapTemplateOptions {
  /** Blank outcome rows (default 20; a whole number from 1 to 10,000). */
  readonly rows?: number;
  /** Year columns (default 5, as in the Value Map; a whole number from 1 to 1000). */
  readonly years?: number;
}

const RATE = '0.035';

/** The most blank outcome rows a template has. */
const MAX_TEMPLATE_ROWS = 10_000;

/**
 * A blank Value Map workbook to fill in (.xlsx bytes): the layout `writeValueMap` writes, with
 * empty rows whose formulas are already in place (impact, each year, present value, the discount
 * factors at 3.5 %, total inputs, NPV and the ratio), and data validation that refuses a share
 * outside 0–100 %, a duration of 0 or less, a start year below 1 and a negative quantity or input.
 *
 * @example
 * const bytes = valueMapTemplate({ rows: 5 });
 * String.fromCharCode(bytes[0], bytes[1]);
 * //=> 'PK'
 */
export function valueMapTemplate(options: ValueMapTemplateOptions = {}): Uint8Array {
  const fn = 'valueMapTemplate';
  const given = optionsArgument(fn, options);
  const rows = wholeNumber(fn, 'options.rows', given.rows ?? 20, 1, MAX_TEMPLATE_ROWS);
  const years = wholeNumber(fn, 'options.years', given.years ?? 5, 1, MAX_DURATION);
  const endOfYear = discountFactors({ rate: RATE, timing: 'end' }, years);
  const groups: PlanGroup[] = Array.from({ length: rows }, () => ({
    stakeholder: '',
    outcomes: [],
    inputs: [],
  }));
  const plan: ValueMapPlan = {
    titles: [
      { key: 'name' },
      { key: 'organisation' },
      { key: 'period' },
      { key: 'kind' },
      { key: 'currency', value: { text: 'GBP' } },
      { key: 'priceYear' },
      { key: 'discountRate', value: { number: RATE } },
      { key: 'discountTiming', value: { text: 'end' } },
      { key: 'horizon', value: { number: String(years) } },
    ],
    flatRate: RATE,
    timing: 'end',
    rates: Array.from({ length: years }, () => RATE),
    horizon: years,
    years,
    currency: 'GBP',
    groups,
    optional: new Set([
      'stakeholderSize',
      'inputKind',
      'output',
      'quantitySource',
      'proxySource',
      'category',
    ]),
    figures: {
      years: Array.from({ length: years }, (_, i) => ({
        rate: RATE,
        endOfYearFactor: endOfYear[i + 1] ?? '1',
        discountFactor: endOfYear[i + 1] ?? '1',
        value: '0',
        presentValue: '0',
      })),
      totalInputValue: '0',
      totalImpact: '0',
      totalOutcomePresentValue: '0',
      totalPresentValue: '0',
      totalInputs: '0',
      netPresentValue: '0',
      sroiRatio: null,
      netSroiRatio: null,
    },
  };
  return writeXlsx([planSheet(plan)]);
}
