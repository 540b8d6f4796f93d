/**
 * Writes fixtures/valuemap/, the corpus of a charity's Value Map as spreadsheets keep and
 * export it (docs/value-map.md). One programme — "Growing Together", seven outcomes among them a
 * disbenefit and one that starts in year 2, four inputs — is laid out as the SROI Network's Value
 * Map (title rows, the stage row, titles and the questions under them, stakeholder cells merged
 * over their outcomes, inputs beside them and input-only rows, the template's repeated titles,
 * live formulas for the impact, each year's value, a Total row and the results block) in a
 * flat OpenDocument sheet, which LibreOffice (headless) recalculates and saves as .xlsx and
 * exports as CSV. The bytes of each export are then those the spreadsheet writes:
 *
 * - Excel "CSV UTF-8": a UTF-8 byte-order mark, CRLF, every cell as shown (`£1,000.00`, `20.0%`);
 * - Excel "CSV (Comma delimited)": the same in Windows-1252 (`£` is the byte 0xA3);
 * - Excel "Unicode Text": UTF-16 little-endian with its byte-order mark, tab-separated, CRLF;
 * - LibreOffice: `;`, raw values (`0.125`, `1000`), UTF-8, with Subtotal rows;
 * - Google Sheets "Comma-separated values": UTF-8 without a byte-order mark, cells as shown.
 *
 * The expected figures of each case are computed here, by `expectedFigures`, with decimal.js
 * alone — not with sroi's own code — and written with their workings to the case's
 * expected.json and to fixtures/valuemap/README.md.
 *
 * Needs LibreOffice (`apt-get install -y libreoffice-calc-nogui`). Run:
 *   npx tsx scripts/make-valuemap-corpus.ts
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { convertWithLibreOffice } from '../tests/_support/libreoffice.js';

const D = Decimal.clone({ precision: 40 });
const out = join(import.meta.dirname, '..', 'fixtures', 'valuemap');

// ── The programme ───────────────────────────────────────────────────────────────────────────

interface Outcome {
  readonly stakeholder: string;
  readonly output?: string;
  readonly outcome: string;
  readonly indicator: string;
  readonly quantitySource: string;
  readonly quantity: number;
  readonly duration: number;
  readonly start: number;
  readonly proxy: string;
  readonly value: number;
  readonly proxySource: string;
  readonly deadweight: string;
  readonly displacement: string;
  readonly attribution: string;
  readonly dropOff: string;
}

interface Input {
  readonly stakeholder: string;
  readonly description: string;
  readonly value: number;
}

const OUTCOMES: readonly Outcome[] = [
  {
    stakeholder: 'Older people',
    output: '52 weekly sessions',
    outcome: 'Less isolated',
    indicator: 'UCLA loneliness score down by 3 or more',
    quantitySource: 'Entry and exit survey',
    quantity: 40,
    duration: 3,
    start: 1,
    proxy: 'Cost of a befriending service',
    value: 1000,
    proxySource: 'PSSRU Unit Costs 2023',
    deadweight: '0.2',
    displacement: '0',
    attribution: '0.25',
    dropOff: '0.5',
  },
  {
    stakeholder: 'Older people',
    outcome: 'Better physical health',
    indicator: 'Self-reported activity (days a week)',
    quantitySource: 'Exit survey',
    quantity: 30,
    duration: 2,
    start: 1,
    proxy: 'Gym membership for a year',
    value: 450,
    proxySource: 'HACT Social Value Bank',
    deadweight: '0.3',
    displacement: '0',
    attribution: '0.2',
    dropOff: '0.25',
  },
  {
    stakeholder: 'Older people',
    outcome: 'Fewer falls',
    indicator: 'Falls recorded by GPs',
    quantitySource: 'GP practice records',
    quantity: 12,
    duration: 2,
    start: 2,
    proxy: 'NHS cost of a fall',
    value: 1600,
    proxySource: 'NHS reference costs',
    deadweight: '0.1',
    displacement: '0',
    attribution: '0.4',
    dropOff: '0.5',
  },
  {
    stakeholder: 'Volunteers',
    output: '15 volunteers',
    outcome: 'Employability skills',
    indicator: 'Volunteers in work or training',
    quantitySource: 'Volunteer follow-up',
    quantity: 15,
    duration: 2,
    start: 1,
    proxy: 'Cost of an employability course',
    value: 2200,
    proxySource: 'DWP course costs',
    deadweight: '0.4',
    displacement: '0.1',
    attribution: '0.2',
    dropOff: '0.5',
  },
  {
    stakeholder: 'Volunteers',
    outcome: 'Improved wellbeing',
    indicator: 'WEMWBS score up',
    quantitySource: 'WEMWBS survey',
    quantity: 15,
    duration: 1,
    start: 1,
    proxy: 'Value of regular volunteering',
    value: 1200,
    proxySource: 'HACT Social Value Bank',
    deadweight: '0.25',
    displacement: '0',
    attribution: '0.1',
    dropOff: '0',
  },
  {
    stakeholder: 'Families and carers',
    outcome: 'More respite',
    indicator: 'Carers reporting a break each week',
    quantitySource: 'Carers survey',
    quantity: 20,
    duration: 1,
    start: 1,
    proxy: 'Cost of respite care for a day',
    value: 300,
    proxySource: 'Carers UK',
    deadweight: '0.125',
    displacement: '0',
    attribution: '0.2',
    dropOff: '0',
  },
  {
    stakeholder: 'Neighbours',
    outcome: 'Noise and parking on garden days (a disbenefit)',
    indicator: 'Complaints logged',
    quantitySource: 'Complaints log',
    quantity: 50,
    duration: 1,
    start: 1,
    proxy: 'Willingness to pay to avoid disturbance',
    value: -40,
    proxySource: 'Local survey',
    deadweight: '0',
    displacement: '0',
    attribution: '0',
    dropOff: '0',
  },
];

/** The four inputs; the volunteers' sits beside their outcomes, the others on rows of their own. */
const INPUTS: readonly Input[] = [
  { stakeholder: 'Volunteers', description: 'Volunteer time (in kind)', value: 6500 },
  { stakeholder: 'Garden trust staff', description: 'Staff time (in kind)', value: 3640 },
  { stakeholder: 'Council', description: 'Community grant', value: 24000 },
  { stakeholder: 'National Lottery', description: 'Awards for All grant', value: 12000 },
];

