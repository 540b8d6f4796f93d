import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { formatIssue } from '../../src/model/formatIssue.js';
import { readValueMap } from '../../src/valuemap/readValueMap.js';
import { csvOf, readSheets } from './_sheets.js';
import type { Cell, SheetSpec } from './_sheets.js';

// A Value Map kept as the SROI Network's template has it: title rows, the stage row, titles and
// the questions under them, the stakeholder merged over its outcomes, inputs beside them and an
// input-only row, the template's repeated titles ("Value £" and "Value in currency"; "Source"
// twice), the sheet's own Impact column, a Total row and the results block.
const TITLES = [
  'Stakeholders',
  'Inputs',
  'Value £',
  'Outputs',
  'The Outcomes (what changes)',
  'Indicator',
  'Source',
  'Quantity',
  'Duration',
  'Outcomes start',
  'Financial proxy',
  'Value in currency',
  'Source',
  'Deadweight %',
  'Displacement %',
  'Attribution %',
  'Drop off %',
  'Impact',
];
const QUESTIONS = [
  'Who do we have an effect on? Who has an effect on us?',
  'What do they invest?',
  'What is the value of the inputs in currency (only enter numbers)',
  'Summary of activity in numbers',
  'How would the stakeholder describe the changes?',
  'How would you measure it?',
  'Where did you get the information from?',
  'How much change was there?',
  'How long does it last after end of activity? (Only enter numbers)',
  'Does it start in period of activity (1) or in period after (2)',
  'What proxy would you use to value the change?',
  'What is the value of the change? (Only enter numbers)',
  'Where did you get the information from?',
  'What would have happened without the activity?',
  'What activity did you displace?',
  'Who else contributed to the change?',
  'Does the outcome drop off in future years?',
  'Quantity times financial proxy, less deadweight, displacement and attribution',
];
const impact = (r: number, v?: number): Cell => ({
  f: `H${r}*L${r}*(1-N${r})*(1-O${r})*(1-P${r})`,
  ...(v === undefined ? {} : { v }),
});
// hand-computed impacts: 10 × 250 × (1 − 0.2) × (1 − 0.1) = 1800; 5 × 100 = 500
const DATA: Cell[][] = [
  [
    'Older people',
    'Staff time',
    1000,
    '52 sessions',
    'Less isolated',
    'UCLA score',
    'Survey',
    10,
    2,
    1,
    'Befriending cost',
    250,
    'PSSRU',
    0.2,
    0,
    0.1,
    0.5,
    impact(11, 1800),
  ],
  [
    null,
    null,
    null,
    null,
    'Fewer falls',
    'Falls diary',
    'GP records',
    5,
    1,
    2,
    'Cost of a fall',
    100,
    'NHS reference costs',
    0,
    0,
    0,
    0,
    impact(12, 500),
  ],
  ['Council', 'Grant', 600],
  [
    'Total',
    null,
    { f: 'SUM(C11:C13)', v: 1600 },
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    { f: 'SUM(R11:R12)', v: 2300 },
  ],
];
const TOP: Cell[][] = [
  ['Social Return on Investment – The Value Map'],
  ['Organisation', 'Friends of Oakfield'],
  ['Activity', 'Garden club'],
  ['Period', 'April 2023 – March 2024'],
  ['Forecast/Evaluation', 'Evaluation'],
  ['Discount rate', 0],
  [],
  [
    'Stage 1',
    null,
    'Stage 2',
    null,
    null,
    null,
    'Stage 3',
    null,
    null,
    null,
    null,
    null,
    null,
    'Stage 4',
  ],
  TITLES,
  QUESTIONS,
];
const RESULTS: Cell[][] = [
  [],
  [
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    'Total Present Value (PV)',
    { f: 'R14+900', v: 3200 },
  ],
  [
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    'Social Return Value per amount invested',
    { f: 'R16/C14', v: 2 },
  ],
];
const MAP: SheetSpec = { rows: [...TOP, ...DATA, ...RESULTS], merges: ['A11:A12'] };

