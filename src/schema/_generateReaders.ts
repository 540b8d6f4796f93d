/**
 * Writes the readers of a field table as TypeScript: for each record of the table (the analysis,
 * `discount`, a stakeholder, an input, an outcome, its `proxy` and `evidence`) one function that
 * reads each field by name with its own kind, fills in the table's defaults, checks the record's
 * rules and reports every problem with its path (docs/decisions/0011-one-field-table.md).
 * An outcome and an input also get a reader of cells — the row of a table, one value per field
 * in a fixed order — for `readCsvAnalysis`, written from the same code with only the place a
 * value is taken from changed. Generated code reads as fast as code written by hand — each
 * property read and each rule call is its own call site — without running code made at run
 * time, which a page's Content Security Policy may forbid. `scripts/write-readers.ts` writes
 * `_analysisReaders.ts` with it, and a test checks that the file is what the table gives.
 */
import type { FieldSpec, RecordSpec } from './_fieldSpec.js';

/**
 * The source of `makeReaders(t, rt)` for the field table `table`: called with the same table
 * and `readerRuntime`, it returns its `AnalysisReaders`.
 *
 * @example
 * const none = { type: 'record', description: '', required: true, rules: [], omitWhenEmpty: false,
 *   fields: {} } as const;
 * const table = { ...none, fields: {
 *   outcomes: { type: 'list', description: '', required: true, item: none },
 *   inputs: { type: 'list', description: '', required: false, item: none } } } as const;
 * generateReaders(table).split('\n')[0];
 * //=> 'function makeReaders(t: RecordSpec, rt: ReaderRuntime): AnalysisReaders {'
 */
export function generateReaders(table: RecordSpec): string {
  const out = new Writer();
  out.line('function makeReaders(t: RecordSpec, rt: ReaderRuntime): AnalysisReaders {');
  out.line('const { INVALID, FieldProblem } = rt;');
  const functions: string[] = [];
  const root = record(table, [], 'the analysis', '', 'root', out, functions);
  const tables = ['outcomes', 'inputs'].map((key) => {
    const list = table.fields[key];
    if (list?.type !== 'list' || list.item.type !== 'record') {
      throw new Error(`the field table needs a list of records "${key}"`);
    }
    const cells: string[] = [];
    // The item's JSON reader is written with the analysis': only its reader of cells here.
    const reader = record(list.item, [key], `an item of ${key}`, '', { cells, base: [] }, out, functions);
    return { reader, cells };
  });
  const [outcomes, inputs] = tables as [(typeof tables)[0], (typeof tables)[0]];
  for (const fn of functions) out.line(fn);
  out.line(`return {
    analysis: ${root},
    outcome: ${nameOf(['outcomes'])},
    input: ${nameOf(['inputs'])},
    outcomeCells: { fields: ${JSON.stringify(outcomes.cells)}, read: ${outcomes.reader} },
    inputCells: { fields: ${JSON.stringify(inputs.cells)}, read: ${inputs.reader} },
  };`);
  out.line('}');
  return out.text();
}

/**
 * The whole module `_analysisReaders.ts`: the readers of `analysisFields`, before formatting
 * (`scripts/write-readers.ts` formats it with Prettier).
 */
export function readersModule(table: RecordSpec): string {
  return `// Generated from analysisFields.ts by scripts/write-readers.ts (npm run readers): do not edit.
/**
 * The readers of the field table, generated from it by \`_generateReaders.ts\`: the analysis,
 * one outcome and one input (as JSON, and as the cells of a table's row), each field read by its
 * kind, every issue reported with its path.
 */
import { analysisFields } from './analysisFields.js';
import { readerRuntime } from './_readerRuntime.js';
import type { RecordRule, RecordSpec } from './_fieldSpec.js';
import type {
  AnalysisReaders,
  Invalid,
  ReadFields,
  ReaderRuntime,
  ReadPath,
  ReportIssue,
} from './_readerRuntime.js';

/** The readers of an analysis, one outcome and one input, by the field table. */
export const analysisReaders: AnalysisReaders = makeReaders(analysisFields, readerRuntime);

${generateReaders(table)}`;
}