const DISCOUNT_RATE = '0.035';
const YEARS = 5;

// ── The expected figures, with decimal.js alone ─────────────────────────────────────────────

interface Workings {
  readonly lines: string[];
  readonly figures: Record<string, string>;
}

/**
 * The figures of the programme by the SROI Guide's arithmetic, independently of sroi's code:
 * impact = quantity × proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution); year
 * start + k is worth impact × (1 − drop-off)^k for k = 0 … duration − 1; each year's total is
 * discounted by 1 / (1 + r)^t; inputs (year 0) are not.
 */
function expectedFigures(
  outcomes: readonly Outcome[],
  inputs: readonly Input[],
  change: (o: Outcome) => Outcome = (o) => o,
  rate = DISCOUNT_RATE,
): Workings {
  const lines: string[] = [];
  const years = Array.from({ length: YEARS + 1 }, () => new D(0));
  outcomes.map(change).forEach((o, i) => {
    const retained = [o.deadweight, o.displacement, o.attribution].map((x) => new D(1).minus(x));
    const impact = retained.reduce((v, r) => v.times(r), new D(o.quantity).times(o.value));
    const values: string[] = [];
    for (let k = 0; k < o.duration; k += 1) {
      const value = impact.times(new D(1).minus(o.dropOff).pow(k));
      years[o.start + k] = (years[o.start + k] ?? new D(0)).plus(value);
      values.push(`year ${o.start + k}: ${value.toString()}`);
    }
    lines.push(
      `o${i + 1} ${o.outcome}: ${o.quantity} × ${o.value} × (1 − ${o.deadweight}) × (1 − ${o.displacement}) × (1 − ${o.attribution}) = ${impact.toString()}; drop-off ${o.dropOff}: ${values.join(', ')}`,
    );
  });
  let pv = new D(0);
  for (let t = 1; t <= YEARS; t += 1) {
    const factor = new D(1).div(new D(1).plus(rate).pow(t));
    const value = years[t] ?? new D(0);
    if (!value.isZero()) {
      const base = new D(1).plus(rate).toString();
      lines.push(
        `year ${t}: ${value.toString()} ÷ ${base}^${t} = ${value.times(factor).toString()}`,
      );
    }
    pv = pv.plus(value.times(factor));
  }
  const totalInputs = inputs.reduce((s, x) => s.plus(x.value), new D(0));
  lines.push(
    `inputs (year 0, not discounted): ${inputs.map((x) => x.value).join(' + ')} = ${totalInputs.toString()}`,
    `SROI ratio = ${pv.toSignificantDigits(25).toString()} ÷ ${totalInputs.toString()}`,
  );
  return {
    lines,
    figures: {
      totalPresentValue: pv.toSignificantDigits(25).toString(),
      totalInputs: totalInputs.toString(),
      netPresentValue: pv.minus(totalInputs).toSignificantDigits(25).toString(),
      sroiRatio: pv.div(totalInputs).toSignificantDigits(25).toString(),
    },
  };
}

// ── The sheet, as a flat OpenDocument spreadsheet ───────────────────────────────────────────

/** One cell of the sheet. */
type Cell =
  | null
  | 'covered'
  | {
      readonly text?: string;
      readonly number?: number | string;
      readonly formula?: string;
      readonly style?: 'pct' | 'money' | 'factor' | 'ratio' | 'head' | 'question';
      readonly rows?: number;
      readonly columns?: number;
    };

