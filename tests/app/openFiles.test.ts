import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliResult } from './_cli.js';
import { csvProblems } from '../../src/app/csvProblems.js';
import { csvTableKind } from '../../src/app/csvTableKind.js';
import { evaluateDocument } from '../../src/app/evaluateDocument.js';
import { documentOf, fileKind, openFiles } from '../../src/app/openFiles.js';
import { formatJsonIssue as formatIssue } from '../../src/json/formatJsonIssue.js';
import { readCsvAnalysis } from '../../src/csv/readCsvAnalysis.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/_fakeIo.js';

const root = join(__dirname, '..', '..');
const file = (path: string, name = path.split('/').pop() ?? path) => ({
  name,
  bytes: new Uint8Array(readFileSync(join(root, path))),
});
const text = (name: string, content: string) => ({
  name,
  bytes: new TextEncoder().encode(content),
});

function ratioOf(opened: ReturnType<typeof openFiles>): string | null {
  if (opened.document === undefined) throw new Error(opened.issues.map(formatIssue).join('\n'));
  const evaluation = evaluateDocument(opened.document);
  if (!evaluation.ok) throw new Error(evaluation.issues.map(formatIssue).join('\n'));
  return evaluation.result.sroiRatio;
}

describe('openFiles', () => {
  it('opens an analysis JSON file as it is, and gives the CLI’s figures', async () => {
    const opened = openFiles([file('examples/befriending/analysis.json')]);
    expect(opened.document).toEqual(
      JSON.parse(readFileSync(join(root, 'examples/befriending/analysis.json'), 'utf8')),
    );
    expect(ratioOf(opened)).toBe(
      (await cliResult(['examples/befriending/analysis.json'])).sroiRatio,
    );
  });

  it.each(['befriending-pssru-2010', 'changing-minds', 'restoration-trust-2016-17'])(
    'opens the CSV tables of %s in either order and gives the CLI’s figures',
    async (fixture) => {
      const outcomes = file(`fixtures/${fixture}/outcomes.csv`);
      const inputs = file(`fixtures/${fixture}/inputs.csv`);
      const settings = file(`fixtures/${fixture}/analysis-csv.json`);
      const cli = await cliResult([`fixtures/${fixture}/analysis-csv.json`]);
      // the analysis file naming its tables, with them
      const named = openFiles([inputs, settings, outcomes]);
      expect(named.issues).toEqual([]);
      expect(ratioOf(named)).toBe(cli.sroiRatio);
      expect(named.tables.map((t) => [t.file, t.rowsRejected])).toEqual([
        ['outcomes.csv', 0],
        ['inputs.csv', 0],
      ]);
      // the tables alone, told apart by their headers (the settings are then the defaults)
      const alone = openFiles([inputs, outcomes]);
      const cliAlone = await cliResult([
        `fixtures/${fixture}/outcomes.csv`,
        '--inputs',
        `fixtures/${fixture}/inputs.csv`,
      ]);
      expect(ratioOf(alone)).toBe(cliAlone.sroiRatio);
    },
  );

  it('reads the example’s tables into a document that validates to the CSV reader’s analysis', () => {
    const outcomes = readFileSync(join(root, 'examples/befriending/outcomes.csv'), 'utf8');
    const inputs = readFileSync(join(root, 'examples/befriending/inputs.csv'), 'utf8');
    const settings = { name: 'befriending', priceYear: '2023-24' };
    const read = readCsvAnalysis({
      outcomes: { file: 'outcomes.csv', text: outcomes },
      inputs: { file: 'inputs.csv', text: inputs },
      settings,
    });
    if (!read.success) throw new Error('the example does not read');
    const document = documentOf(read.analysis, settings);
    expect(parseAnalysis(document)).toEqual(read.analysis);
    // fractions as people type them
    expect((document['outcomes'] as { deadweight: string }[])[0]?.deadweight).toBe('20%');
  });

  it('reports a CSV file’s problems as the CLI does, with its row accounting', () => {
    const opened = openFiles([file('fixtures/csv/08-deadweight-25/outcomes.csv')]);
    expect(opened.document).toBeUndefined();
    expect(opened.issues.map(formatIssue)).toEqual([
      'outcomes.csv:3 [deadweight]: deadweight must be a fraction from 0 to 1, got "25" (write 25% or 0.25)',
    ]);
    // fixtures/csv/08-deadweight-25/expected.json: 2 rows read, 1 used, 1 rejected
    expect(opened.tables).toMatchObject([{ rowsRead: 2, rowsUsed: 1, rowsRejected: 1 }]);
    expect(opened.csvTexts.has('outcomes.csv')).toBe(true);
  });

  it('says which files it cannot use, and why', () => {
    const issues = (files: Parameters<typeof openFiles>[0]) =>
      openFiles(files).issues.map(formatIssue);
    // a workbook's name on a file that is not one: the workbook reader says why
    expect(issues([text('map.xlsx', 'PK')])[0]).toMatch(
      /^map\.xlsx: the file is not an \.xlsx workbook/,
    );
    expect(issues([text('notes.docx', 'x')])).toEqual([
      'notes.docx: not a file the app reads: open an analysis .json file, a Value Map (.xlsx, or its sheet as .csv) or .csv tables',
    ]);
    expect(issues([{ name: 'cp1252.json', bytes: new Uint8Array([0x7b, 0xa3, 0x7d]) }])).toEqual([
      'cp1252.json: the file is not UTF-8 text (it reads as Windows-1252), and an analysis file is JSON, which is always UTF-8: save it again as UTF-8',
    ]);
    expect(issues([text('a.json', '[1]')])).toEqual([
      'a.json: an analysis file must hold a JSON object, got a list',
    ]);
    expect(issues([text('a.json', '{"name":"x","outcomes":"outcomes.csv"}')])).toEqual([
      'a.json: it names "outcomes.csv": open that file together with a.json',
    ]);
    expect(issues([file('examples/befriending/inputs.csv')])[0]).toMatch(
      /^inputs\.csv: this is an inputs table \(by its header\); open the outcomes table with it/,
    );
    expect(
      issues([
        file('examples/befriending/outcomes.csv'),
        file('fixtures/changing-minds/outcomes.csv', 'o2.csv'),
      ])[0],
    ).toMatch(/^o2\.csv: outcomes\.csv and o2\.csv are all outcomes tables/);
    expect(
      issues([
        file('examples/befriending/analysis.json'),
        file('examples/befriending/outcomes.csv'),
      ]),
    ).toEqual([
      'outcomes.csv: not used: analysis.json holds its outcomes and inputs itself and names no CSV table',
    ]);
  });
});

