/**
 * What the readers generated from the field table (`_analysisReaders.ts`, written by
 * `_generateReaders.ts`) share: the types of a reading, and the few steps that are the same for
 * every field — an issue for a value that broke its field's rule, a missing required field, an
 * unknown key, a list, a section. A reading never stops at a problem: a field that is wrong holds
 * `INVALID` in the read record, so that the checks that span records still see every other
 * field, and every issue is reported with its path.
 */
import { FieldProblem } from './_fields.js';
import { shown } from './_shown.js';
import type { FieldKind } from './_fields.js';
import type {
  FieldSpec,
  ListSpec,
  RecordRule,
  RecordSpec,
  ScalarSpec,
  SectionSpec,
} from './_fieldSpec.js';
import type { Issue, IssueCode } from '../model/SroiError.js';

/** What a field that broke its rule holds in a read record. */
export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;

/** A JSON path. */
export type Path = readonly (string | number)[];

/**
 * The path of the value being read. A reader extends it while it reads a nested value and
 * restores it before it returns; every issue gets a copy, so one array serves a whole reading.
 */
export type ReadPath = (string | number)[];

/** Where a reader puts each issue it finds. */
export type ReportIssue = (issue: Issue) => void;

/** A read record: each field's normalised value, `INVALID`, or absent. */
export type ReadFields = Record<string, unknown>;

/**
 * Reads one raw record at `path` (see `ReadPath`), reporting each issue; the fields named in
 * `omit` are neither read nor reported (the tables of a CSV analysis, read separately).
 */
export type RecordReader = (
  raw: unknown,
  path: ReadPath,
  report: ReportIssue,
  omit?: ReadonlySet<string>,
) => ReadFields | Invalid;

/**
 * Reads the cells of a table's row: one value per field, in the order of `fields` (each a
 * field's path in the row's record, `proxy.value`); a field with no cell is `undefined`.
 */
export interface CellsReader {
  readonly fields: readonly string[];
  readonly read: (cells: readonly unknown[], path: ReadPath, report: ReportIssue) => ReadFields;
}

/** The readers of a field table: the whole analysis, one outcome, one input. */
export interface AnalysisReaders {
  readonly analysis: RecordReader;
  readonly outcome: RecordReader;
  readonly input: RecordReader;
  /** An outcome and an input from the cells of a table's row (`readCsvAnalysis`). */
  readonly outcomeCells: CellsReader;
  readonly inputCells: CellsReader;
}

/** How many unknown keys an issue names before it counts the rest. */
const NAMED_KEYS = 5;

