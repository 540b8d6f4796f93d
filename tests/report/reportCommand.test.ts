import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { writtenText } from '../cli/_fakeIo.js';
import { run } from '../../src/cli/run.js';
import { round } from '../../src/report/round.js';
import type { CliIo } from '../../src/cli/_io.js';

const root = join(__dirname, '..', '..');

/** A CLI I/O that reads the real files of the repository and keeps everything written. */
function fakeIo(extra: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: async (path) => extra[path] ?? (await readFile(path, 'utf8')),
    writeFile: async (path, data) => {
      written.set(path, writtenText(data));
    },
    cwd: root,
  };
  return { io, out, err, written };
}

describe('sroi report', () => {
  it('adds the Monte Carlo figures of an analysis with an uncertainty section, as sroi simulate gives them', async () => {
    const analysis = JSON.stringify({
      name: 'Uncertain',
      discount: { rate: '0' },
      inputs: [{ description: 'Grant', value: '1000' }],
      outcomes: [
        {
          id: 'a',
          stakeholder: 'A',
          outcome: 'B',
          quantity: '10',
          proxy: { value: '200' },
          duration: 1,
        },
      ],
      uncertainty: {
        seed: 3,
        draws: 500,
        parameters: [
          { outcome: 'a', parameter: 'proxy', distribution: 'uniform', min: '100', max: '300' },
        ],
      },
    });
    const path = join(root, 'uncertain.json');
    const report = fakeIo({ [path]: analysis });
    expect(await run(['report', 'uncertain.json', '-f', 'markdown'], report.io)).toBe(0);
    const simulated = fakeIo({ [path]: analysis });
    expect(await run(['simulate', 'uncertain.json', '--format', 'json'], simulated.io)).toBe(0);
    const figures = JSON.parse(simulated.out.join('')) as {
      sroiRatio: { p5: string; p95: string };
    };
    const markdown = report.out.join('');
    expect(markdown).toContain('## Appendix A. Uncertainty (Monte Carlo)');
    // ratio = 10 × proxy / 1000 with proxy uniform on 100–300, so its p5 and p95 lie near
    // 1.1 and 2.9; the report shows the simulation's own figures, rounded to 2 places.
    const p5 = Number(figures.sroiRatio.p5);
    expect(p5).toBeGreaterThan(1.05);
    expect(p5).toBeLessThan(1.2);
    expect(markdown).toContain(`| SROI ratio |`);
    expect(markdown).toContain(round(figures.sroiRatio.p95, 2));
  });

  it('writes an HTML report of an example to the file given', async () => {
    const { io, written, err } = fakeIo();
    const code = await run(['report', 'examples/befriending/analysis.json', '--out', 'r.html'], io);
    expect(code).toBe(0);
    const html = written.get(join(root, 'r.html')) ?? '';
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    // the example's headline ratio (also in docs/reports.md): 60,258.52 / 30,000 = 2.0086… → 2.01
    expect(html).toContain('<strong class="ratio-value">2.01 : 1</strong>');
    expect(err.join('')).toBe('wrote r.html\n');
  });

  it('prints Markdown to standard output with the title given', async () => {
    const { io, out } = fakeIo();
    const code = await run(
      [
        'report',
        'examples/befriending/analysis.json',
        '-f',
        'markdown',
        '--title',
        'For the board',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(out.join('').split('\n').slice(0, 3)).toEqual([
      '# For the board',
      '',
      'Befriending service 2024 (illustrative example) · GBP · 2023-24 prices · years 1–3',
    ]);
  });

  it('reads an outcomes CSV with its inputs', async () => {
    const { io, out } = fakeIo();
    const code = await run(
      [
        'report',
        'examples/befriending/outcomes.csv',
        '--inputs',
        'examples/befriending/inputs.csv',
        '--format',
        'markdown',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(out.join('')).toContain('| Total inputs | £30,000.00 |');
  });

  it('lists every problem of an invalid analysis and exits 1', async () => {
    const bad = join(root, 'bad.json');
    const { io, err, out } = fakeIo({
      [bad]: JSON.stringify({
        name: 'x',
        outcomes: [
          { stakeholder: 'a', outcome: 'b', quantity: -1, proxy: { value: 1 }, duration: 0 },
        ],
      }),
    });
    expect(await run(['report', 'bad.json'], io)).toBe(1);
    expect(err.join('')).toMatch(/^bad\.json: 2 problems found\n/);
    expect(out).toEqual([]);
  });

  it.each([
    [['report'], 'report needs an analysis file'],
    [['report', 'a.json', '--format', 'pdf'], '--format must be one of html, markdown, got "pdf"'],
    [['report', 'a.json', 'b.json'], 'unexpected argument "b.json"'],
    [['report', 'a.json', '--title', ' '], '--title must not be empty'],
  ])('rejects %j as a usage error (exit 2)', async (argv, message) => {
    const { io, err } = fakeIo();
    expect(await run(argv, io)).toBe(2);
    expect(err.join('')).toContain(message);
  });

  it('says which file it cannot read (exit 1)', async () => {
    const { io, err } = fakeIo();
    expect(await run(['report', 'missing.json'], io)).toBe(1);
    expect(err.join('')).toBe('sroi: cannot read missing.json: no such file\n');
  });
});

describe('sroi report --sensitivity', () => {
  it('adds the tornado chart and the switching values of every assumption', async () => {
    const { io, out } = fakeIo();
    const code = await run(['report', 'examples/befriending/analysis.json', '--sensitivity'], io);
    expect(code).toBe(0);
    const html = out.join('');
    expect(html).toContain('<section id="sensitivity"');
    // stakeholders, categories, years, waterfall, tornado — and the histogram, because the
    // example file has an uncertainty section
    expect(html.match(/<svg /g)).toHaveLength(6);
    expect(html).toContain('<section id="simulation"');
    // hand-computed: the grant's switching value is where inputs equal PV, 60,258.52 − 6,000
    expect(html).toContain(
      '<td>Input value</td><td>Grant</td><td class="num">£24,000.00</td><td class="num">£54,258.52</td>',
    );
  });
});

describe('sroi report --check, --diff and the scenarios section', () => {
  it('shows the analysis file’s scenarios side by side on the first page', async () => {
    const { io, out } = fakeIo();
    expect(await run(['report', 'examples/befriending/analysis.json', '-f', 'markdown'], io)).toBe(
      0,
    );
    const markdown = out.join('');
    // the example's own figures, as `sroi sensitivity --scenarios` prints them
    expect(markdown).toContain('| Base case | £60,258.52 | £30,258.52 | 2.01 |');
    expect(markdown).toContain(
      '| conservative (More would have happened anyway, and the loneliness benefit fades faster) | £43,430.11 | £13,430.11 | 1.45 |',
    );
  });

  it('adds the findings of sroi check as an appendix', async () => {
    const { io, out } = fakeIo();
    const code = await run(
      ['report', 'examples/befriending/analysis.json', '--check', '-f', 'markdown'],
      io,
    );
    expect(code).toBe(0);
    const checked = fakeIo();
    await run(['check', 'examples/befriending/analysis.json', '--format', 'json'], checked.io);
    const { findings } = JSON.parse(checked.out.join('')) as { findings: { code: string }[] };
    const markdown = out.join('');
    // the example has an uncertainty section, so the simulation comes first
    expect(markdown).toContain('\n## Appendix B. Assurance readiness\n');
    for (const finding of findings) {
      expect(markdown).toContain(`(${finding.code.replace(/_/g, '\\_')})`);
    }
  });

  it('adds the changes since a previous version, and says so on the first page', async () => {
    const { io, out } = fakeIo();
    const code = await run(
      [
        'report',
        'examples/befriending/analysis.json',
        '--diff',
        'tests/review/befriending-2023.json',
      ],
      io,
    );
    expect(code).toBe(0);
    const html = out.join('');
    expect(html).toContain('<section id="diff" class="section-diff">');
    expect(html).toContain(
      '<h2>Appendix B. Changes since “Befriending service 2023 (illustrative example)”</h2>',
    );
    expect(html).toMatch(
      /Since “Befriending service 2023 \(illustrative example\)”, the SROI ratio has moved from 1\.\d\d : 1 to 2\.01 : 1; 10 changes are listed/,
    );
  });

  it('exits 1 when the previous version is invalid or missing', async () => {
    const bad = join(root, 'old.json');
    const invalid = fakeIo({ [bad]: JSON.stringify({ name: 'x', outcomes: [] }) });
    expect(
      await run(['report', 'examples/befriending/analysis.json', '--diff', 'old.json'], invalid.io),
    ).toBe(1);
    expect(invalid.err.join('')).toMatch(/^old\.json: 1 problem found\n/m);
    const missing = fakeIo();
    expect(
      await run(
        ['report', 'examples/befriending/analysis.json', '--diff', 'gone.json'],
        missing.io,
      ),
    ).toBe(1);
    expect(missing.err.join('')).toBe('sroi: cannot read gone.json: no such file\n');
  });
});
