import { cellAddress, columnLetters } from './cellAddress.js';
import {
  valueMapColumns,
  valueMapResultRows,
  valueMapSheet,
  valueMapStages,
  valueMapTitle,
  valueMapTitleRows,
} from './valueMapLayout.js';
import type {
  ValueMapColumn,
  ValueMapColumnKey,
  ValueMapContent,
  ValueMapResultKey,
  ValueMapTitleKey,
} from './valueMapLayout.js';
import type { XlsxCell, XlsxSheet, XlsxStyle, XlsxValidation, XlsxValue } from './_writeXlsx.js';
import type { DecimalString, DiscountTiming, EvidenceTopic } from '../model/analysis.js';

/** One outcome row's data, as the sheet writes it (figures as exact decimal strings). */
export interface PlanOutcome {
  readonly id: string;
  readonly outcome: string;
  readonly output?: string;
  readonly indicator?: string;
  readonly category?: string;
  readonly quantity: DecimalString;
  readonly quantityByYear?: readonly DecimalString[];
  readonly duration: number;
  readonly start: number;
  readonly proxyDescription?: string;
  readonly proxyValue: DecimalString;
  readonly proxySource?: string;
  readonly proxyPriceYear?: string;
  /** The rebasing factor, when the analysis has a price base (docs/method.md §4). */
  readonly deflatorRatio?: DecimalString;
  readonly deadweight: DecimalString;
  readonly displacement: DecimalString;
  readonly attribution: DecimalString;
  readonly leakage: DecimalString;
  readonly dropOff: DecimalString;
  readonly evidence: Partial<Record<EvidenceTopic, string>>;
  /** sroi's figures for the row, written as the formulas' cached results. */
  readonly figures?: {
    readonly proxyValue: DecimalString;
    readonly impact: DecimalString;
    /** Value in year 1 … `years` (0 outside the valued years). */
    readonly years: readonly DecimalString[];
    readonly presentValue: DecimalString;
  };
}

/** One input row's data. */
export interface PlanInput {
  readonly description: string;
  readonly value: DecimalString;
  readonly year: number;
  readonly kind?: string;
  /** sroi's present value of the input, the formula's cached result. */
  readonly presentValue?: DecimalString;
}

/** A run of rows for one stakeholder: its outcomes and its inputs side by side. */
export interface PlanGroup {
  readonly stakeholder: string;
  readonly size?: number;
  readonly outcomes: readonly PlanOutcome[];
  readonly inputs: readonly PlanInput[];
  /** Rows to give the group when it has fewer outcomes and inputs (blank rows of a template). */
  readonly minimumRows?: number;
}

/** sroi's figures for the rows below the table, written as the formulas' cached results. */
export interface PlanFigures {
  /** Year 1 … `years`. */
  readonly years: readonly {
    readonly rate: DecimalString;
    readonly endOfYearFactor: DecimalString;
    readonly discountFactor: DecimalString;
    readonly value: DecimalString;
    readonly presentValue: DecimalString;
  }[];
  readonly totalInputValue: DecimalString;
  readonly totalImpact: DecimalString;
  readonly totalOutcomePresentValue: DecimalString;
  readonly totalPresentValue: DecimalString;
  readonly totalInputs: DecimalString;
  readonly netPresentValue: DecimalString;
  readonly sroiRatio: DecimalString | null;
  readonly netSroiRatio: DecimalString | null;
}

/** Everything the sheet shows. */
export interface ValueMapPlan {
  /** Title rows to write, with their values (a blank template writes them without). */
  readonly titles: readonly { readonly key: ValueMapTitleKey; readonly value?: XlsxValue }[];
  /** The rate of every year when one flat rate applies: the title row's cell drives the formulas. */
  readonly flatRate?: DecimalString;
  readonly timing: DiscountTiming;
  /** The rate of year 1 … `years` (for a flat rate, every entry is `flatRate`). */
  readonly rates: readonly DecimalString[];
  readonly horizon: number;
  /** How many year columns (the horizon, or the last input year when later). */
  readonly years: number;
  readonly currency: string;
  readonly groups: readonly PlanGroup[];
  /** The optional columns to write (`written: 'when-present'`). */
  readonly optional: ReadonlySet<ValueMapColumnKey>;
  /**
   * The deductions and drop-off the analysis does not state (`Analysis.notStated`): the sheet
   * has no column for them, as the table it came from had none, and its formulas leave them out.
   */
  readonly notStated?: ReadonlySet<ValueMapColumnKey>;
  /** Absent: formulas are written without cached results. */
  readonly figures?: PlanFigures;
}

