/**
 * The README's promises: the quick start gives what it shows, and the command that runs the
 * included example works exactly as written (after its `npm ci` and `npm run build` steps, which
 * `npm test` has already done).
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as sroi from '../src/index.js';

const root = join(__dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = (language: string) =>
  [...readme.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map(
    (m) => m[1] ?? '',
  );

function evaluate(code: string): unknown {
  const js = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const fn = new Function(...Object.keys(sroi), '__code', 'return eval(__code);') as (
    ...args: unknown[]
  ) => unknown;
  return fn(...Object.values(sroi), js);
}

describe('README', () => {
  it('has a quick start that gives what it shows', () => {
    const block = blocks('ts')[0] ?? '';
    const [code = '', expected = ''] = block.replace(/^import .*$/m, '').split('//=>');
    expect(expected.trim()).not.toBe('');
    expect(evaluate(code)).toEqual(evaluate(`(${expected})`));
  });

  it('runs the included example with the first command, exactly as written', () => {
    const command = (blocks('sh')[0] ?? '').trim();
    expect(command).toMatch(/^npm ci && npm run build && /);
    const rest = command.replace(/^npm ci && npm run build && /, '');
    const out = execSync(rest, { cwd: root, encoding: 'utf8' });
    expect(out).toMatch(/SROI ratio\s+\d+\.\d\d : 1/);
  });

  it('names the test command that CI runs', () => {
    expect((blocks('sh')[1] ?? '').trim()).toBe('npm ci && npm test');
    expect(readFileSync(join(root, '.ci', 'run'), 'utf8')).toMatch(/npm ci[\s\S]*npm test/);
  });
});
