/**
 * The layout of the SROI Value Map (the Impact Map of the SROI Guide), written once: the versions
 * of the template found, each column's title and the question printed under it, its stage, and
 * the rows above and below the table. `writeValueMap` writes the first title and question of each
 * column; a reader matches every title and question listed here, tolerantly (case, spaces and
 * punctuation aside). Sources: docs/value-map.md.
 */

/** A version of the template that was found, and where. */
export interface ValueMapVersion {
  readonly id: string;
  readonly name: string;
  readonly publisher: string;
  readonly year: string;
  /** Where a copy or a description was found. */
  readonly source: string;
  /** What was found, and what was not. */
  readonly found: string;
}

/**
 * The versions found (docs/value-map.md gives the detail and what is still unknown).
 *
 * @example
 * valueMapVersions.map((version) => version.id);
 * //=> ['guide-2009', 'sroi-network-value-map', 'value-map-2017', 'sroi-value-map-svuk']
 */
export const valueMapVersions: readonly ValueMapVersion[] = [
  {
    id: 'guide-2009',
    name: 'Impact Map (A guide to Social Return on Investment)',
    publisher:
      'Cabinet Office, Office of the Third Sector; reissued by The SROI Network, January 2012',
    year: '2009, 2012',
    source:
      'https://fdocuments.in/document/uk-gov-sroi-guide-2012.html; https://studylib.net/doc/25310131/cabinet-office-a-guide-to-social-return-on-investment',
    found:
      'copies of the Guide; only their opening pages could be read here, so the columns of the Guide’s own impact map are not confirmed from a copy',
  },
  {
    id: 'sroi-network-value-map',
    name: 'Social Return on Investment – The Value Map',
    publisher:
      'The SROI Network (training spreadsheet, "only to be used as part of SROI Network training")',
    year: 'about 2011–2012',
    source: 'https://issuu.com/kameliashamsuddin/docs/sroi-the_value_map__sroiworkshopfor',
    found:
      'the sheet as text: stage row (Stage 1 … Stage 4), column titles and the questions under them, Total rows, the rows "Present value of each year", "Total Present Value (PV)", "Net Present Value (PV minus the investment)", "Social Return Value per amount invested"; no formulas',
  },
  {
    id: 'value-map-2017',
    name: 'Value Map, updated October 2017',
    publisher: 'Social Value International',
    year: '2017',
    source:
      'http://socialvalueint.org/social-value/standards-and-guidance/accompanying-note-to-updated-value-map-october-2017/',
    found:
      'the note describing the changes: impact questions such as "Who and how many?" and "What changes?"; a column for the number in each stakeholder group; two quantity columns (the number of people who experience the change, used for the impact, and how much change per person); value options to rank and to weight outcomes',
  },
  {
    id: 'sroi-value-map-svuk',
    name: 'SROI Value Map (with "Value Map (non-SROI)")',
    publisher: 'Social Value UK',
    year: 'current',
    source:
      'https://socialvalueuk.org/resources/sroi-value-map/; https://socialvalueuk.org/resource/blank-value-map/',
    found:
      'the resource page: an Excel workbook with two sheets, "SROI Value Map" (formulas for present value, net present value, the SROI ratio and a discount rate) and "Value Map (non-SROI)" (outcomes weighted, no money), and a page of guidance notes; the workbook itself could not be read here',
  },
];

/**
 * The stages of the SROI Guide, as the stage row names them.
 *
 * @example
 * valueMapStages.map((stage) => stage.title);
 * //=> ['Stage 1', 'Stage 2', 'Stage 3', 'Stage 4', 'Stage 5']
 */
export const valueMapStages: readonly { readonly stage: number; readonly title: string }[] = [
  { stage: 1, title: 'Stage 1' },
  { stage: 2, title: 'Stage 2' },
  { stage: 3, title: 'Stage 3' },
  { stage: 4, title: 'Stage 4' },
  { stage: 5, title: 'Stage 5' },
];

/** What a column holds, which sets its number format and its data validation. */
export type ValueMapContent =
  | 'text'
  /** an amount of money */
  | 'money'
  /** a share 0–1, written as a percentage */
  | 'fraction'
  /** a count or amount ≥ 0 */
  | 'quantity'
  /** a number of years > 0 */
  | 'years'
  /** a whole year (`start` ≥ 1, an input's year ≥ 0) */
  | 'year'
  /** a plain number (a deflator ratio) */
  | 'number';