interface SheetOptions {
  /** The percentage format: `0.0%` shows 12.5 %; `0%` shows it as 13 %. */
  readonly percent: '0.0%' | '0%';
  /** Inputs in columns B and C of the Value Map (else on a sheet of their own). */
  readonly inputsOnSheet: boolean;
  /** A Subtotal row after each stakeholder's outcomes. */
  readonly subtotals: boolean;
  /** Columns left out, by title (the deductions a clean-up lost). */
  readonly without: readonly string[];
  /** The row of titles deleted, the questions kept. */
  readonly titleRowLost: boolean;
  /** The sheet's quantity of the first outcome as a formula (`=20+20`). */
  readonly quantityFormula: boolean;
}

const BASE: SheetOptions = {
  percent: '0.0%',
  inputsOnSheet: true,
  subtotals: false,
  without: [],
  titleRowLost: false,
  quantityFormula: false,
};

const COLUMNS = [
  ['Stakeholders', 'Who do we have an effect on? Who has an effect on us?'],
  ['Inputs', 'What do they invest?'],
  ['Value £', 'What is the value of the inputs in currency (only enter numbers)'],
  ['Outputs', 'Summary of activity in numbers'],
  ['The Outcomes (what changes)', 'How would the stakeholder describe the changes?'],
  ['Indicator', 'How would you measure it?'],
  ['Source', 'Where did you get the information from?'],
  ['Quantity', 'How much change was there?'],
  ['Duration', 'How long does it last after end of activity? (Only enter numbers)'],
  ['Outcomes start', 'Does it start in period of activity (1) or in period after (2)'],
  ['Financial proxy', 'What proxy would you use to value the change?'],
  ['Value in currency', 'What is the value of the change? (Only enter numbers)'],
  ['Source', 'Where did you get the information from?'],
  ['Deadweight %', 'What would have happened without the activity?'],
  ['Displacement %', 'What activity did you displace?'],
  ['Attribution %', 'Who else contributed to the change?'],
  ['Drop off %', 'Does the outcome drop off in future years?'],
  ['Impact', 'Quantity times financial proxy, less deadweight, displacement and attribution'],
  ...Array.from({ length: YEARS }, (_, i) => [
    `Year ${i + 1}`,
    `Value in year ${i + 1}, after drop-off`,
  ]),
] as const;

