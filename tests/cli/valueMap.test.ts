/**
 * The CLI on a charity's Value Map: a workbook known by its bytes, a whole sheet exported as CSV
 * in each encoding, flags over the sheet's settings, the column mapping, the sheet's own figures
 * in `sroi check`, and the problems located at their cells. The reader itself is tested in
 * tests/valuemap/readValueMap.test.ts; the corpus of real exports in
 * tests/valuemap/corpus.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { fakeIo } from './_fakeIo.js';
import { run } from '../../src/cli/run.js';
import { csvOf, workbookOf } from '../valuemap/_sheets.js';
import type { Cell } from '../valuemap/_sheets.js';
import type { SroiResult } from '../../src/model/result.js';

const TITLES = [
  'Stakeholders',
  'Inputs',
  'Value £',
  'The Outcomes (what changes)',
  'Quantity',
  'Duration',
  'Financial proxy',
  'Value in currency',
  'Source',
  'Deadweight %',
  'Displacement %',
  'Attribution %',
  'Drop off %',
  'Impact',
];
// hand-computed impacts: 10 × £200 × (1 − 0.25) × (1 − 0.2) = 1200; 4 × £150 = 600
const ROWS: Cell[][] = [
  ['Organisation', 'Friends of Oakfield'],
  ['Discount rate', 0],
  ['Stage 1', null, 'Stage 2', null, 'Stage 3', null, null, null, null, 'Stage 4'],
  TITLES,
  [
    'Older people',
    'Grant',
    900,
    'Less isolated',
    10,
    1,
    'Club fee',
    200,
    'PSSRU',
    0.25,
    0,
    0.2,
    0,
    { f: 'E5*H5*(1-J5)*(1-K5)*(1-L5)', v: 1200 },
  ],
  [
    null,
    null,
    null,
    'Fewer falls',
    4,
    1,
    'Cost of a fall',
    150,
    'NHS',
    0,
    0,
    0,
    0,
    { f: 'E6*H6*(1-J6)*(1-K6)*(1-L6)', v: 600 },
  ],
  [
    'Total',
    null,
    { f: 'SUM(C5:C6)', v: 900 },
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
    { f: 'SUM(N5:N6)', v: 1800 },
  ],
];
const workbook = (rows: Cell[][] = ROWS) => workbookOf({ rows, merges: ['A5:A6'] });
// the same sheet as Excel's "CSV UTF-8" shows it: percentages and money formatted
const shown = (rows: Cell[][]) =>
  rows.map((r, i) =>
    i < 4
      ? r
      : r.map((c, j) =>
          c === null || typeof c === 'object'
            ? c
            : j >= 9 && j <= 12 && typeof c === 'number'
              ? `${c * 100}%`
              : (j === 2 || j === 7) && typeof c === 'number'
                ? `£${c.toFixed(2)}`
                : c,
        ),
  );

async function cli(args: string[], files: Record<string, Uint8Array> = {}) {
  const fake = fakeIo();
  for (const [path, data] of Object.entries(files)) fake.put(path, data);
  const code = await run(args, fake.io);
  return { code, ...fake.out };
}

const ratio = (stdout: string) => (JSON.parse(stdout) as SroiResult).sroiRatio;

describe('sroi calculate on a Value Map workbook', () => {
  it('knows a workbook by its bytes, whatever its name, and reads it', async () => {
    const { code, stdout, stderr } = await cli(['calculate', 'x/map.dat', '--format', 'json'], {
      'x/map.dat': workbook(),
    });
    expect(code).toBe(0);
    expect(ratio(stdout)).toBe('2'); // hand-computed: (1200 + 600) / 900 at 0 %
    expect(stderr).toContain(
      "'Value Map' (outcome rows): 2 rows read, 2 used, 0 rejected, 1 Total row left out (header on row 4)\n",
    );
    expect(stderr).toContain(
      "'Value Map' (input rows): 1 row read, 1 used, 0 rejected, 1 Total row left out (header on row 4)\n",
    );
    expect(stderr).toContain(
      `note: 'Value Map'!A5 [Stakeholders]: stakeholder "Older people" filled down to row 6, whose stakeholder cell is merged with it\n`,
    );
    expect(stderr).toContain(
      "note: 'Value Map': the sheet's own figures agree with sroi's: 4 figures",
    );
  });

  it('lets a flag replace the sheet’s discount rate and says so', async () => {
    const { code, stdout, stderr } = await cli(
      ['calculate', 'x/map.xlsx', '--discount-rate', '10%', '--format', 'json'],
      { 'x/map.xlsx': workbook() },
    );
    expect(code).toBe(0);
    // hand-computed: 1800 / 1.1 = 1636.3636…; / 900
    expect(Number(ratio(stdout))).toBeCloseTo(1636.363636 / 900, 9);
    expect(stderr).toContain("the settings replace the sheet's discount (0) with 0.1");
  });

  it('locates a problem at its cell and exits 1', async () => {
    const rows = ROWS.map((r, i) => (i === 4 ? r.map((c, j) => (j === 9 ? 25 : c)) : r));
    const { code, stderr } = await cli(['calculate', 'x/map.xlsx'], {
      'x/map.xlsx': workbook(rows),
    });
    expect(code).toBe(1);
    expect(stderr).toContain(
      `x/map.xlsx: 1 problem found\n  'Value Map'!J5 [Deadweight %]: deadweight must be a fraction from 0 to 1, got "25" (write 25% or 0.25)\n`,
    );
  });

  it('makes a formula with no saved result in a data cell a problem at its cell', async () => {
    const rows = ROWS.map((r, i) => (i === 5 ? r.map((c, j) => (j === 4 ? { f: '2+2' } : c)) : r));
    const { code, stdout } = await cli(['validate', 'x/map.xlsx'], {
      'x/map.xlsx': workbook(rows),
    });
    expect(code).toBe(1);
    expect(stdout).toContain(
      "  'Value Map'!E6 [Quantity]: the formula =2+2 has no saved result (the file was written by a program that does not calculate); open the file in Excel or LibreOffice and save it again; the row is not read\n",
    );
  });

  it('reads a field from the column a --map flag names by letter, for one table', async () => {
    const rows = ROWS.map((r, i) =>
      i === 3 ? r.map((c) => (c === 'Attribution %' ? 'Others' : c)) : r,
    );
    const { code, stdout } = await cli(
      ['calculate', 'x/map.xlsx', '--map', 'outcomes:attribution=L', '--format', 'json'],
      { 'x/map.xlsx': workbook(rows) },
    );
    expect(code).toBe(0);
    expect(ratio(stdout)).toBe('2');
  });

  it('makes a --map that names no column a usage error naming the headers', async () => {
    const { code, stderr } = await cli(
      ['calculate', 'x/map.xlsx', '--map', 'outcomes:attribution=Others'],
      {
        'x/map.xlsx': workbook(),
      },
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^sroi: --map outcomes:attribution="Others" names no column of the sheet: no column is headed "Others" \(one of 14 headers, e\.g\. "Stakeholders", "Inputs", "Value £"\)\n/,
    );
  });
});

describe('sroi check on a Value Map', () => {
  it('shows each of the sheet’s own figures that differs from sroi’s', async () => {
    const rows = ROWS.map((r, i) =>
      i === 5 ? r.map((c, j) => (j === 13 ? { f: 'E6*H6', v: 650 } : c)) : r,
    );
    const { code, stdout, stderr } = await cli(['check', 'x/map.xlsx', '--format', 'json'], {
      'x/map.xlsx': workbook(rows),
    });
    expect(code).toBe(0);
    const findings = (JSON.parse(stdout) as { findings: { code: string; message: string }[] })
      .findings;
    // the Total row's own 1800 agrees with 1200 + 600
    expect(
      findings.filter((f) => f.code === 'SHEET_FIGURES_DISAGREE').map((f) => f.message),
    ).toEqual([
      "the sheet's own impact ('Value Map'!N6 [Impact]) is 650 but sroi calculates 600, a difference of 50: find which formula or figure differs",
    ]);
    expect(stderr).toContain(
      "warning: 'Value Map'!N6 [Impact]: the sheet's own impact of outcome o2 is 650 but sroi calculates 600",
    );
  });
});

describe('sroi on a whole Value Map sheet exported as CSV', () => {
  const text = csvOf(shown(ROWS));

  it('reads Excel’s "CSV UTF-8" (a byte-order mark, CRLF, figures as shown)', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const { code, stdout, stderr } = await cli(['calculate', 'x/map.csv', '--format', 'json'], {
      'x/map.csv': bytes,
    });
    expect(code).toBe(0);
    expect(ratio(stdout)).toBe('2');
    expect(stderr).toContain(
      'note: x/map.csv: it has a stage row, settings in title rows, inputs beside the outcomes, computed columns: read as a whole Value Map sheet (docs/value-map.md)\n',
    );
  });

  it('reads Excel’s "CSV (Comma delimited)", which is Windows-1252, and says so', async () => {
    const { code, stdout, stderr } = await cli(['calculate', 'x/map.csv', '--format', 'json'], {
      'x/map.csv': new Uint8Array(Buffer.from(text, 'latin1')), // £ is the one byte 0xA3
    });
    expect(code).toBe(0);
    expect(ratio(stdout)).toBe('2');
    expect(stderr).toMatch(
      /note: x\/map\.csv: read as Windows-1252, because the bytes are not valid UTF-8 \(byte 0xA3 on line 4, column \d+\)/,
    );
    expect(stderr).not.toContain('\uFFFD');
  });

  it('reads Excel’s "Unicode Text": UTF-16 little-endian, tab-separated', async () => {
    const tabbed = csvOf(shown(ROWS), '\t');
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(tabbed, 'utf16le')]);
    const { code, stdout, stderr } = await cli(['calculate', 'x/map.txt', '--format', 'json'], {
      'x/map.txt': bytes,
    });
    expect(code).toBe(0);
    expect(ratio(stdout)).toBe('2');
    expect(stderr).toContain(
      'note: x/map.txt: read as UTF-16 little-endian, because its byte-order mark says so',
    );
  });
});

describe('sroi on a table with no column for a deduction', () => {
  const text =
    'stakeholder,outcome,quantity,proxy_value,duration,deadweight\nResidents,Warmer homes,10,100,1,0\n';

  it('says so when validating, and the result warns of each', async () => {
    const files = { 'x/outcomes.csv': new TextEncoder().encode(text) };
    const validated = await cli(['validate', 'x/outcomes.csv'], files);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain(
      'note: x/outcomes.csv: no value for displacement, attribution or drop-off (no column, or a column blank in every row): each is 0 for every outcome, and the result warns of it; fill in the column, with 0% where that is meant, to state it\n',
    );
    const calculated = await cli(['calculate', 'x/outcomes.csv', '--discount-rate', '0'], files);
    expect(calculated.code).toBe(0);
    expect(calculated.stdout).toContain(
      '  ASSUMPTION_NOT_STATED: no attribution stated (no column, or a column blank in every row): attribution is 0 for every outcome; fill in the column, with 0% where that is meant, to state it',
    );
  });
});

describe('the other commands on a Value Map', () => {
  const files = { 'x/map.xlsx': workbook() };

  it('sroi report shows a warning of the result in the report', async () => {
    const rows = ROWS.map((r, i) =>
      i === 5 ? r.map((c, j) => (j === 13 ? { f: 'E6*H6', v: 650 } : c)) : r,
    );
    const { code, stdout } = await cli(['report', 'x/map.xlsx', '--format', 'markdown'], {
      'x/map.xlsx': workbook(rows),
    });
    expect(code).toBe(0);
    expect(stdout).toContain("> **Warning:** 1 of the sheet's own figures differs from sroi's");
  });

  it('sroi sensitivity reads it as calculate does', async () => {
    const { code, stdout } = await cli(['sensitivity', 'x/map.xlsx', '--format', 'json'], files);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveProperty('switchingValues');
  });

  it('sroi export writes the analysis it holds, which calculates to the same ratio', async () => {
    const fake = fakeIo();
    fake.put('x/map.xlsx', workbook());
    expect(
      await run(['export', 'x/map.xlsx', '--format', 'json', '--out', 'x/analysis.json'], fake.io),
    ).toBe(0);
    const exported = fake.file('x/analysis.json') ?? '';
    expect(JSON.parse(exported)).toMatchObject({
      organisation: 'Friends of Oakfield',
      discount: { rate: '0' },
    });
    const again = fakeIo({ 'x/analysis.json': exported });
    expect(await run(['calculate', 'x/analysis.json', '--format', 'json'], again.io)).toBe(0);
    expect(ratio(again.out.stdout)).toBe('2');
  });
});

describe('an analysis file naming a Value Map, with "columns"', () => {
  const json = (columns: Record<string, string | number>) =>
    new TextEncoder().encode(
      JSON.stringify({ name: 'From the sheet', outcomes: 'map.xlsx', columns }, null, 2),
    );

  it('reads the workbook it names, a column mapped by its letter', async () => {
    const rows = ROWS.map((r, i) =>
      i === 3 ? r.map((c) => (c === 'Attribution %' ? 'Others' : c)) : r,
    );
    const { code, stdout } = await cli(['calculate', 'x/a.json', '--format', 'json'], {
      'x/a.json': json({ 'outcomes:attribution': 'L' }),
      'x/map.xlsx': workbook(rows),
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ name: 'From the sheet', sroiRatio: '2' });
  });

  it('locates in the file a mapping that names no column', async () => {
    const { code, stderr } = await cli(['calculate', 'x/a.json'], {
      'x/a.json': json({ 'outcomes:attribution': 'Others' }),
      'x/map.xlsx': workbook(),
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /x\/a\.json:5:\d+: columns\.outcomes:attribution: the column mapping outcomes:attribution="Others" names no column of the sheet/,
    );
  });
});
