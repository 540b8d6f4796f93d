import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIo, root } from './_fakeIo.js';
import { calculateSroi } from '../../src/calculateSroi.js';
import { run } from '../../src/cli/run.js';
import { analysisJsonSchema } from '../../src/schema/analysisJsonSchema.js';
import packageJson from '../../package.json' with { type: 'json' };

const befriending = 'examples/befriending/analysis.json';
const befriendingJson = () =>
  JSON.parse(readFileSync(join(root, befriending), 'utf8')) as Parameters<typeof calculateSroi>[0];

async function cli(args: string[], files: Record<string, string> = {}) {
  const fake = fakeIo(files);
  const code = await run(args, fake.io);
  return { code, ...fake.out, file: fake.file, paths: fake.paths };
}

describe('run: help and version', () => {
  it('prints the version of package.json', async () => {
    expect(await cli(['--version'])).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
  });

  it('lists every command in the main help', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    for (const command of ['calculate', 'validate', 'template', 'schema'])
      expect(stdout).toContain(`  ${command} `);
  });

  it.each(['calculate', 'validate', 'template', 'schema'])(
    'prints help with an example for %s',
    async (command) => {
      const { code, stdout } = await cli([command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: sroi ${command}`));
      expect(stdout).toMatch(new RegExp(`Examples?:\\n  sroi ${command}`));
    },
  );
});

describe('run: usage errors exit 2', () => {
  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['calculate'], 'calculate needs an analysis file'],
    [
      ['calculate', befriending, '--format', 'pdf'],
      '--format must be one of text, json, markdown, csv, got "pdf"',
    ],
    [['calculate', befriending, '--colour'], "Unknown option '--colour'"],
    [['calculate', befriending, 'extra.json'], 'unexpected argument "extra.json"'],
    [
      ['calculate', 'o.csv', '--discount-rate', '3%', '--discount-schedule', 'green-book'],
      'not both',
    ],
    [['calculate', 'o.csv', '--map', 'outcome'], '--map must be written "field=Your header"'],
    [['validate'], 'validate needs an analysis file'],
    [['template', 'a', 'b'], 'unexpected argument "b"'],
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('Run "sroi --help" for usage.');
  });
});

describe('run calculate', () => {
  it('prints JSON that round-trips and equals calculateSroi on the same input', async () => {
    const { code, stdout } = await cli(['calculate', befriending, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(
      JSON.parse(JSON.stringify(calculateSroi(befriendingJson()))),
    );
  });

  it('gives the same figures from the CSV example as from its JSON twin', async () => {
    const expected = calculateSroi(befriendingJson());
    const fromFlags = await cli([
      'calculate',
      'examples/befriending/outcomes.csv',
      '--inputs',
      'examples/befriending/inputs.csv',
      '--price-year',
      '2023-24',
      '--format',
      'json',
    ]);
    const fromFile = await cli([
      'calculate',
      'examples/befriending/analysis-csv.json',
      '--format',
      'json',
    ]);
    for (const run of [fromFlags, fromFile]) {
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout) as typeof expected;
      expect(result.totalPresentValue).toBe(expected.totalPresentValue);
      expect(result.totalInputs).toBe(expected.totalInputs); // hand-computed: 24,000 + 6,000 = 30000
      expect(result.sroiRatio).toBe(expected.sroiRatio);
      expect(result.outcomes.map((o) => o.presentValue)).toEqual(
        expected.outcomes.map((o) => o.presentValue),
      );
    }
    expect(fromFlags.stderr).toBe(
      'examples/befriending/outcomes.csv: 3 rows read, 3 used, 0 rejected (header on line 1, delimiter ",")\n' +
        'examples/befriending/inputs.csv: 2 rows read, 2 used, 0 rejected (header on line 1, delimiter ",")\n',
    );
  });

  it('names a CSV analysis after its folder and prints a readable summary', async () => {
    const { code, stdout } = await cli([
      'calculate',
      'examples/befriending/outcomes.csv',
      '--inputs',
      'examples/befriending/inputs.csv',
      '--price-year',
      '2023-24',
    ]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('befriending (GBP, 2023-24 prices)');
    // The Befriending example's ratio is 2.01 (60,258.52 / 30,000), as `sroi calculate analysis.json` prints.
    expect(stdout).toContain('SROI ratio            2.01 : 1');
  });

  it('says so when proxies carry price years but no price base is given', async () => {
    const { code, stderr } = await cli([
      'calculate',
      'examples/befriending/outcomes.csv',
      '--inputs',
      'examples/befriending/inputs.csv',
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain(
      'note: examples/befriending/outcomes.csv: 2 rows give a proxy_price_year but the analysis has no price year, so no proxy is rebased',
    );
  });

  it('applies settings flags over the file: --discount-rate, --name, --currency', async () => {
    const { code, stdout } = await cli([
      'calculate',
      'fixtures/csv/02-bom-crlf/outcomes.csv',
      '--inputs',
      'fixtures/csv/02-bom-crlf/inputs.csv',
      '--discount-rate',
      '0',
      '--name',
      'Flags',
      '--currency',
      'eur',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    // hand-computed: 10 × 100 × 2 years undiscounted = 2000; 2000 / 1000 = 2
    expect(result).toMatchObject({
      name: 'Flags',
      currency: 'EUR',
      totalPresentValue: '2000',
      sroiRatio: '2',
    });
  });

  it('reads per-year rates written 10%/0%', async () => {
    const { stdout } = await cli([
      'calculate',
      'fixtures/csv/02-bom-crlf/outcomes.csv',
      '--discount-rate',
      '10%/0%',
      '--format',
      'json',
    ]);
    const years = (JSON.parse(stdout) as { years: { discountFactor: string }[] }).years;
    // hand-computed: DF(1) = 1/1.1; DF(2) = DF(1)/1.0, the same
    expect(years.map((y) => y.discountFactor)).toEqual([
      '0.9090909090909090909090909090909091',
      '0.9090909090909090909090909090909091',
    ]);
  });

  it('reads a header of its own with --map', async () => {
    const { code, stdout } = await cli([
      'calculate',
      'fixtures/csv/24-column-mapping/outcomes.csv',
      '--discount-rate',
      '0',
      '--format',
      'json',
      '--map',
      'stakeholder=Who',
      '--map',
      'outcome=Result',
      '--map',
      'quantity=Count',
      '--map',
      'proxy_value=Unit cost',
      '--map',
      'duration=Years',
    ]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { totalPresentValue: string }).totalPresentValue).toBe('1000'); // hand-computed: 4 × 250
  });

  it('exits 1 and prints every issue of a bad file, one per line, with nothing on stdout', async () => {
    const file = 'fixtures/csv/39-many-problems-at-once/outcomes.csv';
    const { code, stdout, stderr } = await cli(['calculate', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      `${file}: 3 rows read, 0 used, 3 rejected (header on line 1, delimiter ",")`,
      `${file}: 5 problems found`,
      `  ${file}:2 [outcome]: outcome is required`,
      `  ${file}:3 [quantity]: quantity must be a number, got "lots": it is not a number (write digits, e.g. 1200, 1,200.50, £1,200, 25% or (1,200))`,
      `  ${file}:3 [deadweight]: deadweight must be a fraction from 0 to 1, got "25" (write 25% or 0.25)`,
      `  ${file}:4 [proxy_value]: proxy.value must be an amount of money, got "#REF!": the cell holds a spreadsheet error; fix the formula that produced it`,
      `  ${file}:4 [duration]: duration must be a number of years greater than 0 and at most 1000, got "0"`,
      '',
    ]);
  });

  it('exits 1 for a setting flag with a bad value, with the hint', async () => {
    const { code, stderr } = await cli([
      'calculate',
      'fixtures/csv/02-bom-crlf/outcomes.csv',
      '--discount-rate',
      '35',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'discount.rate must be a fraction from 0 to 1, got "35" (write 35% or 0.35)',
    );
  });

  it('exits 1 with a located message for a missing file or broken JSON', async () => {
    expect(await cli(['calculate', 'nowhere.csv'])).toMatchObject({
      code: 1,
      stderr: 'sroi: cannot read nowhere.csv: no such file\n',
    });
    const broken = await cli(['calculate', 'broken.json'], {
      'broken.json': '{\n  "name": "x",\n}',
    });
    expect(broken.code).toBe(1);
    // The "}" after the trailing comma is line 3, column 1.
    expect(broken.stderr).toBe(
      'broken.json: 1 problem found\n  broken.json:3:1: (root): expected another field after the comma (JSON allows no comma before "}"), got "}"\n',
    );
    const missingCsv = await cli(['calculate', 'a/analysis.json'], {
      'a/analysis.json': '{ "name": "x", "outcomes": "gone.csv" }',
    });
    expect(missingCsv).toMatchObject({
      code: 1,
      stderr: 'sroi: cannot read a/gone.csv: no such file\n',
    });
  });

  it('writes --out and leaves stdout empty', async () => {
    const { code, stdout, stderr, file } = await cli([
      'calculate',
      befriending,
      '--format',
      'json',
      '--out',
      'out/result.json',
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('wrote out/result.json\n');
    expect(JSON.parse(file('out/result.json') ?? '')).toMatchObject({ totalInputs: '30000' });
  });

  it('writes CSV that a spreadsheet opens safely: formulas neutralised, negatives still numbers', async () => {
    const outcomes =
      'stakeholder,outcome,quantity,proxy_value,duration\n=cmd|calc,@SUM(A1),1,(250),1\n';
    const { code, stdout } = await cli(
      ['calculate', 'x/outcomes.csv', '--format', 'csv', '--discount-rate', '0'],
      { 'x/outcomes.csv': outcomes },
    );
    expect(code).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe('section,id,name,year,figure,value');
    expect(lines).toContain('summary,,x,,totalPresentValue,-250'); // hand-computed: 1 × (−250), undiscounted
    expect(lines).toContain("outcome,o1,'=cmd|calc: @SUM(A1),,presentValue,-250");
    expect(lines).toContain("stakeholder,'=cmd|calc,'=cmd|calc,,presentValue,-250");
    expect(stdout).not.toMatch(/(^|,)[=@]/m);
  });

  it('renders markdown with the impact map', async () => {
    const { code, stdout } = await cli(['calculate', befriending, '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Befriending service 2024/);
  });
});

describe('run validate', () => {
  it('exits 0 and prints the row accounting for a good analysis', async () => {
    const { code, stdout } = await cli(['validate', 'examples/befriending/analysis-csv.json']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'examples/befriending/outcomes.csv: 3 rows read, 3 used, 0 rejected (header on line 1, delimiter ",")\n' +
        'examples/befriending/inputs.csv: 2 rows read, 2 used, 0 rejected (header on line 1, delimiter ",")\n' +
        'examples/befriending/analysis-csv.json: no problems found\n',
    );
  });

  it('exits 1 and lists every problem and note on stdout', async () => {
    const file = 'fixtures/csv/07-lookalike-column/outcomes.csv';
    const { code, stdout, stderr } = await cli(['validate', file]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain(`${file}: 1 row read, 0 used, 1 rejected`);
    expect(stdout).toContain(
      `  ${file}:1 [Deadwieght]: unknown column "Deadwieght": did you mean deadweight?`,
    );
  });

  it('prints notes for ignored columns', async () => {
    const file = 'fixtures/csv/06-unknown-column/outcomes.csv';
    const { code, stdout } = await cli(['validate', file]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      `note: ${file}:1 [Notes]: column "Notes" (column 7) is ignored: it is not a column sroi reads`,
    );
  });

  it('prints JSON with --format json', async () => {
    const { code, stdout } = await cli([
      'validate',
      'fixtures/csv/34-negative-input/outcomes.csv',
      '--inputs',
      'fixtures/csv/34-negative-input/inputs.csv',
      '--format',
      'json',
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { valid: boolean; issues: unknown[]; tables: unknown[] };
    expect(report.valid).toBe(false);
    expect(report.issues).toMatchObject([
      {
        code: 'out_of_range',
        file: 'fixtures/csv/34-negative-input/inputs.csv',
        line: 3,
        column: 'value',
        received: '(500)',
      },
    ]);
    expect(report.tables).toMatchObject([
      { rowsRead: 1, rowsUsed: 1, rowsRejected: 0 },
      { rowsRead: 2, rowsUsed: 1, rowsRejected: 1 },
    ]);
  });

  it('validates a JSON analysis with issues by JSON path and file:line:column', async () => {
    const text = JSON.stringify({
      name: 'x',
      outcomes: [
        {
          stakeholder: 'a',
          outcome: 'b',
          quantity: 1,
          proxy: { value: 1 },
          duration: 1,
          dropOff: 50,
        },
      ],
    });
    const { code, stdout } = await cli(['validate', 'bad.json'], { 'bad.json': text });
    // One line; the value 50 is the text's only "50", at its index + 1.
    const column = text.indexOf('50') + 1;
    expect(code).toBe(1);
    expect(stdout).toBe(
      `bad.json: 1 problem found\n  bad.json:1:${column}: outcomes[0].dropOff: dropOff must be a fraction from 0 to 1, got 50 (write 50% or 0.5)\n`,
    );
  });
});

describe('run template', () => {
  it('writes the three files, which hold nothing to value until a row is filled in', async () => {
    const first = await cli(['template', 'mine']);
    expect(first.code).toBe(0);
    expect(first.paths()).toEqual(['mine/analysis.json', 'mine/inputs.csv', 'mine/outcomes.csv']);
    const files = Object.fromEntries(first.paths().map((p) => [p, first.file(p) ?? '']));
    const check = await cli(['validate', 'mine/analysis.json'], files);
    // A blank template has no data rows: an issue (nothing to value), not a ratio of zero.
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('mine/outcomes.csv: 0 rows read, 0 used, 0 rejected');
    expect(check.stdout).toContain(
      'the outcomes table has no data rows, so there is nothing to value',
    );
    expect(check.stdout).toMatch(
      /note: mine\/outcomes\.csv: 2 comment rows \(starting with #\) skipped, on lines \d+, \d+/,
    );
  });

  it('gives the example figures once the example rows are uncommented', async () => {
    const made = await cli(['template', 'mine']);
    const files = Object.fromEntries(
      made
        .paths()
        .map((p) => [p, (made.file(p) ?? '').replace(/\r\n# (Older people|Council)/, '\r\n$1')]),
    );
    const { code, stdout } = await cli(
      ['calculate', 'mine/analysis.json', '--format', 'json'],
      files,
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { totalPresentValue: string; totalInputs: string };
    // Python decimal (34 digits): 24000/1.035 + 12000/1.035**2 + 6000/1.035**3
    // (40 × 1000 × 0.8 × 0.75 = 24000, then 50% drop-off a year, 3.5% discount)
    expect(result.totalPresentValue).toBe('39802.19043550641771695076170752636');
    expect(result.totalInputs).toBe('24000');
  });

  it('does not overwrite files unless --force', async () => {
    const existing = { 'mine/outcomes.csv': 'keep me' };
    const refused = await cli(['template', 'mine'], existing);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'sroi: mine/outcomes.csv already exists; use --force to overwrite\n',
    );
    expect(refused.file('mine/outcomes.csv')).toBe('keep me');
    const forced = await cli(['template', 'mine', '--force'], existing);
    expect(forced.code).toBe(0);
    expect(forced.file('mine/outcomes.csv')).toMatch(/^stakeholder,outcome,/);
  });
});

describe('run schema', () => {
  it('prints the JSON Schema of the analysis', async () => {
    const { code, stdout } = await cli(['schema']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(analysisJsonSchema());
  });

  it('writes it with --out', async () => {
    const { code, stdout, file } = await cli(['schema', '--out', 'schema.json']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(file('schema.json') ?? '')).toEqual(analysisJsonSchema());
  });
});