class Writer {
  private readonly lines: string[] = [];
  line(text: string): void {
    this.lines.push(text);
  }
  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

const q = (text: string): string => JSON.stringify(text);
const identifier = (parts: readonly string[]): string =>
  parts.join('_').replace(/[^A-Za-z0-9_]/g, '_');
const nameOf = (path: readonly string[]): string => identifier(['read', ...path]);
const pathLiteral = (path: readonly string[]): string => `[${path.map(q).join(', ')}]`;

/**
 * Where a record's reader takes its values from: the root's JSON (whose fields may be omitted),
 * a JSON record, or — for the records of a table row — also the row's cells, one per field in
 * the order of `cells` (each field's path within the row's record, `proxy.value`).
 */
type Mode = 'root' | 'json' | { readonly cells: string[]; readonly base: readonly string[] };

/**
 * Writes the reader of one record (and, first, those of the records inside it) into
 * `functions`; its constants (the fields' specs and kinds) go to `out`. Returns the name of the
 * reader of cells when `mode` asks for one, else that of the JSON reader.
 */
function record(
  spec: RecordSpec,
  path: readonly string[],
  label: string,
  prefix: string,
  mode: Mode,
  out: Writer,
  functions: string[],
): string {
  const name = nameOf(path);
  const fromCells = typeof mode === 'object';
  // A record of a table's row gets its reader of cells only: its JSON reader is written with
  // the analysis'.
  const json = !fromCells;
  if (json) {
    out.line(`const ${name}_Fields = rt.plainObjects();`);
    out.line(`const ${name}_spec = rt.recordAt(t, ${pathLiteral(path)});`);
    out.line(`const ${name}_known: ReadonlySet<string> = new Set(Object.keys(${name}_spec.fields));`);
  }
  const jsonCode: string[] = [];
  const cells: string[] = [];
  Object.entries(spec.fields).forEach(([key, field]) => {
    const at = [...path, key];
    if (json) {
      const code = fieldCode(key, field, at, `${prefix}${key}`, out, functions, 'json');
      jsonCode.push(
        mode === 'root' ? `if (omit === undefined || !omit.has(${q(key)})) {\n${code}\n}` : code,
      );
    }
    if (fromCells) {
      const base = [...mode.base, key];
      cells.push(fieldCode(key, field, at, `${prefix}${key}`, out, functions, { ...mode, base }));
    }
  });
  const rules = (raw: string) =>
    spec.rules.map(
      (_rule, index) =>
        `rt.rule(out, ${name}_spec.rules[${index}] as RecordRule, ${raw}, path, report);`,
    );
  if (json) {
    functions.push(`
function ${name}(raw: unknown, path: ReadPath, report: ReportIssue${mode === 'root' ? ', omit?: ReadonlySet<string>' : ''}): ReadFields | Invalid {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return rt.notRecord(raw, path, ${q(label)}, report);
  }
  const r = raw as Readonly<Record<string, unknown>>;
  for (const key in r) {
    if (!${name}_known.has(key)) {
      rt.unknownKeys(r, ${name}_known, path, report);
      break;
    }
  }
  const out: ReadFields = new ${name}_Fields();
  let v: unknown;
  let x: unknown;
${jsonCode.join('\n')}
${rules('raw').join('\n')}
  return out;
}`);
  }
  if (!fromCells) return name;
  const cellsName = identifier(['cells', ...path]);
  functions.push(`
function ${cellsName}(cells: readonly unknown[], path: ReadPath, report: ReportIssue): ReadFields {
  const out: ReadFields = new ${name}_Fields();
  let v: unknown;
  let x: unknown;
${cells.join('\n')}
${rules('undefined').join('\n')}
  return out;
}`);
  return cellsName;
}

/** The statements that read one field of a record into `out`. */
function fieldCode(
  key: string,
  field: FieldSpec,
  at: readonly string[],
  label: string,
  out: Writer,
  functions: string[],
  mode: 'json' | { readonly cells: string[]; readonly base: readonly string[] },
): string {
  const k = q(key);
  const ref = identifier(['f', ...at]);
  const fromCells = mode !== 'json';
  // Only the JSON readers declare the field's constants, once.
  const declare = (text: string): void => {
    if (!fromCells) out.line(text);
  };
  // The value: the record's property, or the row's cell for the field.
  let value = `r[${k}]`;
  if (fromCells && field.type !== 'record' && field.type !== 'section') {
    value = `cells[${mode.cells.length}]`;
    mode.cells.push(mode.base.join('.'));
  }
  const missing = field.required ? `out[${k}] = rt.missing(path, ${k}, ${q(label)}, report);` : '';
  // `if (v === undefined) …; else { … }`, or `if (v !== undefined) { … }` when nothing is done
  // for a field left out.
  const present = (absent: string, lines: readonly string[]): string =>
    absent === ''
      ? `v = ${value};\nif (v !== undefined) {\n${lines.join('\n')}\n}`
      : `v = ${value};\nif (v === undefined) ${absent}\nelse {\n${lines.join('\n')}\n}`;
  switch (field.type) {
    case 'scalar': {
      declare(`const ${ref} = rt.scalarAt(t, ${pathLiteral(at)});`);
      declare(`const ${ref}_kind = ${ref}.kind;`);
      const keep = field.keep;
      const fallback = field.default !== undefined && keep ? `out[${k}] = ${ref}.default;` : '';
      const problem = `rt.problem(x, v, path, ${k}, report)`;
      const lines = [
        `x = ${ref}_kind.read(v, ${q(label)});`,
        `if (x instanceof FieldProblem) ${keep ? `out[${k}] = ${problem}` : problem};`,
      ];
      if (field.kind.emptyIsAbsent === true) {
        // Empty text counts as absent: an issue for a required field, else the default.
        const empty = field.required
          ? `out[${k}] = rt.missing(path, ${k}, ${q(label)}, report, v);`
          : fallback;
        if (empty !== '') lines.push(`else if (x === '') ${empty}`);
        if (keep) {
          lines.push(empty === '' ? `else if (x !== '') out[${k}] = x;` : `else out[${k}] = x;`);
        }
      } else if (keep) lines.push(`else out[${k}] = x;`);
      return present(field.required ? missing : fallback, lines);
    }
    case 'record': {
      const first = fromCells ? mode.cells.length : 0;
      const child = record(
        field,
        at,
        label,
        `${label}.`,
        fromCells ? { cells: mode.cells, base: mode.base } : 'json',
        out,
        functions,
      );
      const store = field.omitWhenEmpty
        ? `if (x === INVALID || !rt.isEmpty(x as ReadFields)) out[${k}] = x;`
        : `out[${k}] = x;`;
      const read = [`path.push(${k});`, `x = ${child}(${fromCells ? 'cells' : 'v'}, path, report);`, 'path.pop();', store];
      if (!fromCells) return present(missing, read);
      // A row always has the records its cells go into; one that is left out when it holds
      // nothing is not read at all when none of its cells is filled.
      if (!field.omitWhenEmpty) return read.join('\n');
      const filled = Array.from(
        { length: mode.cells.length - first },
        (_, i) => `cells[${first + i}] !== undefined`,
      );
      return `if (${filled.join(' || ')}) {\n${read.join('\n')}\n}`;
    }
    case 'list': {
      declare(`const ${ref} = rt.listAt(t, ${pathLiteral(at)});`);
      let items: string;
      if (field.item.type === 'record') {
        if (fromCells) throw new Error(`a table's row cannot hold a list of records (${label})`);
        const child = record(field.item, at, `an item of ${label}`, '', 'json', out, functions);
        items = `rt.records(x as readonly unknown[], ${child}, path, report)`;
      } else {
        declare(`const ${ref}_item = rt.scalarAt(t, ${pathLiteral(at)});`);
        items = `rt.values(x as readonly unknown[], ${ref}_item.kind, ${q(`${label}[]`)}, path, report)`;
      }
      return present(missing, [
        `path.push(${k});`,
        `x = rt.list(v, path, ${q(label)}, ${ref}.min, report);`,
        `if (x !== INVALID) x = ${items};`,
        'path.pop();',
        `out[${k}] = x;`,
      ]);
    }
    case 'section':
      if (fromCells) return '';
      declare(`const ${ref} = rt.sectionAt(t, ${pathLiteral(at)});`);
      return `v = ${value};\nif (v !== undefined) rt.section(${ref}.read(v), report);`;
  }
}
