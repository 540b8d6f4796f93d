/**
 * `sroi export` and `sroi template --xlsx`, against a scratch folder on the real file system
 * (workbooks are bytes, not text).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFiles } from '../../src/cli/_nodeIo.js';
import { run } from '../../src/cli/run.js';
import { readWorkbook } from '../../src/workbook/readWorkbook.js';
import type { CliIo } from '../../src/cli/_io.js';
import type { SroiResult } from '../../src/model/result.js';
import type { WorkbookSheet } from '../../src/workbook/Workbook.js';
import { valueMapFigures } from '../workbook/_valueMapFigures.js';

const root = join(__dirname, '..', '..');
const example = join(root, 'examples', 'befriending', 'analysis.json');

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'sroi-export-'));
}

async function cli(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    ...nodeFiles(),
    cwd,
  };
  const code = await run(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

async function resultOf(file: string, cwd: string): Promise<SroiResult> {
  const { code, stdout } = await cli(['calculate', file, '--format', 'json'], cwd);
  expect(code).toBe(0);
  return JSON.parse(stdout) as SroiResult;
}

function mapOf(path: string) {
  const { workbook, issues } = readWorkbook(new Uint8Array(readFileSync(path)));
  expect(issues).toEqual([]);
  return valueMapFigures(workbook?.sheets[0] as WorkbookSheet);
}

describe('sroi export', () => {
  it('writes a Value Map workbook whose figures are those of sroi calculate', async () => {
    const dir = scratch();
    const { code, stderr } = await cli(['export', example, '--out', 'map.xlsx'], dir);
    expect(code).toBe(0);
    expect(stderr).toBe('wrote map.xlsx\n');
    const figures = mapOf(join(dir, 'map.xlsx'));
    const result = await resultOf(example, dir);
    expect(figures.result('totalPresentValue')?.value).toBe(result.totalPresentValue);
    expect(figures.result('sroiRatio')?.value).toBe(result.sroiRatio);
  });

  it('exports an outcomes CSV with its inputs and settings as flags', async () => {
    const dir = scratch();
    const outcomes = join(root, 'examples', 'befriending', 'outcomes.csv');
    const inputs = join(root, 'examples', 'befriending', 'inputs.csv');
    const args = [outcomes, '--inputs', inputs, '--price-year', '2023-24', '--discount-rate', '3%'];
    const { code, stderr } = await cli(['export', ...args, '--out', 'csv.xlsx'], dir);
    expect(code).toBe(0);
    expect(stderr).toContain('3 rows read, 3 used, 0 rejected');
    const figures = mapOf(join(dir, 'csv.xlsx'));
    expect(figures.title('Discount rate')?.value).toBe('0.03');
    const { stdout } = await cli(['calculate', ...args, '--format', 'json'], dir);
    expect(figures.result('sroiRatio')?.value).toBe((JSON.parse(stdout) as SroiResult).sroiRatio);
  });

  it('writes the validated analysis as JSON that gives the same figures', async () => {
    const dir = scratch();
    const exported = await cli(['export', example, '--format', 'json'], dir);
    expect(exported.code).toBe(0);
    writeFileSync(join(dir, 'analysis.json'), exported.stdout);
    expect((await resultOf('analysis.json', dir)).sroiRatio).toBe(
      (await resultOf(example, dir)).sroiRatio,
    );
  });

  it('writes the two CSV tables and the analysis file naming them, which give the same figures', async () => {
    const dir = scratch();
    const { code, stderr } = await cli(
      ['export', example, '--format', 'csv', '--out', 'tables'],
      dir,
    );
    expect(code).toBe(0);
    expect(stderr).toBe(
      ['outcomes.csv', 'inputs.csv', 'analysis.json']
        .map((f) => `wrote ${join('tables', f)}\n`)
        .join(''),
    );
    const again = await resultOf(join('tables', 'analysis.json'), dir);
    const original = await resultOf(example, dir);
    expect(again.totalPresentValue).toBe(original.totalPresentValue);
    expect(again.sroiRatio).toBe(original.sroiRatio);
    const refused = await cli(['export', example, '--format', 'csv', '--out', 'tables'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exist; use --force to overwrite');
    expect(
      (await cli(['export', example, '--format', 'csv', '--out', 'tables', '--force'], dir)).code,
    ).toBe(0);
  });

  it.each([
    [['export'], 'export needs an analysis file or an outcomes CSV'],
    [
      ['export', 'a.json', '--format', 'pdf', '--out', 'x'],
      '--format must be one of xlsx, json, csv, got "pdf"',
    ],
    [
      ['export', 'a.json'],
      '--format xlsx writes a workbook: give the file with --out, e.g. --out map.xlsx',
    ],
    [
      ['export', 'a.json', '--format', 'csv'],
      '--format csv writes three files: give their folder with --out',
    ],
    [['export', 'a.json', 'b.json', '--out', 'x'], 'unexpected argument "b.json"'],
  ])('%j is a usage error', async (args, message) => {
    const { code, stderr } = await cli(args, scratch());
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('lists every problem of an invalid analysis, and writes nothing', async () => {
    const dir = scratch();
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({
        name: 'x',
        outcomes: [
          {
            stakeholder: 'A',
            outcome: 'B',
            quantity: '1',
            proxy: { value: '1' },
            duration: 1,
            deadweight: 25,
          },
        ],
      }),
    );
    const { code, stderr } = await cli(['export', 'bad.json', '--out', 'map.xlsx'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'deadweight must be a fraction from 0 to 1, got 25 (write 25% or 0.25)',
    );
    expect(existsSync(join(dir, 'map.xlsx'))).toBe(false);
  });
});

describe('sroi template --xlsx', () => {
  it('writes a blank Value Map workbook, and will not overwrite it without --force', async () => {
    const dir = scratch();
    const made = await cli(['template', '--xlsx', 'mine'], dir);
    expect(made.code).toBe(0);
    expect(made.stderr).toContain(`wrote ${join('mine', 'value-map.xlsx')}\n`);
    const figures = mapOf(join(dir, 'mine', 'value-map.xlsx'));
    expect(figures.years).toBe(5);
    const again = await cli(['template', '--xlsx', 'mine'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      `sroi: ${join('mine', 'value-map.xlsx')} already exists; use --force to overwrite\n`,
    );
    expect((await cli(['template', '--xlsx', 'mine', '--force'], dir)).code).toBe(0);
  });
});
