/**
 * The content of a report, worked out once and rendered twice: `renderMarkdown` writes it as
 * Markdown tables, `renderHtml` as HTML tables with an SVG chart beside each. A report reads as
 * a board paper first — the cover, the headline figures, the warnings and a page of what the
 * ratio rests on in plain words — then the body, and an assurer's appendix behind it (the full
 * sensitivity tables, the simulation, the assurance-readiness findings, the changes since the
 * previous version). A section with nothing to show is left out. Every figure here is a field
 * of the result (or of the analysis, or of the sensitivity, simulation, check and diff results
 * passed in), rounded for display; nothing is calculated. Text is left unescaped: each renderer
 * escapes for its own format.
 */
import { capitalise, figure, isZero, reportFormat } from './_reportFormat.js';
import { checkSection } from './_checkSection.js';
import { diffSection } from './_diffSection.js';
import { impactMapSection } from './_impactMapSection.js';
import { methodSection } from './_methodSection.js';
import {
  firmnessSummary,
  joinWords,
  sensitivityAppendix,
  simulationAppendix,
  unusedAssumptions,
} from './_sensitivitySections.js';
import { OKABE_ITO } from './charts/_svg.js';
import { parameterLabels } from '../model/vocabulary.js';
import { formatMoney, formatNumber } from './round.js';
import { left, right } from './_sectionModel.js';
import { uncategorised } from '../calc/evaluateAnalysis.js';
import type { Section } from './_sectionModel.js';
import type { FirmnessInput, Subject } from './_sensitivitySections.js';
import type { RenderMarkdownOptions } from './renderMarkdown.js';
import type { Analysis } from '../model/analysis.js';
import type { SroiResult } from '../model/result.js';

export type { Cell, Chart, Column, Section, Table } from './_sectionModel.js';

/** One line of the cover: `Organisation: Age UK Anytown`. */
export interface CoverFact {
  readonly label: string;
  readonly value: string;
}

export interface Report {
  readonly title: string;
  /** A line under the title: analysis name (when a title replaces it), currency, price base. */
  readonly subtitle: string;
  /** The cover: kind of analysis, organisation, period, author and the analysis's own date. */
  readonly facts: readonly CoverFact[];
  /** The analysis's own description, under the cover facts. */
  readonly description?: string;
  readonly headline: {
    /** `2.01 : 1`, or a sentence when the ratio is undefined. */
    readonly ratio: string;
    /** The ratio itself, as shown (`2.01`), or `null`. */
    readonly ratioValue: string | null;
    readonly sentence: string;
    readonly figures: readonly { readonly label: string; readonly value: string }[];
  };
  readonly warnings: readonly string[];
  /** The rest of the first page: how firm the ratio is, the check and the changes in brief. */
  readonly summary?: Section;
  readonly sections: readonly Section[];
  /** The assurer's appendix, its sections headed "Appendix A. …" in order. */
  readonly appendix: readonly Section[];
}

/** The cover's facts from the analysis' own metadata; never the clock. */
function coverFacts(analysis: Analysis): CoverFact[] {
  const facts: CoverFact[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value !== undefined && value.trim() !== '') facts.push({ label, value });
  };
  add('Kind', analysis.kind === undefined ? undefined : KINDS[analysis.kind]);
  add('Organisation', analysis.organisation);
  add('Period', analysis.period);
  add('Author', analysis.author);
  add('Date', analysis.date);
  return facts;
}

const KINDS: Readonly<Record<NonNullable<Analysis['kind']>, string>> = {
  forecast: 'Forecast',
  evaluative: 'Evaluation',
};

