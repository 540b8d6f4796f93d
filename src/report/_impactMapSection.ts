/**
 * The impact map of a report: each outcome as the analysis states it, what is taken off and
 * how long it lasts, and the sources and evidence behind each assumption.
 */
import { exact, parameterName } from './_reportFormat.js';
import { formatPercent } from './round.js';
import { left, note, right } from './_sectionModel.js';
import type { ReportFormat } from './_reportFormat.js';
import type { Cell, Column, Section, Table } from './_sectionModel.js';
import { evidenceTopics } from '../model/vocabulary.js';
import type { Analysis, Outcome } from '../model/analysis.js';
import type { OutcomeResult, SroiResult } from '../model/result.js';

/**
 * The impact map. With the analysis: two tables of the outcomes as stated (the category and
 * output columns only when some outcome has one) and a table of sources and evidence when any
 * is recorded. Without it, only what the result holds.
 */
export function impactMapSection(
  result: SroiResult,
  analysis: Analysis | undefined,
  f: ReportFormat,
  stakeholderName: (id: string) => string,
  categorised: boolean,
): Section {
  const money = f.money;
  const category: Column[] = categorised ? [left('Category')] : [];
  const categoryOf = (o: OutcomeResult): Cell[] => (categorised ? [o.category] : []);
  if (analysis === undefined) {
    return {
      id: 'impact-map',
      heading: 'Impact map',
      paragraphs: [
        'Each outcome, its financial proxy, its value before and after deductions in its first valued year, and its present value over every valued year. (The analysis itself was not given to the report, so quantities and deductions are not shown.)',
      ],
      tables: [
        {
          caption: 'Impact map',
          columns: [
            left('Stakeholder'),
            left('Outcome'),
            ...category,
            right('Proxy value'),
            right('Gross value (first year)'),
            right('Impact (first year)'),
            right('Present value'),
          ],
          rows: result.outcomes.map((o) => [
            stakeholderName(o.stakeholder),
            o.outcome,
            ...categoryOf(o),
            money(o.proxyValue),
            money(o.grossValue),
            money(o.impact),
            money(o.presentValue),
          ]),
          total: [
            'Total',
            '',
            ...category.map(() => ''),
            '',
            '',
            '',
            money(result.totalPresentValue),
          ],
        },
      ],
    };
  }
  const byId = new Map(analysis.outcomes.map((o) => [o.id, o]));
  const rebased = result.method.deflatorSeries !== null;
  const rows = result.outcomes.map((o) => ({ o, a: byId.get(o.id) }));
  const withOutput = analysis.outcomes.some((o) => (o.output ?? '').trim() !== '');
  const output: Column[] = withOutput ? [left('Output')] : [];
  const outputOf = (a: Outcome | undefined): Cell[] => (withOutput ? [a?.output ?? '—'] : []);
  const evidence = evidenceTable(analysis);
  return {
    id: 'impact-map',
    heading: 'Impact map',
    paragraphs: [
      'Each outcome as the analysis states it: who experiences it, how it is measured, how many, and the financial proxy that values one unit of it for one year.',
      'Then what is taken off: what would have happened anyway (deadweight), what the outcome displaced, what is owed to others (attribution) and what benefits people outside the area (leakage); how long the outcome lasts and how fast it fades (drop-off). Impact is the value in the first valued year after the deductions; present value covers every valued year.',
      ...omittedColumnsNote(analysis),
      evidence === undefined
        ? 'The analysis records no source for its financial proxies and no evidence for its other assumptions.'
        : 'Last, where each figure comes from: the source of each financial proxy and the evidence the analysis records for its other assumptions.',
    ],
    tables: [
      {
        caption: 'Outcomes and financial proxies',
        columns: [
          left('Stakeholder'),
          ...output,
          left('Outcome and indicator'),
          ...category,
          right('Quantity'),
          left('Financial proxy and source'),
          right('Proxy value'),
        ],
        rows: rows.map(({ o, a }): Cell[] => {
          if (a === undefined) {
            return [
              stakeholderName(o.stakeholder),
              ...outputOf(a),
              o.outcome,
              ...categoryOf(o),
              '—',
              '—',
              money(o.proxyValue),
            ];
          }
          const stated = a.proxy.priceYear === undefined ? '' : ` in ${a.proxy.priceYear} prices`;
          const proxyNote =
            a.proxy.priceYear === undefined
              ? undefined
              : rebased && String(a.proxy.priceYear) !== String(result.priceYear)
                ? `${money(a.proxy.value)}${stated}, rebased`
                : `stated${stated}`;
          return [
            stakeholderName(o.stakeholder),
            ...outputOf(a),
            note(o.outcome, a.indicator),
            ...categoryOf(o),
            a.quantityByYear === undefined
              ? exact(a.quantity)
              : note(a.quantityByYear.map(exact).join(' / '), 'by year'),
            note(
              a.proxy.description ?? '—',
              a.proxy.source === undefined ? undefined : `Source: ${a.proxy.source}`,
            ),
            note(money(o.proxyValue), proxyNote),
          ];
        }),
      },
      deductionsTable(rows, result, money),
      ...(evidence === undefined ? [] : [evidence]),
    ],
  };
}