/** The columns, by the name the writer and the reader use for them. */
export type ValueMapColumnKey =
  | 'stakeholder'
  | 'stakeholderSize'
  | 'intendedChanges'
  | 'inputDescription'
  | 'inputValue'
  | 'inputYear'
  | 'inputKind'
  | 'inputPresentValue'
  | 'output'
  | 'outcome'
  | 'indicator'
  | 'quantitySource'
  | 'quantity'
  | 'quantityPerPerson'
  | 'quantityByYear'
  | 'duration'
  | 'durationSource'
  | 'start'
  | 'proxyDescription'
  | 'proxyValue'
  | 'proxySource'
  | 'proxyPriceYear'
  | 'deflatorRatio'
  | 'proxyRebased'
  | 'category'
  | 'deadweight'
  | 'deadweightSource'
  | 'displacement'
  | 'displacementSource'
  | 'attribution'
  | 'attributionSource'
  | 'leakage'
  | 'leakageSource'
  | 'dropOff'
  | 'dropOffSource'
  | 'impact'
  | 'year'
  | 'presentValue'
  | 'id';

/** One column of the Value Map. */
export interface ValueMapColumn {
  readonly key: ValueMapColumnKey;
  readonly stage: number;
  /** The title sroi writes (for `year`, `{year}` is the year's number). */
  readonly title: string;
  /** The question sroi writes under the title. */
  readonly question: string;
  /** Other titles the versions use for this column. */
  readonly alsoTitled: readonly string[];
  /** Other questions the versions print under it. */
  readonly alsoAsked: readonly string[];
  readonly content: ValueMapContent;
  /** The sheet computes it: a reader compares it with sroi's figure, never reads it as data. */
  readonly computed: boolean;
  /** Where the template has it; `sroi` marks a column sroi adds, which no version found has. */
  readonly origin: 'template' | 'sroi';
  /**
   * Whether sroi writes it: always, when the analysis has something for it, or never (a
   * column of a version that the model has no field for; a reader still recognises it).
   */
  readonly written: 'always' | 'when-present' | 'never';
}

const column = (
  key: ValueMapColumnKey,
  stage: number,
  title: string,
  question: string,
  content: ValueMapContent,
  more: Partial<
    Pick<ValueMapColumn, 'alsoTitled' | 'alsoAsked' | 'computed' | 'origin' | 'written'>
  > = {},
): ValueMapColumn => ({
  key,
  stage,
  title,
  question,
  content,
  alsoTitled: more.alsoTitled ?? [],
  alsoAsked: more.alsoAsked ?? [],
  computed: more.computed ?? false,
  origin: more.origin ?? 'template',
  written: more.written ?? 'always',
});

const SOURCE_QUESTION = 'Where did you get the information from?';

/**
 * The titles a column of evidence for an assumption may have in a charity's own sheet: a
 * "Source" or "Rationale" beside the assumption, told apart by its place (after which column).
 */
const EVIDENCE_TITLES = ['Source', 'Rationale', 'Reason', 'Evidence', 'Justification'];

/**
 * The columns in the order sroi writes them (the template's order, sroi's own columns beside the
 * template column they belong with). Titles and questions are those of the SROI Network's Value
 * Map (docs/value-map.md) unless `origin` is `sroi`.
 *
 * @example
 * const deadweight = valueMapColumns.find((column) => column.key === 'deadweight');
 * [deadweight?.stage, deadweight?.title, deadweight?.content];
 * //=> [4, 'Deadweight %', 'fraction']
 */