describe('openFiles reads an analysis JSON file as the CLI does', () => {
  /** The problems `sroi validate FILE` prints, one per line. */
  async function cliProblems(name: string, content: string): Promise<string[]> {
    const { io, out } = fakeIo({ [name]: content });
    expect(await run(['validate', name], io)).toBe(1);
    return `${out.stdout}${out.stderr}`
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim());
  }

  it.each([
    ['a syntax error', '{\n  "name": "x",\n  "outcomes": [\n}'],
    ['a key given twice', '{\n  "name": "x",\n  "name": "y",\n  "outcomes": []\n}'],
    ['a number out of range', '{ "name": "x", "horizon": 1e400, "outcomes": [] }'],
  ])('refuses %s with its line and column, as sroi validate prints it', async (_what, json) => {
    const opened = openFiles([text('bad.json', json)]);
    expect(opened.document).toBeUndefined();
    const lines = opened.issues.map(formatIssue);
    expect(lines[0]).toMatch(/^bad\.json:\d+:\d+: /);
    expect(lines).toEqual(await cliProblems('bad.json', json));
  });

  it('opens a file with invalid values, each problem located in the file as the CLI locates it', async () => {
    const json = JSON.stringify(
      {
        ...JSON.parse(readFileSync(join(root, 'examples/befriending/analysis.json'), 'utf8')),
        horizon: 0,
      },
      null,
      2,
    ).replace('"deadweight": "20%"', '"deadweight": 20');
    const opened = openFiles([text('map.json', json)]);
    expect(opened.document).toBeDefined();
    const lines = opened.issues.map(formatIssue);
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(await cliProblems('map.json', json));
  });

  it('keeps a number beyond a double’s precision exactly as written', () => {
    const opened = openFiles([
      text(
        'big.json',
        '{ "name": "x", "inputs": [{ "description": "Grant", "value": 12345678901234567890.12 }] }',
      ),
    ]);
    const inputs = opened.document?.['inputs'] as { value: unknown }[];
    expect(inputs[0]?.value).toBe('12345678901234567890.12'); // JSON.parse would round it
  });
});