const success = (read: ReturnType<typeof readValueMap>) => {
  if (!read.success) throw new Error(read.issues.map(formatIssue).join('\n'));
  return read.analysis;
};

describe('readValueMap (a workbook kept as the template has it)', () => {
  const read = readSheets([MAP]);
  const analysis = success(read);

  it('reads the title rows as the analysis settings, each with a note at its cell', () => {
    expect(analysis).toMatchObject({
      name: 'Garden club',
      organisation: 'Friends of Oakfield',
      period: 'April 2023 – March 2024',
      kind: 'evaluative',
      discount: { rate: '0', timing: 'end' },
    });
    const settings = read.notes.filter((n) => n.code === 'sheet_setting');
    expect(settings.map((n) => n.file)).toEqual([
      "'Value Map'!B2",
      "'Value Map'!B3",
      "'Value Map'!B4",
      "'Value Map'!B5",
      "'Value Map'!B6",
    ]);
    expect(settings[4]?.message).toBe(
      'discount rate "0" taken from the sheet (the settings\' discount, --discount-rate, would replace it)',
    );
  });

  it('reads the titles and the questions under them as one header, the repeated titles by place', () => {
    const [older, falls] = analysis.outcomes;
    expect(older).toMatchObject({
      stakeholder: 'Older people',
      output: '52 sessions',
      outcome: 'Less isolated',
      indicator: 'UCLA score',
      quantity: '10',
      duration: 2,
      start: 1,
      proxy: { description: 'Befriending cost', value: '250', source: 'PSSRU' },
      evidence: { quantity: 'Survey' },
      deadweight: '0.2',
      attribution: '0.1',
      dropOff: '0.5',
    });
    expect(falls).toMatchObject({ stakeholder: 'Older people', start: 2, proxy: { value: '100' } });
    expect(read.tables.outcomes).toMatchObject({
      file: "'Value Map'",
      headerLine: 9,
      rowsRead: 2,
      rowsUsed: 2,
      rowsRejected: 0,
      totalRows: 1,
    });
  });

  it('fills the merged stakeholder cell down, once for the run, naming its rows', () => {
    expect(read.notes.filter((n) => n.code === 'filled_down')).toEqual([
      {
        code: 'filled_down',
        message:
          'stakeholder "Older people" filled down to row 12, whose stakeholder cell is merged with it',
        file: "'Value Map'!A11",
        column: 'Stakeholders',
      },
    ]);
  });

  it('reads the inputs from the same sheet, an input-only row among them, and leaves the Total row out', () => {
    expect(analysis.inputs).toEqual([
      { stakeholder: 'Older people', description: 'Staff time', value: '1000', year: 0 },
      { stakeholder: 'Council', description: 'Grant', value: '600', year: 0 },
    ]);
    expect(read.tables.inputs).toMatchObject({ rowsRead: 2, rowsUsed: 2 });
    expect(read.notes.find((n) => n.code === 'total_rows')?.message).toBe(
      '1 Total row left out, on row 14: a Total, Subtotal or Sum row is not data, and read as data it would count its rows twice',
    );
  });

  it('gives the hand-computed figures', () => {
    const result = evaluateAnalysis(analysis);
    // hand-computed at 0 %: 1800 + 1800 × 0.5 (year 2) + 500 (year 2) = 3200; inputs 1000 + 600
    expect(result.totalPresentValue).toBe('3200');
    expect(result.totalInputs).toBe('1600');
    expect(result.sroiRatio).toBe('2');
  });

  it('compares the sheet’s own figures with sroi’s and says they agree', () => {
    expect(read.comparisons.map((c) => [c.figure, c.cell, c.sheet, c.sroi, c.agrees])).toEqual([
      ['impact', "'Value Map'!R11 [Impact]", '1800', '1800', true],
      ['impact', "'Value Map'!R12 [Impact]", '500', '500', true],
      ['total impact', "'Value Map'!R14 [Impact]", '2300', '2300', true],
      ['total value of the inputs', "'Value Map'!C14 [Value £]", '1600', '1600', true],
      ['total present value', "'Value Map'!R16 [Impact]", '3200', '3200', true],
      ['SROI ratio', "'Value Map'!R17 [Impact]", '2', '2', true],
    ]);
    expect(read.notes.find((n) => n.code === 'sheet_figures_agree')?.message).toBe(
      "the sheet's own figures agree with sroi's: 6 figures (2 impacts, 2 Total row figures, 1 total present value, 1 SROI ratio)",
    );
  });

  it('says which sheet it read', () => {
    expect(read.sheet).toBe('Value Map');
    expect(read.notes.find((n) => n.code === 'sheet_read')?.message).toBe(
      'read the sheet "Value Map" as the Value Map (its header on row 9)',
    );
  });

  it('records the deductions the sheet has a column for as stated', () => {
    expect('notStated' in analysis).toBe(false);
  });
});