/** The rates of the deductions table, in the order the method applies them. */
const RATES = ['deadweight', 'displacement', 'attribution', 'leakage', 'dropOff'] as const;

/**
 * The rates that some outcome states (not zero): a rate that is 0 for every outcome (drop-off:
 * for every outcome without per-year quantities) has no column, so that a map with long money
 * figures still fits the page, and a sentence says so instead (`omittedColumnsNote`).
 */
function ratesShown(outcomes: readonly Outcome[]): (typeof RATES)[number][] {
  return RATES.filter((rate) =>
    outcomes.some((o) =>
      rate === 'dropOff' ? o.quantityByYear === undefined && o.dropOff !== '0' : o[rate] !== '0',
    ),
  );
}

function omittedColumnsNote(analysis: Analysis): string[] {
  const shown = new Set(ratesShown(analysis.outcomes));
  const omitted = RATES.filter((rate) => !shown.has(rate)).map((rate) =>
    parameterName(rate).toLowerCase(),
  );
  if (omitted.length === 0) return [];
  const list =
    omitted.length === 1
      ? (omitted[0] ?? '')
      : `${omitted.slice(0, -1).join(', ')} and ${omitted[omitted.length - 1] ?? ''}`;
  const sentence = `${list.charAt(0).toUpperCase()}${list.slice(1)}`;
  return [
    `${sentence} ${omitted.length === 1 ? 'is' : 'are'} 0% for every outcome, so the table leaves ${omitted.length === 1 ? 'its column' : 'their columns'} out.`,
  ];
}

/** What is taken off each outcome, how long it lasts, its impact and its present value. */
function deductionsTable(
  rows: readonly { readonly o: OutcomeResult; readonly a: Outcome | undefined }[],
  result: SroiResult,
  money: ReportFormat['money'],
): Table {
  const outcomes = rows.flatMap(({ a }) => (a === undefined ? [] : [a]));
  const rates = ratesShown(outcomes);
  const rate = (a: Outcome, name: (typeof RATES)[number]): Cell =>
    name === 'dropOff' && a.quantityByYear !== undefined
      ? note('—', 'per-year quantities')
      : formatPercent(a[name]);
  const gap = rates.map(() => '—');
  return {
    caption: 'Deductions, duration and value',
    columns: [
      left('Outcome'),
      ...rates.filter((r) => r !== 'dropOff').map((r) => right(parameterName(r))),
      right('Duration'),
      ...rates.filter((r) => r === 'dropOff').map((r) => right(parameterName(r))),
      right('Impact (first year)'),
      right('Present value'),
    ],
    rows: rows.map(({ o, a }): Cell[] =>
      a === undefined
        ? [o.outcome, ...gap, '—', money(o.impact), money(o.presentValue)]
        : [
            o.outcome,
            ...rates.filter((r) => r !== 'dropOff').map((r) => rate(a, r)),
            note(
              `${a.duration} ${a.duration === 1 ? 'year' : 'years'}`,
              a.start === 1 ? undefined : `from year ${a.start}`,
            ),
            ...rates.filter((r) => r === 'dropOff').map((r) => rate(a, r)),
            money(o.impact),
            money(o.presentValue),
          ],
    ),
    total: ['Total', ...gap, '', '', money(result.totalPresentValue)],
  };
}

/** Each proxy's source and each recorded piece of evidence, outcome by outcome; none, none. */
function evidenceTable(analysis: Analysis): Table | undefined {
  const rows: Cell[][] = [];
  for (const o of analysis.outcomes) {
    const source = o.proxy.source?.trim() ?? '';
    if (source !== '') rows.push([o.outcome, 'Financial proxy', source]);
    for (const topic of evidenceTopics) {
      const text = o.evidence?.[topic]?.trim() ?? '';
      if (text !== '') rows.push([o.outcome, parameterName(topic), text]);
    }
  }
  if (rows.length === 0) return undefined;
  return {
    caption: 'Sources and evidence',
    columns: [left('Outcome'), left('Assumption'), left('Source or evidence')],
    rows,
  };
}