export const valueMapColumns: readonly ValueMapColumn[] = [
  column(
    'stakeholder',
    1,
    'Stakeholders',
    'Who do we have an effect on? Who has an effect on us?',
    'text',
    {
      alsoTitled: ['Stakeholder', 'Stakeholder group', 'Who'],
      alsoAsked: ['Who do we have an affect on? Who has an effect on us?', 'Who and how many?'],
    },
  ),
  column('stakeholderSize', 1, 'No. in group', 'How many people are in the group?', 'quantity', {
    alsoTitled: ['No in group', 'Number in group', 'Quantity in group', 'How many'],
    written: 'when-present',
  }),
  column(
    'intendedChanges',
    1,
    'Intended/unintended changes',
    'What do we think will change for them?',
    'text',
    {
      alsoTitled: ['Intended / unintended changes', 'Intended changes'],
      alsoAsked: ['What do you think will change for them?'],
      written: 'never',
    },
  ),
  column('inputDescription', 2, 'Inputs', 'What do they invest?', 'text', {
    alsoTitled: ['Input', 'Inputs description'],
  }),
  column(
    'inputValue',
    2,
    'Value £',
    'What is the value of the inputs in currency? (only enter numbers)',
    'money',
    {
      alsoTitled: ['Value', 'Value in currency', 'Inputs value', 'Value of inputs'],
      alsoAsked: ['What is the value of the inputs in currency (only enter numbers)'],
    },
  ),
  column(
    'inputYear',
    2,
    'Year of input',
    'When is it spent? (0 = at the start, not discounted)',
    'year',
    {
      origin: 'sroi',
    },
  ),
  column('inputKind', 2, 'Kind of input', 'Cash, in kind, or your own word', 'text', {
    origin: 'sroi',
    written: 'when-present',
  }),
  column(
    'inputPresentValue',
    2,
    'Present value of input',
    'Its value × the discount factor of its year',
    'money',
    {
      origin: 'sroi',
      computed: true,
    },
  ),
  column('output', 2, 'Outputs', 'Summary of activity in numbers', 'text', {
    alsoTitled: ['Output', 'Activity'],
    written: 'when-present',
  }),
  column(
    'outcome',
    2,
    'The Outcomes (what changes)',
    'How would the stakeholder describe the changes?',
    'text',
    {
      alsoTitled: [
        'Outcome (what changes)',
        'Outcomes (what changes)',
        'Description',
        'Outcome',
        'Outcomes',
        'What changes?',
      ],
      alsoAsked: ['Description', 'What changes?'],
    },
  ),
  column('indicator', 3, 'Indicator', 'How would you measure it?', 'text', {
    alsoTitled: ['Indicators', 'Outcome indicator'],
  }),
  column('quantitySource', 3, 'Source', SOURCE_QUESTION, 'text', {
    alsoTitled: ['Source of indicator', 'Indicator source', ...EVIDENCE_TITLES.slice(1)],
    written: 'when-present',
  }),
  column('quantity', 3, 'Quantity', 'How much change was there?', 'quantity', {
    alsoTitled: ['Quantity (scale)', 'Number of people experiencing the change'],
    alsoAsked: ['How many people experience the change?'],
  }),
  column(
    'quantityPerPerson',
    3,
    'Change per person',
    'How much change was there for each person?',
    'text',
    {
      alsoTitled: ['How much change per person', 'Amount of change per person'],
      written: 'never',
    },
  ),
  column(
    'quantityByYear',
    3,
    'Quantity by year',
    'How many in each valued year? (replaces quantity and drop-off)',
    'text',
    {
      origin: 'sroi',
      written: 'when-present',
    },
  ),
  column(
    'duration',
    3,
    'Duration',
    'How long does it last after end of activity? (only enter numbers)',
    'years',
    {
      alsoTitled: ['Duration (years)'],
      alsoAsked: [
        'How long does it last after end of activity? (Only enter numbers)',
        'How long does it last?',
      ],
    },
  ),
  column('durationSource', 3, 'Duration source', SOURCE_QUESTION, 'text', {
    alsoTitled: EVIDENCE_TITLES,
    origin: 'sroi',
    written: 'when-present',
  }),
  column(
    'start',
    3,
    'Outcomes start',
    'Does it start in period of activity (1) or in period after (2)?',
    'year',
    {
      alsoTitled: ['Outcome start', 'Outcomes start (1 or 2)'],
      alsoAsked: ['Does it start in period of activity (1) or in period after (2)'],
    },
  ),
  column(
    'proxyDescription',
    3,
    'Financial proxy',
    'What proxy would you use to value the change?',
    'text',
    {
      alsoTitled: ['Financial proxies', 'Proxy'],
    },
  ),
  column(
    'proxyValue',
    3,
    'Value in currency',
    'What is the value of the change? (only enter numbers)',
    'money',
    {
      alsoTitled: ['Value £', 'Financial proxy value', 'Value'],
      alsoAsked: ['What is the value of the change? (Only enter numbers)'],
    },
  ),
  column('proxySource', 3, 'Source', SOURCE_QUESTION, 'text', {
    alsoTitled: ['Proxy source', 'Source of financial proxy'],
    written: 'when-present',
  }),
  column('proxyPriceYear', 3, 'Price year', 'Which year’s prices is the value in?', 'text', {
    origin: 'sroi',
    written: 'when-present',
  }),
  column(
    'deflatorRatio',
    3,
    'Deflator ratio',
    'GDP deflator of the analysis year ÷ that of the price year',
    'number',
    {
      origin: 'sroi',
      written: 'when-present',
    },
  ),
  column(
    'proxyRebased',
    3,
    'Value in analysis prices',
    'Value in currency × deflator ratio',
    'money',
    {
      origin: 'sroi',
      computed: true,
      written: 'when-present',
    },
  ),
  column(
    'category',
    3,
    'Category',
    'Which perspective does it count in? (fiscal, social, …)',
    'text',
    {
      origin: 'sroi',
      written: 'when-present',
    },
  ),
  column(
    'deadweight',
    4,
    'Deadweight %',
    'What would have happened without the activity?',
    'fraction',
    {
      alsoTitled: ['Deadweight'],
    },
  ),
  column('deadweightSource', 4, 'Deadweight source', SOURCE_QUESTION, 'text', {
    alsoTitled: EVIDENCE_TITLES,
    origin: 'sroi',
    written: 'when-present',
  }),
  column('displacement', 4, 'Displacement %', 'What activity did you displace?', 'fraction', {
    alsoTitled: ['Displacement'],
  }),
  column('displacementSource', 4, 'Displacement source', SOURCE_QUESTION, 'text', {
    alsoTitled: EVIDENCE_TITLES,
    origin: 'sroi',
    written: 'when-present',
  }),
  column('attribution', 4, 'Attribution %', 'Who else contributed to the change?', 'fraction', {
    alsoTitled: ['Attribution'],
  }),
  column('attributionSource', 4, 'Attribution source', SOURCE_QUESTION, 'text', {
    alsoTitled: EVIDENCE_TITLES,
    origin: 'sroi',
    written: 'when-present',
  }),
  column(
    'leakage',
    4,
    'Leakage %',
    'How much benefits people outside the area of interest?',
    'fraction',
    {
      origin: 'sroi',
    },
  ),
  column('leakageSource', 4, 'Leakage source', SOURCE_QUESTION, 'text', {
    alsoTitled: EVIDENCE_TITLES,
    origin: 'sroi',
    written: 'when-present',
  }),
  column('dropOff', 4, 'Drop off %', 'Does the outcome drop off in future years?', 'fraction', {
    alsoTitled: ['Drop-off %', 'Drop off', 'Drop-off'],
  }),
  column('dropOffSource', 4, 'Drop off source', SOURCE_QUESTION, 'text', {
    alsoTitled: EVIDENCE_TITLES,
    origin: 'sroi',
    written: 'when-present',
  }),
  column(
    'impact',
    4,
    'Impact',
    'Quantity times financial proxy, less deadweight, displacement and attribution',
    'money',
    {
      alsoAsked: ['Quantity times financial proxy, less deadweight,displacement and attribution'],
      computed: true,
    },
  ),
  column('year', 5, 'Year {year}', 'Value in year {year}, after drop-off', 'money', {
    alsoTitled: ['Year {year} (after activity)'],
    computed: true,
  }),
  column('presentValue', 5, 'Present value', 'Each year’s value × its discount factor', 'money', {
    alsoTitled: ['PV', 'Present value (PV)'],
    origin: 'sroi',
    computed: true,
  }),
  column('id', 5, 'Outcome id', 'sroi’s name for the row', 'text', { origin: 'sroi' }),
];