describe('readValueMap (settings)', () => {
  it('lets the settings replace the sheet’s own, says so, and compares no figure they change', () => {
    const read = readSheets([MAP], { settings: { discount: { rate: '5%' }, name: 'Mine' } });
    const analysis = success(read);
    expect(analysis.discount).toEqual({ rate: '0.05', timing: 'end' });
    expect(analysis.name).toBe('Mine');
    expect(read.notes.filter((n) => n.code === 'sheet_setting').map((n) => n.message)).toContain(
      "the settings replace the sheet's discount (0) with 0.05",
    );
    // the impacts and Total row sums are still compared; the present value and ratio are not
    expect(read.comparisons.map((c) => c.figure)).toEqual([
      'impact',
      'impact',
      'total impact',
      'total value of the inputs',
    ]);
    expect(read.notes.find((n) => n.code === 'sheet_figures_not_compared')?.message).toBe(
      "2 of the sheet's own figures are not compared with sroi's: the settings replace the sheet's discount (0) with 0.05, so they were computed on another basis",
    );
  });

  it('locates a setting that breaks its rule at its cell', () => {
    const rows = TOP.map((r) => (r[0] === 'Discount rate' ? ['Discount rate', 3.5] : r));
    const read = readSheets([{ rows: [...rows, ...DATA], merges: ['A11:A12'] }]);
    expect(read.issues.map(formatIssue)).toEqual([
      '\'Value Map\'!B6 [Discount rate]: discount.rate must be a fraction from 0 to 1, got "3.5" (write 3.5% or 0.035)',
    ]);
  });
});

describe('readValueMap (the header)', () => {
  it('reads a header whose title row was lost by its questions alone', () => {
    const rows = [...TOP.slice(0, 8), QUESTIONS, ...DATA];
    const read = readSheets([{ rows, merges: ['A10:A11'] }]);
    const analysis = success(read);
    expect(analysis.outcomes[0]).toMatchObject({
      deadweight: '0.2',
      attribution: '0.1',
      dropOff: '0.5',
    });
    expect('notStated' in analysis).toBe(false);
  });

  it('matches titles tolerantly and tells a Source after a deduction to be its evidence', () => {
    const text = csvOf([
      [
        'Stakeholder',
        'Outcome (what changes)',
        'Quantity',
        'Duration (yrs)',
        'Value £',
        'Source',
        'Attribution %',
        'Rationale',
        'Impact',
      ],
      ['Carers', 'More respite', '4', '1', '£50', 'Carers UK', '25%', 'Survey of carers', '150'],
    ]);
    const read = readValueMap({
      csv: { file: 'map.csv', text },
      settings: { discount: { rate: '0' } },
    });
    const [outcome] = success(read).outcomes;
    expect(outcome).toMatchObject({
      duration: 1,
      proxy: { value: '50', source: 'Carers UK' },
      attribution: '0.25',
      evidence: { attribution: 'Survey of carers' },
    });
  });

  it('refuses a column given twice, at the second one', () => {
    const text = csvOf([
      [
        'Stakeholders',
        'Outcome',
        'Quantity',
        'Value in currency',
        'Duration',
        'Deadweight %',
        'Deadweight %',
      ],
      ['A', 'B', '1', '1', '1', '0', '0'],
    ]);
    const read = readValueMap({ csv: { file: 'map.csv', text } });
    expect(read.issues.map(formatIssue)).toEqual([
      'map.csv:1 [Deadweight %]: columns "Deadweight %" (F) and "Deadweight %" (G) both give deadweight; keep one, or rename the other (or map the one to read with --map)',
    ]);
    // a header problem makes no row usable
    expect(read.tables.outcomes).toMatchObject({ rowsRead: 1, rowsUsed: 0, rowsRejected: 1 });
  });
});

