import { parseJsonText } from './_parseJson.js';
import { formatPath } from '../model/formatIssue.js';
import { optionsArgument, textArgument, wholeNumber } from '../model/_arguments.js';
import type { JsonProblem, PathTree } from './_parseJson.js';
import type { Issue } from '../model/SroiError.js';

/**
 * How deep `readJson` reads by default: an analysis needs about eight levels.
 *
 * @example
 * readJson('[[[1]]]', { maxDepth: 2 }).issues.length;
 * //=> 1
 */
export const maxJsonDepth = 64;

/**
 * Where a value begins in a JSON text: 1-based line and column. Lines end at `\n`, `\r\n` or
 * `\r`; a column counts UTF-16 code units (as editors do), a tab as one; a leading byte-order
 * mark is not counted.
 */
export interface JsonLocation {
  /** The file name, as given to `readJson`. */
  readonly file?: string;
  readonly line: number;
  readonly column: number;
}

/** An issue found in a JSON text or in what it holds, with where its value is in the text. */
export interface JsonIssue extends Issue {
  readonly location?: JsonLocation;
}

/** Options of `readJson`. */
export interface ReadJsonOptions {
  /** The file name the locations carry. */
  readonly file?: string;
  /** How many levels of objects and lists to read; deeper is an issue (default 64). */
  readonly maxDepth?: number;
}

/** What `readJson` found. */
export interface ReadJsonResult {
  /** Whether the text held one JSON value: no syntax error, not nested too deep. */
  readonly ok: boolean;
  /** The value (`undefined` when not `ok`). Number literals a double cannot hold exactly are their source text. */
  readonly value: unknown;
  /** The problems of the text itself, located: a syntax error, a key given twice, a number out of range. */
  readonly issues: readonly JsonIssue[];
  /**
   * Gives each issue about the value (a path into it, e.g. from `safeParseAnalysis`) the location
   * of its value, or of the nearest enclosing value present when its own is missing. An issue
   * that already names a file (a CSV cell) is left as it is. One pass over the text for all.
   */
  readonly locate: (issues: readonly Issue[]) => JsonIssue[];
  /**
   * This text's own issues, then `issues` located — except those at a path where the text
   * already has an issue (`1e400` is out of range; that it is also too large an amount of money
   * says nothing more).
   */
  readonly withIssues: (issues: readonly Issue[]) => JsonIssue[];
}

/**
 * Reads JSON text as `JSON.parse` does, but keeps what `JSON.parse` loses: where each value
 * is (line and column, for every issue), a key given twice (an issue, where `JSON.parse` keeps
 * the last silently), number literals beyond a double's precision (given as their exact source
 * text, for fields that read text: `12345678901234567890.12` is not rounded) and beyond its range
 * (`1e400`, `1e-400`: issues, where `JSON.parse` gives `Infinity` or `0`). Nesting deeper than
 * `maxDepth` is an issue, never a stack overflow, and a syntax error has its line and column.
 * A key `"__proto__"` is an ordinary key. Never throws for any text.
 *
 * @example
 * const read = readJson('{\n  "name": "x",\n  "name": "y"\n}', { file: 'a.json' });
 * [read.value, read.issues.map((i) => `${i.location?.line}:${i.location?.column} ${i.message}`)];
 * //=> [{ name: 'x' }, ['3:3 the field "name" is given twice in one object; give it once (sroi reads the first and reports the second)']]
 */
export function readJson(text: string, options: ReadJsonOptions = {}): ReadJsonResult {
  textArgument('readJson', text);
  const given = optionsArgument('readJson', options);
  if (given['maxDepth'] !== undefined)
    wholeNumber('readJson', 'options.maxDepth', given['maxDepth'], 1, 10_000);
  if (given['file'] !== undefined) textArgument('readJson', given['file'], 'options.file');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const maxDepth = options.maxDepth ?? maxJsonDepth;
  const parsed = parseJsonText(body, maxDepth);
  const ok = !parsed.problems.some((p) => p.fatal);
  let lines: LineIndex | undefined;
  const where = (offset: number): JsonLocation => {
    lines ??= new LineIndex(body);
    return { ...(options.file === undefined ? {} : { file: options.file }), ...lines.at(offset) };
  };
  const issues = parsed.problems.map((p) => problemIssue(p, where(p.offset)));
  const locate = (found: readonly Issue[]): JsonIssue[] => {
    const pending = new Set(
      found.filter((issue) => issue.file === undefined && !('location' in issue)),
    );
    if (pending.size === 0 || !ok) return [...found];
    const tree: PathTree = { children: new Map() };
    for (const issue of pending) {
      let node = tree;
      for (const segment of issue.path) {
        let child = node.children.get(segment);
        if (child === undefined) {
          child = { children: new Map() };
          node.children.set(segment, child);
        }
        node = child;
      }
    }
    parseJsonText(body, maxDepth, tree);
    return found.map((issue) => {
      if (!pending.has(issue)) return issue;
      let node: PathTree | undefined = tree;
      let offset = tree.offset ?? 0;
      for (const segment of issue.path) {
        node = node.children.get(segment);
        if (node?.offset === undefined) break;
        offset = node.offset;
      }
      return { ...issue, location: where(offset) };
    });
  };
  const withIssues = (found: readonly Issue[]): JsonIssue[] => {
    const covered = new Set(issues.map((issue) => formatPath(issue.path)));
    return [...issues, ...locate(found.filter((issue) => !covered.has(formatPath(issue.path))))];
  };
  return { ok, value: ok ? parsed.value : undefined, issues, locate, withIssues };
}

function problemIssue(problem: JsonProblem, location: JsonLocation): JsonIssue {
  return {
    code: problem.code,
    message: problem.message,
    path: problem.path,
    ...(problem.received === undefined ? {} : { received: problem.received }),
    location,
  };
}

/** Line starts of a text, for turning offsets into lines and columns by binary search. */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) this.starts.push(i + 1);
      else if (c === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        this.starts.push(i + 1);
      }
    }
  }

  at(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }
}
