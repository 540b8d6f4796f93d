/**
 * The columns of the two CSV tables (docs/csv-format.md): each column's canonical snake_case header, the
 * place in the JSON analysis it fills, whether it is required, and the other titles accepted for
 * it — among them the SROI Value Map's own ("Stakeholders", "Financial proxy", "Value in
 * currency", "Deadweight %", "Drop off %", "Outcomes start", …). Headers are compared after
 * `normaliseHeader`, so case, spaces and punctuation never matter.
 */

/** One column of a CSV table. */
export interface CsvColumn {
  /** The canonical header, snake_case, as `sroi template` writes it. */
  readonly name: string;
  /** Where the cell goes in one row's JSON object, e.g. `['proxy', 'value']`. */
  readonly path: readonly string[];
  /** A row cannot be read without this column. */
  readonly required: boolean;
  /** Other headers accepted for this column (compared after `normaliseHeader`). */
  readonly aliases: readonly string[];
  /** A required column that this other column can stand in for. */
  readonly alternative?: string;
  /** The cell holds a list of quantities separated by `;` or `|` (`quantity_by_year`). */
  readonly list?: true;
}

/** The columns of `outcomes.csv`, one row per outcome. */
export const outcomeColumns: readonly CsvColumn[] = [
  { name: 'id', path: ['id'], required: false, aliases: ['outcome id', 'ref', 'reference'] },
  {
    name: 'stakeholder',
    path: ['stakeholder'],
    required: true,
    aliases: ['stakeholders', 'stakeholder group', 'who'],
  },
  {
    name: 'outcome',
    path: ['outcome'],
    required: true,
    aliases: [
      'outcomes',
      'outcome description',
      'description',
      'intended/unintended changes',
      'what changes',
      'the outcome',
    ],
  },
  {
    name: 'indicator',
    path: ['indicator'],
    required: false,
    aliases: ['indicators', 'outcome indicator'],
  },
  {
    name: 'category',
    path: ['category'],
    required: false,
    aliases: ['perspective', 'value type', 'type of value'],
  },
  {
    name: 'quantity',
    path: ['quantity'],
    required: true,
    alternative: 'quantity_by_year',
    aliases: ['qty', 'number', 'amount of outcome'],
  },
  {
    name: 'quantity_by_year',
    path: ['quantityByYear'],
    required: false,
    aliases: ['quantities by year', 'quantity profile', 'yearly quantity'],
    list: true,
  },
  {
    name: 'proxy_description',
    path: ['proxy', 'description'],
    required: false,
    aliases: ['financial proxy', 'proxy', 'financial proxy description'],
  },
  {
    name: 'proxy_value',
    path: ['proxy', 'value'],
    required: true,
    aliases: [
      'financial proxy value',
      'value in currency',
      'value £',
      'value',
      'unit value',
      'value per unit',
    ],
  },
  {
    name: 'proxy_source',
    path: ['proxy', 'source'],
    required: false,
    aliases: ['financial proxy source', 'source of proxy', 'source of financial proxy'],
  },
  {
    name: 'proxy_price_year',
    path: ['proxy', 'priceYear'],
    required: false,
    aliases: ['price year', 'price base', 'proxy year', 'base year'],
  },
  {
    name: 'duration',
    path: ['duration'],
    required: true,
    aliases: ['duration (years)', 'years', 'duration of outcome'],
  },
  {
    name: 'start',
    path: ['start'],
    required: false,
    aliases: ['outcomes start', 'outcome start', 'start year', 'first year'],
  },
  {
    name: 'deadweight',
    path: ['deadweight'],
    required: false,
    aliases: ['deadweight %', 'dead weight'],
  },
  { name: 'displacement', path: ['displacement'], required: false, aliases: ['displacement %'] },
  { name: 'attribution', path: ['attribution'], required: false, aliases: ['attribution %'] },
  { name: 'leakage', path: ['leakage'], required: false, aliases: ['leakage %'] },
  {
    name: 'drop_off',
    path: ['dropOff'],
    required: false,
    aliases: ['drop off %', 'drop-off', 'dropoff rate', 'drop off rate'],
  },
];

/** The columns of `inputs.csv`, one row per input. */
export const inputColumns: readonly CsvColumn[] = [
  {
    name: 'stakeholder',
    path: ['stakeholder'],
    required: false,
    aliases: ['stakeholders', 'funder', 'contributor', 'who'],
  },
  {
    name: 'description',
    path: ['description'],
    required: true,
    aliases: ['input', 'inputs', 'item', 'input description'],
  },
  {
    name: 'kind',
    path: ['kind'],
    required: false,
    aliases: ['type', 'input type', 'cash or in-kind'],
  },
  {
    name: 'value',
    path: ['value'],
    required: true,
    aliases: ['value £', 'amount', 'cost', 'value in currency', 'input value'],
  },
  { name: 'year', path: ['year'], required: false, aliases: ['input year', 'year spent'] },
];
