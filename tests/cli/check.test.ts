import { describe, expect, it } from 'vitest';
import { fakeIo } from './_fakeIo.js';
import { run } from '../../src/cli/run.js';

const befriending = 'examples/befriending/analysis.json';

async function cli(args: string[], files: Record<string, string> = {}) {
  const fake = fakeIo(files);
  const code = await run(args, fake.io);
  return { code, ...fake.out, file: fake.file };
}

/**
 * One outcome answering every check but the sensitivity ones: its ratio is 10 × proxy × (1 −
 * 0.1) / 1,000, 0.99 with the proxy of £110, 2.7 with £300; optionally an uncertainty section.
 */
const close = (uncertainty?: object, proxy = '110') =>
  JSON.stringify({
    name: 'Close call',
    discount: { rate: '0' },
    inputs: [{ description: 'Grant', value: '1000' }],
    outcomes: [
      {
        id: 'a',
        stakeholder: 'Tenants',
        outcome: 'Warmer homes',
        indicator: 'Homes above 18°C',
        quantity: '10',
        proxy: { value: proxy, source: 'Survey 2024', priceYear: 2024 },
        duration: 1,
        deadweight: '0.1',
        attribution: '0',
      },
    ],
    ...(uncertainty === undefined ? {} : { uncertainty }),
  });

describe('sroi check', () => {
  it('lists the findings and exits 0: they are advice', async () => {
    const { code, stdout, stderr } = await cli(['check', befriending]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    // the example's first outcome has no proxy source or price year, and holds 66.1% of PV
    expect(stdout.split('\n').slice(0, 5)).toEqual([
      'Assurance readiness of Befriending service 2024 (illustrative example): 3 findings',
      '',
      '  HIGH · Be transparent · outcome less-isolated · PROXY_WITHOUT_SOURCE',
      '    The financial proxy of “Feel less isolated”, “Value of feeling less lonely (illustrative)”, has no source: say where its value of 1000 comes from.',
      '  MEDIUM · Be transparent · outcome less-isolated · PROXY_WITHOUT_PRICE_YEAR',
    ]);
  });

  it('prints { findings } as JSON', async () => {
    const { code, stdout } = await cli(['check', befriending, '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { findings: { code: string; outcome?: string }[] };
    expect(Object.keys(json)).toEqual(['findings']);
    expect(json.findings.map((f) => [f.code, f.outcome])).toEqual([
      ['PROXY_WITHOUT_SOURCE', 'less-isolated'],
      ['PROXY_WITHOUT_PRICE_YEAR', 'less-isolated'],
      ['VALUE_CONCENTRATED', 'less-isolated'],
    ]);
  });

  it('prints Markdown, and writes to --out', async () => {
    const { code, file, stderr } = await cli([
      'check',
      befriending,
      '-f',
      'markdown',
      '-o',
      'check.md',
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe('wrote check.md\n');
    const md = file('check.md') ?? '';
    expect(md.split('\n')[0]).toBe(
      '# Assurance readiness of Befriending service 2024 (illustrative example): 3 findings',
    );
    expect(md).toContain('| Severity | Outcome | Finding | Principle |');
  });

  it('says when there is nothing to question', async () => {
    const { code, stdout } = await cli(['check', 'ok.json'], {
      'ok.json': close(undefined, '300'),
    });
    expect(code).toBe(0);
    expect(stdout).toBe('Assurance readiness of Close call: nothing to question\n\n');
  });

  it('questions a ratio that a small move takes across 1', async () => {
    // 10 × 110 × 0.9 = 990 on 1,000 of inputs: ratio 0.99, within 10% of 1 in every money term
    const { stdout } = await cli(['check', 'close.json'], { 'close.json': close() });
    expect(stdout).toContain('HIGH · Do not over-claim · outcome a · SWITCHING_VALUE_CLOSE');
  });

  it("runs the file's uncertainty section with its seed", async () => {
    // hand-computed: 10 × proxy × 0.9 / 1,000 ≥ 1 when proxy ≥ 111.11; for a proxy uniform on
    // 100–120 that is (120 − 111.11) / 20 = 44% of draws, below one half: high severity
    const uncertainty = {
      seed: 3,
      draws: 2000,
      parameters: [
        { outcome: 'a', parameter: 'proxy', distribution: 'uniform', min: '100', max: '120' },
      ],
    };
    const { code, stdout } = await cli(['check', 'u.json', '--format', 'json'], {
      'u.json': close(uncertainty),
    });
    expect(code).toBe(0);
    const found = (JSON.parse(stdout) as { findings: { code: string; severity: string }[] })
      .findings;
    expect(found.find((f) => f.code === 'LOW_PROBABILITY_RATIO_AT_LEAST_ONE')?.severity).toBe(
      'high',
    );
  });

  it('exits 1 for an invalid analysis or uncertainty section, listing every problem', async () => {
    const bad = await cli(['check', 'bad.json'], {
      'bad.json': JSON.stringify({
        name: 'x',
        outcomes: [
          { stakeholder: 'a', outcome: 'b', quantity: -1, proxy: { value: 1 }, duration: 0 },
        ],
      }),
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^bad\.json: 2 problems found\n/);
    expect(bad.stdout).toBe('');
    const uncertain = await cli(['check', 'u.json'], {
      'u.json': close({
        parameters: [
          { outcome: 'nope', parameter: 'proxy', distribution: 'uniform', min: '1', max: '2' },
        ],
      }),
    });
    expect(uncertain.code).toBe(1);
    expect(uncertain.stderr).toMatch(/^u\.json: 1 problem found\n/);
  });

  it.each([
    [['check'], 'check needs an analysis file'],
    [
      ['check', befriending, '--format', 'html'],
      '--format must be one of text, json, markdown, got "html"',
    ],
    [['check', befriending, 'extra.json'], 'unexpected argument "extra.json"'],
  ])('rejects %j as a usage error (exit 2)', async (args, message) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('has help with an example, and is in the main help', async () => {
    const help = await cli(['check', '--help']);
    expect(help.stdout).toMatch(/^Usage: sroi check/);
    expect(help.stdout).toMatch(/Examples:\n {2}sroi check /);
    expect((await cli(['--help'])).stdout).toContain('  check <file>');
  });
});