/** Builds the sections of a report from a result and what else the caller passed. */
export function reportSections(result: SroiResult, options: RenderMarkdownOptions = {}): Report {
  const f = reportFormat(result.currency, options);
  const { money, roundMoney, ratio, share, moneyTick, mode } = f;
  const analysis = options.analysis;
  const stakeholderName = new Map(result.stakeholders.map((s) => [s.stakeholder, s.name]));
  const name = (id: string) => stakeholderName.get(id) ?? id;
  const outcomeName = new Map(result.outcomes.map((o) => [o.id, o.outcome]));
  const subject: Subject = (row) =>
    row.outcome !== undefined
      ? (outcomeName.get(row.outcome) ?? row.outcome)
      : row.input !== undefined
        ? typeof row.input === 'number'
          ? (result.inputs[row.input]?.description ?? `input ${row.input + 1}`)
          : row.input
        : 'all outcomes';
  // No category section and no category column when no outcome has a category.
  const categorised = !(
    result.categories.every((c) => c.category === uncategorised) &&
    (analysis === undefined || analysis.outcomes.every((o) => o.category === undefined))
  );

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
      `The present value of each ${noun}'s outcomes, its share of the total, and its SROI ratio: that present value divided by the total inputs of the whole analysis (value per ${formatMoney('1', f.currency, 0)} invested from this perspective). The ratios add up to the SROI ratio.`,
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
  );
  if (categorised) {
    sections.push(
      slices(
        'categories',
        'Value by category',
        'category',
        result.categories.map((c) => ({ ...c, label: c.category })),
      ),
    );
  }

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
  const allSteps: { label: string; amount: string }[] = [
    { label: parameterLabels.deadweight, amount: w.deadweight },
    { label: parameterLabels.displacement, amount: w.displacement },
    { label: parameterLabels.attribution, amount: w.attribution },
    { label: parameterLabels.leakage, amount: w.leakage },
    { label: parameterLabels.dropOff, amount: w.dropOff },
    { label: 'Beyond the horizon', amount: w.beyondHorizon },
    { label: 'Discounting', amount: w.discounting },
  ];
  // A step that takes nothing away is named in a sentence, not drawn.
  const steps = allSteps.filter((s) => !isZero(s.amount));
  const nothing = allSteps
    .filter((s) => isZero(s.amount) && s.label !== 'Beyond the horizon')
    .map((s) => s.label.toLowerCase());
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
      ...(nothing.length === 0
        ? []
        : [
            `${capitalise(joinWords(nothing))} ${nothing.length === 1 ? 'takes' : 'take'} nothing away.`,
          ]),
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
  sections.push(impactMapSection(result, analysis, f, name, categorised));

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
          input.stakeholder === undefined ? '—' : name(input.stakeholder),
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

  sections.push(methodSection(result, mode));

  // The appendix, lettered in order; the first page refers to it by letter.
  const firmness: FirmnessInput = {
    ...(options.sensitivity === undefined ? {} : { sensitivity: options.sensitivity }),
    ...(options.simulation === undefined ? {} : { simulation: options.simulation }),
    ...(options.scenarios === undefined ? {} : { scenarios: options.scenarios }),
    result,
    format: f,
    subject,
    unused: unusedAssumptions(analysis),
  };
  const appendix: Section[] = [];
  const letters = new Map<string, string>();
  const heading = (id: string, text: string) => {
    const letter = String.fromCharCode(65 + appendix.length);
    letters.set(id, letter);
    return `Appendix ${letter}. ${text}`;
  };
  if (options.sensitivity !== undefined) {
    const sensitivity = options.sensitivity;
    appendix.push(
      sensitivityAppendix(heading('sensitivity', 'Sensitivity of every assumption'), {
        ...firmness,
        sensitivity,
      }),
    );
  }
  if (options.simulation !== undefined) {
    appendix.push(
      simulationAppendix(
        heading('simulation', 'Uncertainty (Monte Carlo)'),
        options.simulation,
        result,
        f,
      ),
    );
  }
  if (options.check !== undefined) {
    appendix.push(
      checkSection(
        'check',
        heading('check', 'Assurance readiness'),
        options.check,
        (id) => outcomeName.get(id) ?? id,
      ),
    );
  }
  if (options.diff !== undefined) {
    appendix.push(
      diffSection(
        'diff',
        heading('diff', `Changes since “${options.diff.before.name}”`),
        options.diff,
        f,
        (id) => outcomeName.get(id),
      ),
    );
  }
  const sensitivityLetter = letters.get('sensitivity');
  const summary = summarySection(
    sensitivityLetter === undefined
      ? firmness
      : { ...firmness, see: `appendix ${sensitivityLetter}` },
    options,
    letters,
    f,
  );

  const base = result.priceYear === null ? undefined : `${result.priceYear} prices`;
  const years = result.method.horizon === 1 ? 'year 1' : `years 1–${result.method.horizon}`;
  const title = options.title ?? result.name;
  const ratioValue = result.sroiRatio === null ? null : ratio(result.sroiRatio);
  return {
    title,
    subtitle: [title === result.name ? undefined : result.name, f.currency, base, years]
      .filter((part) => part !== undefined)
      .join(' · '),
    facts: analysis === undefined ? [] : coverFacts(analysis),
    ...(analysis?.description === undefined || analysis.description.trim() === ''
      ? {}
      : { description: analysis.description }),
    headline: {
      ratio: ratioValue === null ? 'undefined' : `${ratioValue} : 1`,
      ratioValue,
      sentence:
        result.sroiRatio === null
          ? 'The SROI ratio is undefined because the total inputs are zero.'
          : `${formatMoney(figure(result.sroiRatio), f.currency, f.ratioPlaces, mode)} of social value for each ${formatMoney('1', f.currency, 0)} invested.`,
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
    ...(summary === undefined ? {} : { summary }),
    sections,
    appendix,
  };
}

/**
 * The rest of the first page, in plain words: how firm the ratio is, and, when given, the
 * assurance-readiness check and the change since the previous version, each pointing to its
 * appendix. `undefined` when there is nothing of the kind to say.
 */
function summarySection(
  firmness: FirmnessInput,
  options: RenderMarkdownOptions,
  letters: ReadonlyMap<string, string>,
  f: ReturnType<typeof reportFormat>,
): Section | undefined {
  const parts = firmnessSummary(firmness);
  const after = [...parts.after];
  const see = (id: string) => {
    const letter = letters.get(id);
    return letter === undefined ? '' : ` (appendix ${letter})`;
  };
  const check = options.check;
  if (check !== undefined) {
    const n = check.findings.length;
    after.push(
      n === 0
        ? `An assurance-readiness check against the principles of social value found nothing to question${see('check')}.`
        : `An assurance-readiness check against the principles of social value raised ${n} ${n === 1 ? 'point' : 'points'} an assurer would question, the most serious first${see('check')}.`,
    );
  }
  const diff = options.diff;
  if (diff !== undefined) {
    const ratio = (value: string | null) =>
      value === null ? 'undefined' : `${f.ratio(value)} : 1`;
    after.push(
      `Since “${diff.before.name}”, the SROI ratio has moved from ${ratio(diff.before.sroiRatio)} to ${ratio(diff.after.sroiRatio)}; ${diff.changes.length} ${diff.changes.length === 1 ? 'change is' : 'changes are'} listed with the effect of each${see('diff')}.`,
    );
  }
  if (
    parts.paragraphs.length === 0 &&
    parts.items.length === 0 &&
    parts.tables.length === 0 &&
    after.length === 0
  ) {
    return undefined;
  }
  return {
    id: 'summary',
    heading: 'How firm the ratio is',
    paragraphs: parts.paragraphs,
    ...(parts.items.length === 0 ? {} : { items: parts.items }),
    tables: parts.tables,
    ...(after.length === 0 ? {} : { after }),
  };
}