/** The sheet's rows, and which title each column has. */
function valueMapRows(options: SheetOptions): { rows: Cell[][]; titles: string[] } {
  const all = COLUMNS.map(([title]) => title as string);
  const keep = all.map(
    (title, i) =>
      !options.without.includes(title) && (options.inputsOnSheet || (i !== 1 && i !== 2)),
  );
  const titles = all.filter((_, i) => keep[i]);
  const col = (title: string, nth = 0) => {
    let seen = -1;
    for (let i = 0; i < titles.length; i += 1) {
      if (titles[i] === title && ++seen === nth) return i;
    }
    return -1;
  };
  const letter = (c: number) => String.fromCharCode(65 + c);
  const ref = (title: string, row: number) => `[.${letter(col(title))}${row}]`;
  const pct = (value: string): Cell => ({ number: value, style: 'pct' });
  const money = (value: number): Cell => ({ number: value, style: 'money' });
  const text = (value: string | undefined): Cell => (value === undefined ? null : { text: value });

  const rows: Cell[][] = [
    [text('Social Return on Investment – The Value Map')],
    [text('Organisation'), text('Oakfield Community Garden Trust')],
    [text('Activity'), text('Growing Together')],
    [text('Period'), text('April 2023 – March 2024')],
    [text('Forecast/Evaluation'), text('Evaluation')],
    [text('Discount rate'), pct(DISCOUNT_RATE)],
    [],
  ];
  // The stage row: each stage's name over its columns (merged).
  const stageRow: Cell[] = titles.map(() => null);
  const stages: [number, number, string][] = [
    [col('Stakeholders'), col('Stakeholders'), 'Stage 1'],
    [
      col(options.inputsOnSheet ? 'Inputs' : 'Outputs'),
      col('The Outcomes (what changes)'),
      'Stage 2',
    ],
    [col('Indicator'), col('Source', 1), 'Stage 3'],
    [
      col('Deadweight %') === -1 ? col('Drop off %') : col('Deadweight %'),
      col('Impact'),
      'Stage 4',
    ],
  ];
  for (const [start, end, name] of stages) {
    stageRow[start] = {
      text: name,
      style: 'head',
      ...(end > start ? { columns: end - start + 1 } : {}),
    };
    for (let c = start + 1; c <= end; c += 1) stageRow[c] = 'covered';
  }
  rows.push(stageRow);
  if (!options.titleRowLost) rows.push(titles.map((title) => ({ text: title, style: 'head' })));
  rows.push(
    titles.map((title) => {
      const question = COLUMNS.find(([t]) => t === title)?.[1] ?? '';
      return question === '' ? null : { text: question, style: 'question' };
    }),
  );

  // The data rows: each stakeholder's outcomes, merged down, its inputs beside them, then the
  // inputs of stakeholders with no outcome on rows of their own.
  const first = rows.length + 1;
  const groups = new Map<string, Outcome[]>();
  for (const o of OUTCOMES) groups.set(o.stakeholder, [...(groups.get(o.stakeholder) ?? []), o]);
  const inputsOf = (who: string) =>
    options.inputsOnSheet ? INPUTS.filter((i) => i.stakeholder === who) : [];
  const dataRows: number[] = [];
  const subtotalRows: number[] = [];
  let quantityFormula = options.quantityFormula;
  const outcomeRow = (o: Outcome, r: number, lead: Cell, input: Input | undefined): Cell[] => {
    const cells: Cell[] = titles.map(() => null);
    const set = (title: string, cell: Cell, nth = 0) => {
      const c = col(title, nth);
      if (c !== -1) cells[c] = cell;
    };
    set('Stakeholders', lead);
    if (input !== undefined) {
      set('Inputs', text(input.description));
      set('Value £', money(input.value));
    }
    set('Outputs', text(o.output));
    set('The Outcomes (what changes)', text(o.outcome));
    set('Indicator', text(o.indicator));
    set('Source', text(o.quantitySource), 0);
    set('Quantity', quantityFormula ? { formula: '20+20' } : { number: o.quantity });
    quantityFormula = false;
    set('Duration', { number: o.duration });
    set('Outcomes start', { number: o.start });
    set('Financial proxy', text(o.proxy));
    set('Value in currency', money(o.value));
    set('Source', text(o.proxySource), 1);
    set('Deadweight %', pct(o.deadweight));
    set('Displacement %', pct(o.displacement));
    set('Attribution %', pct(o.attribution));
    set('Drop off %', pct(o.dropOff));
    const deductions = ['Deadweight %', 'Displacement %', 'Attribution %']
      .filter((t) => col(t) !== -1)
      .map((t) => `(1-${ref(t, r)})`)
      .join('*');
    set('Impact', {
      formula: `${ref('Quantity', r)}*${ref('Value in currency', r)}*${deductions}`,
      style: 'money',
    });
    for (let t = 1; t <= YEARS; t += 1) {
      const start = ref('Outcomes start', r);
      const decay = col('Drop off %') === -1 ? '1' : `(1-${ref('Drop off %', r)})`;
      set(`Year ${t}`, {
        formula: `IF(OR(${t}<${start};${t}>${start}+${ref('Duration', r)}-1);0;${ref('Impact', r)}*${decay}^(${t}-${start}))`,
        style: 'money',
      });
    }
    return cells;
  };
  const sumRow = (label: string, over: readonly number[]): Cell[] => {
    const cells: Cell[] = titles.map(() => null);
    cells[0] = { text: label, style: 'head' };
    const sums = ['Impact', ...Array.from({ length: YEARS }, (_, i) => `Year ${i + 1}`)];
    if (label === 'Total') sums.unshift('Value £');
    for (const title of sums) {
      const c = col(title);
      if (c === -1) continue;
      const parts = over.map((row) => `[.${letter(c)}${row}]`).join(';');
      cells[c] = { formula: `SUM(${parts})`, style: 'money' };
    }
    return cells;
  };
  let r = first;
  for (const [who, outcomes] of groups) {
    const inputs = inputsOf(who);
    const span = Math.max(outcomes.length, inputs.length);
    const groupRows: number[] = [];
    for (let k = 0; k < span; k += 1) {
      const o = outcomes[k];
      const lead: Cell = k === 0 ? { text: who, ...(span > 1 ? { rows: span } : {}) } : 'covered';
      const row =
        o === undefined ? titles.map((): Cell => null) : outcomeRow(o, r, lead, inputs[k]);
      if (o === undefined) row[0] = lead;
      rows.push(row);
      dataRows.push(r);
      groupRows.push(r);
      r += 1;
    }
    if (options.subtotals) {
      rows.push(sumRow('Subtotal', groupRows));
      subtotalRows.push(r);
      r += 1;
    }
  }
  if (options.inputsOnSheet) {
    for (const input of INPUTS) {
      if (groups.has(input.stakeholder)) continue;
      const cells: Cell[] = titles.map(() => null);
      cells[0] = text(input.stakeholder);
      cells[col('Inputs')] = text(input.description);
      cells[col('Value £')] = money(input.value);
      rows.push(cells);
      dataRows.push(r);
      r += 1;
    }
  }
  const totalRow = r;
  rows.push(sumRow('Total', dataRows));
  r += 1;

  // The results block: labels left of Year 1, figures under the years.
  rows.push([]);
  r += 1;
  const label = col('Year 1') - 1;
  const year = (t: number) => letter(col(`Year ${t}`));
  const resultRow = (words: string, cells: (t: number) => Cell, only = false): Cell[] => {
    const row: Cell[] = titles.map(() => null);
    row[label] = { text: words, style: 'head' };
    for (let t = 1; t <= (only ? 1 : YEARS); t += 1) row[col(`Year ${t}`)] = cells(t);
    return row;
  };
  const rateRow = r;
  rows.push(resultRow('Discount rate', () => ({ formula: '[.$B$6]', style: 'pct' })));
  const factorRow = r + 1;
  rows.push(
    resultRow('Discount factor', (t) => ({
      formula:
        t === 1
          ? `1/(1+[.${year(1)}${rateRow}])`
          : `[.${year(t - 1)}${factorRow}]/(1+[.${year(t)}${rateRow}])`,
      style: 'factor',
    })),
  );
  const pvRow = r + 2;
  rows.push(
    resultRow('Present value of each year', (t) => ({
      formula: `[.${year(t)}${totalRow}]*[.${year(t)}${factorRow}]`,
      style: 'money',
    })),
  );
  const inputs = options.inputsOnSheet ? `[.${letter(col('Value £'))}${totalRow}]` : '[$Inputs.B6]';
  const totalPvRow = r + 3;
  rows.push(
    resultRow(
      'Total Present Value (PV)',
      () => ({ formula: `SUM([.${year(1)}${pvRow}:.${year(YEARS)}${pvRow}])`, style: 'money' }),
      true,
    ),
  );
  rows.push(
    resultRow(
      'Net Present Value (PV minus the investment)',
      () => ({ formula: `[.${year(1)}${totalPvRow}]-${inputs}`, style: 'money' }),
      true,
    ),
  );
  rows.push(
    resultRow(
      'Social Return Value per amount invested',
      () => ({ formula: `[.${year(1)}${totalPvRow}]/${inputs}`, style: 'ratio' }),
      true,
    ),
  );
  return { rows, titles };
}

