/**
 * The CLI's edges with a fake I/O: outputs replaced atomically, files read once, names as data,
 * text made safe for the terminal, and JSON issues located in their file.
 */
import { describe, expect, it } from 'vitest';
import { fakeIo } from './_fakeIo.js';
import { terminalSafe } from '../../src/cli/_terminal.js';
import { run } from '../../src/cli/run.js';
import { smallAnalysis } from '../sensitivity/_smallAnalysis.js';
import type { FakeIoOptions } from './_fakeIo.js';

const befriending = 'examples/befriending/analysis.json';

async function cli(
  args: string[],
  files: Record<string, string> = {},
  options: FakeIoOptions = {},
) {
  const fake = fakeIo(files, options);
  const reads = new Map<string, number>();
  const count = (path: string) => reads.set(path, (reads.get(path) ?? 0) + 1);
  const counted = {
    ...fake.io,
    readFile: (path: string, maxBytes?: number) => {
      count(path);
      return fake.io.readFile(path, maxBytes);
    },
    readBytes: (path: string, maxBytes?: number) => {
      count(path);
      return fake.io.readBytes?.(path, maxBytes) ?? Promise.reject(new Error('no readBytes'));
    },
  };
  const code = await run(args, counted);
  return { code, ...fake.out, file: fake.file, paths: fake.paths, reads: [...reads.values()] };
}

describe('run: an output is replaced atomically', () => {
  it('keeps the old file whole when the write fails halfway, and removes the temporary file', async () => {
    const { code, stderr, file, paths } = await cli(
      ['calculate', befriending, '--format', 'json', '--out', 'out/result.json'],
      { 'out/result.json': 'the old result' },
      { failWrite: (path) => path.includes('sroi-tmp') },
    );
    expect(code).toBe(1);
    expect(stderr).toBe('sroi: cannot write out/result.json: the disk is full\n');
    expect(file('out/result.json')).toBe('the old result');
    expect(paths()).toEqual(['out/result.json']);
  });

  it('writes the new file in full when nothing fails', async () => {
    const { code, file, paths } = await cli(
      ['calculate', befriending, '--format', 'json', '--out', 'out/result.json'],
      { 'out/result.json': 'the old result' },
    );
    expect(code).toBe(0);
    expect(JSON.parse(file('out/result.json') ?? '')).toHaveProperty('sroiRatio');
    expect(paths()).toEqual(['out/result.json']);
  });

  it('refuses --out naming the input, whatever the command', async () => {
    const analysis = JSON.stringify(smallAnalysis);
    for (const command of ['calculate', 'report', 'sensitivity', 'validate']) {
      const args = [command, 'in/a.json', '--out', 'in/a.json'];
      const { code, stderr, file } = await cli(args, { 'in/a.json': analysis });
      if (command === 'validate') {
        // validate has no --out.
        expect(code).toBe(2);
        continue;
      }
      expect(code).toBe(1);
      expect(stderr).toBe(
        'sroi: --out in/a.json is a file this command reads; write the output to another file\n',
      );
      expect(file('in/a.json')).toBe(analysis);
    }
  });
});

describe('run template: exclusive create', () => {
  it('does not replace a file it cannot read', async () => {
    const { code, stderr, paths } = await cli(
      ['template', 'mine'],
      {},
      {
        unreadable: ['mine/analysis.json'],
      },
    );
    expect(code).toBe(1);
    expect(stderr).toBe('sroi: mine/analysis.json already exists; use --force to overwrite\n');
    expect(paths()).toEqual([]);
  });
});

describe('run: each file is read once per command', () => {
  const analysis = {
    ...smallAnalysis,
    scenarios: { low: { outcomes: { a: { deadweight: '50%' } } } },
    uncertainty: {
      draws: 50,
      parameters: [
        { outcome: 'a', parameter: 'deadweight', distribution: 'uniform', min: '0', max: '50%' },
      ],
    },
  };
  it.each([
    [['report', 'x/a.json']],
    [['simulate', 'x/a.json']],
    [['sensitivity', 'x/a.json', '--scenarios']],
    [['calculate', 'examples/befriending/analysis-csv.json']],
  ])('%j reads each of its files once', async (args) => {
    const { code, reads } = await cli(args, { 'x/a.json': JSON.stringify(analysis) });
    expect(code).toBe(0);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((count) => count === 1)).toBe(true);
  });
});

