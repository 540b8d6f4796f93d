/** The method statement of a report: the conventions every figure rests on. */
import { greenBookSchedules } from '../calc/greenBookSchedules.js';
import { formatPercent } from './round.js';
import type { Section } from './_sectionModel.js';
import type { RoundingMode } from './round.js';
import type { DiscountScheduleName } from '../model/analysis.js';
import type { MethodStatement, SroiResult } from '../model/result.js';

/**
 * The method statement: every convention the figures rest on. The price base and deflator
 * lines appear only when the analysis has a price base.
 */
export function methodSection(result: SroiResult, rounding: RoundingMode): Section {
  return {
    id: 'method',
    heading: 'Method',
    paragraphs: [
      'The conventions behind every figure in this report. The method is the SROI Guide (Cabinet Office 2009; Social Value UK 2012) with HM Treasury Green Book discounting.',
    ],
    tables: [],
    terms: methodTerms(result.method, result, rounding),
  };
}

function methodTerms(
  method: MethodStatement,
  result: SroiResult,
  rounding: RoundingMode,
): { term: string; text: string }[] {
  const d = method.discount;
  const rate =
    'rate' in d
      ? `${formatPercent(d.rate)} a year, every year.`
      : 'rates' in d
        ? `${d.rates.map((r, i) => `${formatPercent(r)} in year ${i + 1}`).join(', ')}; the last rate continues for later years.`
        : scheduleText(d.schedule);
  const timing = {
    end: 'Each year’s value is discounted as if it arrives at the end of the year (as Excel’s NPV and the SROI Value Map do): year t is discounted over t years.',
    start:
      'Each year’s value is discounted as if it arrives at the start of the year: year t is discounted over t − 1 years.',
    mid: 'Each year’s value is discounted as if it arrives in the middle of the year: year t is discounted over t − ½ years.',
  }[d.timing];
  return [
    { term: 'Currency', text: `${result.currency}.` },
    { term: 'Discount rate', text: rate },
    { term: 'Timing', text: `${timing} Year 0 is not discounted.` },
    ...(method.priceYear === null
      ? []
      : [
          {
            term: 'Price base',
            text: `${method.priceYear} prices. ${method.deflatorSeries === null ? 'No financial proxy needed rebasing.' : 'Financial proxies stated in other years were rebased: value × deflator(price year) ÷ deflator(proxy year).'}`,
          },
          ...(method.deflatorSeries === null
            ? []
            : [{ term: 'Deflator series', text: `${method.deflatorSeries}.` }]),
        ]),
    {
      term: 'Horizon',
      text:
        method.horizon === 1
          ? 'Value is counted in year 1 only.'
          : `Value is counted in years 1 to ${method.horizon}.`,
    },
    {
      term: 'Impact',
      text: 'quantity × financial proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution) × (1 − leakage). The deductions multiply; they are not added. Attribution is the share owed to others.',
    },
    {
      term: 'Duration and drop-off',
      text: 'An outcome is valued for its duration from its start year. Drop-off does not touch the first valued year and compounds after it: value(t) = value(t − 1) × (1 − drop-off). Outcomes with a quantity for each year have no drop-off.',
    },
    {
      term: 'Ratios',
      text: 'SROI ratio = total present value ÷ total inputs; net SROI ratio = (total present value − total inputs) ÷ total inputs. A ratio by stakeholder or category divides that slice’s present value by the total inputs.',
    },
    {
      term: 'Payback',
      text: 'Total inputs ÷ (undiscounted value of the first year with value ÷ 12), in months (SROI Guide).',
    },
    {
      term: 'Break-even year',
      text: 'The first year in which the cumulative present value reaches the total inputs.',
    },
    {
      term: 'Rounding',
      text: `Calculated exactly to 34 significant digits; figures are rounded (${rounding}) only for display, so a total may differ from the sum of its rounded parts by a penny.`,
    },
  ];
}

function scheduleText(schedule: string): string {
  const bands = greenBookSchedules[schedule as DiscountScheduleName] as
    (typeof greenBookSchedules)[DiscountScheduleName] | undefined;
  if (bands === undefined) return `The ${schedule} schedule.`;
  const text = bands
    .map((b) =>
      b.toYear === null
        ? `${formatPercent(b.rate)} from year ${b.fromYear}`
        : `${formatPercent(b.rate)} in years ${b.fromYear}–${b.toYear}`,
    )
    .join(', ');
  return `HM Treasury Green Book schedule “${schedule}”: ${text}. Factors compound year by year.`;
}