/** The steps the generated readers call; passed to them, so that a reader of a copy of the table can be built in a test. */
export const readerRuntime = {
  INVALID,
  FieldProblem,

  /** The issue for a value that is not a record (or is missing). */
  notRecord(raw: unknown, path: ReadPath, label: string, report: ReportIssue): Invalid {
    report(
      raw === undefined
        ? { code: 'required', message: `${label} is required`, path: [...path] }
        : {
            code: 'invalid_type',
            message: `${label} must be an object, got ${shown(raw)}`,
            path: [...path],
            received: raw,
          },
    );
    return INVALID;
  },

  /** The issue naming a record's unknown keys (the first few, then a count). */
  unknownKeys(
    raw: Readonly<Record<string, unknown>>,
    known: ReadonlySet<string>,
    path: ReadPath,
    report: ReportIssue,
  ): void {
    const keys: string[] = [];
    for (const key in raw) if (!known.has(key)) keys.push(key);
    const named = keys.slice(0, NAMED_KEYS).map((key) => shown(key));
    const more = keys.length > NAMED_KEYS ? ` and ${keys.length - NAMED_KEYS} more` : '';
    report({
      code: 'unknown_key',
      message: `unknown field${keys.length === 1 ? '' : 's'} ${named.join(', ')}${more} (check the spelling; see the JSON Schema from \`sroi schema\`)`,
      path: [...path],
      received: keys,
    });
  },

  /** The issue for a value that broke its field's rule. */
  problem(
    problem: FieldProblem,
    received: unknown,
    path: ReadPath,
    key: string | number,
    report: ReportIssue,
  ): Invalid {
    report({ code: problem.code, message: problem.message, path: [...path, key], received });
    return INVALID;
  },

  /** The issue for a required field left out, or given as empty text. */
  missing(
    path: ReadPath,
    key: string | number,
    label: string,
    report: ReportIssue,
    received?: unknown,
  ): Invalid {
    report({
      code: 'required',
      message: received === undefined ? `${label} is required` : `${label} must not be empty`,
      path: [...path, key],
      ...(received === undefined ? {} : { received }),
    });
    return INVALID;
  },

  /** A list, or the issue for a value that is not one (or has too few items). */
  list(
    raw: unknown,
    path: ReadPath,
    label: string,
    min: { readonly count: number; readonly code: IssueCode; readonly message: string } | undefined,
    report: ReportIssue,
  ): readonly unknown[] | Invalid {
    if (!Array.isArray(raw)) {
      report({
        code: 'invalid_type',
        message: `${label} must be a list, got ${shown(raw)}`,
        path: [...path],
        received: raw,
      });
      return INVALID;
    }
    if (min !== undefined && raw.length < min.count) {
      report({ code: min.code, message: min.message, path: [...path], received: raw });
    }
    return raw as readonly unknown[];
  },

  /** Each value of a list by its kind. */
  values(
    items: readonly unknown[],
    kind: FieldKind,
    label: string,
    path: ReadPath,
    report: ReportIssue,
  ): unknown[] {
    const out = new Array<unknown>(items.length);
    for (let i = 0; i < items.length; i += 1) {
      const item = items[i];
      if (item === undefined) {
        out[i] = readerRuntime.missing(path, i, label, report);
        continue;
      }
      const read = kind.read(item, label);
      if (read instanceof FieldProblem) out[i] = readerRuntime.problem(read, item, path, i, report);
      else if (read === '' && kind.emptyIsAbsent === true) {
        out[i] = readerRuntime.missing(path, i, label, report, item);
      } else out[i] = read;
    }
    return out;
  },

  /**
   * Each record of a list, read on its own: a record that cannot be read at all (a getter or a
   * Proxy trap throws) is an issue at its index, and the reading goes on.
   */
  records(
    items: readonly unknown[],
    read: RecordReader,
    path: ReadPath,
    report: ReportIssue,
  ): unknown[] {
    const out = new Array<unknown>(items.length);
    const depth = path.length;
    path.push(0);
    for (let i = 0; i < items.length; i += 1) {
      path[depth] = i;
      try {
        out[i] = read(items[i], path, report);
      } catch (error) {
        path.length = depth + 1; // the reading stopped inside a nested value
        report(unreadable([...path], error));
        out[i] = INVALID;
      }
    }
    path.pop();
    return out;
  },

  /** The issues of a section read by its own schema (`scenarios`, `uncertainty`). */
  section(issues: readonly Issue[], report: ReportIssue): void {
    for (const issue of issues) report(issue);
  },

  /** The issue for a record's own rule broken: at most one of, or at least one of, some keys. */
  rule(out: ReadFields, rule: RecordRule, raw: unknown, path: ReadPath, report: ReportIssue): void {
    let given = 0;
    for (const key of rule.keys) if (out[key] !== undefined) given += 1;
    if (rule.rule === 'atMostOne' && given > 1) {
      const keys = rule.keys.filter((key) => out[key] !== undefined);
      report({ code: rule.code, message: rule.message(keys), path: [...path], received: raw });
    } else if (rule.rule === 'atLeastOne' && given === 0) {
      report({
        code: 'required',
        message: rule.message,
        path: rule.at === undefined ? [...path] : [...path, rule.at],
      });
    }
  },

  /** The spec of a field of the table by its path (a list's items are stepped into). */
  fieldAt(table: RecordSpec, path: readonly string[]): FieldSpec {
    let record: RecordSpec = table;
    let field: FieldSpec = table;
    for (const key of path) {
      const next = record.fields[key];
      if (next === undefined) throw new Error(`the field table has no field ${path.join('.')}`);
      field = next;
      const inner = next.type === 'list' ? next.item : next;
      if (inner.type === 'record') record = inner;
    }
    return field;
  },

  /** A scalar field of the table (or the scalar items of a list field). */
  scalarAt(table: RecordSpec, path: readonly string[]): ScalarSpec {
    const field = readerRuntime.fieldAt(table, path);
    const scalar = field.type === 'list' ? field.item : field;
    if (scalar.type !== 'scalar') throw new Error(`${path.join('.')} is not a scalar field`);
    return scalar;
  },

  /** A record of the table (or the record items of a list field); the table itself for `[]`. */
  recordAt(table: RecordSpec, path: readonly string[]): RecordSpec {
    const field = readerRuntime.fieldAt(table, path);
    const record = field.type === 'list' ? field.item : field;
    if (record.type !== 'record') throw new Error(`${path.join('.')} is not a record`);
    return record;
  },

  /** A list field of the table. */
  listAt(table: RecordSpec, path: readonly string[]): ListSpec {
    const field = readerRuntime.fieldAt(table, path);
    if (field.type !== 'list') throw new Error(`${path.join('.')} is not a list`);
    return field;
  },

  /** A section of the table. */
  sectionAt(table: RecordSpec, path: readonly string[]): SectionSpec {
    const field = readerRuntime.fieldAt(table, path);
    if (field.type !== 'section') throw new Error(`${path.join('.')} is not a section`);
    return field;
  },

  /**
   * A maker of plain objects (their prototype is `Object.prototype`) for the records of one
   * kind. Made by a constructor of their own, they get room for all their fields in the object
   * itself, where V8 would otherwise grow them field by field: a large table reads faster.
   */
  plainObjects(): new () => ReadFields {
    const Fields = function () {
      // no fields until the reader sets them
    } as unknown as new () => ReadFields;
    Fields.prototype = Object.prototype;
    return Fields;
  },

  /** Whether a read record holds nothing (an `evidence` left empty is left out). */
  isEmpty(out: ReadFields): boolean {
    for (const key in out) if (out[key] !== undefined) return false;
    return true;
  },
};

/** The steps the generated readers call. */
export type ReaderRuntime = typeof readerRuntime;

/**
 * The issue for a value whose reading threw: a getter that throws, a Proxy whose traps do. Such a
 * value is an issue at its path, never an exception out of a `safeParse…` function.
 *
 * @example
 * unreadable(['outcomes', 0], new Error('no')).message;
 * //=> 'this value could not be read: reading it threw "no"; give plain data (as JSON.parse makes it)'
 */
export function unreadable(path: Path, error: unknown): Issue {
  let reason: string;
  try {
    reason = shown(error instanceof Error ? error.message : error);
  } catch {
    reason = 'no reason given';
  }
  return {
    code: 'unreadable',
    message: `this value could not be read: reading it threw ${reason}; give plain data (as JSON.parse makes it)`,
    path,
  };
}