/** The inputs sheet of a workbook whose Value Map has no inputs columns. */
function inputsRows(): Cell[][] {
  return [
    [
      { text: 'Inputs', style: 'head' },
      { text: 'Value £', style: 'head' },
      { text: 'Stakeholders', style: 'head' },
    ],
    ...INPUTS.map((i): Cell[] => [
      { text: i.description },
      { number: i.value, style: 'money' },
      { text: i.stakeholder },
    ]),
    [
      { text: 'Total', style: 'head' },
      { formula: 'SUM([.B2:.B5])', style: 'money' },
    ],
  ];
}

function xml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function cellXml(cell: Cell): string {
  if (cell === 'covered') return '<table:covered-table-cell/>';
  if (cell === null) return '<table:table-cell/>';
  const style = cell.style === undefined ? '' : ` table:style-name="${cell.style}"`;
  const span =
    (cell.rows === undefined ? '' : ` table:number-rows-spanned="${cell.rows}"`) +
    (cell.columns === undefined ? '' : ` table:number-columns-spanned="${cell.columns}"`);
  if (cell.formula !== undefined) {
    const kind =
      cell.style === 'pct'
        ? 'percentage'
        : cell.style === 'money'
          ? 'currency" office:currency="GBP'
          : 'float';
    return `<table:table-cell${style}${span} table:formula="of:=${xml(cell.formula)}" office:value-type="${kind}"/>`;
  }
  if (cell.number !== undefined) {
    const kind =
      cell.style === 'pct'
        ? 'percentage'
        : cell.style === 'money'
          ? 'currency" office:currency="GBP'
          : 'float';
    return `<table:table-cell${style}${span} office:value-type="${kind}" office:value="${cell.number}"/>`;
  }
  return `<table:table-cell${style}${span} office:value-type="string"><text:p>${xml(cell.text ?? '')}</text:p></table:table-cell>`;
}