describe('readValueMap (stakeholders)', () => {
  it('takes a row that names a stakeholder and nothing else as the head of the rows under it', () => {
    const text = csvOf([
      ['Stakeholders', 'No. in group', 'Outcome', 'Quantity', 'Value in currency', 'Duration'],
      ['Carers', '120', '', '', '', ''],
      ['', '', 'More respite', '4', '50', '1'],
      ['', '', 'Less stress', '2', '50', '1'],
    ]);
    const read = readValueMap({ csv: { file: 'map.csv', text } });
    const analysis = success(read);
    expect(analysis.outcomes.map((o) => o.stakeholder)).toEqual(['Carers', 'Carers']);
    expect(analysis.stakeholders).toEqual([{ id: 'Carers', name: 'Carers', size: 120 }]);
    expect(read.notes.find((n) => n.code === 'filled_down')?.message).toBe(
      'stakeholder "Carers" filled down to lines 3–4, whose stakeholder cells are blank',
    );
  });
});

describe('readValueMap (never a silent wrong figure)', () => {
  it('records the deductions with no column and the result warns of each', () => {
    const keep = TITLES.map((t, i) =>
      t === 'Displacement %' || t === 'Attribution %' ? -1 : i,
    ).filter((i) => i !== -1);
    const pick = (row: readonly Cell[]) => keep.map((i) => row[i] ?? null);
    const text = csvOf([...TOP.slice(0, 8), pick(TITLES), ...DATA.slice(0, 3).map(pick)]);
    const read = readValueMap({ csv: { file: 'map.csv', text } });
    const analysis = success(read);
    expect(analysis.notStated).toEqual(['displacement', 'attribution']);
    expect(read.notes.find((n) => n.code === 'not_stated')?.message).toBe(
      'no value for displacement or attribution (no column, or a column blank in every row): each is 0 for every outcome, and the result warns of it; fill in the column, with 0% where that is meant, to state it',
    );
    expect(evaluateAnalysis(analysis).warnings.map((w) => w.code)).toEqual([
      'ASSUMPTION_NOT_STATED',
      'ASSUMPTION_NOT_STATED',
    ]);
  });

  it('leaves out Total, Subtotal and Sum rows, by label and by being the sum of the rows above', () => {
    const text = csvOf(
      [
        [
          'Stakeholders',
          'Inputs',
          'Value £',
          'Outcome',
          'Quantity',
          'Value in currency',
          'Duration',
          'Deadweight %',
          'Displacement %',
          'Attribution %',
          'Drop off %',
        ],
        ['Older people', 'Staff', '1000', 'Less isolated', '10', '100', '1', '0', '0', '0', '0'],
        ['', 'Grant', '600', 'Fewer falls', '5', '100', '1', '0', '0', '0', '0'],
        ['Subtotal', '', '1600', '', '15', '', '', '', '', '', ''],
        ['Carers', 'Volunteers', '400', 'More respite', '4', '100', '1', '0', '0', '0', '0'],
        ['Carers', '', '', 'Less stress', '1', '100', '1', '0', '0', '0', '0'],
        ['', '', '400', '', '5', '', '', '', '', '', ''],
      ],
      ';',
    );
    const read = readValueMap({
      csv: { file: 'map.csv', text },
      settings: { discount: { rate: '0' } },
    });
    const analysis = success(read);
    expect(analysis.inputs.map((i) => i.value)).toEqual(['1000', '600', '400']);
    expect(analysis.outcomes.map((o) => o.outcome)).toEqual([
      'Less isolated',
      'Fewer falls',
      'More respite',
      'Less stress',
    ]);
    // hand-computed: (10 + 5 + 4 + 1) × 100 = 2000 over 1000 + 600 + 400 = 2000
    expect(evaluateAnalysis(analysis).sroiRatio).toBe('1');
    expect(read.notes.find((n) => n.code === 'total_rows')?.message).toMatch(
      /^2 Total rows left out, on lines 4, 7:/,
    );
  });

  it('reads a fraction written 0.125 in a file separated by semicolons as a fraction', () => {
    const text = csvOf(
      [
        [
          'Stakeholders',
          'Outcome',
          'Quantity',
          'Value in currency',
          'Duration',
          'Deadweight %',
          'Displacement %',
          'Attribution %',
          'Drop off %',
        ],
        ['A', 'B', '8', '100', '1', '0.125', '0', '0', '0'],
      ],
      ';',
    );
    const read = readValueMap({ csv: { file: 'map.csv', text } });
    expect(success(read).outcomes[0]?.deadweight).toBe('0.125');
  });

  it('reports each figure of the sheet that differs from sroi’s, at its cell, with both values', () => {
    const rows = [
      ...TOP,
      ...DATA.map((r, i) =>
        i === 1 ? r.map((c, j) => (j === 17 ? { f: 'H12*L12', v: 550 } : c)) : r,
      ),
    ];
    const read = readSheets([{ rows, merges: ['A11:A12'] }]);
    success(read);
    const differs = read.notes.filter((n) => n.code === 'sheet_figure_differs');
    expect(differs.map((n) => [n.file, n.column, n.message])).toEqual([
      [
        "'Value Map'!R12",
        'Impact',
        "the sheet's own impact of outcome o2 is 550 but sroi calculates 500, a difference of 50: find which formula or figure differs",
      ],
    ]);
    expect(read.comparisons.filter((c) => !c.agrees)).toEqual([
      {
        figure: 'impact',
        cell: "'Value Map'!R12 [Impact]",
        outcome: 'o2',
        sheet: '550',
        sroi: '500',
        tolerance: '0.5',
        agrees: false,
      },
    ]);
  });
});