const FILL_HEADER = 'D9E2F3';
const FILL_QUESTION = 'EEF3FA';
const FILL_COMPUTED = 'F2F2F2';
const FORMATS: Readonly<Record<ValueMapContent, string | undefined>> = {
  text: undefined,
  money: '#,##0.00',
  fraction: '0.00%',
  quantity: undefined,
  years: undefined,
  year: '0',
  number: '0.000000',
};

/** The shares of an outcome, each a column of its own name written as a percentage. */
const FRACTIONS = ['deadweight', 'displacement', 'attribution', 'leakage', 'dropOff'] as const;

const EVIDENCE_COLUMNS: Readonly<Partial<Record<ValueMapColumnKey, EvidenceTopic>>> = {
  quantitySource: 'quantity',
  durationSource: 'duration',
  deadweightSource: 'deadweight',
  displacementSource: 'displacement',
  attributionSource: 'attribution',
  leakageSource: 'leakage',
  dropOffSource: 'dropOff',
};

/**
 * The Value Map sheet of a plan: title rows, the stage row, the titles and the questions under
 * them, one row per outcome (stakeholder cells merged down over their run of rows, inputs in the
 * Stage 2 columns of their stakeholder's rows), a Total row, and the results block, with live
 * formulas for everything the sheet computes (docs/value-map.md gives every formula).
 */
