/**
 * The field table: every field of an analysis (docs/model.md), each with its rule written once —
 * its kind, whether it is required, its default, its description, and for the columns of
 * `outcomes.csv` and `inputs.csv` the column name and the other headers accepted for it (among
 * them the SROI Value Map's own titles). The reader of `safeParseAnalysis` and `readCsvAnalysis`,
 * the zod schema (and so the JSON Schema of `sroi schema`) and the CSV columns are all built from
 * this table (docs/decisions/0011-one-field-table.md): a field added here is read, checked
 * and described everywhere.
 */
import {
  countKind,
  currencyKind,
  fractionKind,
  moneyKind,
  nonNegativeMoneyKind,
  oneOfKind,
  priceYearKind,
  quantityKind,
  textKind,
  wholeYearsKind,
  yearsKind,
} from './_fields.js';
import { column, list, record, scalar, section } from './_fieldSpec.js';
import { readScenarios, scenariosSchema } from './scenariosSchema.js';
import { readUncertainty, uncertaintySchema } from './uncertaintySchema.js';
import { discountScheduleNames } from '../calc/greenBookSchedules.js';
import type { DiscountScheduleName, NotStatedAssumption } from '../model/analysis.js';

/** The flat discount rate when the analysis gives no rate, rates or schedule: 3.5 %. */
export const DEFAULT_DISCOUNT_RATE = '0.035';

/**
 * The assumptions an outcomes table may have no column for, in the method's order, each with the
 * column of `outcomes.csv` that states it (`notStated` lists those a table left out).
 */
export const notStatedAssumptions: readonly {
  readonly assumption: NotStatedAssumption;
  readonly column: string;
}[] = [
  { assumption: 'deadweight', column: 'deadweight' },
  { assumption: 'displacement', column: 'displacement' },
  { assumption: 'attribution', column: 'attribution' },
  { assumption: 'dropOff', column: 'drop_off' },
];

const text = (description: string, more: { column?: ReturnType<typeof column> } = {}) =>
  scalar(textKind, { description, ...more });

/** How sure the analysis is of one assumption: free text, kept with the outcome. */
const evidence = (assumption: string, name: string, ...aliases: string[]) =>
  text(`The evidence for the ${assumption}: a source, a survey, a reason`, {
    // eslint-disable-next-line no-restricted-syntax -- bounded: the aliases written in this table
    column: column(`evidence_${name}`, ...aliases),
  });

const fraction = (description: string, name: string, ...aliases: string[]) =>
  // eslint-disable-next-line no-restricted-syntax -- bounded: the aliases written in this table
  scalar(fractionKind, { description, default: '0', column: column(name, ...aliases) });

/** The money value of one unit of an outcome. */
export const proxyFields = {
  description: text('What the financial proxy is', {
    column: column('proxy_description', 'financial proxy', 'proxy', 'financial proxy description'),
  }),
  value: scalar(moneyKind, {
    required: true,
    description: 'Money value of one unit of the outcome for one year; negative for a disbenefit',
    column: column(
      'proxy_value',
      'financial proxy value',
      'value in currency',
      'value £',
      'value',
      'unit value',
      'value per unit',
    ),
  }),
  source: text('Where the proxy comes from', {
    column: column(
      'proxy_source',
      'financial proxy source',
      'source of proxy',
      'source of financial proxy',
    ),
  }),
  priceYear: scalar(priceYearKind, {
    description:
      'The price year the value is stated in; rebased to the analysis price year when it has one',
    column: column('proxy_price_year', 'price year', 'price base', 'proxy year', 'base year'),
  }),
} as const;

/** The evidence behind an outcome's assumptions, by assumption; changes no figure. */
export const evidenceFields = {
  quantity: evidence(
    'quantity',
    'quantity',
    'quantity evidence',
    'evidence for quantity',
    'source of quantity',
    'quantity source',
  ),
  duration: evidence(
    'duration',
    'duration',
    'duration evidence',
    'evidence for duration',
    'source of duration',
    'duration rationale',
  ),
  deadweight: evidence(
    'deadweight',
    'deadweight',
    'deadweight evidence',
    'evidence for deadweight',
    'source of deadweight',
    'deadweight rationale',
  ),
  displacement: evidence(
    'displacement',
    'displacement',
    'displacement evidence',
    'evidence for displacement',
    'source of displacement',
    'displacement rationale',
  ),
  attribution: evidence(
    'attribution',
    'attribution',
    'attribution evidence',
    'evidence for attribution',
    'source of attribution',
    'attribution rationale',
  ),
  leakage: evidence(
    'leakage',
    'leakage',
    'leakage evidence',
    'evidence for leakage',
    'source of leakage',
    'leakage rationale',
  ),
  dropOff: evidence(
    'drop-off',
    'drop_off',
    'drop off evidence',
    'evidence for drop off',
    'source of drop off',
    'drop off rationale',
  ),
} as const;