describe('run: JSON issues carry file:line:column', () => {
  const lines = [
    '{',
    '  "name": "Located",',
    '  "inputs": [{ "description": "Grant", "value": "100" }],',
    '  "outcomes": [',
    '    { "id": "a", "stakeholder": "s", "outcome": "o", "quantity": 1, "proxy": { "value": 1 }, "duration": 1 }',
    '  ],',
    '  "scenarios": { "low": { "outcomes": { "a": { "deadweight": 25 } } } },',
    '  "uncertainty": { "parameters": [{ "outcome": "zz", "parameter": "quantity", "distribution": "uniform", "min": 0, "max": 2 }] }',
    '}',
  ];
  const text = lines.join('\n');
  const at = (line: number, needle: string) =>
    `${line}:${(lines[line - 1] ?? '').indexOf(needle) + 1}`;

  it('in a scenario', async () => {
    const { code, stderr } = await cli(['sensitivity', 'x/a.json', '--scenarios'], {
      'x/a.json': text,
    });
    expect(code).toBe(1);
    expect(stderr).toContain(
      `x/a.json:${at(7, '25')}: scenarios.low.outcomes.a.deadweight: deadweight must be a fraction from 0 to 1, got 25 (write 25% or 0.25)`,
    );
  });

  it('in the uncertainty section', async () => {
    // The same file with a valid scenario: the uncertainty section is read after the analysis.
    const valid = text.replace('"deadweight": 25', '"deadweight": "25%"');
    const { code, stderr } = await cli(['simulate', 'x/a.json'], { 'x/a.json': valid });
    expect(code).toBe(1);
    expect(stderr).toMatch(`x/a.json:${at(8, '"zz"')}: uncertainty.parameters[0].outcome: `);
  });

  it('not for a setting a flag gave, whose value is not in the file', async () => {
    const { code, stdout } = await cli(['validate', 'x/a.json', '--discount-rate', '35'], {
      'x/a.json': text,
    });
    expect(code).toBe(1);
    expect(stdout).toContain(
      '\n  discount.rate: discount.rate must be a fraction from 0 to 1, got "35" (write 35% or 0.35)\n',
    );
  });
});

describe('run: names are data', () => {
  it.each([
    [
      ['calculate', befriending, '--format', '__proto__'],
      /^sroi: --format must be one of text, json, markdown, csv, got "__proto__"\n/,
    ],
    [
      ['calculate', befriending, '--format', 'constructor'],
      /--format must be one of text, json, markdown, csv, got "constructor"/,
    ],
    [['calculate', befriending, '--format', 'valueOf'], /got "valueOf"/],
    [['calculate', befriending, '--format', 'toString'], /got "toString"/],
    [
      ['report', befriending, '--format', '__proto__'],
      /--format must be one of html, markdown, got "__proto__"/,
    ],
    [
      ['sensitivity', befriending, '--format', 'hasOwnProperty'],
      /--format must be one of text, json, markdown/,
    ],
    [
      ['simulate', befriending, '--format', 'constructor'],
      /--format must be one of text, json, markdown/,
    ],
    [['validate', befriending, '--format', '__proto__'], /--format must be one of text, json/],
    [['help', '__proto__'], /^sroi: no help on "__proto__": it is not a command\n/],
    [['help', 'toString'], /no help on "toString"/],
    [['__proto__'], /^sroi: unknown command "__proto__"\n/],
    [['constructor', '--help'], /^sroi: unknown command "constructor"\n/],
    [
      ['calculate', 'examples/befriending/outcomes.csv', '--map', '__proto__=X'],
      /^sroi: --map names an unknown field "__proto__" \(one of \d+ fields, e\.g\. "id", "stakeholder", "outcome"\)/,
    ],
    [
      ['calculate', 'examples/befriending/outcomes.csv', '--map', 'constructor=X'],
      /--map names an unknown field "constructor"/,
    ],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/Run "sroi --help" for usage\.\n$/);
    expect(stdout).toBe('');
  });

  it('reads a stakeholder called "__proto__" like any other', async () => {
    const analysis = {
      ...smallAnalysis,
      outcomes: smallAnalysis.outcomes.map((o) => ({ ...o, stakeholder: '__proto__' })),
    };
    const { code, stdout } = await cli(['calculate', 'x/a.json'], {
      'x/a.json': JSON.stringify(analysis),
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}__proto__ {2}/m);
  });

  it('reports an analysis key "__proto__" as an unknown field, not a prototype', async () => {
    const { code, stdout } = await cli(['validate', 'x/a.json', '--format', 'json'], {
      'x/a.json': '{ "__proto__": { "name": "from the prototype" }, "outcomes": [] }',
    });
    expect(code).toBe(1);
    const { issues } = JSON.parse(stdout) as { issues: { code: string; path: unknown[] }[] };
    // "name" is missing: the prototype's "name" was not read as the analysis's. (The order of
    // the issues is the reader's; what matters is that these three, and only they, are there.)
    expect(issues.map((i) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ['required', ['name']],
        ['unknown_key', []],
        ['required', ['outcomes']],
      ]),
    );
    expect(issues).toHaveLength(3);
  });
});