describe('openFiles decodes CSV files as spreadsheets save them', () => {
  const utf8 = readFileSync(join(root, 'fixtures/csv/22-currency-thousands/outcomes.csv'), 'utf8');
  /** The table's bytes in Windows-1252: its text is ASCII but for £ (0xA3 in Windows-1252). */
  const cp1252 = Uint8Array.from(utf8, (c) => (c === '£' ? 0xa3 : c.charCodeAt(0)));

  it.each([
    ['UTF-8', new TextEncoder().encode(utf8), undefined],
    [
      'UTF-8 with a byte-order mark',
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(utf8)]),
      undefined,
    ],
    [
      'Windows-1252',
      cp1252,
      /^read as Windows-1252, because the bytes are not valid UTF-8 \(byte 0xA3 on line 2, column 31\)/,
    ],
    [
      'UTF-16 with a byte-order mark',
      new Uint8Array([0xff, 0xfe, ...Array.from(utf8).flatMap((c) => [c.charCodeAt(0), 0])]),
      /UTF-16/,
    ],
  ])('reads %s to the same figures, saying how it was read', (_what, bytes, note) => {
    const opened = openFiles([{ name: 'outcomes.csv', bytes }]);
    expect(opened.issues).toEqual([]);
    const evaluation = evaluateDocument(opened.document ?? {});
    // fixtures/csv/22-currency-thousands/expected.json: 2 × 1,200.50 + 1,000 × 10 = 12,401 at a
    // rate of 0; here at the default 3.5%, 12,401 / 1.035 (Python's decimal at 34 digits)
    expect(evaluation.ok && evaluation.result.totalPresentValue).toBe(
      '11981.64251207729468599033816425121',
    );
    // the table has no displacement, attribution or drop-off column, which the CLI notes too
    const notStated = {
      file: 'outcomes.csv',
      message: expect.stringMatching(
        /^no value for displacement, attribution or drop-off \(no column, or a column blank in every row\): each is 0/,
      ) as unknown as string,
    };
    if (note === undefined) expect(opened.notes).toEqual([notStated]);
    else
      expect(opened.notes).toEqual([
        { file: 'outcomes.csv', message: expect.stringMatching(note) as unknown as string },
        notStated,
      ]);
  });
});

describe('fileKind', () => {
  it.each([
    ['analysis.JSON', 'analysis'],
    ['outcomes.csv', 'csv'],
    ['export.tsv', 'csv'],
    ['map.xlsx', 'workbook'],
    ['README', 'unknown'],
  ] as const)('%s is %s', (name, kind) => {
    expect(fileKind(name)).toBe(kind);
  });
});

describe('csvTableKind', () => {
  it.each([
    ['the canonical inputs header', 'stakeholder,description,kind,value,year\n', 'inputs'],
    [
      'the canonical outcomes header',
      'stakeholder,outcome,quantity,proxy_value,duration\n',
      'outcomes',
    ],
    [
      'Value Map titles under a title row',
      'My charity\nStakeholders,Outcomes,Quantity,Value in currency,Duration\n',
      'outcomes',
    ],
    ['an inputs table with the Value Map’s "Value £"', 'Inputs,Value £\nGrant,100\n', 'inputs'],
    ['a header naming nothing', 'a,b,c\n1,2,3\n', 'outcomes'],
  ])('tells %s', (_what, header, kind) => {
    expect(csvTableKind(header, 'table.csv')).toBe(kind);
  });
});

describe('csvProblems', () => {
  it('places each problem of a malformed file at its row and cell', () => {
    const path = 'fixtures/csv/39-many-problems-at-once/outcomes.csv';
    const opened = openFiles([file(path)]);
    const csv = readFileSync(join(root, path), 'utf8');
    const placed = csvProblems(csv, 'outcomes.csv', 'outcomes', opened.issues);
    if (placed === undefined) throw new Error('no problems placed');
    let marks = 0;
    for (const row of [placed.header, ...placed.rows]) {
      for (const [position, issues] of row.marks) {
        marks += issues.length;
        for (const issue of issues) {
          // each placed problem is at the line it names, in the column it names
          if (row !== placed.header) expect(row.line).toBeLessThanOrEqual(issue.line ?? 0);
          if (position >= 0) expect(placed.header.cells[position]).toBe(issue.column);
        }
      }
    }
    expect(opened.issues.length).toBeGreaterThan(3); // fixtures/csv/39-many-problems-at-once/expected.json
    expect(marks).toBe(opened.issues.length); // every problem placed, none twice
  });
});
