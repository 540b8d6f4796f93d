/**
 * The `@example` blocks of the TSDoc in `src/`, as tests/docExamples.test.ts runs them and
 * tests/apiDoc.test.ts finds them on docs/api.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');

/** Every .ts file under a folder. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

export interface Example {
  readonly file: string;
  readonly line: number;
  /** The code before the result. */
  readonly code: string;
  /** The result shown, after `//=>`. */
  readonly expected: string;
  /** The whole example as written, code and result. */
  readonly text: string;
}

/**
 * The `@example` blocks of a file whose result is shown as `//=> …` (an example without one is
 * not checked), each from the line after `@example` to the next tag or the end of the comment.
 */
export function examplesOf(file: string): Example[] {
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
      text: body.join('\n').replace(/\n+$/, ''),
    });
  });
  return examples;
}
