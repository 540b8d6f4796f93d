/**
 * The content of a report, worked out once and rendered twice: `renderMarkdown` writes it as
 * Markdown tables, `renderHtml` as HTML tables with an SVG chart beside each. Every figure here
 * is a field of the result (or of the analysis, or of the sensitivity and simulation results
 * passed in), rounded for display; nothing is calculated. Text is left unescaped: each renderer
 * escapes for its own format.
 */
import { formatMoney, formatNumber, formatPercent } from './round.js';
import { OKABE_ITO } from './charts/_svg.js';
import { greenBookSchedules } from '../calc/greenBookSchedules.js';
import { fractionParameters, parameterLabels } from '../model/vocabulary.js';
import type { BarChartData } from './charts/barChart.js';
import type { ColumnChartData } from './charts/columnChart.js';
import type { HistogramChartData } from './charts/histogramChart.js';
import type { TornadoChartData } from './charts/tornadoChart.js';
import type { WaterfallChartData } from './charts/waterfallChart.js';
import type { ReportFigure, ReportSensitivity, ReportSimulation } from './ReportExtras.js';
import type { RenderMarkdownOptions } from './renderMarkdown.js';
import type { Analysis, DiscountScheduleName } from '../model/analysis.js';
import type { MethodStatement, SroiResult } from '../model/result.js';

/** A table cell: its text and, optionally, a second line in smaller type. */
export type Cell = string | { readonly text: string; readonly note?: string };

/** A table's column: its heading, and the side its cells align to. */
export interface Column {
  readonly label: string;
  readonly align: 'left' | 'right';
}

/** A column of text, aligned left. */
function left(label: string): Column {
  return { label, align: 'left' };
}

/** A column of figures, aligned right. */
function right(label: string): Column {
  return { label, align: 'right' };
}

export interface Table {
  readonly caption: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** A totals row, shown in bold. */
  readonly total?: readonly Cell[];
  /** Long data tables that repeat a chart: folded away in HTML (still in the page). */
  readonly collapsible?: boolean;
}

export type Chart =
  | { readonly kind: 'bar'; readonly data: BarChartData }
  | { readonly kind: 'column'; readonly data: ColumnChartData }
  | { readonly kind: 'waterfall'; readonly data: WaterfallChartData }
  | { readonly kind: 'tornado'; readonly data: TornadoChartData }
  | { readonly kind: 'histogram'; readonly data: HistogramChartData };

export interface Section {
  readonly id: string;
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly chart?: Chart;
  readonly tables: readonly Table[];
  /** A definition list (the method statement). */
  readonly terms?: readonly { readonly term: string; readonly text: string }[];
}

export interface Report {
  readonly title: string;
  /** A line under the title: analysis name (when a title replaces it), currency, price base. */
  readonly subtitle: string;
  readonly headline: {
    /** `2.01 : 1`, or a sentence when the ratio is undefined. */
    readonly ratio: string;
    /** The ratio itself, as shown (`2.01`), or `null`. */
    readonly ratioValue: string | null;
    readonly sentence: string;
    readonly figures: readonly { readonly label: string; readonly value: string }[];
  };
  readonly warnings: readonly string[];
  readonly sections: readonly Section[];
}

const PARAMETER_NAMES: Readonly<Record<string, string>> = parameterLabels;

/** The most assumptions a tornado chart draws; the table lists them all. */
const TORNADO_ROWS = 12;

const FRACTIONS: ReadonlySet<string> = new Set(fractionParameters);