/** The key of a row above the table (`valueMapTitleRows`). */
export type ValueMapTitleKey =
  | 'name'
  | 'organisation'
  | 'period'
  | 'kind'
  | 'currency'
  | 'priceYear'
  | 'discountRate'
  | 'discountTiming'
  | 'horizon';

/**
 * The rows above the table: a label in the first column, the value beside it; each row's key,
 * the label sroi writes and the other labels a reader accepts.
 *
 * @example
 * valueMapTitleRows.find((row) => row.key === 'discountRate');
 * //=> { key: 'discountRate', label: 'Discount rate', alsoLabelled: ['Discount rate %', 'Discount rate (%)'] }
 */
export const valueMapTitleRows: readonly {
  readonly key: ValueMapTitleKey;
  readonly label: string;
  readonly alsoLabelled: readonly string[];
}[] = [
  {
    key: 'name',
    label: 'Name of analysis',
    alsoLabelled: ['Activity', 'Name of activity', 'Project', 'Scope'],
  },
  {
    key: 'organisation',
    label: 'Organisation',
    alsoLabelled: ['Name of organisation', 'Organisation name'],
  },
  {
    key: 'period',
    label: 'Period of analysis',
    alsoLabelled: ['Period', 'Time period', 'Period covered'],
  },
  {
    key: 'kind',
    label: 'Forecast or evaluation',
    alsoLabelled: ['Forecast/Evaluation', 'Type of analysis', 'Evaluative or forecast'],
  },
  { key: 'currency', label: 'Currency', alsoLabelled: [] },
  { key: 'priceYear', label: 'Price base (year)', alsoLabelled: ['Price year', 'Price base'] },
  {
    key: 'discountRate',
    label: 'Discount rate',
    alsoLabelled: ['Discount rate %', 'Discount rate (%)'],
  },
  {
    key: 'discountTiming',
    label: 'Discount timing (end, start or mid)',
    alsoLabelled: ['Discount timing'],
  },
  { key: 'horizon', label: 'Horizon (last year valued)', alsoLabelled: ['Horizon'] },
];