describe('terminalSafe', () => {
  it.each([
    // ESC ] 0 ; … BEL sets the window title; ESC ] 52 writes the clipboard.
    ['Old\u001b]0;pwned\u0007 people', 'Old\\u001b]0;pwned\\u0007 people'],
    ['\u001b]52;c;ZWNobyBoaQ==\u0007', '\\u001b]52;c;ZWNobyBoaQ==\\u0007'],
    // CSI as one C1 character, and DEL.
    ['a\u009b2Jb\u007f', 'a\\u009b2Jb\\u007f'],
    // Right-to-left override: "1 : 01.2" would show reversed.
    ['ratio \u202e1 : 01.2\u202c', 'ratio \\u202e1 : 01.2\\u202c'],
    [
      '\u2066\u2067\u2068\u2069\u200e\u200f\u061c',
      '\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c',
    ],
    ['carriage\rreturn, nul\u0000', 'carriage\\u000dreturn, nul\\u0000'],
  ])('escapes %j', (text, expected) => {
    expect(terminalSafe(text)).toBe(expected);
  });

  it('leaves tabs, line feeds and ordinary text alone, and is idempotent', () => {
    const text = 'Older people\tNHS\n£1,200 — 25% · Zoë · 東京 · 😀';
    expect(terminalSafe(text)).toBe(text);
    expect(terminalSafe(terminalSafe('\u001b[2J'))).toBe('\\u001b[2J');
  });

  it('escapes every C0 and C1 control but tab and line feed, and nothing else below U+00A0', () => {
    for (let code = 0; code < 0xa0; code++) {
      const c = String.fromCharCode(code);
      const control = code < 0x20 || (code >= 0x7f && code < 0xa0);
      const kept = c === '\t' || c === '\n' || !control;
      expect(terminalSafe(c) === c, `U+${code.toString(16)}`).toBe(kept);
    }
  });
});

describe('run: text for the terminal is escaped, data formats keep their own escaping', () => {
  const hostile = {
    ...smallAnalysis,
    name: 'Evil\u001b]0;title\u0007 \u202eanalysis',
  };
  const files = { 'x/a.json': JSON.stringify(hostile) };

  it('escapes the text summary on standard output', async () => {
    const { code, stdout } = await cli(['calculate', 'x/a.json'], files);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Evil\\u001b]0;title\\u0007 \\u202eanalysis (GBP)');
  });

  it('escapes the text summary written to a file too: it is read on a terminal', async () => {
    const { code, file } = await cli(['calculate', 'x/a.json', '--out', 'x/summary.txt'], files);
    expect(code).toBe(0);
    expect(file('x/summary.txt')?.split('\n')[0]).toBe(
      'Evil\\u001b]0;title\\u0007 \\u202eanalysis (GBP)',
    );
  });

  it('leaves JSON output to JSON, which reads back as the name', async () => {
    const { code, stdout } = await cli(['calculate', 'x/a.json', '--format', 'json'], files);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { name: string }).name).toBe(hostile.name);
  });

  it('escapes messages on standard error, file names included', async () => {
    const { code, stderr } = await cli(['calculate', 'x/\u001b[31mred\u009b.json']);
    expect(code).toBe(1);
    expect(stderr).toBe('sroi: cannot read x/\\u001b[31mred\\u009b.json: no such file\n');
  });
});