/** Builds the sections of a report from a result and what else the caller passed. */
export function reportSections(result: SroiResult, options: RenderMarkdownOptions = {}): Report {
  const mode = options.rounding ?? 'half-up';
  const moneyPlaces = options.moneyDecimals ?? 2;
  const ratioPlaces = options.ratioDecimals ?? 2;
  const currency = result.currency;
  const money = (value: ReportFigure) =>
    finite(value) ? formatMoney(figure(value), currency, moneyPlaces, mode) : '—';
  const roundMoney = (value: ReportFigure) =>
    finite(value) ? formatMoney(figure(value), currency, 0, mode) : '—';
  const ratio = (value: ReportFigure | null) =>
    value === null
      ? 'undefined'
      : finite(value)
        ? formatNumber(figure(value), ratioPlaces, mode)
        : '—';
  const share = (value: string | null) => (value === null ? '—' : formatPercent(value, 1, mode));
  const moneyTick = (value: number) => compactMoney(value, currency);
  const stakeholderName = new Map(result.stakeholders.map((s) => [s.stakeholder, s.name]));
  const outcomeName = new Map(result.outcomes.map((o) => [o.id, o.outcome]));

  const sections: Section[] = [];

  // Value by stakeholder and by category.
  const slices = (
    id: string,
    heading: string,
    noun: string,
    rows: readonly {
      label: string;
      presentValue: string;
      share: string | null;
      sroiRatio: string | null;
    }[],
  ): Section => ({
    id,
    heading,
    paragraphs: [
      `The present value of each ${noun}'s outcomes, its share of the total, and its SROI ratio: that present value divided by the total inputs of the whole analysis (value per ${formatMoney('1', currency, 0)} invested from this perspective). The ratios add up to the SROI ratio.`,
    ],
    chart: {
      kind: 'bar',
      data: {
        id: `${id}-chart`,
        title: heading,
        description: `Present value by ${noun}: ${rows.map((r) => `${r.label} ${roundMoney(r.presentValue)}`).join('; ')}.`,
        formatTick: moneyTick,
        bars: rows.map((r) => ({
          label: r.label,
          value: Number(r.presentValue),
          valueLabel: roundMoney(r.presentValue),
        })),
      },
    },
    tables: [
      {
        caption: heading,
        columns: [
          left(capitalise(noun)),
          right('Present value'),
          right('Share of value'),
          right('SROI ratio'),
        ],
        rows: rows.map((r) => [r.label, money(r.presentValue), share(r.share), ratio(r.sroiRatio)]),
        total: ['Total', money(result.totalPresentValue), '', ratio(result.sroiRatio)],
      },
    ],
  });
  sections.push(
    slices(
      'stakeholders',
      'Value by stakeholder',
      'stakeholder',
      result.stakeholders.map((s) => ({ ...s, label: s.name })),
    ),
    slices(
      'categories',
      'Value by category',
      'category',
      result.categories.map((c) => ({ ...c, label: c.category })),
    ),
  );

  // Value by year.
  sections.push({
    id: 'years',
    heading: 'Value by year',
    paragraphs: [
      `The value of every outcome in each year before discounting, the discount factor, and the present value. The cumulative present value shows when the value created reaches the inputs (${money(result.totalInputs)}).`,
    ],
    chart: {
      kind: 'column',
      data: {
        id: 'years-chart',
        title: 'Value by year',
        description: `Value by year, undiscounted and present value: ${result.years.map((y) => `year ${y.year} ${roundMoney(y.value)} and ${roundMoney(y.presentValue)}`).join('; ')}.`,
        axisLabel: 'Year',
        formatTick: moneyTick,
        categories: result.years.map((y) => String(y.year)),
        series: [
          {
            name: 'Value (undiscounted)',
            color: OKABE_ITO.skyBlue,
            values: result.years.map((y) => Number(y.value)),
            labels: result.years.map((y) => roundMoney(y.value)),
          },
          {
            name: 'Present value',
            color: OKABE_ITO.blue,
            values: result.years.map((y) => Number(y.presentValue)),
            labels: result.years.map((y) => roundMoney(y.presentValue)),
          },
        ],
      },
    },
    tables: [
      {
        caption: 'Value by year',
        columns: [
          left('Year'),
          right('Value (undiscounted)'),
          right('Discount factor'),
          right('Present value'),
          right('Cumulative present value'),
        ],
        rows: result.years.map((y) => [
          String(y.year),
          money(y.value),
          formatNumber(y.discountFactor, 4, mode),
          money(y.presentValue),
          money(y.cumulativePresentValue),
        ]),
        total: ['Total', '', '', money(result.totalPresentValue), ''],
      },
    ],
  });

  // Waterfall.
  const w = result.waterfall;
  const steps: { label: string; amount: string }[] = [
    { label: parameterLabels.deadweight, amount: w.deadweight },
    { label: parameterLabels.displacement, amount: w.displacement },
    { label: parameterLabels.attribution, amount: w.attribution },
    { label: parameterLabels.leakage, amount: w.leakage },
    { label: parameterLabels.dropOff, amount: w.dropOff },
    ...(isZero(w.beyondHorizon) ? [] : [{ label: 'Beyond the horizon', amount: w.beyondHorizon }]),
    { label: 'Discounting', amount: w.discounting },
  ];
  const taken = (amount: string, format: (v: string) => string) =>
    isZero(amount)
      ? format('0')
      : amount.startsWith('-')
        ? `+${format(amount.slice(1))}`
        : `−${format(amount)}`;
  sections.push({
    id: 'waterfall',
    heading: 'From gross value to present value',
    paragraphs: [
      'Gross value is quantity × financial proxy in every valued year, before anything is taken away. Each step below is what that step takes away, summed over every outcome and year; the deductions apply in this order, each to what the previous ones left. Drop-off is the value lost in the years after the first, and discounting turns the remaining value into present value.',
    ],
    chart: {
      kind: 'waterfall',
      data: {
        id: 'waterfall-chart',
        title: 'From gross value to present value',
        description: `Gross value ${roundMoney(w.grossValue)}; ${steps.map((s) => `${s.label.toLowerCase()} ${taken(s.amount, roundMoney)}`).join('; ')}; present value ${roundMoney(w.presentValue)}.`,
        formatTick: moneyTick,
        steps: [
          {
            label: 'Gross value',
            kind: 'total',
            value: Number(w.grossValue),
            valueLabel: roundMoney(w.grossValue),
          },
          ...steps.map((s) => ({
            label: s.label,
            kind: 'change' as const,
            value: -Number(s.amount),
            valueLabel: taken(s.amount, roundMoney),
          })),
          {
            label: 'Present value',
            kind: 'total',
            value: Number(w.presentValue),
            valueLabel: roundMoney(w.presentValue),
          },
        ],
      },
    },
    tables: [
      {
        caption: 'From gross value to present value',
        columns: [left('Step'), right('Amount')],
        rows: [
          ['Gross value', money(w.grossValue)],
          ...steps.map((s) => [s.label, taken(s.amount, money)]),
        ],
        total: ['Present value', money(w.presentValue)],
      },
    ],
  });

  // Impact map.
  sections.push(impactMapSection(result, options.analysis, money, stakeholderName));

  // Inputs.
  sections.push({
    id: 'inputs',
    heading: 'Inputs',
    paragraphs: [
      'What was put in, in money or the money value of time and goods given in kind. Inputs after year 0 are discounted like value.',
    ],
    tables: [
      {
        caption: 'Inputs',
        columns: [
          left('Stakeholder'),
          left('Input'),
          left('Kind'),
          right('Year'),
          right('Value'),
          right('Discount factor'),
          right('Present value'),
        ],
        rows: result.inputs.map((input) => [
          input.stakeholder === undefined
            ? '—'
            : (stakeholderName.get(input.stakeholder) ?? input.stakeholder),
          input.description,
          input.kind ?? '—',
          String(input.year),
          money(input.value),
          formatNumber(input.discountFactor, 4, mode),
          money(input.presentValue),
        ]),
        total: ['Total inputs', '', '', '', '', '', money(result.totalInputs)],
      },
    ],
  });

  // Sensitivity, when given.
  if (options.sensitivity !== undefined) {
    sections.push(
      sensitivitySection(options.sensitivity, result, {
        money,
        ratio,
        outcomeName,
        mode,
      }),
    );
  }
  if (options.simulation !== undefined) {
    sections.push(simulationSection(options.simulation, result, { money, ratio, mode }));
  }

  sections.push({
    id: 'method',
    heading: 'Method',
    paragraphs: [
      'The conventions behind every figure in this report. The method is the SROI Guide (Cabinet Office 2009; Social Value UK 2012) with HM Treasury Green Book discounting.',
    ],
    tables: [],
    terms: methodTerms(result.method, result, options),
  });

  const base = result.priceYear === null ? 'no stated price base' : `${result.priceYear} prices`;
  const years = result.method.horizon === 1 ? 'year 1' : `years 1–${result.method.horizon}`;
  const title = options.title ?? result.name;
  const ratioValue = result.sroiRatio === null ? null : ratio(result.sroiRatio);
  return {
    title,
    subtitle: [title === result.name ? undefined : result.name, currency, base, years]
      .filter((part) => part !== undefined)
      .join(' · '),
    headline: {
      ratio: ratioValue === null ? 'undefined' : `${ratioValue} : 1`,
      ratioValue,
      sentence:
        result.sroiRatio === null
          ? 'The SROI ratio is undefined because the total inputs are zero.'
          : `${formatMoney(figure(result.sroiRatio), currency, ratioPlaces, mode)} of social value for each ${formatMoney('1', currency, 0)} invested.`,
      figures: [
        {
          label: 'SROI ratio',
          value: ratioValue === null ? 'undefined (no inputs)' : `${ratioValue} : 1`,
        },
        { label: 'Total present value', value: money(result.totalPresentValue) },
        { label: 'Total inputs', value: money(result.totalInputs) },
        { label: 'Net present value', value: money(result.netPresentValue) },
        {
          label: 'Net SROI ratio',
          value:
            result.netSroiRatio === null ? 'undefined (no inputs)' : ratio(result.netSroiRatio),
        },
        {
          label: 'Payback',
          value:
            result.paybackMonths === null
              ? 'none (no positive value in the first year with value)'
              : `${formatNumber(result.paybackMonths, 1, mode)} months`,
        },
        {
          label: 'Break-even year',
          value:
            result.breakEvenYear === null
              ? 'not within the horizon'
              : `year ${result.breakEvenYear}`,
        },
      ],
    },
    warnings: result.warnings.map((warning) => warning.message),
    sections,
  };
}

