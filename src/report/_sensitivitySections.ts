/**
 * What a report says about how firm its ratio is: in plain words on the first page (the
 * assumptions closest to their switching values, what would take the ratio to the target, the
 * scenarios side by side, the Monte Carlo range in a sentence), and in full in the appendix
 * (the tornado, every one-way test and switching value, the simulation's histogram), leaving
 * out the assumptions no outcome uses.
 */
import { OKABE_ITO } from './charts/_svg.js';
import { figure, isZero, parameterName, percentOf, trim } from './_reportFormat.js';
import { formatNumber, formatPercent } from './round.js';
import { left, note, right } from './_sectionModel.js';
import { switchingMargin } from '../review/switchingMargin.js';
import type { Chart, Section, Table } from './_sectionModel.js';
import type { ReportFormat } from './_reportFormat.js';
import type {
  ReportScenarios,
  ReportSensitivity,
  ReportSimulation,
  ReportSwitchingValue,
} from './ReportExtras.js';
import type { Analysis } from '../model/analysis.js';
import type { SroiResult } from '../model/result.js';
import type { SwitchingMargin } from '../review/switchingMargin.js';

/** The most assumptions a tornado chart draws; the table lists them all. */
const TORNADO_ROWS = 12;

/** How many assumptions the first page names as closest to their switching values. */
const CLOSEST = 3;

/** The assumptions an outcome may leave at zero, and that are then not used. */
const OPTIONAL = ['deadweight', 'displacement', 'attribution', 'leakage', 'dropOff'] as const;

/** What names the outcome or input a row of sensitivity results is about. */
export type Subject = (row: { outcome?: string; input?: string | number }) => string;

/**
 * Which rows of sensitivity results test an assumption the analysis never made: a deduction or
 * drop-off that is zero for every outcome and that no outcome records evidence for (a leakage
 * of 0 moved to 10 points, say), and the drop-off of an outcome valued for one year or less
 * (drop-off starts after the first year). The appendix leaves them out. Without the analysis,
 * nothing is left out.
 */
export interface Unused {
  /** The assumptions no outcome uses, by name, for the sentence that says so. */
  readonly parameters: ReadonlySet<string>;
  /** Whether one row (an assumption of an outcome, or of the whole analysis) is left out. */
  readonly row: (row: { readonly parameter: string; readonly outcome?: string }) => boolean;
}

export function unusedAssumptions(analysis: Analysis | undefined): Unused {
  if (analysis === undefined) return { parameters: new Set(), row: () => false };
  const parameters = new Set<string>(
    OPTIONAL.filter((parameter) =>
      analysis.outcomes.every(
        (o) => isZero(o[parameter]) && (o.evidence?.[parameter] ?? '').trim() === '',
      ),
    ),
  );
  const short = new Set(analysis.outcomes.filter((o) => o.duration <= 1).map((o) => o.id));
  return {
    parameters,
    row: (row) =>
      parameters.has(row.parameter) ||
      (row.parameter === 'dropOff' && row.outcome !== undefined && short.has(row.outcome)),
  };
}

/** The sensitivity results a report shows, and how to name their rows. */
export interface FirmnessInput {
  readonly sensitivity?: ReportSensitivity;
  readonly simulation?: ReportSimulation;
  readonly scenarios?: ReportScenarios;
  readonly result: SroiResult;
  readonly format: ReportFormat;
  readonly subject: Subject;
  readonly unused: Unused;
  /** Where the full tables are, e.g. `appendix A`. */
  readonly see?: string;
}

/** The first page's account of how firm the ratio is, in sentences, a list and a table. */
export interface FirmnessSummary {
  readonly paragraphs: readonly string[];
  readonly items: readonly string[];
  readonly tables: readonly Table[];
  readonly after: readonly string[];
}

/** Switching values with their margins, closest first; those without a margin after, in order. */
function byMargin(
  values: readonly ReportSwitchingValue[],
): { value: ReportSwitchingValue; margin: SwitchingMargin | null }[] {
  const rows = values.map((value) => ({ value, margin: switchingMargin(value) }));
  const steps = (m: SwitchingMargin | null) => (m === null ? Infinity : Number(m.steps));
  // Array.prototype.sort is stable: equal margins keep the order they came in.
  return rows.sort((a, b) => steps(a.margin) - steps(b.margin));
}

