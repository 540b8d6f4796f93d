/**
 * Runs every `@example` in the TSDoc of `src/` whose result is shown as `//=> …`, with every public
 * export in scope, and checks the shown result. A wrong example is a failing test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as sroi from '../src/index.js';

const root = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

interface Example {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly expected: string;
}

function examplesOf(file: string): Example[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const examples: Example[] = [];
  lines.forEach((line, index) => {
    if (!/^\s*\*\s*@example\s*$/.test(line)) return;
    const body: string[] = [];
    for (let i = index + 1; i < lines.length; i++) {
      const text = lines[i] ?? '';
      if (/^\s*\*\//.test(text) || /^\s*\*\s*@\w+/.test(text)) break;
      body.push(text.replace(/^\s*\* ?/, ''));
    }
    const arrow = body.findIndex((text) => text.startsWith('//=>'));
    if (arrow === -1) return;
    examples.push({
      file: relative(root, file),
      line: index + 1,
      code: body.slice(0, arrow).join('\n'),
      expected: body
        .slice(arrow)
        .join('\n')
        .replace(/^\/\/=>\s*/, ''),
    });
  });
  return examples;
}

const examples = sourceFiles(join(root, 'src')).flatMap(examplesOf);

/** Evaluates example code with the public API and the example's own module in scope. */
function evaluate(code: string, own: Record<string, unknown>): unknown {
  const js = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const all: Record<string, unknown> = { ...sroi, ...own };
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
      // In scope: the public API, then the internal building blocks of the module's folder (an
      // internal example of the core may use its neighbours; the adapters' modules touch the
      // page or the process when imported, so theirs is not loaded), then the example's own module.
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