function fods(
  sheets: readonly { name: string; rows: readonly Cell[][] }[],
  percent: string,
): string {
  const decimals = percent === '0%' ? 0 : 1;
  const tables = sheets
    .map(
      (sheet) =>
        `<table:table table:name="${xml(sheet.name)}">${sheet.rows
          .map(
            (row) =>
              `<table:table-row>${row.length === 0 ? '<table:table-cell/>' : row.map(cellXml).join('')}</table:table-row>`,
          )
          .join('\n')}</table:table>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:percentage-style style:name="Npct"><number:number number:decimal-places="${decimals}" number:min-decimal-places="${decimals}" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<number:currency-style style:name="Nmoney"><number:currency-symbol number:language="en" number:country="GB">£</number:currency-symbol><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:currency-style>
<number:number-style style:name="Nfactor"><number:number number:decimal-places="4" number:min-decimal-places="4" number:min-integer-digits="1"/></number:number-style>
<number:number-style style:name="Nratio"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>
<style:style style:name="pct" style:family="table-cell" style:data-style-name="Npct"/>
<style:style style:name="money" style:family="table-cell" style:data-style-name="Nmoney"/>
<style:style style:name="factor" style:family="table-cell" style:data-style-name="Nfactor"/>
<style:style style:name="ratio" style:family="table-cell" style:data-style-name="Nratio"/>
<style:style style:name="head" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="question" style:family="table-cell"><style:text-properties fo:font-style="italic"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
${tables}
</office:spreadsheet></office:body></office:document>
`;
}

// ── The bytes each spreadsheet writes ──────────────────────────────────────────────────────

/** Windows-1252's bytes 0x80–0x9F for the characters the corpus uses; the rest are Latin-1. */
const WINDOWS_1252: Readonly<Record<string, number>> = {
  '€': 0x80,
  '–': 0x96,
  '—': 0x97,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
};

function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (c) => {
    const code = WINDOWS_1252[c] ?? c.charCodeAt(0);
    if (code > 0xff) throw new Error(`${c} has no Windows-1252 byte`);
    return code;
  });
}

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
const lf = (text: string) => text.replace(/\r\n/g, '\n');
const withBom = (bytes: Uint8Array) => Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
const utf16le = (text: string) => Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);

/** Removes every formula's saved result from an .xlsx (as a program that does not calculate writes it). */
function withoutSavedResults(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  for (const [name, data] of Object.entries(parts)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const text = strFromU8(data).replace(/(<f[^>]*>[^<]*<\/f>)\s*<v>[^<]*<\/v>/g, '$1');
    parts[name] = strToU8(text);
  }
  return zipSync(parts, { mtime: '2001-01-01T12:00:00Z' });
}

// ── The cases ───────────────────────────────────────────────────────────────────────────────

interface Case {
  readonly name: string;
  readonly description: string;
  readonly made: string;
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly args?: readonly string[];
  readonly workings?: Workings;
  readonly expected: Record<string, unknown>;
}

const work = mkdtempSync(join(tmpdir(), 'sroi-valuemap-corpus-'));

/** The sheet as LibreOffice saves it (.xlsx, recalculated) and exports it (CSV, with options). */
function spreadsheet(name: string, options: SheetOptions, withInputsSheet = false) {
  const { rows } = valueMapRows(options);
  const sheets = [
    { name: 'Value Map', rows },
    ...(withInputsSheet ? [{ name: 'Inputs', rows: inputsRows() }] : []),
  ];
  const source = join(work, `${name}.fods`);
  writeFileSync(source, fods(sheets, options.percent));
  const [xlsx] = convertWithLibreOffice([source], join(work, `${name}-xlsx`), 'xlsx');
  const csv = (filter: string) => {
    const [file] = convertWithLibreOffice(
      [source],
      join(work, `${name}-${filter.replaceAll(/[^0-9a-z]/gi, '')}`),
      `csv:Text - txt - csv (StarCalc):${filter}`,
    );
    return readFileSync(file ?? '', 'utf8');
  };
  return {
    xlsx: new Uint8Array(readFileSync(xlsx ?? '')),
    // separator, text delimiter, UTF-8, line 1, default cell formats, language, don't quote all
    // text, (import only), save cell contents as shown
    shown: (separator = 44) => csv(`${separator},34,76,1,,2057,false,false,true`),
    raw: (separator = 59) => csv(`${separator},34,76,1,,2057,false,false,false`),
  };
}

const base = spreadsheet('base', BASE);
const full = expectedFigures(OUTCOMES, INPUTS);
const agree = { sheetFiguresDiffer: [] };