export function planSheet(plan: ValueMapPlan): XlsxSheet {
  const cells: XlsxCell[] = [];
  const merges: string[] = [];
  const validations: XlsxValidation[] = [];
  const put = (
    row: number,
    column: number,
    value?: XlsxValue,
    style?: XlsxStyle,
    formula?: string,
  ) => {
    cells.push({
      row,
      column,
      ...(value === undefined ? {} : { value }),
      ...(style === undefined ? {} : { style }),
      ...(formula === undefined ? {} : { formula }),
    });
  };
  const cached = plan.figures !== undefined;
  const num = (value: DecimalString | undefined): XlsxValue | undefined =>
    cached && value !== undefined ? { number: value } : undefined;

  // The columns, left to right; `year` stands for Year 1 … Year n.
  const layout: { column: ValueMapColumn; year?: number }[] = [];
  for (const c of valueMapColumns) {
    if (c.written === 'never') continue;
    if (c.written === 'when-present' && !plan.optional.has(c.key)) continue;
    if (plan.notStated?.has(c.key) === true) continue; // no column: the analysis states none
    if (c.key === 'year') {
      for (let year = 1; year <= plan.years; year++) layout.push({ column: c, year });
    } else layout.push({ column: c });
  }
  const at = new Map<string, number>();
  layout.forEach(({ column, year }, i) =>
    at.set(year === undefined ? column.key : `year${year}`, i + 1),
  );
  const col = (key: ValueMapColumnKey): number => at.get(key) ?? 0;
  const yearCol = (year: number): number => at.get(`year${year}`) ?? 0;
  const letter = (key: ValueMapColumnKey) => columnLetters(col(key));

  // Title rows.
  put(1, 1, { text: valueMapTitle }, { bold: true });
  let row = 2;
  const titleCell = new Map<ValueMapTitleKey, string>();
  for (const { key, value } of plan.titles) {
    const label = valueMapTitleRows.find((t) => t.key === key)?.label ?? key;
    put(row, 1, { text: label }, { bold: true });
    const style: XlsxStyle | undefined =
      key === 'discountRate' && plan.flatRate !== undefined ? { numberFormat: '0.00%' } : undefined;
    if (value !== undefined) put(row, 2, value, style);
    else if (style !== undefined) put(row, 2, undefined, style);
    titleCell.set(key, `$B$${row}`);
    row++;
  }
  row++;

  // Stage row, titles, questions.
  const stageRow = row;
  const titleRow = row + 1;
  const questionRow = row + 2;
  const headerStyle: XlsxStyle = { bold: true, wrap: true, vertical: 'top', fill: FILL_HEADER };
  const questionStyle: XlsxStyle = {
    italic: true,
    wrap: true,
    vertical: 'top',
    fill: FILL_QUESTION,
  };
  let stageStart = 1;
  layout.forEach(({ column, year }, i) => {
    const c = i + 1;
    // "Value £" names the currency: in another currency, the inputs' value takes the proxy's
    // currency-neutral title (the two are told apart by their place)
    const title =
      column.key === 'inputValue' && plan.currency !== 'GBP'
        ? (column.alsoTitled.find((t) => t === 'Value in currency') ?? column.title)
        : column.title.replace('{year}', String(year ?? ''));
    const question = column.question.replace('{year}', String(year ?? ''));
    put(titleRow, c, { text: title }, headerStyle);
    put(questionRow, c, { text: question }, questionStyle);
    const next = layout[i + 1];
    if (next === undefined || next.column.stage !== column.stage) {
      const name = valueMapStages.find((s) => s.stage === column.stage)?.title ?? '';
      put(stageRow, stageStart, { text: name }, { bold: true, fill: FILL_HEADER });
      if (c > stageStart)
        merges.push(`${cellAddress(stageRow, stageStart)}:${cellAddress(stageRow, c)}`);
      stageStart = c + 1;
    }
  });

  // The discount rows sit below the table; their row numbers are needed by the formulas above.
  const firstData = questionRow + 1;
  let dataRows = 0;
  for (const group of plan.groups) dataRows += groupRows(group);
  const lastData = firstData + Math.max(dataRows, 1) - 1;
  const totalRow = lastData + 1;
  const resultRow = new Map<ValueMapResultKey, number>();
  let r = totalRow + 2;
  for (const key of [
    'discountRate',
    'endOfYearFactor',
    'discountFactor',
    'presentValueOfYear',
  ] as const) {
    resultRow.set(key, r++);
  }
  r++;
  for (const key of [
    'totalPresentValue',
    'totalInputs',
    'netPresentValue',
    'sroiRatio',
    'netSroiRatio',
  ] as const) {
    resultRow.set(key, r++);
  }
  const rowOf = (key: ValueMapResultKey) => resultRow.get(key) ?? 0;
  const firstYear = columnLetters(yearCol(1));
  const lastYear = columnLetters(yearCol(plan.years));
  const dfRange = `$${firstYear}$${rowOf('discountFactor')}:$${lastYear}$${rowOf('discountFactor')}`;
  const horizon = titleCell.get('horizon') ?? String(plan.horizon);
  const timing = titleCell.get('discountTiming') ?? `"${plan.timing}"`;

  // Data rows.
  const money: XlsxStyle = { numberFormat: '#,##0.00', vertical: 'top' };
  const computed: XlsxStyle = { numberFormat: '#,##0.00', vertical: 'top', fill: FILL_COMPUTED };
  const styleOf = (content: ValueMapContent): XlsxStyle => {
    const format = FORMATS[content];
    return format === undefined
      ? { vertical: 'top', ...(content === 'text' ? { wrap: true } : {}) }
      : { numberFormat: format, vertical: 'top' };
  };
  const text = (value: string | undefined): XlsxValue | undefined =>
    value === undefined || value === '' ? undefined : { text: value };
  let current = firstData;
  for (const group of plan.groups) {
    const rows = groupRows(group);
    put(current, col('stakeholder'), text(group.stakeholder), styleOf('text'));
    if (group.size !== undefined && col('stakeholderSize') !== 0) {
      put(current, col('stakeholderSize'), { number: String(group.size) }, styleOf('quantity'));
    }
    if (rows > 1) {
      merges.push(
        `${cellAddress(current, col('stakeholder'))}:${cellAddress(current + rows - 1, col('stakeholder'))}`,
      );
      if (col('stakeholderSize') !== 0) {
        merges.push(
          `${cellAddress(current, col('stakeholderSize'))}:${cellAddress(current + rows - 1, col('stakeholderSize'))}`,
        );
      }
    }
    for (let k = 0; k < rows; k++) {
      const at = current + k;
      const ref = (key: ValueMapColumnKey) => `$${letter(key)}${at}`;
      const input = group.inputs[k];
      if (input !== undefined) {
        put(at, col('inputDescription'), text(input.description), styleOf('text'));
        put(at, col('inputValue'), { number: input.value }, money);
        put(at, col('inputYear'), { number: String(input.year) }, styleOf('year'));
        if (col('inputKind') !== 0) put(at, col('inputKind'), text(input.kind), styleOf('text'));
      }
      put(
        at,
        col('inputPresentValue'),
        cached ? { number: input?.presentValue ?? '0' } : undefined,
        computed,
        `${ref('inputValue')}*IF(${ref('inputYear')}=0,1,INDEX(${dfRange},1,${ref('inputYear')}))`,
      );
      const outcome = group.outcomes[k];
      writeOutcomeRow(at, outcome);
    }
    current += rows;
  }

  function writeOutcomeRow(at: number, outcome: PlanOutcome | undefined): void {
    const ref = (key: ValueMapColumnKey) => `$${letter(key)}${at}`;
    const figures = outcome?.figures;
    if (outcome !== undefined) {
      const cell = (
        key: ValueMapColumnKey,
        value: XlsxValue | undefined,
        content: ValueMapContent,
      ) => {
        if (col(key) !== 0 && value !== undefined) put(at, col(key), value, styleOf(content));
      };
      cell('output', text(outcome.output), 'text');
      cell('outcome', text(outcome.outcome), 'text');
      cell('indicator', text(outcome.indicator), 'text');
      cell('quantity', { number: outcome.quantity }, 'quantity');
      cell('quantityByYear', text(outcome.quantityByYear?.join('; ')), 'text');
      cell('duration', { number: String(outcome.duration) }, 'years');
      cell('start', { number: String(outcome.start) }, 'year');
      cell('proxyDescription', text(outcome.proxyDescription), 'text');
      put(at, col('proxyValue'), { number: outcome.proxyValue }, money);
      cell('proxySource', text(outcome.proxySource), 'text');
      cell('proxyPriceYear', text(outcome.proxyPriceYear), 'text');
      cell('deflatorRatio', { number: outcome.deflatorRatio ?? '1' }, 'number');
      cell('category', text(outcome.category), 'text');
      for (const key of FRACTIONS) {
        cell(key, { number: outcome[key] }, 'fraction');
      }
      for (const [key, topic] of Object.entries(EVIDENCE_COLUMNS) as [
        ValueMapColumnKey,
        EvidenceTopic,
      ][]) {
        cell(key, text(outcome.evidence[topic]), 'text');
      }
      cell('id', text(outcome.id), 'text');
    }
    let value = ref('proxyValue');
    if (col('proxyRebased') !== 0) {
      put(
        at,
        col('proxyRebased'),
        num(figures?.proxyValue ?? (outcome === undefined ? '0' : undefined)),
        computed,
        `${ref('proxyValue')}*${ref('deflatorRatio')}`,
      );
      value = ref('proxyRebased');
    }
    // each deduction the sheet has a column for (one the analysis does not state has none)
    const deductions =
      FRACTIONS.filter((key) => key !== 'dropOff' && col(key) !== 0)
        .map((key) => `(1-${ref(key)})`)
        .join('*') || '1';
    const dropOff = col('dropOff') === 0 ? '1' : `(1-${ref('dropOff')})`;
    const profile = outcome?.quantityByYear;
    // with a profile, the impact is the first valued year's (docs/method.md)
    const quantity = profile?.[0] ?? ref('quantity');
    put(
      at,
      col('impact'),
      num(figures?.impact ?? (outcome === undefined ? '0' : undefined)),
      computed,
      `${quantity}*${value}*${deductions}`,
    );
    for (let year = 1; year <= plan.years; year++) {
      const cachedYear = num(figures?.years[year - 1] ?? (outcome === undefined ? '0' : undefined));
      let formula: string;
      if (profile !== undefined && outcome !== undefined) {
        // a stated quantity for each valued year replaces quantity and drop-off (docs/method.md)
        const quantity = profile[year - outcome.start];
        if (quantity === undefined) {
          put(at, yearCol(year), { number: '0' }, computed);
          continue;
        }
        formula = `IF(${year}>${horizon},0,${quantity}*${value}*${deductions})`;
      } else {
        const k = `(${year}-${ref('start')})`;
        formula = `IF(OR(${year}<${ref('start')},${year}>${horizon}),0,${ref('impact')}*IF(${k}=0,1,${dropOff}^${k})*MAX(0,MIN(1,${ref('duration')}-${k})))`;
      }
      put(at, yearCol(year), cachedYear, computed, formula);
    }
    put(
      at,
      col('presentValue'),
      num(figures?.presentValue ?? (outcome === undefined ? '0' : undefined)),
      computed,
      `SUMPRODUCT(${firstYear}${at}:${lastYear}${at},${dfRange})`,
    );
  }

  // Total row: sums of the input values, the input present values, impact, each year and PV.
  const bold: XlsxStyle = { bold: true, numberFormat: '#,##0.00', fill: FILL_COMPUTED };
  const f = plan.figures;
  put(totalRow, 1, { text: valueMapResultRows[0]?.label ?? 'Total' }, { bold: true });
  const sum = (column: number, value: DecimalString | undefined) => {
    const l = columnLetters(column);
    put(totalRow, column, num(value), bold, `SUM(${l}${firstData}:${l}${lastData})`);
  };
  sum(col('inputValue'), f?.totalInputValue);
  sum(col('inputPresentValue'), f?.totalInputs);
  sum(col('impact'), f?.totalImpact);
  for (let year = 1; year <= plan.years; year++) sum(yearCol(year), f?.years[year - 1]?.value);
  sum(col('presentValue'), f?.totalOutcomePresentValue);

  // Results block: labels in the column left of Year 1, figures under the years.
  const labelColumn = yearCol(1) - 1;
  const label = (key: ValueMapResultKey) => {
    put(
      rowOf(key),
      labelColumn,
      { text: valueMapResultRows.find((x) => x.key === key)?.label ?? key },
      { bold: true },
    );
  };
  for (const key of [
    'discountRate',
    'endOfYearFactor',
    'discountFactor',
    'presentValueOfYear',
  ] as const)
    label(key);
  const rate = (year: number) => `${columnLetters(yearCol(year))}${rowOf('discountRate')}`;
  const end = (year: number) => `${columnLetters(yearCol(year))}${rowOf('endOfYearFactor')}`;
  const factorStyle: XlsxStyle = { numberFormat: '0.000000', fill: FILL_COMPUTED };
  const flat = plan.flatRate !== undefined ? titleCell.get('discountRate') : undefined;
  for (let year = 1; year <= plan.years; year++) {
    const c = yearCol(year);
    const figures = f?.years[year - 1];
    const yearRate = plan.rates[year - 1] ?? plan.rates[plan.rates.length - 1] ?? '0';
    if (flat !== undefined)
      put(
        rowOf('discountRate'),
        c,
        num(yearRate),
        { numberFormat: '0.00%', fill: FILL_COMPUTED },
        flat,
      );
    else put(rowOf('discountRate'), c, { number: yearRate }, { numberFormat: '0.00%' });
    put(
      rowOf('endOfYearFactor'),
      c,
      num(figures?.endOfYearFactor),
      factorStyle,
      `${year === 1 ? '1' : end(year - 1)}/(1+${rate(year)})`,
    );
    const previous = year === 1 ? '1' : end(year - 1);
    put(
      rowOf('discountFactor'),
      c,
      num(figures?.discountFactor),
      factorStyle,
      `IF(${timing}="start",${previous},IF(${timing}="mid",${previous}/SQRT(1+${rate(year)}),${end(year)}))`,
    );
    const l = columnLetters(c);
    put(
      rowOf('presentValueOfYear'),
      c,
      num(figures?.presentValue),
      computed,
      `${l}${totalRow}*${l}${rowOf('discountFactor')}`,
    );
  }
  const first = columnLetters(yearCol(1));
  const figure = (
    key: ValueMapResultKey,
    value: XlsxValue | undefined,
    formula: string,
    format = '#,##0.00',
  ) => {
    label(key);
    put(
      rowOf(key),
      yearCol(1),
      value,
      { bold: true, numberFormat: format, fill: FILL_COMPUTED },
      formula,
    );
  };
  const pv = `${first}${rowOf('totalPresentValue')}`;
  const inputs = `${first}${rowOf('totalInputs')}`;
  const npv = `${first}${rowOf('netPresentValue')}`;
  const ratio = (value: DecimalString | null | undefined): XlsxValue | undefined =>
    cached ? (value === null || value === undefined ? { text: '' } : { number: value }) : undefined;
  figure(
    'totalPresentValue',
    num(f?.totalPresentValue),
    `SUM(${first}${rowOf('presentValueOfYear')}:${lastYear}${rowOf('presentValueOfYear')})`,
  );
  figure('totalInputs', num(f?.totalInputs), `${letter('inputPresentValue')}${totalRow}`);
  figure('netPresentValue', num(f?.netPresentValue), `${pv}-${inputs}`);
  figure('sroiRatio', ratio(f?.sroiRatio), `IF(${inputs}=0,"",${pv}/${inputs})`, '0.00');
  figure('netSroiRatio', ratio(f?.netSroiRatio), `IF(${inputs}=0,"",${npv}/${inputs})`, '0.00');

  // Data validation over the data rows: shares 0–100 %, durations > 0, whole years.
  const range = (key: ValueMapColumnKey) => `${letter(key)}${firstData}:${letter(key)}${lastData}`;
  const fractions = FRACTIONS.filter((key) => col(key) !== 0).map(range);
  validations.push(
    {
      ref: fractions.join(' '),
      type: 'decimal',
      operator: 'between',
      formula1: '0',
      formula2: '1',
      error: 'A share from 0% to 100%: type 25% or 0.25.',
      prompt: 'A share from 0% to 100%.',
    },
    {
      ref: range('duration'),
      type: 'decimal',
      operator: 'greaterThan',
      formula1: '0',
      error: 'A number of years greater than 0 (0.5 for six months).',
      prompt: 'Years the outcome lasts, more than 0.',
    },
    {
      ref: range('start'),
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formula1: '1',
      error: 'A whole year, 1 or more (1: during the activity, 2: the year after).',
      prompt: '1 or 2.',
    },
    {
      ref: range('quantity'),
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formula1: '0',
      error: 'A quantity of 0 or more.',
      prompt: 'How many.',
    },
    {
      ref: range('inputValue'),
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formula1: '0',
      error: 'An amount of 0 or more.',
      prompt: 'The value of the input.',
    },
    {
      ref: range('inputYear'),
      type: 'whole',
      operator: 'between',
      formula1: '0',
      formula2: String(plan.years),
      error: `A whole year from 0 (not discounted) to ${plan.years}.`,
      prompt: '0 for the start.',
    },
  );
  if (plan.flatRate !== undefined) {
    const rateCell = (titleCell.get('discountRate') ?? '').replaceAll('$', '');
    validations.push({
      ref: rateCell,
      type: 'decimal',
      operator: 'between',
      formula1: '0',
      formula2: '1',
      error: 'A rate from 0% to 100%: type 3.5%.',
      prompt: 'The discount rate, e.g. 3.5%.',
    });
  }

  const widths = new Map<number, number>([[1, 26]]);
  layout.forEach(({ column }, i) => {
    if (i === 0) return;
    widths.set(i + 1, column.content === 'text' ? 24 : 13);
  });
  widths.set(labelColumn, Math.max(widths.get(labelColumn) ?? 13, 13));
  if (plan.titles.length > 0) widths.set(2, Math.max(widths.get(2) ?? 13, 18));
  return {
    name: valueMapSheet,
    cells,
    merges,
    validations,
    columnWidths: widths,
    freeze: { rows: questionRow, columns: 1 },
  };
}

function groupRows(group: PlanGroup): number {
  return Math.max(group.outcomes.length, group.inputs.length, group.minimumRows ?? 1);
}
