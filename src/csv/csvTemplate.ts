import { inputColumns, outcomeColumns } from './csvColumns.js';
import { formatCsv } from './formatCsv.js';

/**
 * The files `sroi template` writes: `outcomes.csv` and `inputs.csv` with the canonical headers
 * (docs/csv-format.md), a comment row saying how to fill them in and one example row commented out with
 * `#` (comment rows are skipped and counted, never read as data), and `analysis.json`, which
 * holds the settings and names the two tables by relative path.
 *
 * @example
 * csvTemplate()['inputs.csv'].split('\r\n')[0];
 * //=> 'stakeholder,description,kind,value,year'
 */
export function csvTemplate(): {
  readonly 'outcomes.csv': string;
  readonly 'inputs.csv': string;
  readonly 'analysis.json': string;
} {
  const outcomeHeaders = outcomeColumns.filter((c) => c.name !== 'id').map((c) => c.name);
  const example: Record<string, string> = {
    stakeholder: '# Older people',
    outcome: 'Feel less isolated',
    output: '40 people attended weekly befriending sessions',
    indicator: 'UCLA loneliness score fell by 3 or more points',
    category: 'social',
    quantity: '40',
    quantity_by_year: '',
    proxy_description: 'Value of feeling less lonely',
    proxy_value: '1000',
    proxy_source: 'Where the value comes from',
    proxy_price_year: '',
    duration: '3',
    start: '1',
    deadweight: '20%',
    displacement: '0%',
    attribution: '25%',
    leakage: '0%',
    drop_off: '50%',
    evidence_quantity: 'Attendance register, April 2023 to March 2024',
    evidence_duration: 'Follow-up survey at 12 and 24 months',
    evidence_deadweight: 'Comparison group in the local authority survey',
    evidence_displacement: 'No other service lost users',
    evidence_attribution: 'Participants named other support in interviews',
    evidence_leakage: 'All participants live in the area',
    evidence_drop_off: 'Effect halved between the two follow-ups',
  };
  const outcomes = formatCsv([
    outcomeHeaders,
    [
      '# One row per outcome. Percentages as 25% or 0.25. Delete the # to use the example row below; rows starting with # are skipped.',
    ],
    outcomeHeaders.map((name) => example[name] ?? ''),
  ]);
  const inputs = formatCsv([
    inputColumns.map((c) => c.name),
    ['# One row per input. kind: cash or in-kind. year 0 (the default) is not discounted.'],
    ['# Council', 'Grant', 'cash', '24000', '0'],
  ]);
  const analysis = {
    name: 'My SROI analysis',
    currency: 'GBP',
    discount: { rate: '3.5%', timing: 'end' },
    outcomes: 'outcomes.csv',
    inputs: 'inputs.csv',
  };
  return {
    'outcomes.csv': outcomes,
    'inputs.csv': inputs,
    'analysis.json': `${JSON.stringify(analysis, null, 2)}\n`,
  };
}