const cases: Case[] = [
  {
    name: 'xlsx-as-kept',
    description:
      'The Value Map as a charity keeps it, saved as .xlsx: title rows (organisation, activity, period, evaluation, a discount rate of 3.5%), the stage row, titles and the questions under them, stakeholder cells merged over their outcomes, an input beside its stakeholder’s outcomes and input-only rows, the template’s repeated titles ("Value £" for inputs beside "Value in currency"; "Source" after the indicator and after the proxy), live formulas for the impact and each year with their saved results, a Total row and the results block.',
    made: 'LibreOffice 7.4 (headless) recalculated and saved the sheet as .xlsx',
    file: 'value-map.xlsx',
    bytes: base.xlsx,
    workings: full,
    expected: { ...agree, kind: 'evaluative', organisation: 'Oakfield Community Garden Trust' },
  },
  {
    name: 'xlsx-no-saved-results',
    description:
      'The same workbook written by a program that does not calculate: every formula without its saved result. The data cells hold plain values, so the analysis reads; the computed cells hold nothing to compare, which a note says.',
    made: 'xlsx-as-kept with every <v> of a formula cell removed from the sheet XML',
    file: 'value-map.xlsx',
    bytes: withoutSavedResults(base.xlsx),
    workings: full,
    expected: { ...agree, notes: ['sheet_figures_not_compared'] },
  },
  {
    name: 'xlsx-formula-without-result',
    description:
      'A quantity typed as a formula (=20+20) that a program saved without its result: the quantity cannot be read, and the problem is located at its cell.',
    made: 'the sheet with the first quantity as a formula, saved by LibreOffice, then every <v> of a formula cell removed',
    file: 'value-map.xlsx',
    bytes: withoutSavedResults(spreadsheet('formula', { ...BASE, quantityFormula: true }).xlsx),
    expected: {
      exit: 1,
      issues: [
        "'Value Map'!H11 [Quantity]: the formula =20+20 has no saved result (the file was written by a program that does not calculate); open the file in Excel or LibreOffice and save it again; the row is not read",
      ],
    },
  },
  {
    name: 'excel-csv-utf8',
    description:
      'The whole sheet as Excel’s "CSV UTF-8 (Comma delimited)" writes it: a UTF-8 byte-order mark, CRLF line ends, every cell as shown (£24,000.00, 20.0%).',
    made: 'LibreOffice’s CSV export of the sheet, cells as shown, with the byte-order mark and CRLF Excel writes',
    file: 'value-map.csv',
    bytes: withBom(strToU8(crlf(base.shown()))),
    workings: full,
    expected: agree,
  },
  {
    name: 'excel-csv-windows-1252',
    description:
      'The whole sheet as Excel’s default "CSV (Comma delimited)" writes it on Windows: Windows-1252, where £ is the one byte 0xA3 and – is 0x96, CRLF line ends, cells as shown.',
    made: 'the CSV of excel-csv-utf8, encoded as Windows-1252 without a byte-order mark',
    file: 'value-map.csv',
    bytes: windows1252(crlf(base.shown())),
    workings: full,
    expected: { ...agree, notes: ['encoding'] },
  },
  {
    name: 'excel-unicode-text',
    description:
      'The whole sheet as Excel’s "Unicode Text" writes it: UTF-16 little-endian with its byte-order mark, tab-separated, CRLF line ends, cells as shown.',
    made: 'LibreOffice’s tab-separated export of the sheet, cells as shown, encoded as UTF-16 LE with a byte-order mark and CRLF',
    file: 'value-map.txt',
    bytes: utf16le(crlf(base.shown(9))),
    workings: full,
    expected: { ...agree, notes: ['encoding'] },
  },
  {
    name: 'libreoffice-semicolon-raw',
    description:
      'The sheet with a Subtotal row after each stakeholder, as LibreOffice exports it with ";" as the separator and raw values (0.125 for 12.5%, 24000 for £24,000.00): the Subtotal and Total rows are left out, never summed.',
    made: 'LibreOffice’s CSV export, separator ";", cells not as shown',
    file: 'value-map.csv',
    bytes: strToU8(spreadsheet('subtotals', { ...BASE, subtotals: true }).raw()),
    workings: full,
    expected: agree,
  },
  {
    name: 'google-sheets-csv',
    description:
      'The whole sheet as Google Sheets downloads it as "Comma-separated values": UTF-8 without a byte-order mark, cells as shown.',
    made: 'LibreOffice’s CSV export of the sheet, cells as shown, UTF-8 without a byte-order mark, LF line ends (Google Sheets itself could not be run here)',
    file: 'value-map.csv',
    bytes: strToU8(lf(base.shown())),
    workings: full,
    expected: agree,
  },
  {
    name: 'inputs-sheet',
    description:
      'A workbook whose Value Map sheet has no inputs columns and whose inputs are on a sheet of their own, "Inputs", with a Total row (left out, never summed).',
    made: 'LibreOffice recalculated and saved the two sheets as .xlsx',
    file: 'value-map.xlsx',
    bytes: spreadsheet('inputs', { ...BASE, inputsOnSheet: false }, true).xlsx,
    workings: full,
    expected: agree,
  },
  {
    name: 'title-row-lost',
    description:
      'The CSV UTF-8 export after a clean-up deleted the row of titles: the questions under them still say which column is which, so every deduction is read.',
    made: 'the sheet without its row of titles, exported by LibreOffice as CSV UTF-8 (cells as shown)',
    file: 'value-map.csv',
    bytes: withBom(strToU8(crlf(spreadsheet('lost', { ...BASE, titleRowLost: true }).shown()))),
    workings: full,
    expected: agree,
  },
  {
    name: 'no-displacement-or-attribution-column',
    description:
      'The CSV UTF-8 export after a clean-up deleted the Displacement % and Attribution % columns. The figures are what the sheet now states — no displacement, no attribution — and the result warns of each, naming it: never a silent 0.',
    made: 'the sheet without those two columns (its Impact formula without them), exported by LibreOffice as CSV UTF-8',
    file: 'value-map.csv',
    bytes: withBom(
      strToU8(
        crlf(
          spreadsheet('nocolumns', {
            ...BASE,
            without: ['Displacement %', 'Attribution %'],
          }).shown(),
        ),
      ),
    ),
    workings: expectedFigures(OUTCOMES, INPUTS, (o) => ({
      ...o,
      displacement: '0',
      attribution: '0',
    })),
    expected: {
      ...agree,
      warnings: [
        'ASSUMPTION_NOT_STATED: no displacement column: displacement is 0 for every outcome; add the column, with 0% where that is meant, to state it',
        'ASSUMPTION_NOT_STATED: no attribution column: attribution is 0 for every outcome; add the column, with 0% where that is meant, to state it',
      ],
    },
  },
  {
    name: 'rounded-percentage',
    description:
      'The CSV UTF-8 export of a sheet whose percentages are formatted 0%: the deadweight of 12.5% is written 13% and the discount rate of 3.5% 4%. sroi reads what the file says, and says where it took the discount rate from; the sheet’s own figures, computed from 12.5% and 3.5%, disagree with it at every cell they touch — a warning at each (and a finding of sroi check) — so the rounding cannot pass unseen.',
    made: 'the sheet with the percentage format 0%, exported by LibreOffice as CSV UTF-8, cells as shown',
    file: 'value-map.csv',
    bytes: withBom(strToU8(crlf(spreadsheet('rounded', { ...BASE, percent: '0%' }).shown()))),
    // what the file says: 12.5% shown as 13%, and the discount rate of 3.5% as 4%
    workings: expectedFigures(
      OUTCOMES,
      INPUTS,
      (o) => (o.deadweight === '0.125' ? { ...o, deadweight: '0.13' } : o),
      '0.04',
    ),
    expected: {
      sheetFiguresDiffer: [
        'value-map.csv:16 [Impact]',
        'value-map.csv:16 [Year 1]',
        'value-map.csv:21 [Impact]',
        'value-map.csv:21 [Year 1]',
        'value-map.csv:24 [Year 1]',
        'value-map.csv:24 [Year 2]',
        'value-map.csv:24 [Year 3]',
        'value-map.csv:25 [Year 1]',
        'value-map.csv:25 [Year 2]',
        'value-map.csv:25 [Year 3]',
        'value-map.csv:26 [Year 1]',
        'value-map.csv:27 [Year 1]',
        'value-map.csv:28 [Year 1]',
      ],
    },
  },
];