/** `76% lower`, `+60.82 points`, `−1 year`: a switching margin's move in words. */
function moveText(margin: SwitchingMargin, f: ReportFormat): string {
  const down = margin.move.startsWith('-');
  const size = down ? margin.move.slice(1) : margin.move;
  if (margin.unit === 'relative') {
    return `${formatPercent(size, 1, f.mode)} ${down ? 'lower' : 'higher'}`;
  }
  if (margin.unit === 'points') {
    return `${down ? '−' : '+'}${trim(formatNumber(percentOf(size), 2, f.mode))} points`;
  }
  const years = trim(formatNumber(size, 2, f.mode));
  return `${down ? '−' : '+'}${years} ${years === '1' ? 'year' : 'years'}`;
}

/** The sentences and tables of the first page about how firm the ratio is. */
export function firmnessSummary(input: FirmnessInput): FirmnessSummary {
  const { sensitivity, simulation, scenarios, result, format: f, subject, unused, see } = input;
  const paragraphs: string[] = [];
  const items: string[] = [];
  const tables: Table[] = [];
  const after: string[] = [];
  const base = sensitivity?.base?.sroiRatio ?? result.sroiRatio;

  if (sensitivity !== undefined && base !== null) {
    const target = `${f.ratio(sensitivity.target)} : 1`;
    const falls = Number(figure(base)) > Number(figure(sensitivity.target));
    const ways: string[] = [];
    const scale = byMargin(
      sensitivity.switchingValues.filter((s) => s.parameter === 'proxyScale'),
    )[0];
    if (scale?.margin != null) {
      ways.push(
        `every financial proxy were ${moveText(scale.margin, f)} (${f.assumption('proxyScale', scale.value.switchingValue ?? scale.value.base)})`,
      );
    }
    const input = byMargin(
      sensitivity.switchingValues.filter((s) => s.parameter === 'inputValue'),
    )[0];
    if (input?.margin != null && input.value.switchingValue !== null) {
      ways.push(
        `“${subject(input.value)}” ${input.margin.move.startsWith('-') ? 'fell' : 'rose'} from ${f.assumption('inputValue', input.value.base)} to ${f.assumption('inputValue', input.value.switchingValue)}`,
      );
    }
    paragraphs.push(
      ways.length === 0
        ? `No single assumption brings the SROI ratio of ${f.ratio(base)} : 1 to ${target} within its valid range.`
        : `The SROI ratio of ${f.ratio(base)} : 1 would ${falls ? 'fall' : 'rise'} to ${target} if ${ways.join(', or if ')}.`,
    );
    const closest = byMargin(
      sensitivity.switchingValues.filter(
        (s) => s.parameter !== 'proxyScale' && s.parameter !== 'inputValue' && !unused.row(s),
      ),
    )
      .filter((row) => row.margin !== null)
      .slice(0, CLOSEST);
    if (closest.length === 0) {
      paragraphs.push(
        `No assumption of an outcome, moved alone, brings the ratio to ${target} within its valid range.`,
      );
    } else {
      paragraphs.push(
        `The assumptions closest to their switching values, each moved alone${see === undefined ? '' : ` (${see} lists them all)`}:`,
      );
      for (const { value, margin } of closest) {
        if (margin === null || value.switchingValue === null) continue;
        const what =
          value.outcome === undefined
            ? `The ${parameterName(value.parameter).toLowerCase()}`
            : `${parameterName(value.parameter)} of “${subject(value)}”`;
        items.push(
          `${what}: ${f.assumption(value.parameter, value.base)} now; the ratio is ${target} at ${f.assumption(value.parameter, value.switchingValue)} (${moveText(margin, f)}).`,
        );
      }
    }
  }

  if (scenarios !== undefined) {
    tables.push({
      caption: 'The scenarios side by side',
      captionShown: true,
      columns: [
        left('Scenario'),
        right('Present value'),
        right('Net present value'),
        right('SROI ratio'),
      ],
      rows: [
        { name: 'Base case', description: undefined, result: scenarios.base },
        ...scenarios.scenarios.map((s) => ({ ...s, description: s.description })),
      ].map((s) => [
        note(s.name, s.description),
        f.money(s.result.totalPresentValue),
        f.money(s.result.netPresentValue),
        f.ratio(s.result.sroiRatio),
      ]),
    });
  }

  if (simulation !== undefined) after.push(simulationSentence(simulation, f));
  return { paragraphs, items, tables, after };
}

