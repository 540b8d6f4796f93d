/**
 * The packed tarball is what users install. This test packs the built package, installs it in a
 * scratch project, and uses it the ways users will: ESM import, CommonJS require, TypeScript types
 * under Node16 resolution for both, and the `sroi` bin. Needs `dist/` (`npm test` builds first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'sroi-pack-'));
const version = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
).version;
// Without colours: with CI set, the tools colour their output (publint writes "Suggestions:"
// between escape sequences), and the checks below read the words. Any left are stripped.
const sh = (command: string, args: string[], cwd = scratch) =>
  execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  }).replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');

const analysis = `{ name: 'Pack test', discount: { rate: '0' }, inputs: [{ description: 'Grant', value: '100' }],
  outcomes: [{ stakeholder: 'A', outcome: 'B', quantity: '1', proxy: { value: '250' }, duration: 1 }] }`;

let tarball = '';

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'index.js')))
    throw new Error('dist/ is missing: run npm run build (npm test does)');
  tarball =
    sh('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', scratch], root)
      .trim()
      .split('\n')
      .pop() ?? '';
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify({ name: 'scratch', private: true, version: '1.0.0' }),
  );
  sh('npm', [
    'install',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
    '--loglevel=error',
    join(scratch, tarball),
  ]);
}, 180_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed package', () => {
  it('imports as ESM', () => {
    const out = sh('node', [
      '--input-type=module',
      '-e',
      `import { calculateSroi } from 'sroi'; console.log(calculateSroi(${analysis}).sroiRatio);`,
    ]);
    expect(out.trim()).toBe('2.5'); // hand-computed: 250 / 100
  });

  it('requires as CommonJS', () => {
    const out = sh('node', [
      '-e',
      `const { calculateSroi, SroiError } = require('sroi'); console.log(calculateSroi(${analysis}).sroiRatio, typeof SroiError);`,
    ]);
    expect(out.trim()).toBe('2.5 function');
  });

  it('ships types that TypeScript resolves for ESM and CommonJS', () => {
    const typed = `import { calculateSroi, type SroiResult } from 'sroi';
const result: SroiResult = calculateSroi(${analysis});
const ratio: string | null = result.sroiRatio;
export { ratio };
`;
    writeFileSync(join(scratch, 'esm.mts'), typed);
    writeFileSync(join(scratch, 'cjs.cts'), typed);
    writeFileSync(
      join(scratch, 'wrong.mts'),
      `import { calculateSroi } from 'sroi';\nconst n: number = calculateSroi(${analysis}).sroiRatio;\nexport { n };\n`,
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const flags = ['--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16'];
    expect(sh('node', [tsc, ...flags, 'esm.mts', 'cjs.cts'])).toBe('');
    // The types are real, not `any`: assigning the ratio (string | null) to a number fails.
    let output = '';
    try {
      sh('node', [tsc, ...flags, 'wrong.mts']);
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    expect(output).toMatch(/TS2322/);
  });

  it('passes publint (package.json fields, exports, files) on the tarball', () => {
    const out = sh('node', [
      join(root, 'node_modules', 'publint', 'src', 'cli.js'),
      'run',
      join(scratch, tarball),
      '--strict',
    ]);
    // --strict makes a warning an error (a non-zero exit, which throws here); a suggestion is
    // advice and may stay: publint suggests folding the "browser" field (csv-parse's build for
    // bundlers that target browsers) into conditional exports, a breaking change for consumers.
    expect(out).not.toMatch(/Errors:|Warnings:/);
    expect(out).toMatch(/All good!|Suggestions:\n1\. pkg\.browser with an object value/);
  });

  it('passes Are the Types Wrong? for ESM and CommonJS under Node 16+ resolution', () => {
    // node10 resolution has no `exports`, so `sroi/xlsx` cannot resolve there; sroi needs
    // Node 20 (package.json engines), so the node16 profile is the one that applies; attw exits
    // non-zero on any problem it does not ignore, which throws here.
    const cli = join(root, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
    const out = sh('node', [
      cli,
      join(scratch, tarball),
      '--profile',
      'node16',
      '--format',
      'json',
    ]);
    type Problem = { readonly kind: string; readonly resolutionKind?: string };
    const report = JSON.parse(out) as { problems?: Record<string, Problem[]> | Problem[] };
    const problems = Array.isArray(report.problems)
      ? report.problems
      : Object.values(report.problems ?? {}).flat();
    // the JSON lists node10's problems too, which the profile ignores (above)
    expect(problems.filter((p) => p.resolutionKind !== 'node10')).toEqual([]);
    expect(problems.length).toBeLessThanOrEqual(1); // at most sroi/xlsx under node10
  });

  it('ships every docs file that the CLI names', () => {
    const named = new Set<string>();
    for (const file of readdirSync(join(root, 'src', 'cli'))) {
      const text = readFileSync(join(root, 'src', 'cli', file), 'utf8');
      for (const match of text.matchAll(/docs\/[a-z0-9-]+\.md/g)) named.add(match[0]);
    }
    expect(named.size).toBeGreaterThan(5);
    const installed = join(scratch, 'node_modules', 'sroi');
    for (const doc of named) expect(existsSync(join(installed, doc)), doc).toBe(true);
  });

  it('installs the sroi command', () => {
    expect(sh(join(scratch, 'node_modules', '.bin', 'sroi'), ['--version']).trim()).toBe(version);
  });
});
