/**
 * What the field table (`analysisFields.ts`) says about one field: its kind, whether it is
 * required, its default, its description for the JSON Schema, and — for a column of a CSV table —
 * its column name and the other headers accepted for it. Records, lists and sections (a part of
 * the analysis with a zod schema of its own) nest fields. Everything that reads or describes an
 * analysis is built from these: the readers (`_generateReaders.ts`), the zod schema and so the
 * JSON Schema (`analysisSchema.ts`), and the CSV columns (`src/csv/csvColumns.ts`).
 */
import type { FieldKind } from './_fields.js';
import type { Issue, IssueCode } from '../model/SroiError.js';
import type * as z from 'zod';

/** A column of a CSV table that a field fills. */
export interface ColumnSpec {
  /** The canonical header, snake_case, as `sroi template` writes it. */
  readonly name: string;
  /** Other headers accepted for the column (compared after `normaliseHeader`). */
  readonly aliases: readonly string[];
}

interface Described {
  /** What the field holds, for the JSON Schema and docs/model.md. */
  readonly description: string;
}

/** A field read by one kind (money, a fraction, text…). */
export interface ScalarSpec<Z extends z.ZodType = z.ZodType, R extends boolean = boolean>
  extends Described {
  readonly type: 'scalar';
  readonly kind: FieldKind<Z>;
  readonly required: R;
  /** The value the normalised analysis holds when the field is left out. */
  readonly default?: unknown;
  /** `false` for a field that is checked but not kept in the normalised analysis (`$schema`). */
  readonly keep: boolean;
  readonly column?: ColumnSpec;
}

/** A rule that spans the fields of one record. */
export type RecordRule =
  /** At most one of `keys` may be given. */
  | {
      readonly rule: 'atMostOne';
      readonly keys: readonly string[];
      readonly code: IssueCode;
      /** The message, given the keys that were given. */
      readonly message: (given: readonly string[]) => string;
    }
  /** At least one of `keys` must be given; the issue is at `at` (a key), else at the record. */
  | {
      readonly rule: 'atLeastOne';
      readonly keys: readonly string[];
      readonly at?: string;
      readonly message: string;
    };

/** A nested object: the analysis itself, `discount`, an outcome, its `proxy`, its `evidence`. */
export interface RecordSpec<F extends FieldSpecs = FieldSpecs, R extends boolean = boolean>
  extends Described {
  readonly type: 'record';
  readonly fields: F;
  readonly required: R;
  readonly rules: readonly RecordRule[];
  /** Left out of the normalised analysis when none of its fields is given (`evidence`). */
  readonly omitWhenEmpty: boolean;
}

/** A list of values of one kind, or of records. */
export interface ListSpec<I extends ItemSpec = ItemSpec, R extends boolean = boolean>
  extends Described {
  readonly type: 'list';
  readonly item: I;
  readonly required: R;
  /** The fewest items allowed, and the issue when there are fewer. */
  readonly min?: { readonly count: number; readonly code: IssueCode; readonly message: string };
  /** For a list of values kept in one CSV cell (`quantity_by_year`: `40;30;20`). */
  readonly column?: ColumnSpec;
}

/** A part of the analysis with a zod schema and reader of its own (`scenarios`, `uncertainty`). */
export interface SectionSpec<Z extends z.ZodType = z.ZodType> extends Described {
  readonly type: 'section';
  readonly zod: Z;
  /** Checks the section; issues carry their full path from the analysis root. */
  readonly read: (raw: unknown) => readonly Issue[];
  readonly required: false;
}

/** What a list holds. */
export type ItemSpec = ScalarSpec<z.ZodType, true> | RecordSpec<FieldSpecs, true>;

/** Any field. */
export type FieldSpec = ScalarSpec | RecordSpec | ListSpec | SectionSpec;

/** The fields of a record, by the key people write. */
export interface FieldSpecs {
  readonly [key: string]: FieldSpec;
}

interface Options<R extends boolean> extends Described {
  readonly required?: R;
}

/** A field of one kind. */
export function scalar<Z extends z.ZodType, const R extends boolean = false>(
  kind: FieldKind<Z>,
  options: Options<R> & {
    readonly default?: unknown;
    readonly keep?: false;
    readonly column?: ColumnSpec;
  },
): ScalarSpec<Z, R> {
  return {
    type: 'scalar',
    kind,
    required: (options.required ?? false) as R,
    description: options.description,
    keep: options.keep ?? true,
    ...(options.default === undefined ? {} : { default: options.default }),
    ...(options.column === undefined ? {} : { column: options.column }),
  };
}

/** A nested record. */
export function record<const F extends FieldSpecs, const R extends boolean = false>(
  fields: F,
  options: Options<R> & { readonly rules?: readonly RecordRule[]; readonly omitWhenEmpty?: true },
): RecordSpec<F, R> {
  return {
    type: 'record',
    fields,
    required: (options.required ?? false) as R,
    description: options.description,
    rules: options.rules ?? [],
    omitWhenEmpty: options.omitWhenEmpty ?? false,
  };
}

/** A list. */
export function list<I extends ItemSpec, const R extends boolean = false>(
  item: I,
  options: Options<R> & { readonly min?: ListSpec['min']; readonly column?: ColumnSpec },
): ListSpec<I, R> {
  return {
    type: 'list',
    item,
    required: (options.required ?? false) as R,
    description: options.description,
    ...(options.min === undefined ? {} : { min: options.min }),
    ...(options.column === undefined ? {} : { column: options.column }),
  };
}

/** A section with a zod schema of its own. */
export function section<Z extends z.ZodType>(
  zod: Z,
  read: (raw: unknown) => readonly Issue[],
  description: string,
): SectionSpec<Z> {
  return { type: 'section', zod, read, description, required: false };
}

/** A column of a CSV table: its canonical name, then the other headers accepted for it. */
export function column(name: string, ...aliases: string[]): ColumnSpec {
  return { name, aliases };
}