/** One row of the impact map: a change for one stakeholder, its quantity and its value. */
export const outcomeFields = {
  id: text('Unique id of the outcome; o1, o2, … in order when left out', {
    column: column('id', 'outcome id', 'ref', 'reference'),
  }),
  stakeholder: scalar(textKind, {
    required: true,
    description:
      'Who experiences the change: a stakeholder id or name, or free text when no stakeholders are listed',
    column: column('stakeholder', 'stakeholders', 'stakeholder group', 'who'),
  }),
  outcome: scalar(textKind, {
    required: true,
    description: 'The change, in words',
    column: column(
      'outcome',
      'outcomes',
      'outcome description',
      'description',
      'intended/unintended changes',
      'what changes',
      'the outcome',
    ),
  }),
  output: text('What the activity delivered that leads to the change (the Value Map’s outputs)', {
    column: column('output', 'outputs', 'output description', 'activity output'),
  }),
  indicator: text('How the change is measured', {
    column: column('indicator', 'indicators', 'outcome indicator'),
  }),
  category: text('A perspective, e.g. fiscal, social, quality of life (free text)', {
    column: column('category', 'perspective', 'value type', 'type of value'),
  }),
  quantity: scalar(quantityKind, {
    description: 'How many units of the outcome occur (people, events…); or give quantityByYear',
    column: column('quantity', 'qty', 'number', 'amount of outcome'),
  }),
  quantityByYear: list(scalar(quantityKind, { required: true, description: 'A quantity' }), {
    description:
      'A quantity for each valued year (⌈duration⌉ of them); replaces quantity and switches drop-off off',
    column: column(
      'quantity_by_year',
      'quantities by year',
      'quantity profile',
      'yearly quantity',
    ),
  }),
  proxy: record(proxyFields, { required: true, description: 'The financial proxy' }),
  duration: scalar(yearsKind, {
    required: true,
    description:
      'How many years the outcome lasts; the last valued year counts only its fraction (2.5)',
    column: column('duration', 'duration (years)', 'years', 'duration of outcome'),
  }),
  start: scalar(wholeYearsKind(1), {
    description: 'The first valued year (the Value Map’s "outcomes start"), default 1',
    default: 1,
    column: column('start', 'outcomes start', 'outcome start', 'start year', 'first year'),
  }),
  deadweight: fraction(
    'Share of the outcome that would have happened anyway, default 0',
    'deadweight',
    'deadweight %',
    'dead weight',
  ),
  displacement: fraction(
    'Share of the outcome that displaced other outcomes, default 0',
    'displacement',
    'displacement %',
  ),
  attribution: fraction(
    'Share of the outcome owed to others, default 0',
    'attribution',
    'attribution %',
  ),
  leakage: fraction(
    'Share of the outcome that benefits people outside the area of interest, default 0',
    'leakage',
    'leakage %',
  ),
  dropOff: fraction(
    'Share of the outcome lost each year after the first valued year (it compounds), default 0',
    'drop_off',
    'drop off %',
    'drop-off',
    'dropoff rate',
    'drop off rate',
  ),
  evidence: record(evidenceFields, {
    description: 'The evidence behind each assumption, as free text; changes no figure',
    omitWhenEmpty: true,
  }),
} as const;

/** Something put into the activity. */
export const inputFields = {
  stakeholder: text('Who put it in (a stakeholder id or name, or free text)', {
    column: column('stakeholder', 'stakeholders', 'funder', 'contributor', 'who'),
  }),
  description: scalar(textKind, {
    required: true,
    description: 'What it is',
    column: column('description', 'input', 'inputs', 'item', 'input description'),
  }),
  kind: text('cash, in-kind, or your own word', {
    column: column('kind', 'type', 'input type', 'cash or in-kind'),
  }),
  value: scalar(nonNegativeMoneyKind, {
    required: true,
    description: 'Its money value',
    column: column('value', 'value £', 'amount', 'cost', 'value in currency', 'input value'),
  }),
  year: scalar(wholeYearsKind(0), {
    description: 'The year it is spent; 0, the default, is not discounted',
    default: 0,
    column: column('year', 'input year', 'year spent'),
  }),
} as const;

/** A group of people or organisations who experience change or put something in. */
export const stakeholderFields = {
  id: text('How outcomes and inputs refer to the group; its name when left out'),
  name: text('The group’s name; its id when left out'),
  size: scalar(countKind, { description: 'How many people the group holds (informative)' }),
  description: scalar(textKind, { description: 'Who they are (not kept)', keep: false }),
} as const;

