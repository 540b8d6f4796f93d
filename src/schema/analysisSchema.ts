/**
 * The zod schema of an analysis as people write it, built from the field table
 * (`analysisFields.ts`): each field is its kind's zod form with the table's description, default
 * and presence, each record strict (an unknown field is refused) with its own rules. The JSON
 * Schema (`analysisJsonSchema`) and the `AnalysisInput` type come from it. The analysis itself
 * is read by the readers generated from the same table (`_analysisReaders.ts`), which apply the
 * same rules; `parseAnalysis` adds the checks that span records
 * (docs/decisions/0011-one-field-table.md).
 */
import * as z from 'zod';
import { analysisFields } from './analysisFields.js';
import type {
  FieldSpec,
  FieldSpecs,
  ListSpec,
  RecordSpec,
  ScalarSpec,
  SectionSpec,
} from './_fieldSpec.js';

/** The zod type built for a field of the table. */
type ZodOf<S> =
  S extends ScalarSpec<infer Z, boolean>
    ? Z
    : S extends RecordSpec<infer F, boolean>
      ? ZodRecordOf<F>
      : S extends ListSpec<infer I, boolean>
        ? z.ZodArray<ZodOf<I>>
        : S extends SectionSpec<infer Z>
          ? Z
          : never;

/** The zod type of a field where it sits in its record: optional unless required. */
type FieldZod<S> = S extends { readonly required: true }
  ? ZodOf<S>
  : S extends { readonly default: NonNullable<unknown> }
    ? z.ZodDefault<ZodOf<S>>
    : z.ZodOptional<ZodOf<S>>;

/** The zod object built for a record of the table. */
export type ZodRecordOf<F extends FieldSpecs> = z.ZodObject<
  { -readonly [K in keyof F]: FieldZod<F[K]> },
  z.core.$strict
>;

/**
 * The zod schema of one record of the field table: `prefix` is put before its fields' names in
 * messages (`proxy.`).
 *
 * @example
 * outcomeInputSchema.safeParse({ stakeholder: 'a', outcome: 'b', quantity: 1, proxy: { value: 1 },
 *   duration: 2.5, deadwieght: '5%' }).success;
 * //=> false
 */
export function zodRecord<F extends FieldSpecs>(
  spec: RecordSpec<F>,
  prefix = '',
): ZodRecordOf<F> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(spec.fields)) {
    shape[key] = placed(field, zodOf(field, `${prefix}${key}`));
  }
  const schema = z.strictObject(shape).superRefine((value, ctx) => {
    const given = (key: string) => (value as Record<string, unknown>)[key] !== undefined;
    for (const rule of spec.rules) {
      const keys = rule.keys.filter(given);
      if (rule.rule === 'atMostOne' && keys.length > 1) {
        ctx.addIssue({ code: 'custom', message: rule.message(keys), params: { code: rule.code } });
      } else if (rule.rule === 'atLeastOne' && keys.length === 0) {
        ctx.addIssue({ code: 'custom', message: rule.message, params: { code: 'required' } });
      }
    }
  });
  // A record that holds nothing (an empty `evidence`) is left out, as the reader leaves it out.
  const read = spec.omitWhenEmpty
    ? schema.transform((value) =>
        Object.values(value).every((field) => field === undefined) ? undefined : value,
      )
    : schema;
  return read.meta({ description: spec.description }) as unknown as ZodRecordOf<F>;
}

/** A field's schema with its presence: required, with its default, or optional. */
function placed(field: FieldSpec, schema: z.ZodType): z.ZodType {
  if (field.required) return schema;
  if (field.type === 'scalar' && field.default !== undefined) {
    return schema.default(field.default as never);
  }
  return schema.optional();
}

function zodOf(field: FieldSpec, label: string): z.ZodType {
  switch (field.type) {
    case 'scalar': {
      const kind = field.kind;
      let schema: z.ZodType = kind.zod(label);
      if (kind.emptyIsAbsent) {
        const required = field.required;
        schema = schema.transform((text, ctx) => {
          if (text !== '') return text;
          if (!required) return undefined;
          ctx.addIssue({
            code: 'custom',
            message: `${label} must not be empty`,
            params: { code: 'required' },
            input: text,
          });
          return z.NEVER;
        });
      }
      const summary = kind.emptyIsAbsent ? '' : `: ${kind.summary}`;
      return schema.meta({ description: `${field.description}${summary}` });
    }
    case 'record':
      return zodRecord(field, `${label}.`);
    case 'list': {
      const item = field.item.type === 'record' ? zodRecord(field.item) : zodOf(field.item, `${label}[]`);
      const array = z.array(item);
      return (field.min === undefined ? array : array.min(field.min.count)).meta({
        description: field.description,
      });
    }
    case 'section':
      return field.zod.meta({ description: field.description });
  }
}

const { discount, stakeholders, inputs, outcomes } = analysisFields.fields;

/** Discount settings as written: one of `rate`, `rates` or `schedule`, and a timing. */
export const discountInputSchema = zodRecord(discount, 'discount.');
/** A stakeholder group as written. */
export const stakeholderInputSchema = zodRecord(stakeholders.item);
/** An input as written. */
export const inputInputSchema = zodRecord(inputs.item);
/** An outcome as written. */
export const outcomeInputSchema = zodRecord(outcomes.item);
/** A financial proxy as written. */
export const proxyInputSchema = zodRecord(outcomes.item.fields.proxy, 'proxy.');

/**
 * The analysis as people write it (docs/model.md), built from the field table. `safeParseAnalysis`
 * reads an analysis by the same table and adds the checks that span records.
 */
export const analysisInputSchema = zodRecord(analysisFields).meta({
  title: 'SROI analysis',
  description: analysisFields.description,
});

/**
 * The analysis as people may write it: money and fractions as numbers or text. Every level is
 * read-only, so an object literal `as const`, a frozen object, and the `Analysis` that
 * `safeParseAnalysis` or `readCsvAnalysis` return are all accepted as they are.
 */
export type AnalysisInput = DeepReadonly<z.input<typeof analysisInputSchema>>;

/** `T` with every property and array element read-only, at every depth. */
type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