// ── Writing ─────────────────────────────────────────────────────────────────────────────────

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const c of cases) {
  const dir = join(out, c.name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, c.file), c.bytes);
  const expected = {
    description: c.description,
    made: c.made,
    file: c.file,
    ...(c.args === undefined ? {} : { args: c.args }),
    exit: 0,
    ...(c.workings === undefined
      ? {}
      : {
          figures: c.workings.figures,
          provenance:
            'decimal.js arithmetic in scripts/make-valuemap-corpus.ts (expectedFigures), independent of src/: 25 significant digits',
          workings: c.workings.lines,
        }),
    ...c.expected,
  };
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
}
const readme = [
  '# The Value Map corpus',
  '',
  'A charity’s Value Map as spreadsheets keep and export it, made by `scripts/make-valuemap-corpus.ts` (LibreOffice headless): each folder holds one file and its `expected.json` — what it is, how it was made, the figures sroi must give (computed by the script with decimal.js alone, independently of sroi’s code), and the warnings, notes and located issues. `tests/valuemap/corpus.test.ts` reads every case through the library and the CLI.',
  '',
  '## The programme: Growing Together, Oakfield Community Garden Trust, April 2023 – March 2024',
  '',
  '| | stakeholder | outcome | quantity | proxy (£) | duration | start | deadweight | displacement | attribution | drop-off |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...OUTCOMES.map(
    (o, i) =>
      `| o${i + 1} | ${o.stakeholder} | ${o.outcome} | ${o.quantity} | ${o.value} | ${o.duration} | ${o.start} | ${o.deadweight} | ${o.displacement} | ${o.attribution} | ${o.dropOff} |`,
  ),
  '',
  `Inputs (year 0): ${INPUTS.map((i) => `${i.description} (${i.stakeholder}) £${i.value}`).join('; ')}. Discount rate 3.5 %, at the end of each year.`,
  '',
  '## The figures, worked',
  '',
  ...full.lines.map((line) => `- ${line}`),
  '',
  `Total present value ${full.figures['totalPresentValue'] ?? ''}; total inputs ${full.figures['totalInputs'] ?? ''}; SROI ratio ${full.figures['sroiRatio'] ?? ''} (${new D(full.figures['sroiRatio'] ?? '0').toFixed(2)} : 1).`,
  '',
  '## The cases',
  '',
  ...cases.map((c) => `- \`${c.name}/${c.file}\` — ${c.description}`),
  '',
];
writeFileSync(join(out, 'README.md'), readme.join('\n'));
copyFileSync(join(out, 'README.md'), join(work, 'README.md'));
rmSync(work, { recursive: true, force: true });
console.log(`wrote ${cases.length} cases to ${out}`);