/**
 * The words the kind of analysis is written with, in the title row "Forecast or evaluation".
 *
 * @example
 * valueMapKinds.evaluative;
 * //=> ['Evaluation', 'Evaluative', 'Evaluative SROI']
 */
export const valueMapKinds: Readonly<Record<'forecast' | 'evaluative', readonly string[]>> = {
  forecast: ['Forecast', 'Forecast SROI', 'Forecasting'],
  evaluative: ['Evaluation', 'Evaluative', 'Evaluative SROI'],
};

/** The key of a row below the table (`valueMapResultRows`). */
export type ValueMapResultKey =
  | 'total'
  | 'discountRate'
  | 'endOfYearFactor'
  | 'discountFactor'
  | 'presentValueOfYear'
  | 'totalPresentValue'
  | 'totalInputs'
  | 'netPresentValue'
  | 'sroiRatio'
  | 'netSroiRatio';

/**
 * The rows below the table, where the sheet computes its results; each row's key, the label sroi
 * writes in its first column and the other labels a reader accepts.
 *
 * @example
 * valueMapResultRows.find((row) => row.key === 'sroiRatio')?.label;
 * //=> 'Social Return (value per amount invested)'
 */
export const valueMapResultRows: readonly {
  readonly key: ValueMapResultKey;
  readonly label: string;
  readonly alsoLabelled: readonly string[];
}[] = [
  { key: 'total', label: 'Total', alsoLabelled: ['Totals', 'Sub-total', 'Subtotal', 'Sum'] },
  { key: 'discountRate', label: 'Discount rate', alsoLabelled: ['Discount rate %'] },
  { key: 'endOfYearFactor', label: 'Discount factor at the end of the year', alsoLabelled: [] },
  { key: 'discountFactor', label: 'Discount factor', alsoLabelled: ['Discount factor used'] },
  {
    key: 'presentValueOfYear',
    label: 'Present value of each year',
    alsoLabelled: ['Present value of year'],
  },
  {
    key: 'totalPresentValue',
    label: 'Total Present Value (PV)',
    alsoLabelled: ['Total present value'],
  },
  {
    key: 'totalInputs',
    label: 'Total inputs (present value)',
    alsoLabelled: ['Total inputs', 'Investment', 'Total investment'],
  },
  {
    key: 'netPresentValue',
    label: 'Net Present Value (PV minus the investment)',
    alsoLabelled: ['Net present value', 'NPV'],
  },
  {
    key: 'sroiRatio',
    label: 'Social Return (value per amount invested)',
    alsoLabelled: [
      'Social Return Value per amount invested',
      'Social return',
      'SROI ratio',
      'Social Return £ per £',
    ],
  },
  {
    key: 'netSroiRatio',
    label: 'Net social return (NPV per amount invested)',
    alsoLabelled: ['Net SROI ratio'],
  },
];

/**
 * The sheet's title, which sroi writes in its first cell (A1).
 *
 * @example
 * valueMapTitle;
 * //=> 'Social Return on Investment – Value Map'
 * @example
 * readWorkbook(valueMapTemplate()).workbook?.sheets[0]?.rows[0]?.cells[0]?.value === valueMapTitle;
 * //=> true
 */
export const valueMapTitle = 'Social Return on Investment – Value Map';

/**
 * The name of the sheet sroi writes.
 *
 * @example
 * [valueMapSheet, readWorkbook(valueMapTemplate()).workbook?.sheets[0]?.name];
 * //=> ['Value Map', 'Value Map']
 */
export const valueMapSheet = 'Value Map';
