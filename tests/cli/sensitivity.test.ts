import { describe, expect, it } from 'vitest';
import { fakeIo } from './_fakeIo.js';
import { run } from '../../src/cli/run.js';
import { textTable } from '../../src/cli/sensitivityCommand.js';
import { switchingMargin } from '../../src/review/switchingMargin.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { sensitivityAnalysis } from '../../src/sensitivity/sensitivityAnalysis.js';
import { smallAnalysis } from '../sensitivity/_smallAnalysis.js';

/** PV 800 + 150 over inputs 400: ratio 2.375 (the analysis of tests/sensitivity/solveFor.test.ts). */
const analysis = {
  ...smallAnalysis,
  scenarios: {
    conservative: {
      description: 'Half of a would have happened anyway',
      outcomes: { a: { deadweight: '50%' } },
    },
  },
  uncertainty: {
    seed: 3,
    draws: 500,
    parameters: [
      {
        outcome: '*',
        parameter: 'deadweight',
        distribution: 'pert',
        min: '10%',
        mode: '20%',
        max: '50%',
      },
      { outcome: 'b', parameter: 'proxy', distribution: 'normal', mean: '20', sd: '4' },
    ],
  },
};
const file = 'tmp/sensitivity-cli/analysis.json';

async function cli(args: string[], json: unknown = analysis) {
  const fake = fakeIo({ [file]: JSON.stringify(json) });
  const code = await run(args, fake.io);
  return { code, ...fake.out };
}

