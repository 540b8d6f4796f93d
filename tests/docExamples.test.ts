/**
 * Runs every `@example` in the TSDoc of `src/` whose result is shown as `//=> …`, with every public
 * export of both entries (`sroi` and `sroi/xlsx`) in scope, and checks the shown result. A wrong
 * example is a failing test.
 */
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as sroi from '../src/index.js';
import * as xlsx from '../src/xlsx.js';
import { examplesOf, sourceFiles } from './_docExamples.js';

const root = join(__dirname, '..');

const examples = sourceFiles(join(root, 'src')).flatMap(examplesOf);

/** Evaluates example code with both entries' public API and the example's own module in scope. */
function evaluate(code: string, own: Record<string, unknown>): unknown {
  const js = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const all: Record<string, unknown> = { ...sroi, ...xlsx, ...own };
  const names = Object.keys(all);
  const scope = Object.values(all);
  // Direct eval inside the function returns the value of the last expression statement.
  const fn = new Function(...names, '__code', 'return eval(__code);') as (
    ...args: unknown[]
  ) => unknown;
  return fn(...scope, js);
}

describe('documentation examples', () => {
  it('exist', () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  it.each(examples.map((e) => [`${e.file}:${e.line}`, e] as const))(
    '%s gives what it shows',
    async (_where, example) => {
      // In scope: the public API of both entries, then the internal building blocks of the
      // module's folder (an internal example of the core may use its neighbours; the adapters'
      // modules touch the page or the process when imported, so theirs is not loaded), then the
      // example's own module.
      const folder = join(root, example.file, '..');
      const neighbours: Record<string, unknown> = {};
      const adapter = /^src\/(app|cli)\//.test(example.file);
      for (const file of adapter ? [] : sourceFiles(folder)) {
        if (relative(folder, file).includes('/')) continue;
        Object.assign(neighbours, (await import(file)) as Record<string, unknown>);
      }
      const own = {
        ...neighbours,
        ...((await import(join(root, example.file))) as Record<string, unknown>),
      };
      expect(evaluate(example.code, own)).toEqual(evaluate(`(${example.expected})`, own));
    },
  );
});