/** The Monte Carlo result in one sentence. */
function simulationSentence(simulation: ReportSimulation, f: ReportFormat): string {
  const r = simulation.sroiRatio;
  return `In 90% of the ${formatNumber(String(simulation.draws), 0)} draws of the Monte Carlo simulation (seed ${String(simulation.seed)}) the SROI ratio was between ${f.ratio(r.p5)} and ${f.ratio(r.p95)}; it was at least 1 : 1 in ${f.percent(simulation.probabilityRatioAtLeastOne)} of them.`;
}

/** The appendix of every one-way test and switching value, with the tornado chart. */
export function sensitivityAppendix(
  heading: string,
  input: FirmnessInput & { readonly sensitivity: ReportSensitivity },
): Section {
  const { sensitivity, result, format: f, subject, unused } = input;
  const base = sensitivity.base?.sroiRatio ?? result.sroiRatio;
  const target = f.ratio(sensitivity.target);
  const used = <T extends { parameter: string; outcome?: string }>(rows: readonly T[]) =>
    rows.filter((r) => !unused.row(r));
  const rows = used(sensitivity.oneWay).map((r) => ({
    name: `${parameterName(r.parameter)} — ${subject(r)}`,
    ...r,
  }));
  const drawable =
    base !== null && rows.every((r) => r.low.sroiRatio !== null && r.high.sroiRatio !== null);
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
  const leftOut = [...unused.parameters].map((p) => parameterName(p).toLowerCase());
  const leftOutNote =
    leftOut.length === 0
      ? []
      : [
          `Left out: ${joinWords(leftOut)}, which ${leftOut.length === 1 ? 'is' : 'are'} zero for every outcome with no evidence recorded, so no outcome uses ${leftOut.length === 1 ? 'it' : 'them'}.`,
        ];
  return {
    id: 'sensitivity',
    heading,
    paragraphs: [
      `How far the SROI ratio (base case ${f.ratio(base)}) moves when one assumption at a time is moved to each end of its tested range, widest swing first.${drawnNote}`,
      `Switching values: the value each assumption would need for the SROI ratio to fall (or rise) to ${target}, closest first. An assumption far from its switching value is one the conclusion does not hang on.`,
      ...leftOutNote,
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
          parameterName(r.parameter),
          subject(r),
          f.assumption(r.parameter, r.low.value),
          f.ratio(r.low.sroiRatio),
          f.assumption(r.parameter, r.high.value),
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
        rows: byMargin(used(sensitivity.switchingValues)).map(({ value: s }) => [
          parameterName(s.parameter),
          subject(s),
          f.assumption(s.parameter, s.base),
          s.reachable && s.switchingValue !== null
            ? f.assumption(s.parameter, s.switchingValue)
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

/** The appendix of the Monte Carlo simulation: the sentence, the histogram, the percentiles. */
export function simulationAppendix(
  heading: string,
  simulation: ReportSimulation,
  result: SroiResult,
  f: ReportFormat,
): Section {
  const r = simulation.sroiRatio;
  const p = simulation.presentValue;
  const probability = f.percent(simulation.probabilityRatioAtLeastOne);
  const bins = simulation.histogram.map((bin) => ({
    from: Number(figure(bin.from)),
    to: Number(figure(bin.to)),
    count: bin.count,
    label: `${f.ratio(bin.from)} to under ${f.ratio(bin.to)}: ${bin.count} draws`,
  }));
  return {
    id: 'simulation',
    heading,
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

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}
