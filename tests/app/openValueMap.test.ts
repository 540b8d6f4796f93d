/**
 * The app opens a charity's Value Map as it is — an .xlsx workbook, or the whole sheet exported
 * as CSV — as the CLI opens it: the same figures, the same notes and warnings, the same problems
 * at their cells, and a document that keeps every field the reader read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/calc/_decimal.js';
import { run } from '../../src/cli/run.js';
import { evaluateDocument } from '../../src/app/evaluateDocument.js';
import { formatNote, openFiles } from '../../src/app/openFiles.js';
import { readCsvAnalysis } from '../../src/csv/readCsvAnalysis.js';
import { formatJsonIssue } from '../../src/json/formatJsonIssue.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { readValueMap } from '../../src/valuemap/readValueMap.js';
import { decodeText } from '../../src/workbook/decodeText.js';
import { readWorkbook } from '../../src/workbook/readWorkbook.js';
import { sniffBytes } from '../../src/workbook/sniffBytes.js';
import { fakeIo } from '../cli/_fakeIo.js';
import type { OpenedFiles } from '../../src/app/openFiles.js';
import type { SroiResult } from '../../src/model/result.js';

const root = join(__dirname, '..', '..');
const bytesOf = (path: string) => new Uint8Array(readFileSync(join(root, path)));

/** What `sroi calculate FILE --format json` prints, run in FILE's folder so that names match. */
async function cli(dir: string, file: string, files: Record<string, string> = {}) {
  const fake = fakeIo(files);
  const code = await run(['calculate', file, '--format', 'json'], { ...fake.io, cwd: dir });
  const lines = fake.out.stderr.split('\n');
  return {
    code,
    result: code === 0 ? (JSON.parse(fake.out.stdout) as SroiResult) : undefined,
    notes: lines.filter((line) => /^(note|warning): /.test(line)),
    problems: lines.filter((line) => line.startsWith('  ')).map((line) => line.slice(2)),
  };
}

/** The figures of the map as the app opened it. */
function resultOf(opened: OpenedFiles): SroiResult {
  if (opened.document === undefined) {
    throw new Error(opened.issues.map(formatJsonIssue).join('\n'));
  }
  const evaluation = evaluateDocument(opened.document);
  if (!evaluation.ok) throw new Error(evaluation.issues.map(formatJsonIssue).join('\n'));
  return evaluation.result;
}

/** The library's own read of a case, routed as the CLI routes it (tests/valuemap/corpus.test.ts). */
function libraryRead(bytes: Uint8Array, file: string) {
  if (sniffBytes(bytes) !== 'text') {
    const read = readWorkbook(bytes);
    if (read.workbook === undefined) throw new Error(JSON.stringify(read.issues));
    return readValueMap({ workbook: { workbook: read.workbook, issues: read.issues } });
  }
  return readValueMap({ csv: { file, text: decodeText(bytes).text } });
}

/** |actual − expected| ≤ 1e-20 × |expected|: the corpus's figures have 25 significant digits. */
function expectFigure(actual: string | null, expected: string, what: string): void {
  const gap = new Dec(actual ?? 'NaN').minus(expected).abs();
  expect(gap.lte(new Dec(expected).abs().times('1e-20')), `${what}: ${actual} vs ${expected}`).toBe(
    true,
  );
}

describe('openFiles opens the LWTC Value Map workbook (fixtures/living-well-taking-control)', () => {
  const dir = join(root, 'fixtures/living-well-taking-control');
  const opened = openFiles([
    {
      name: 'value-map.xlsx',
      bytes: bytesOf('fixtures/living-well-taking-control/value-map.xlsx'),
    },
  ]);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
    figures: Record<string, { value: string; decimals: number }>;
  };

  it('gives the published figures (expected.json: UWE Bristol’s report, p.69)', () => {
    expect(opened.issues).toEqual([]);
    const result = resultOf(opened);
    // each published figure as the report rounds it: 1 : 5.80, £699,154.05, £120,508.75 …
    for (const name of ['sroiRatio', 'totalPresentValue', 'totalInputs', 'netPresentValue']) {
      const figure = expected.figures[name];
      if (figure === undefined) throw new Error(`expected.json has no ${name}`);
      const value = result[name as keyof SroiResult] as string;
      expect(new Dec(value).toFixed(figure.decimals), name).toBe(figure.value);
    }
  });

  it('says what it read as the CLI says it: each note, and each table’s rows', async () => {
    const said = await cli(dir, 'value-map.xlsx');
    expect(said.code).toBe(0);
    expect(opened.notes.map(formatNote)).toEqual(said.notes);
    // the settings the title rows gave, among them the discount rate (B4: 0.035)
    expect(said.notes).toContainEqual(
      expect.stringMatching(/^note: 'Value Map'!B4 \[Discount rate\]/),
    );
    expect(opened.tables.map((t) => [t.file, t.rowsRead, t.rowsUsed, t.totalRows])).toEqual([
      ["'Value Map'", 15, 15, 1],
      ["'Value Map'", 2, 2, 1],
    ]);
    expect(opened.warnings).toEqual([]);
    expect(resultOf(opened).sroiRatio).toBe(said.result?.sroiRatio);
  });

  it('keeps the sheet’s settings in the document, as one would type them', () => {
    expect(opened.document).toMatchObject({
      name: 'Living Well, Taking Control (Westbank, June 2013 – December 2014): the UWE Bristol SROI',
      currency: 'GBP',
      // the sheet's B4 holds 0.035
      discount: { rate: '3.5%', timing: 'end' },
      horizon: 3,
    });
  });
});

