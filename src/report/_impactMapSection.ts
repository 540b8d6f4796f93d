/**
 * The impact map of a report: each outcome as the analysis states it, what is taken off and
 * how long it lasts, and the sources and evidence behind each assumption.
 */
import { exact, parameterName } from './_reportFormat.js';
import { formatPercent } from './round.js';
import { left, note, right } from './_sectionModel.js';
import type { ReportFormat } from './_reportFormat.js';
import type { Cell, Column, Section, Table } from './_sectionModel.js';
import { EVIDENCE_TOPICS } from '../review/_evidenceTopics.js';
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
      {
        caption: 'Deductions, duration and value',
        columns: [
          left('Outcome'),
          right('Deadweight'),
          right('Displacement'),
          right('Attribution'),
          right('Leakage'),
          right('Duration'),
          right('Drop-off'),
          right('Impact (first year)'),
          right('Present value'),
        ],
        rows: rows.map(({ o, a }): Cell[] =>
          a === undefined
            ? [o.outcome, '—', '—', '—', '—', '—', '—', money(o.impact), money(o.presentValue)]
            : [
                o.outcome,
                formatPercent(a.deadweight),
                formatPercent(a.displacement),
                formatPercent(a.attribution),
                formatPercent(a.leakage),
                note(
                  `${a.duration} ${a.duration === 1 ? 'year' : 'years'}`,
                  a.start === 1 ? undefined : `from year ${a.start}`,
                ),
                a.quantityByYear === undefined
                  ? formatPercent(a.dropOff)
                  : note('—', 'per-year quantities'),
                money(o.impact),
                money(o.presentValue),
              ],
        ),
        total: ['Total', '', '', '', '', '', '', '', money(result.totalPresentValue)],
      },
      ...(evidence === undefined ? [] : [evidence]),
    ],
  };
}

/** Each proxy's source and each recorded piece of evidence, outcome by outcome; none, none. */
function evidenceTable(analysis: Analysis): Table | undefined {
  const rows: Cell[][] = [];
  for (const o of analysis.outcomes) {
    const source = o.proxy.source?.trim() ?? '';
    if (source !== '') rows.push([o.outcome, 'Financial proxy', source]);
    for (const topic of EVIDENCE_TOPICS) {
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
