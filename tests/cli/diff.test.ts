import Decimal from 'decimal.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIo, root } from './_fakeIo.js';
import { calculateSroi } from '../../src/calculateSroi.js';
import { run } from '../../src/cli/run.js';
import type { AnalysisDiff } from '../../src/review/diffAnalyses.js';
import type { AnalysisInput } from '../../src/schema/analysisSchema.js';

/** tests/review/befriending-2023.json: an earlier version of the example, made for these tests. */
const previous = 'tests/review/befriending-2023.json';
const current = 'examples/befriending/analysis.json';
const X = Decimal.clone({ precision: 1e9 });

async function cli(args: string[], files: Record<string, string> = {}) {
  const fake = fakeIo(files);
  const code = await run(args, fake.io);
  return { code, ...fake.out, file: fake.file };
}

const read = (path: string) =>
  JSON.parse(readFileSync(join(root, path), 'utf8')) as AnalysisInput & Record<string, unknown>;

describe('sroi diff', () => {
  it('prints every change with effects that add up exactly to the change in the ratio (JSON)', async () => {
    const { code, stdout, stderr } = await cli(['diff', previous, current, '--format', 'json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const diff = JSON.parse(stdout) as AnalysisDiff;
    expect(Object.keys(diff)).toEqual([
      'before',
      'after',
      'ratioChange',
      'presentValueChange',
      'changes',
      'notes',
    ]);
    // the two ratios as sroi calculate gives them
    const before = calculateSroi(read(previous)).sroiRatio ?? '';
    const after = calculateSroi(read(current)).sroiRatio ?? '';
    expect([diff.before.sroiRatio, diff.after.sroiRatio]).toEqual([before, after]);
    const whole = new X(after).minus(before);
    const total = diff.changes.reduce((sum, c) => sum.plus(c.ratioEffect ?? 0), new X(0));
    expect(total.eq(whole)).toBe(true);
    expect(diff.changes.map((c) => c.path)).toEqual([
      'name',
      'priceYear',
      'inputs["Grant"].value',
      'inputs["Volunteer time, 1,200 hours at £5"]',
      'outcomes["carers-respite"]',
      'outcomes["less-isolated"].quantity',
      'outcomes["less-isolated"].deadweight',
      'outcomes["less-isolated"].dropOff',
      'outcomes["fewer-gp-visits"].quantity',
      'outcomes["volunteer-confidence"]',
    ]);
  });

  it('prints a table of the changes and the whole change (text)', async () => {
    const { code, stdout } = await cli(['diff', previous, current]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(
      'Changes from “Befriending service 2023 (illustrative example)” to “Befriending service 2024 (illustrative example)”',
    );
    expect(stdout).toMatch(/ {2}change +before +after +effect on ratio +effect on PV\n/);
    expect(stdout).toMatch(
      /\n {2}outcomes\["less-isolated"\]\.deadweight +25% +20% +\+0\.\d\d +\+£[\d,]+\.\d\d\n/,
    );
    expect(stdout).toMatch(/\n {2}Whole change +[+−]\d\.\d\d +[+−]£[\d,]+\.\d\d\n/);
    expect(stdout).toContain('the effects add up exactly to the whole change');
  });

  it('prints Markdown', async () => {
    const { code, stdout } = await cli(['diff', previous, current, '-f', 'markdown']);
    expect(code).toBe(0);
    expect(stdout.startsWith('# Changes from “Befriending service 2023')).toBe(true);
    expect(stdout).toContain(
      '| Change | Before | After | Effect on the ratio | Effect on present value |',
    );
  });

  it('says what the effects mean when one side has no inputs', async () => {
    const none = JSON.stringify({ ...read(previous), inputs: [] });
    const { code, stdout } = await cli(['diff', 'none.json', current, '--format', 'json'], {
      'none.json': none,
    });
    expect(code).toBe(0);
    const diff = JSON.parse(stdout) as AnalysisDiff;
    expect(diff.before.sroiRatio).toBeNull();
    expect(diff.ratioChange).toBeNull();
    expect(diff.changes.every((c) => c.ratioEffect === null)).toBe(true);
    expect(diff.notes[0]).toMatch(/^the SROI ratio is undefined before \(total inputs are zero\)/);
    const text = await cli(['diff', 'none.json', current], { 'none.json': none });
    expect(text.stdout).toContain('The SROI ratio is undefined before');
  });

  it('reads both files and lists the problems of each before exiting 1', async () => {
    const bad = JSON.stringify({ name: 'x', outcomes: [] });
    const { code, stderr, stdout } = await cli(['diff', 'a.json', 'b.json'], {
      'a.json': bad,
      'b.json': bad,
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^a\.json: 1 problem found\n.*\nb\.json: 1 problem found\n/s);
    expect(stdout).toBe('');
  });

  it.each([
    [['diff'], 'diff needs two analysis files'],
    [['diff', previous], 'diff needs two analysis files'],
    [['diff', previous, current, 'third.json'], 'unexpected argument "third.json"'],
    [
      ['diff', previous, current, '--format', 'csv'],
      '--format must be one of text, json, markdown',
    ],
    [['diff', previous, current, '--discount-rate', '3%'], "Unknown option '--discount-rate'"],
  ])('rejects %j as a usage error (exit 2)', async (args, message) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('has help with an example, and is in the main help', async () => {
    const help = await cli(['diff', '--help']);
    expect(help.stdout).toMatch(/^Usage: sroi diff/);
    expect(help.stdout).toMatch(/Examples:\n {2}sroi diff /);
    expect((await cli(['--help'])).stdout).toContain('  diff <before> <after>');
  });
});
