import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliResult } from './_cli.js';
import { csvProblems } from '../../src/app/csvProblems.js';
import { csvTableKind } from '../../src/app/csvTableKind.js';
import { evaluateDocument } from '../../src/app/evaluateDocument.js';
import { documentOf, fileKind, openFiles } from '../../src/app/openFiles.js';
import { formatIssue } from '../../src/model/formatIssue.js';
import { readCsvAnalysis } from '../../src/csv/readCsvAnalysis.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';

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
    expect(issues([text('map.xlsx', 'PK')])[0]).toMatch(
      /^map\.xlsx: this version of the app does not read spreadsheet workbooks/,
    );
    expect(issues([text('notes.docx', 'x')])).toEqual([
      'notes.docx: not a file the app reads: open an analysis .json file or .csv tables',
    ]);
    expect(issues([{ name: 'latin1.csv', bytes: new Uint8Array([0x41, 0xa3, 0x31]) }])[0]).toMatch(
      /^latin1\.csv: the file is not UTF-8 text/,
    );
    expect(issues([text('a.json', '{ "name": ')])[0]).toMatch(/^a\.json: not valid JSON \(/);
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