describe('readValueMap (formulas)', () => {
  it('reads the saved result of a formula in a data cell', () => {
    const rows = [
      ...TOP,
      ...DATA.map((r, i) => (i === 0 ? r.map((c, j) => (j === 7 ? { f: '4+6', v: 10 } : c)) : r)),
    ];
    expect(success(readSheets([{ rows, merges: ['A11:A12'] }])).outcomes[0]?.quantity).toBe('10');
  });

  it('makes a data cell’s formula with no saved result an issue at its cell', () => {
    const rows = [
      ...TOP,
      ...DATA.map((r, i) => (i === 0 ? r.map((c, j) => (j === 7 ? { f: '4+6' } : c)) : r)),
    ];
    const read = readSheets([{ rows, merges: ['A11:A12'] }]);
    expect(read.issues.map(formatIssue)).toEqual([
      "'Value Map'!H11 [Quantity]: the formula =4+6 has no saved result (the file was written by a program that does not calculate); open the file in Excel or LibreOffice and save it again; the row is not read",
    ]);
    expect(read.tables.outcomes).toMatchObject({ rowsRead: 2, rowsRejected: 1 });
  });

  it('reads a sheet whose computed cells have no saved result, and compares none of them', () => {
    const strip = (c: Cell): Cell => (typeof c === 'object' && c !== null ? { f: c.f } : c);
    const rows = [...TOP, ...DATA, ...RESULTS].map((r) => r.map(strip));
    const read = readSheets([{ rows, merges: ['A11:A12'] }]);
    expect(evaluateAnalysis(success(read)).sroiRatio).toBe('2');
    expect(read.comparisons).toEqual([]);
    expect(read.notes.find((n) => n.code === 'sheet_figures_not_compared')?.message).toBe(
      "6 of the sheet's own figures are not compared with sroi's: their formulas hold no saved result (the file was written by a program that does not calculate); open it in Excel or LibreOffice and save it to compare them",
    );
  });
});

