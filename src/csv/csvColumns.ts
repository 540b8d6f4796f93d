/**
 * The columns of the two CSV tables (docs/csv-format.md), taken from the field table
 * (`src/schema/analysisFields.ts`): each field of an outcome or an input that has a column gives
 * its canonical snake_case header, the place in the JSON analysis it fills, whether it is
 * required, and the other titles accepted for it — among them the SROI Value Map's own
 * ("Stakeholders", "Financial proxy", "Value in currency", "Deadweight %", "Drop off %",
 * "Outcomes start", …). Headers are compared after `normaliseHeader`, so case, spaces and
 * punctuation never matter.
 */
import { analysisFields } from '../schema/analysisFields.js';
import type { RecordSpec } from '../schema/_fieldSpec.js';

/** One column of a CSV table. */
export interface CsvColumn {
  /** The canonical header, snake_case, as `sroi template` writes it. */
  readonly name: string;
  /** Where the cell goes in one row's JSON object, e.g. `['proxy', 'value']`. */
  readonly path: readonly string[];
  /** A row cannot be read without this column. */
  readonly required: boolean;
  /** Other headers accepted for this column (compared after `normaliseHeader`). */
  readonly aliases: readonly string[];
  /** A required column that this other column can stand in for. */
  readonly alternative?: string;
  /** The cell holds a list of quantities separated by `;` or `|` (`quantity_by_year`). */
  readonly list?: true;
  /**
   * What kind of number the cell holds, if any: `fraction` (0–1 or a percentage), `amount`
   * (money or a quantity) or `years`. It decides how a `;` file's separators are read, and
   * which unknown headers may be a misspelt numeric column (docs/csv-format.md).
   */
  readonly numeric?: 'fraction' | 'amount' | 'years';
}

/**
 * The CSV columns of one record of the field table, in the table's order: each field with a
 * column, and those of its nested records (`proxy`, `evidence`). A column is required when its
 * field and every record around it are, or when a record rule asks for it or another
 * (`quantity`, or else `quantity_by_year`: its alternative).
 *
 * @example
 * [inputColumns.map((column) => column.name), outcomeColumns.find((c) => c.name === 'quantity')?.alternative];
 * //=> [['stakeholder', 'description', 'kind', 'value', 'year'], 'quantity_by_year']
 */
export function tableColumns(spec: RecordSpec): CsvColumn[] {
  const columns: CsvColumn[] = [];
  const asked = new Map<string, readonly string[]>(); // field path → the fields that may stand in
  collect(spec, [], true, columns, asked);
  return columns.map((column) => {
    const others = asked.get(column.path.join('.'));
    if (others === undefined || !column.required) return column;
    const alternative = columns.find((c) => others.includes(c.path.join('.')))?.name;
    return alternative === undefined ? column : { ...column, alternative };
  });
}

function collect(
  spec: RecordSpec,
  path: readonly string[],
  required: boolean,
  columns: CsvColumn[],
  asked: Map<string, readonly string[]>,
): void {
  for (const rule of spec.rules) {
    if (rule.rule !== 'atLeastOne' || rule.at === undefined) continue;
    const others = rule.keys
      .filter((key) => key !== rule.at)
      .map((key) => [...path, key].join('.'));
    asked.set([...path, rule.at].join('.'), others);
  }
  for (const [key, field] of Object.entries(spec.fields)) {
    const at = [...path, key];
    if (field.type === 'record') {
      collect(field, at, required && field.required, columns, asked);
      continue;
    }
    if (field.type === 'section' || field.column === undefined) continue;
    const numeric = field.type === 'scalar' ? field.kind.numeric : undefined;
    columns.push({
      name: field.column.name,
      path: at,
      required: required && (field.required || asked.has(at.join('.'))),
      aliases: field.column.aliases,
      ...(field.type === 'list' ? { list: true as const } : {}),
      ...(numeric === undefined ? {} : { numeric }),
    });
  }
}

/**
 * The columns of `outcomes.csv`, one row per outcome, as the field table states them.
 *
 * @example
 * outcomeColumns.filter((c) => c.required).map((c) => c.name);
 * //=> ['stakeholder', 'outcome', 'quantity', 'proxy_value', 'duration']
 */
export const outcomeColumns: readonly CsvColumn[] = tableColumns(
  analysisFields.fields.outcomes.item,
);

/**
 * The columns of `inputs.csv`, one row per input.
 *
 * @example
 * inputColumns.map((c) => c.name);
 * //=> ['stakeholder', 'description', 'kind', 'value', 'year']
 */
export const inputColumns: readonly CsvColumn[] = tableColumns(analysisFields.fields.inputs.item);