/** How future values are discounted. */
export const discountFields = {
  rate: scalar(fractionKind, { description: 'A flat rate for every year, default 3.5%' }),
  rates: list(scalar(fractionKind, { required: true, description: 'A rate' }), {
    description: 'A rate for year 1, year 2, …; the last continues for later years',
    min: {
      count: 1,
      code: 'invalid_value',
      message: 'discount.rates must list at least one rate',
    },
  }),
  schedule: scalar(
    oneOfKind(
      discountScheduleNames as unknown as readonly [DiscountScheduleName, ...DiscountScheduleName[]],
      'unknown_schedule',
    ),
    { description: 'A Green Book declining schedule' },
  ),
  timing: scalar(oneOfKind(['end', 'start', 'mid']), {
    description: 'When in a year its flow is discounted: end (default), start or mid',
    default: 'end',
  }),
} as const;

/** The analysis as people write it (docs/model.md). */
export const analysisFields = record(
  {
    $schema: scalar(textKind, {
      description: 'The JSON Schema this file follows (for editors; not kept)',
      keep: false,
    }),
    name: scalar(textKind, { required: true, description: 'The name of the analysis' }),
    organisation: text('Who the analysis is for or by'),
    author: text('Who wrote it'),
    period: text('The period it covers, as free text ("April 2023 – March 2024")'),
    kind: scalar(oneOfKind(['forecast', 'evaluative']), {
      description: 'Whether it forecasts value to come or evaluates value that has happened',
    }),
    description: text('Plain text describing the activity and the analysis'),
    date: text('The analysis’s own date, as written (reports show it)'),
    currency: scalar(currencyKind, {
      description: 'The currency of every amount, default GBP',
      default: 'GBP',
    }),
    priceYear: scalar(priceYearKind, {
      description: 'The price base of the result; proxies with their own price year are rebased',
    }),
    discount: record(discountFields, {
      description:
        'Give one of rate (flat, default 3.5%), rates (year 1, year 2, …; the last continues) or schedule (a Green Book preset). timing: end (default), start or mid.',
      rules: [
        {
          rule: 'atMostOne',
          keys: ['rate', 'rates', 'schedule'],
          code: 'invalid_discount',
          message: (given) =>
            `discount must give one of rate, rates or schedule, got ${given.join(' and ')}`,
        },
      ],
    }),
    horizon: scalar(wholeYearsKind(1), {
      description: 'The last year valued; default, the last year in which any outcome has value',
    }),
    notStated: list(
      scalar(
        oneOfKind(
          notStatedAssumptions.map((a) => a.assumption) as [
            NotStatedAssumption,
            ...NotStatedAssumption[],
          ],
        ),
        { required: true, description: 'An assumption' },
      ),
      {
        description:
          'The assumptions the outcomes table has no column for, or a column blank in every row (the CSV and Value Map readers set it): each is 0 for every outcome, and the result warns of it',
      },
    ),
    stakeholders: list(
      record(stakeholderFields, {
        required: true,
        description: 'A stakeholder group',
        rules: [
          { rule: 'atLeastOne', keys: ['id', 'name'], message: 'a stakeholder needs an id or a name' },
        ],
      }),
      { description: 'The stakeholder groups, when outcomes and inputs refer to them' },
    ),
    inputs: list(record(inputFields, { required: true, description: 'An input' }), {
      description: 'What was put in',
    }),
    outcomes: list(
      record(outcomeFields, {
        required: true,
        description: 'An outcome',
        rules: [
          {
            rule: 'atLeastOne',
            keys: ['quantity', 'quantityByYear'],
            at: 'quantity',
            message: 'quantity is required (or give quantityByYear)',
          },
        ],
      }),
      {
        required: true,
        description: 'The outcomes: the impact map, one per row',
        min: {
          count: 1,
          code: 'required',
          message: 'outcomes must list at least one outcome: there is nothing to value',
        },
      },
    ),
    scenarios: section(
      scenariosSchema,
      (raw) => readScenarios(raw).issues,
      'Named sets of overrides; read by safeParseScenarios (docs/sensitivity.md)',
    ),
    uncertainty: section(
      uncertaintySchema,
      (raw) => readUncertainty(raw).issues,
      'Distributions for sroi simulate; read by safeParseUncertainty (docs/sensitivity.md)',
    ),
  },
  { required: true, description: 'An SROI analysis for the sroi library (docs/model.md).' },
);

/** The field table's type: what every reader and schema of an analysis is built from. */
export type AnalysisFields = typeof analysisFields;