interface CorpusCase {
  readonly file: string;
  readonly exit: number;
  readonly figures?: Readonly<Record<string, string>>;
  readonly warnings?: readonly string[];
  readonly sheetFiguresDiffer?: readonly string[];
  readonly issues?: readonly string[];
}

const corpus = join(root, 'fixtures/valuemap');
const cases = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const dir = join(corpus, entry.name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as CorpusCase;
    return { name: entry.name, dir, expected };
  });

describe('openFiles opens every file of the Value Map corpus (fixtures/valuemap)', () => {
  it('has cases to open', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  describe.each(cases)('$name', ({ dir, expected }) => {
    const bytes = new Uint8Array(readFileSync(join(dir, expected.file)));
    const opened = openFiles([{ name: expected.file, bytes }]);

    it('opens it, or refuses it with each problem at its cell (expected.json)', () => {
      expect(opened.document !== undefined).toBe(expected.exit === 0);
      expect(opened.issues.map(formatJsonIssue)).toEqual(expected.issues ?? []);
    });

    it('says what the CLI says: every note and warning, every problem, the same words', async () => {
      const said = await cli(dir, expected.file);
      expect(said.code).toBe(expected.exit);
      expect(opened.notes.map(formatNote)).toEqual(said.notes);
      expect(opened.issues.map(formatJsonIssue)).toEqual(said.problems);
    });

    if (expected.figures !== undefined) {
      const figures = expected.figures;
      it('gives the figures worked out independently (decimal.js in scripts/make-valuemap-corpus.ts)', () => {
        const result = resultOf(opened);
        for (const [name, value] of Object.entries(figures)) {
          expectFigure(result[name as keyof SroiResult] as string, value, name);
        }
      });

      it('warns of what the CLI warns of: unstated assumptions, and the sheet’s figures that differ', async () => {
        const warnings = [...resultOf(opened).warnings, ...opened.warnings];
        const differ = expected.sheetFiguresDiffer ?? [];
        expect(
          warnings
            .filter((w) => w.code !== 'SHEET_FIGURES_DISAGREE')
            .map((w) => `${w.code}: ${w.message}`),
        ).toEqual(expected.warnings ?? []);
        expect(opened.warnings.map((w) => w.code)).toEqual(
          differ.length === 0 ? [] : ['SHEET_FIGURES_DISAGREE'],
        );
        // one warning line at each cell of the sheet whose figure differs
        const cells = opened.notes
          .filter((n) => n.warning === true)
          .map((n) => (n.line === undefined ? n.file : `${n.file}:${n.line} [${n.column ?? ''}]`));
        expect(cells).toEqual(differ);
        expect((await cli(dir, expected.file)).result?.warnings).toEqual(warnings);
      });

      it('keeps everything the reader read: the document validates to the library’s analysis', () => {
        const read = libraryRead(bytes, expected.file);
        if (!read.success || opened.document === undefined) throw new Error('does not read');
        expect(parseAnalysis(opened.document)).toEqual(read.analysis);
      });
    }
  });
});

describe('openFiles shows a Value Map CSV’s problems at their cells, as the CLI does', () => {
  const dir = join(root, 'fixtures/valuemap/excel-csv-utf8');
  const text = readFileSync(join(dir, 'value-map.csv'), 'utf8');
  const lines = text.split('\r\n');
  // Line 11 is the first outcome (o1, Less isolated: deadweight 20.0%); make it 120%.
  const line11 = lines[10] ?? '';
  const broken = [...lines.slice(0, 10), line11.replace(',20.0%,', ',120.0%,'), ...lines.slice(11)];

  it('refuses it, with the problem at its line and column, in the CLI’s words', async () => {
    expect(line11).toContain(',20.0%,');
    const changed = broken.join('\r\n');
    const opened = openFiles([{ name: 'broken.csv', bytes: new TextEncoder().encode(changed) }]);
    expect(opened.document).toBeUndefined();
    const problems = opened.issues.map(formatJsonIssue);
    expect(problems).toEqual([
      'broken.csv:11 [Deadweight %]: deadweight must be a fraction from 0 to 1 (0% to 100%), got "120.0%"',
    ]);
    const said = await cli(dir, 'broken.csv', {
      'fixtures/valuemap/excel-csv-utf8/broken.csv': changed,
    });
    expect(said.code).toBe(1);
    expect(problems).toEqual(said.problems);
    expect(opened.notes.map(formatNote)).toEqual(said.notes);
  });
});

describe('openFiles opens a Value Map with the files that go with it', () => {
  const map = {
    name: 'value-map.xlsx',
    bytes: bytesOf('fixtures/valuemap/xlsx-as-kept/value-map.xlsx'),
  };

  it('routes a workbook by its bytes, whatever its name', () => {
    const renamed = openFiles([{ ...map, name: 'export.dat' }]);
    const named = openFiles([map]);
    expect(renamed.issues).toEqual([]);
    expect(resultOf(renamed).sroiRatio).toBe(resultOf(named).sroiRatio);
  });

  it('opens the map an analysis file names, its settings replacing the sheet’s', () => {
    const settings = {
      name: 'analysis.json',
      bytes: new TextEncoder().encode(
        JSON.stringify({ name: 'Renamed', outcomes: 'value-map.xlsx', discount: { rate: '0' } }),
      ),
    };
    const opened = openFiles([settings, map]);
    expect(opened.issues).toEqual([]);
    expect(opened.document).toMatchObject({ name: 'Renamed', discount: { rate: '0' } });
    // fixtures/valuemap/README.md: at a rate of 0, the present value is the sum of the year
    // values, 60166 + 35166 + 11184 = 106516, over inputs of 46140
    expect(resultOf(opened).totalPresentValue).toBe('106516');
  });

  it('refuses two maps at once, or a map with an outcomes table, saying why', () => {
    const outcomes = {
      name: 'outcomes.csv',
      bytes: bytesOf('examples/befriending/outcomes.csv'),
    };
    expect(openFiles([map, outcomes]).issues.map(formatJsonIssue)).toEqual([
      'outcomes.csv: value-map.xlsx and outcomes.csv each hold outcomes (value-map.xlsx a whole Value Map): open one map at a time, with at most one inputs table',
    ]);
    expect(openFiles([map, { ...map, name: 'copy.xlsx' }]).issues.map(formatJsonIssue)).toEqual([
      'copy.xlsx: value-map.xlsx and copy.xlsx each hold outcomes (value-map.xlsx and copy.xlsx a whole Value Map): open one map at a time, with at most one inputs table',
    ]);
  });

  it('reports a file that is not a workbook as the workbook reader does', () => {
    const legacy = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const read = readWorkbook(legacy);
    expect(openFiles([{ name: 'old.xls', bytes: legacy }]).issues.map(formatJsonIssue)).toEqual(
      read.issues.map((issue) => `old.xls: ${issue.message}`),
    );
  });
});

describe('openFiles keeps every field of a CSV table', () => {
  it('keeps the outputs, the evidence and the assumptions a table does not state', () => {
    const text = [
      'stakeholder,output,outcome,quantity,proxy_value,duration,deadweight,evidence_quantity,evidence_deadweight',
      'Older people,Weekly visits,Less isolated,10,£100,1,20%,Register of visits,ONS survey 2023',
      '',
    ].join('\n');
    const opened = openFiles([{ name: 'outcomes.csv', bytes: new TextEncoder().encode(text) }]);
    expect(opened.issues).toEqual([]);
    expect(opened.document).toMatchObject({
      // no displacement, attribution or drop-off column: not stated, and the result says so
      notStated: ['displacement', 'attribution', 'dropOff'],
      outcomes: [
        {
          output: 'Weekly visits',
          evidence: { quantity: 'Register of visits', deadweight: 'ONS survey 2023' },
        },
      ],
    });
    const read = readCsvAnalysis({
      outcomes: { file: 'outcomes.csv', text },
      settings: { name: 'outcomes' },
    });
    if (!read.success) throw new Error('does not read');
    expect(parseAnalysis(opened.document ?? {})).toEqual(read.analysis);
    // one warning for each of the three (the table has no inputs either: ZERO_INPUTS)
    expect(resultOf(opened).warnings.map((w) => w.code)).toEqual([
      'ASSUMPTION_NOT_STATED',
      'ASSUMPTION_NOT_STATED',
      'ASSUMPTION_NOT_STATED',
      'ZERO_INPUTS',
    ]);
    expect(opened.notes.map(formatNote)).toContainEqual(
      expect.stringMatching(
        /^note: outcomes\.csv: no value for displacement, attribution or drop-off \(no column, or a column blank in every row\): each is 0/,
      ),
    );
  });
});
