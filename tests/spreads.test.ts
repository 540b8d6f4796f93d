/**
 * No unbounded spread into a call in src/ (eslint.config.js, `no-restricted-syntax`): a list from
 * data spread into `push`, `Math.max` or any call passes each element as an argument, and beyond
 * about 65,000–125,000 of them the call throws a RangeError. The rule: a spread in the arguments
 * of a call or `new` is refused; a spread into an array or object literal is no call and is fine;
 * a call spread over a list whose length is fixed and small says so in its disable comment,
 * `-- bounded: <why>`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { root } from './cli/_fakeIo.js';

const eslint = new ESLint({ cwd: root });

async function messages(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-syntax')
    .map((m) => `${m.ruleId ?? ''} ${m.line}:${m.column}`);
}

describe('the rule against spreads into a call', () => {
  it.each([
    ['lines.push(...rows);', 'no-restricted-syntax 1:12'],
    ['Math.max(...values);', 'no-restricted-syntax 1:10'],
    ['String.fromCharCode(...codes);', 'no-restricted-syntax 1:21'],
    ['new Set(...lists);', 'no-restricted-syntax 1:9'],
  ])('refuses %s in src/', async (line, expected) => {
    const code = `declare const lines: string[], rows: string[], values: number[], codes: number[], lists: [string[]];\n${line}\n`;
    expect(await messages(code, 'src/report/_probe.ts')).toEqual([expected.replace(' 1:', ' 2:')]);
  });

  it('accepts a spread into an array or an object literal, and a loop', async () => {
    const code = [
      'declare const rows: string[], more: { a: number };',
      'export const all = [...rows, "x"];',
      'export const copy = { ...more, b: 1 };',
      'const lines: string[] = [];',
      'for (const row of rows) lines.push(row);',
      '',
    ].join('\n');
    expect(await messages(code, 'src/report/_probe.ts')).toEqual([]);
  });

  it('says why each spread it allows is bounded', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts')) files.push(path);
      }
    };
    walk(join(root, 'src'));
    const unexplained = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          line.includes('no-restricted-syntax') && !/-- bounded: \S/.test(line)
            ? [`${relative(root, file)}:${i + 1}`]
            : [],
        ),
    );
    expect(unexplained).toEqual([]);
  });
});