function impactMapSection(
  result: SroiResult,
  analysis: Analysis | undefined,
  money: (value: ReportFigure) => string,
  stakeholderName: ReadonlyMap<string, string>,
): Section {
  const name = (id: string) => stakeholderName.get(id) ?? id;
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
            left('Category'),
            right('Proxy value'),
            right('Gross value (first year)'),
            right('Impact (first year)'),
            right('Present value'),
          ],
          rows: result.outcomes.map((o) => [
            name(o.stakeholder),
            o.outcome,
            o.category,
            money(o.proxyValue),
            money(o.grossValue),
            money(o.impact),
            money(o.presentValue),
          ]),
          total: ['Total', '', '', '', '', '', money(result.totalPresentValue)],
        },
      ],
    };
  }
  const byId = new Map(analysis.outcomes.map((o) => [o.id, o]));
  const rebased = result.method.deflatorSeries !== null;
  const rows = result.outcomes.map((o) => ({ o, a: byId.get(o.id) }));
  return {
    id: 'impact-map',
    heading: 'Impact map',
    paragraphs: [
      'Each outcome as the analysis states it: who experiences it, how it is measured, how many, and the financial proxy that values one unit of it for one year.',
      'Then what is taken off: what would have happened anyway (deadweight), what the outcome displaced, what is owed to others (attribution) and what benefits people outside the area (leakage); how long the outcome lasts and how fast it fades (drop-off). Impact is the value in the first valued year after the deductions; present value covers every valued year.',
    ],
    tables: [
      {
        caption: 'Outcomes and financial proxies',
        columns: [
          left('Stakeholder'),
          left('Outcome and indicator'),
          left('Category'),
          right('Quantity'),
          left('Financial proxy and source'),
          right('Proxy value'),
        ],
        rows: rows.map(({ o, a }): Cell[] => {
          if (a === undefined) {
            return [name(o.stakeholder), o.outcome, o.category, '—', '—', money(o.proxyValue)];
          }
          const stated = a.proxy.priceYear === undefined ? '' : ` in ${a.proxy.priceYear} prices`;
          const proxyNote =
            a.proxy.priceYear === undefined
              ? undefined
              : rebased && String(a.proxy.priceYear) !== String(result.priceYear)
                ? `${money(a.proxy.value)}${stated}, rebased`
                : `stated${stated}`;
          return [
            name(o.stakeholder),
            note(o.outcome, a.indicator),
            o.category,
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
          right(parameterLabels.deadweight),
          right(parameterLabels.displacement),
          right(parameterLabels.attribution),
          right(parameterLabels.leakage),
          right(parameterLabels.duration),
          right(parameterLabels.dropOff),
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
    ],
  };
}

function sensitivitySection(
  sensitivity: ReportSensitivity,
  result: SroiResult,
  f: {
    money: (value: ReportFigure) => string;
    ratio: (value: ReportFigure | null) => string;
    outcomeName: ReadonlyMap<string, string>;
    mode: NonNullable<RenderMarkdownOptions['rounding']>;
  },
): Section {
  const subject = (row: { outcome?: string; input?: string | number }) =>
    row.outcome !== undefined
      ? (f.outcomeName.get(row.outcome) ?? row.outcome)
      : row.input !== undefined
        ? typeof row.input === 'number'
          ? (result.inputs[row.input]?.description ?? `input ${row.input + 1}`)
          : row.input
        : 'all outcomes';
  const label = (parameter: string) => PARAMETER_NAMES[parameter] ?? parameter;
  const value = (parameter: string, v: ReportFigure) => {
    const text = figure(v);
    if (FRACTIONS.has(parameter)) return `${trim(formatNumber(percentOf(text), 2, f.mode))}%`;
    if (parameter === 'proxy' || parameter === 'inputValue') return f.money(text);
    if (parameter === 'proxyScale') return `×${trim(formatNumber(text, 4, f.mode))}`;
    if (parameter === 'duration') {
      const years = trim(formatNumber(text, 2, f.mode));
      return `${years} ${years === '1' ? 'year' : 'years'}`;
    }
    return trim(formatNumber(text, 4, f.mode));
  };
  const base = sensitivity.base?.sroiRatio ?? result.sroiRatio;
  const target = f.ratio(sensitivity.target);
  const drawable =
    base !== null &&
    sensitivity.oneWay.every((r) => r.low.sroiRatio !== null && r.high.sroiRatio !== null);
  const rows = sensitivity.oneWay.map((r) => ({
    name: `${label(r.parameter)} — ${subject(r)}`,
    ...r,
  }));
  const drawn = rows.slice(0, TORNADO_ROWS);
  const drawnNote =
    rows.length > drawn.length
      ? ` The chart shows the ${drawn.length} widest swings; the table lists all ${rows.length}.`
      : '';
  const chart: Chart | undefined =
    drawable && drawn.length > 0
      ? {
          kind: 'tornado',
          data: {
            id: 'tornado-chart',
            title: 'One-way sensitivity of the SROI ratio',
            description: `SROI ratio with each assumption at the low and the high end of its range (base case ${f.ratio(base)}): ${drawn.map((r) => `${r.name} ${f.ratio(r.low.sroiRatio)} to ${f.ratio(r.high.sroiRatio)}`).join('; ')}.`,
            base: Number(figure(base)),
            baseLabel: f.ratio(base),
            target: { value: Number(figure(sensitivity.target)), label: `target ${target}` },
            formatTick: (v) => trim(v.toFixed(2)),
            rows: drawn.map((r) => ({
              label: r.name,
              low: Number(figure(r.low.sroiRatio ?? 0)),
              high: Number(figure(r.high.sroiRatio ?? 0)),
              lowLabel: f.ratio(r.low.sroiRatio),
              highLabel: f.ratio(r.high.sroiRatio),
            })),
          },
        }
      : undefined;
  return {
    id: 'sensitivity',
    heading: 'Sensitivity',
    paragraphs: [
      `How far the SROI ratio (base case ${f.ratio(base)}) moves when one assumption at a time is moved to each end of its tested range, widest swing first.${drawnNote}`,
      `Switching values: the value each assumption would need for the SROI ratio to fall (or rise) to ${target}. An assumption far from its switching value is one the conclusion does not hang on.`,
    ],
    ...(chart === undefined ? {} : { chart }),
    tables: [
      {
        caption: 'One-way sensitivity',
        columns: [
          left('Assumption'),
          left('Outcome or input'),
          right('Low value'),
          right('SROI ratio'),
          right('High value'),
          right('SROI ratio'),
        ],
        rows: rows.map((r) => [
          label(r.parameter),
          subject(r),
          value(r.parameter, r.low.value),
          f.ratio(r.low.sroiRatio),
          value(r.parameter, r.high.value),
          f.ratio(r.high.sroiRatio),
        ]),
      },
      {
        caption: `Switching values (SROI ratio ${target})`,
        columns: [
          left('Assumption'),
          left('Outcome or input'),
          right('Base value'),
          right('Switching value'),
        ],
        rows: sensitivity.switchingValues.map((s) => [
          label(s.parameter),
          subject(s),
          value(s.parameter, s.base),
          s.reachable && s.switchingValue !== null
            ? value(s.parameter, s.switchingValue)
            : note(
                'not reachable',
                s.ratioAtLimit === undefined || s.ratioAtLimit === null
                  ? 'within the valid range'
                  : `ratio ${f.ratio(s.ratioAtLimit)} at the end of the valid range`,
              ),
        ]),
      },
    ],
  };
}

function simulationSection(
  simulation: ReportSimulation,
  result: SroiResult,
  f: {
    money: (value: ReportFigure) => string;
    ratio: (value: ReportFigure | null) => string;
    mode: NonNullable<RenderMarkdownOptions['rounding']>;
  },
): Section {
  const r = simulation.sroiRatio;
  const p = simulation.presentValue;
  const probability = formatPercent(figure(simulation.probabilityRatioAtLeastOne), 1, f.mode);
  const bins = simulation.histogram.map((bin) => ({
    from: Number(figure(bin.from)),
    to: Number(figure(bin.to)),
    count: bin.count,
    label: `${f.ratio(bin.from)} to under ${f.ratio(bin.to)}: ${bin.count} draws`,
  }));
  return {
    id: 'simulation',
    heading: 'Uncertainty (Monte Carlo)',
    paragraphs: [
      `The analysis was recalculated ${formatNumber(String(simulation.draws), 0)} times (seed ${String(simulation.seed)}), each time drawing the uncertain assumptions from their stated distributions. In 90% of draws the SROI ratio lay between ${f.ratio(r.p5)} and ${f.ratio(r.p95)} (median ${f.ratio(r.p50)}); the ratio was at least 1 in ${probability} of draws.`,
    ],
    ...(bins.length === 0
      ? {}
      : {
          chart: {
            kind: 'histogram' as const,
            data: {
              id: 'simulation-chart',
              title: 'Distribution of the simulated SROI ratio',
              description: `Histogram of ${simulation.draws} simulated SROI ratios: 5th percentile ${f.ratio(r.p5)}, median ${f.ratio(r.p50)}, 95th percentile ${f.ratio(r.p95)}; ratio at least 1 in ${probability} of draws.`,
              axisLabel: 'SROI ratio',
              formatTick: (v: number) => trim(v.toFixed(2)),
              bins,
              markers: [
                { value: 1, label: 'ratio 1', color: OKABE_ITO.vermillion },
                ...(result.sroiRatio === null
                  ? []
                  : [
                      {
                        value: Number(result.sroiRatio),
                        label: `base case ${f.ratio(result.sroiRatio)}`,
                        color: '#1a1a1a',
                      },
                    ]),
              ],
            },
          },
        }),
    tables: [
      {
        caption: 'Simulated figures',
        columns: [
          left('Figure'),
          right('Mean'),
          right('5th percentile'),
          right('Median'),
          right('95th percentile'),
        ],
        rows: [
          ['SROI ratio', f.ratio(r.mean), f.ratio(r.p5), f.ratio(r.p50), f.ratio(r.p95)],
          ...(p === undefined
            ? []
            : [['Present value', f.money(p.mean), f.money(p.p5), f.money(p.p50), f.money(p.p95)]]),
        ],
      },
      {
        caption: 'Histogram of the simulated SROI ratio',
        collapsible: true,
        columns: [right('SROI ratio from'), right('to under'), right('Draws')],
        rows: simulation.histogram.map((bin) => [
          f.ratio(bin.from),
          f.ratio(bin.to),
          String(bin.count),
        ]),
      },
    ],
  };
}

function methodTerms(
  method: MethodStatement,
  result: SroiResult,
  options: RenderMarkdownOptions,
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
    {
      term: 'Price base',
      text:
        method.priceYear === null
          ? 'No price year was set, so every financial proxy is used as stated and nothing was rebased.'
          : `${method.priceYear} prices. ${method.deflatorSeries === null ? 'No financial proxy needed rebasing.' : 'Financial proxies stated in other years were rebased: value × deflator(price year) ÷ deflator(proxy year).'}`,
    },
    {
      term: 'Deflator series',
      text: method.deflatorSeries === null ? 'None used.' : `${method.deflatorSeries}.`,
    },
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
      text: `Calculated exactly to 34 significant digits; figures are rounded (${options.rounding ?? 'half-up'}) only for display, so a total may differ from the sum of its rounded parts by a penny.`,
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

/** A cell with a second line, or plain text when there is none. */
function note(text: string, extra: string | undefined): Cell {
  return extra === undefined || extra === '' ? text : { text, note: extra };
}

/** A decimal string shown in full, thousands grouped, never rounded. */
function exact(value: string): string {
  return formatNumber(value, value.split('.')[1]?.length ?? 0);
}

/** Drops trailing zeros after a decimal point: `12.50` → `12.5`, `3.00` → `3`. */
function trim(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A fraction written as its percentage, by moving the decimal point (display only). */
function percentOf(value: string): string {
  return formatPercent(value).replace(/[%,]/g, '');
}

/** A figure as a decimal string (numbers from the float path are written out in full). */
function figure(value: ReportFigure): string {
  return typeof value === 'number' ? String(value) : value;
}

/** Whether a figure can be shown: a number from the float path may be `NaN` or infinite. */
function finite(value: ReportFigure): boolean {
  return typeof value === 'string' || Number.isFinite(value);
}

function isZero(value: string): boolean {
  return /^-?0*(?:\.0*)?$/.test(value);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Axis ticks: `£20k`, `£1.5m`, `£500`. */
function compactMoney(value: number, currency: string): string {
  const abs = Math.abs(value);
  const [scaled, suffix] =
    abs >= 1e6 ? [value / 1e6, 'm'] : abs >= 1e4 ? [value / 1e3, 'k'] : [value, ''];
  const text = formatMoney(String(Number(scaled.toFixed(2))), currency, 2);
  return `${trim(text.replace(/\.00$/, ''))}${suffix}`;
}
