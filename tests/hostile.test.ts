/**
 * The hostile corpus (`fixtures/hostile/cases.json`): inputs at the CLI's edges — files, JSON,
 * names, the terminal, rounding, Monte Carlo, sizes — each run through `run` in-process, with a
 * fake I/O or, where the case is about the file system (a FIFO, a device, a link), real files in
 * a temporary copy. Every case ends with its exit code and message, no stack trace, no input
 * changed, output bounded by its input, and no control character reaching the terminal. A hang
 * fails by the test timeout. The library's cases call an export with wrong arguments and expect
 * a `SroiError` `INVALID_ARGUMENT` with its message.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  linkSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIo, root } from './cli/_fakeIo.js';
import { nodeFiles } from '../src/cli/_nodeIo.js';
import { run } from '../src/cli/run.js';
import * as sroi from '../src/index.js';
import { SroiError } from '../src/model/SroiError.js';
import * as sroiXlsx from '../src/xlsx.js';
import { manyOutcomes } from './_manyOutcomes.js';
import type { CliIo } from '../src/cli/_io.js';

interface HostileCase {
  readonly id: string;
  readonly class: 'json' | 'files' | 'names' | 'terminal' | 'rounding' | 'montecarlo' | 'size';
  readonly args: readonly string[];
  readonly exit: 0 | 1 | 2;
  readonly stdout?: string;
  readonly stderr?: string;
  /** `data`: standard output is JSON, CSV, HTML or Markdown, which escape their own text. */
  readonly format?: 'data';
  readonly mode?: 'real';
  readonly setup?: 'fifo' | 'hard-link' | 'symlink-environ';
  readonly generate?: keyof typeof generators;
  readonly unreadable?: readonly string[];
  readonly failWrite?: string;
  /** A file whose content must not be echoed beyond an excerpt. */
  readonly leak?: string;
  /** How long the case may take, in ms, when a big input needs more than 20 s. */
  readonly timeout?: number;
}

/** A call of a library export with wrong arguments, and the `INVALID_ARGUMENT` message it gives. */
interface LibraryCase {
  readonly id: string;
  readonly class: 'library';
  readonly call: string;
  readonly args: readonly unknown[];
  readonly error: string;
}

const corpus = join(root, 'fixtures', 'hostile');
const corpusCases = (
  JSON.parse(readFileSync(join(corpus, 'cases.json'), 'utf8')) as {
    cases: (HostileCase | LibraryCase)[];
  }
).cases;
const cases = corpusCases.filter((c): c is HostileCase => c.class !== 'library');
const libraryCases = corpusCases.filter((c): c is LibraryCase => c.class === 'library');

const base = readFileSync(join(corpus, 'json-byte-order-mark', 'analysis.json'), 'utf8').slice(1);

/** Big inputs, written by the test rather than kept in the repository. */
const generators = {
  // 100,000 nested lists: the JSON.parse-based reader overflowed the stack (exit 3).
  'deep-nesting': () => ({
    'analysis.json': `{"description": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "name": "x"}`,
  }),
  // 10,000 keys given twice.
  'many-duplicates': () => ({
    'analysis.json': `{${Array.from({ length: 10_000 }, (_, i) => `"k${i}": 1, "k${i}": 2`).join(', ')}}`,
  }),
  // A name of a million characters.
  'long-name': () => ({ 'analysis.json': base.replace('Hostile base', 'n'.repeat(1_000_000)) }),
  // A name holding a million spaces before a line break: escapeMarkdown was quadratic on it.
  'long-whitespace-name': () => ({
    'analysis.json': base.replace('Hostile base', `a${' '.repeat(1_000_000)}\\nb`),
  }),
  // An analysis of about 3.5 KB (white space added), above a limit of 2 KB.
  'three-kilobytes': () => ({ 'analysis.json': base.replace('{', `{${' '.repeat(3_000)}`) }),
  // 150,000 outcomes (1,200,003 assumptions): sensitivity analysis of them exhausted 4 GB.
  'outcomes-150000': () => ({
    'analysis.json': JSON.stringify({
      name: '150,000 outcomes',
      discount: { rate: '3.5%' },
      inputs: [{ description: 'Grant', value: '100000000' }],
      outcomes: manyOutcomes(150_000),
    }),
  }),
};

/** Every file below a folder, relative path → content. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !entry.isSymbolicLink()) {
      files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  }
  return files;
}

/** Characters `terminalSafe` escapes, written out here again: none may reach the terminal. */
const RAW_CONTROL =
  // eslint-disable-next-line no-control-regex -- the characters under test
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