describe('sroi sensitivity', () => {
  it('prints the documented JSON shape with hand-derived figures', async () => {
    const { code, stdout } = await cli(['sensitivity', file, '--format', 'json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      base: unknown;
      target: string;
      switchingValues: unknown[];
      oneWay: unknown[];
    };
    expect(Object.keys(result)).toEqual(['base', 'target', 'switchingValues', 'oneWay']);
    expect(result.base).toEqual({ sroiRatio: '2.375' }); // 950 / 400
    expect(result.target).toBe('1');
    // 150 + 8q = 400 → q = 31.25
    expect(result.switchingValues[0]).toEqual({
      parameter: 'quantity',
      outcome: 'a',
      base: '100',
      switchingValue: '31.25',
      reachable: true,
    });
  });

  it('takes the target and steps from flags', async () => {
    const { stdout } = await cli([
      'sensitivity',
      file,
      '-f',
      'json',
      '--target',
      '2',
      '--step',
      '50%',
      '--fraction-step',
      '5%',
    ]);
    const result = JSON.parse(stdout) as {
      target: string;
      switchingValues: { switchingValue: string }[];
      oneWay: { parameter: string; outcome?: string; low: { value: string } }[];
    };
    expect(result.target).toBe('2');
    // 150 + 8q = 800 → q = 81.25
    expect(result.switchingValues[0]?.switchingValue).toBe('81.25');
    expect(
      result.oneWay.find((r) => r.parameter === 'quantity' && r.outcome === 'a')?.low.value,
    ).toBe('50'); // 100 × (1 − 50%)
    expect(
      result.oneWay.find((r) => r.parameter === 'deadweight' && r.outcome === 'a')?.low.value,
    ).toBe('0.15'); // 0.2 − 5 points
  });

  it('prints readable text and markdown', async () => {
    const text = await cli(['sensitivity', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Sensitivity of Small: SROI ratio 2.38 : 1, target 1.00 : 1');
    expect(text.stdout).toMatch(/deadweight\s+a\s+20%\s+75%/); // switching value 0.75
    expect(text.stdout).toContain('not reachable (ratio 2.00 at the limit)');
    const markdown = await cli(['sensitivity', file, '--format', 'markdown']);
    expect(markdown.stdout).toContain('| parameter | outcome / input | base | switching value |');
  });

  it('rounds a switching duration for people, as the reports do', async () => {
    // (150 + 800 d) / 400 = 1 → d = 250 / 800 = 0.3125 years: shown to two places
    const { stdout } = await cli(['sensitivity', file]);
    expect(stdout).toMatch(/duration\s+a\s+1 year\s+0\.31 years\n/);
    expect(stdout).not.toContain('0.3125');
  });

  it('takes a fraction of a year as --duration-step', async () => {
    const { code, stdout } = await cli([
      'sensitivity',
      file,
      '--duration-step',
      '0.5',
      '-f',
      'json',
    ]);
    expect(code).toBe(0);
    const { oneWay } = JSON.parse(stdout) as {
      oneWay: { parameter: string; outcome?: string; high: { value: string } }[];
    };
    // 2 years of b + 0.5
    expect(oneWay.find((r) => r.parameter === 'duration' && r.outcome === 'b')?.high.value).toBe(
      '2.5',
    );
    expect((await cli(['sensitivity', file, '--duration-step', '1001'])).code).toBe(2);
    expect((await cli(['sensitivity', file, '--duration-step', '10%'])).code).toBe(2);
  });

  it('prints JSON as sensitivityAnalysis gives it, byte for byte', async () => {
    const { stdout } = await cli(['sensitivity', file, '--format', 'json', '--target', '2']);
    const expected = sensitivityAnalysis(parseAnalysis(smallAnalysis), { target: '2' });
    expect(stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });

  describe('a large analysis', () => {
    // 30 outcomes: 8 assumptions each, the discount rate, one input's value, the proxy scale
    const large = {
      name: 'Large',
      discount: { rate: '3.5%' },
      inputs: [{ description: 'Grant', value: '30000' }],
      outcomes: Array.from({ length: 30 }, (_, i) => ({
        id: `o${i + 1}`,
        stakeholder: 'People',
        outcome: `Outcome ${i + 1}`,
        quantity: String(10 + i),
        proxy: { value: String(100 + 37 * i) },
        duration: 1 + (i % 4),
        deadweight: `${i % 9}%`,
        dropOff: `${(i * 7) % 50}%`,
      })),
    };
    const rowsOf = (table: string) =>
      table
        .split('\n')
        .slice(1)
        .filter((line) => line !== '');

    it('lists 20 rows in each table, saying how many there are, and --all lists every one', async () => {
      const { stdout } = await cli(['sensitivity', file], large);
      const [, switching = '', oneWay = ''] = stdout.split('\n\n');
      expect(switching).toContain('closest first: 20 of 243 (--all lists every one)');
      expect(oneWay).toContain('largest swing first: 20 of 243 (--all lists every one)');
      expect(rowsOf(switching)).toHaveLength(21); // the head and 20 rows
      expect(rowsOf(oneWay)).toHaveLength(21);
      const all = await cli(['sensitivity', file, '--all'], large);
      const [, everySwitching = '', everyOneWay = ''] = all.stdout.split('\n\n');
      expect(rowsOf(everySwitching)).toHaveLength(244);
      expect(rowsOf(everyOneWay)).toHaveLength(244);
      expect(everySwitching).not.toContain(' of 243');
    });

    it('lists the first rows of the whole tables, in their orders', async () => {
      const result = sensitivityAnalysis(parseAnalysis(large));
      const who = (r: { parameter: string; outcome?: string; input?: number }) =>
        `${r.parameter} ${r.outcome ?? (r.input === undefined ? '(all)' : 'Grant (input 0)')}`;
      // the switching values by how many small moves they are from their base, unreachable last
      // (Array.prototype.sort is stable: ties keep the order of parameterRefs)
      const steps = (v: (typeof result.switchingValues)[number]) => {
        const margin = switchingMargin(v);
        return margin === null ? Infinity : Number(margin.steps);
      };
      const closest = [...result.switchingValues].sort((a, b) => steps(a) - steps(b));
      const { stdout } = await cli(['sensitivity', file], large);
      const [, switching = '', oneWay = ''] = stdout.split('\n\n');
      const listed = (table: string) =>
        rowsOf(table)
          .slice(1)
          .map((line) =>
            line
              .trim()
              .split(/\s{2,}/)
              .slice(0, 2)
              .join(' '),
          );
      expect(listed(switching)).toEqual(closest.slice(0, 20).map(who));
      expect(listed(oneWay)).toEqual(result.oneWay.slice(0, 20).map(who));
      const markdown = await cli(['sensitivity', file, '--format', 'markdown'], large);
      const cells = markdown.stdout
        .split('\n')
        .filter((line) => /^\| (?!parameter |--- )/.test(line))
        .map((line) => line.split(' | ').slice(0, 2).join(' ').slice(2));
      expect(cells).toEqual([...closest.slice(0, 20), ...result.oneWay.slice(0, 20)].map(who));
    });
  });

  it('compares the scenarios with --scenarios', async () => {
    const { code, stdout } = await cli(['sensitivity', file, '--scenarios', '--format', 'json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      base: { sroiRatio: string };
      scenarios: { name: string; result: { sroiRatio: string } }[];
    };
    expect(result.base.sroiRatio).toBe('2.375');
    // deadweight 0.5 on a: 500 + 150 = 650 over 400
    expect(result.scenarios.map((s) => [s.name, s.result.sroiRatio])).toEqual([
      ['conservative', '1.625'],
    ]);
    const text = await cli(['sensitivity', file, '--scenarios']);
    expect(text.stdout).toMatch(/conservative\s+£650\.00\s+£400\.00\s+£250\.00\s+1\.63/);
  });

  it('reports a missing or invalid scenarios section with exit 1', async () => {
    const withoutScenarios = { ...analysis, scenarios: undefined };
    const missing = await cli(['sensitivity', file, '--scenarios'], withoutScenarios);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('the analysis has no "scenarios" section');
    const invalid = await cli(['sensitivity', file, '--scenarios'], {
      ...analysis,
      scenarios: { low: { outcomes: { zz: {} } } },
    });
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('scenarios.low.outcomes.zz');
  });

  it('rejects bad flags with exit 2', async () => {
    expect((await cli(['sensitivity', file, '--target', '-1'])).code).toBe(2);
    expect((await cli(['sensitivity', file, '--step', 'ten'])).code).toBe(2);
    expect((await cli(['sensitivity', file, '--format', 'html'])).code).toBe(2);
    expect((await cli(['sensitivity'])).code).toBe(2);
  });

  it('exits 1 when total inputs are zero, naming the reason', async () => {
    const { code, stderr } = await cli(['sensitivity', file], { ...analysis, inputs: [] });
    expect(code).toBe(1);
    expect(stderr).toContain('total inputs are zero');
  });
});

describe('textTable', () => {
  it('pads every column to its widest cell, for more rows than a call has room for', () => {
    // 200,000 rows: Math.max(h.length, ...cells) overflowed the stack at about 120,000.
    const rows = Array.from({ length: 200_000 }, (_, i) => [`o${i}`, String(i % 7)]);
    const lines = textTable(['outcome', 'n'], rows).split('\n');
    expect(lines).toHaveLength(200_001);
    // the widest first cell is "o199999" (7 characters), as wide as the header "outcome"
    expect(lines[0]).toBe('  outcome  n');
    expect(lines[1]).toBe('  o0       0');
  });
});

describe('sroi simulate', () => {
  it('prints the documented JSON shape and the same bytes for the same seed', async () => {
    const first = await cli(['simulate', file, '--format', 'json']);
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual([
      'draws',
      'seed',
      'sroiRatio',
      'presentValue',
      'probabilityRatioAtLeastOne',
      'histogram',
    ]);
    expect([result['draws'], result['seed']]).toEqual([500, 3]);
    expect((await cli(['simulate', file, '--format', 'json'])).stdout).toBe(first.stdout);
    const other = await cli([
      'simulate',
      file,
      '--format',
      'json',
      '--seed',
      '4',
      '--draws',
      '200',
    ]);
    expect(JSON.parse(other.stdout)).toMatchObject({ draws: 200, seed: 4 });
  });

  it('prints readable text with a histogram', async () => {
    const { code, stdout } = await cli(['simulate', file, '--bins', '5']);
    expect(code).toBe(0);
    expect(stdout).toContain('Monte Carlo simulation of Small: 500 draws, seed 3');
    expect(stdout).toContain('Probability that the SROI ratio is at least 1:');
    expect(stdout.match(/█/g)?.length).toBeGreaterThan(0);
  });

  it('exits 1 without an uncertainty section or with an invalid one', async () => {
    const withoutUncertainty = { ...analysis, uncertainty: undefined };
    const missing = await cli(['simulate', file], withoutUncertainty);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('has no "uncertainty" section');
    const invalid = await cli(['simulate', file], {
      ...analysis,
      uncertainty: {
        parameters: [
          {
            outcome: 'a',
            parameter: 'deadweight',
            distribution: 'uniform',
            min: '50%',
            max: '10%',
          },
        ],
      },
    });
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('uncertainty.parameters[0]');
    expect(invalid.stderr).toContain('uniform needs min ≤ max, got min 0.5, max 0.1');
  });

  it('rejects bad flags with exit 2', async () => {
    expect((await cli(['simulate', file, '--draws', '0'])).code).toBe(2);
    expect((await cli(['simulate', file, '--seed', '1.5'])).code).toBe(2);
  });

  it('has help', async () => {
    const fake = fakeIo();
    expect(await run(['simulate', '--help'], fake.io)).toBe(0);
    expect(fake.out.stdout).toContain('Usage: sroi simulate');
    expect(await run(['help', 'sensitivity'], fake.io)).toBe(0);
    expect(fake.out.stdout).toContain('Usage: sroi sensitivity');
  });
});