describe('readValueMap (sheets)', () => {
  it('reads an inputs sheet for a Value Map with no inputs columns, Total row left out', () => {
    const noInputs = (row: readonly Cell[]) => [row[0] ?? null, ...row.slice(3)];
    const map: SheetSpec = {
      name: 'SROI Value Map',
      rows: [...TOP.slice(0, 8), noInputs(TITLES), ...DATA.slice(0, 2).map(noInputs)],
    };
    const inputs: SheetSpec = {
      name: 'Inputs',
      rows: [
        ['Inputs', 'Value £'],
        ['Staff time', 1000],
        ['Grant', 600],
        ['Total', { f: 'SUM(B2:B3)', v: 1600 }],
      ],
    };
    const guidance: SheetSpec = { name: 'Guidance', rows: [['How to fill in the map']] };
    const read = readSheets([guidance, map, inputs]);
    const analysis = success(read);
    expect(analysis.inputs.map((i) => [i.description, i.value])).toEqual([
      ['Staff time', '1000'],
      ['Grant', '600'],
    ]);
    expect(read.notes.find((n) => n.code === 'sheet_read')?.message).toBe(
      'read the sheet "SROI Value Map" as the Value Map (its header on row 9), and its inputs from the sheet "Inputs"; not read: "Guidance" (no Value Map or inputs header)',
    );
    expect(read.tables.inputs).toMatchObject({
      file: 'Inputs',
      headerLine: 1,
      rowsRead: 2,
      totalRows: 1,
    });
  });

  it('refuses inputs given in two places, which would be counted twice', () => {
    const inputs: SheetSpec = {
      name: 'Inputs',
      rows: [
        ['Inputs', 'Value £'],
        ['Grant', 600],
      ],
    };
    const read = readSheets([MAP, inputs]);
    expect(read.issues.map(formatIssue)).toEqual([
      `'Value Map': the sheet has inputs of its own and "Inputs" gives inputs too: sroi would count both; keep the inputs in one place`,
    ]);
  });

  it('says when no sheet holds a Value Map', () => {
    const read = readSheets([{ name: 'Notes', rows: [['Hello']] }]);
    expect(read.issues.map(formatIssue)).toEqual([
      'workbook: no sheet of the workbook holds a Value Map: no row of titles such as "Stakeholders", "The Outcomes (what changes)", "Quantity", "Value in currency" in the first 100 rows of any sheet (sheets: "Notes")',
    ]);
  });
});

describe('readValueMap (issues and the column mapping)', () => {
  it('locates a cell that breaks its rule by sheet and cell, with its column’s title', () => {
    const rows = [
      ...TOP,
      ...DATA.map((r, i) => (i === 0 ? r.map((c, j) => (j === 13 ? 20 : c)) : r)),
    ];
    const read = readSheets([{ rows, merges: ['A11:A12'] }]);
    expect(read.issues.map(formatIssue)).toEqual([
      '\'Value Map\'!N11 [Deadweight %]: deadweight must be a fraction from 0 to 1, got "20" (write 20% or 0.2)',
    ]);
  });

  it('reads a field from the column the mapping names by letter, for one table', () => {
    const rows = [
      ...TOP.slice(0, 8),
      TITLES.map((t) => (t === 'Attribution %' ? 'Others' : t)),
      ...DATA.slice(0, 3),
    ];
    const read = readSheets([{ rows, merges: ['A10:A11'] }], {
      columns: { 'outcomes:attribution': 'P' },
    });
    expect(success(read).outcomes[0]?.attribution).toBe('0.1');
  });

  it('locates a problem of a CSV export by file, line and column', () => {
    const text = csvOf([
      ...TOP,
      ...DATA.map((r, i) => (i === 1 ? r.map((c, j) => (j === 7 ? 'five' : c)) : r)),
    ]);
    const read = readValueMap({ csv: { file: 'map.csv', text } });
    expect(read.issues.map(formatIssue)).toEqual([
      'map.csv:12 [Quantity]: quantity must be a number, got "five": it is not a number (write digits, e.g. 1200, 1,200.50, £1,200, 25% or (1,200))',
    ]);
  });
});