async function runCase(c: HostileCase) {
  const generated: Record<string, string> =
    c.generate === undefined ? {} : generators[c.generate]();
  let dir: string;
  let io: CliIo;
  const out = { stdout: '', stderr: '' };
  let inputsAfter: () => Map<string, string>;
  let inputsBefore: Map<string, string>;
  if (c.mode === 'real') {
    dir = mkdtempSync(join(tmpdir(), `sroi-hostile-${c.id}-`));
    if (existsSync(join(corpus, c.id))) cpSync(join(corpus, c.id), dir, { recursive: true });
    if (c.setup === 'fifo') execFileSync('mkfifo', [join(dir, 'outcomes.csv')]);
    if (c.setup === 'hard-link') linkSync(join(dir, 'analysis.json'), join(dir, 'hard.json'));
    if (c.setup === 'symlink-environ') symlinkSync('/proc/self/environ', join(dir, 'outcomes.csv'));
    inputsBefore = snapshot(dir);
    inputsAfter = () => snapshot(dir);
    io = {
      ...nodeFiles(),
      stdout: (text) => void (out.stdout += text),
      stderr: (text) => void (out.stderr += text),
      cwd: dir,
    };
  } else {
    dir = join('fixtures', 'hostile', c.id);
    const overlay = Object.fromEntries(
      Object.entries(generated).map(([name, text]) => [join(dir, name), text]),
    );
    const fake = fakeIo(overlay, {
      unreadable: (c.unreadable ?? []).map((name) => join(dir, name)),
      ...(c.failWrite === undefined
        ? {}
        : { failWrite: (path) => path.includes(c.failWrite ?? '') }),
    });
    const onDisk = snapshot(join(root, dir));
    inputsBefore = new Map([...onDisk, ...Object.entries(generated)]);
    inputsAfter = () => {
      const after = new Map<string, string>();
      for (const name of inputsBefore.keys()) {
        after.set(name, fake.file(join(dir, name)) ?? readFileSync(join(root, dir, name), 'utf8'));
      }
      return after;
    };
    io = {
      ...fake.io,
      stdout: (text) => void (out.stdout += text),
      stderr: (text) => void (out.stderr += text),
    };
  }
  const args = c.args.map((arg) => arg.replaceAll('{case}', dir));
  const code = await run(args, io);
  let inputSize = args.join(' ').length;
  for (const text of inputsBefore.values()) inputSize += text.length;
  return { code, ...out, inputSize, inputsBefore, inputsAfter: inputsAfter() };
}

describe('the hostile corpus', () => {
  it('holds at least 40 cases, with every class represented and no id twice', () => {
    expect(corpusCases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpusCases.map((c) => c.class))).toEqual(
      new Set(['json', 'files', 'names', 'terminal', 'rounding', 'montecarlo', 'size', 'library']),
    );
    expect(new Set(corpusCases.map((c) => c.id)).size).toBe(corpusCases.length);
  });

  // each case with its own timeout: a case given none may take 20 s
  for (const c of cases)
    it(c.id, { timeout: c.timeout ?? 20_000 }, async () => {
      const result = await runCase(c);
      const both = `${result.stdout}${result.stderr}`;
      expect(result.code, both.slice(0, 2000)).toBe(c.exit);
      if (c.stdout !== undefined) expect(result.stdout).toMatch(new RegExp(c.stdout));
      if (c.stderr !== undefined) expect(result.stderr).toMatch(new RegExp(c.stderr));
      // No stack trace, no internal error.
      expect(both).not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?\n/);
      // Output linear in the input (an HTML report is about 30 KB before any content).
      expect(both.length).toBeLessThanOrEqual(50 * result.inputSize + 100_000);
      // Nothing the command read was changed.
      expect(result.inputsAfter).toEqual(result.inputsBefore);
      // Nothing raw for the terminal: standard error always, standard output for text formats.
      expect(result.stderr).not.toMatch(RAW_CONTROL);
      if (c.format !== 'data') expect(result.stdout).not.toMatch(RAW_CONTROL);
      // A file's content is echoed as an excerpt at most: nothing past its first 200 characters
      // (a piece that also occurs in those is not counted).
      if (c.leak !== undefined && statSync(c.leak).isFile()) {
        const content = readFileSync(c.leak, 'utf8');
        // A file with NUL characters is not text, and none of it is shown: no piece of 16
        // characters of its first 200 appears either.
        if (content.includes('\u0000')) {
          for (let at = 0; at + 16 <= Math.min(content.length, 200); at += 16) {
            expect(both).not.toContain(JSON.stringify(content.slice(at, at + 16)).slice(1, -1));
            expect(both).not.toContain(content.slice(at, at + 16));
          }
        }
        const excerpt = content.slice(0, 240);
        for (let at = 200; at + 40 <= content.length; at += 40) {
          const piece = content.slice(at, at + 40);
          if (excerpt.includes(piece)) continue;
          expect(both).not.toContain(piece);
          expect(both).not.toContain(JSON.stringify(piece).slice(1, -1));
        }
      }
    });
});

describe("the hostile corpus: the library's arguments", () => {
  const exported = { ...sroi, ...sroiXlsx } as Record<string, unknown>;

  it.each(libraryCases.map((c) => [c.id, c] as const))('%s', (_, c) => {
    const fn = exported[c.call];
    expect(typeof fn, `${c.call} is an export`).toBe('function');
    let error: unknown;
    try {
      (fn as (...args: unknown[]) => unknown)(...c.args);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(SroiError);
    expect((error as SroiError).code).toBe('INVALID_ARGUMENT');
    expect((error as SroiError).message).toMatch(new RegExp(c.error));
  });
});
