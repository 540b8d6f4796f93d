/**
 * The analysis the app edits: the JSON of an analysis file (docs/model.md) as the person writes
 * it — `"25%"`, `"£1,200"`, a duration as `3` — never the validated `Analysis`, so that what they
 * typed is what they see and what is saved, and every problem is reported on what they wrote.
 * Edits make a new document (the old one is kept for undo); nothing mutates one in place.
 */

/** A JSON value as the document holds it. */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** An analysis file's JSON object. */
export type AnalysisDocument = { readonly [key: string]: JsonValue };

/** A place in a document, as `Issue.path` writes it: `['outcomes', 3, 'deadweight']`. */
export type DocumentPath = readonly (string | number)[];

/** The two tables of an analysis that the app edits row by row. */
export type TableName = 'outcomes' | 'inputs';

/**
 * The value at `path`, or `undefined` when there is none.
 *
 * @example
 * valueAt({ outcomes: [{ proxy: { value: '1000' } }] }, ['outcomes', 0, 'proxy', 'value']);
 * //=> '1000'
 */
export function valueAt(
  document: JsonValue | undefined,
  path: DocumentPath,
): JsonValue | undefined {
  let here: JsonValue | undefined = document;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = Array.isArray(here)
      ? typeof key === 'number'
        ? (here as readonly JsonValue[])[key]
        : undefined
      : Object.hasOwn(here, key)
        ? (here as { readonly [key: string]: JsonValue })[key]
        : undefined;
  }
  return here;
}

/**
 * A copy of `document` with `value` at `path` (objects on the way are created; `undefined`
 * removes the key, so that the field's default applies). Only the objects on the path are
 * copied; the rest is shared with the original, which is left as it was.
 *
 * @example
 * withValueAt({ name: 'x', outcomes: [{ deadweight: '20%' }] }, ['outcomes', 0, 'deadweight'], undefined);
 * //=> { name: 'x', outcomes: [{}] }
 */
export function withValueAt<T extends JsonValue>(
  document: T,
  path: DocumentPath,
  value: JsonValue | undefined,
): T {
  const [key, ...rest] = path;
  if (key === undefined) return (value ?? null) as T;
  if (Array.isArray(document) && typeof key === 'number') {
    const copy = [...(document as readonly JsonValue[])];
    copy[key] = withValueAt(copy[key] ?? {}, rest, value);
    return copy as unknown as T;
  }
  const original: { readonly [key: string]: JsonValue } =
    document !== null && typeof document === 'object' && !Array.isArray(document)
      ? (document as { readonly [key: string]: JsonValue })
      : {};
  const name = String(key);
  if (rest.length === 0 && value === undefined) {
    return Object.fromEntries(Object.entries(original).filter(([k]) => k !== name)) as unknown as T;
  }
  const inner = original[name] ?? (typeof rest[0] === 'number' ? [] : {});
  return { ...original, [name]: withValueAt(inner, rest, value) } as unknown as T;
}

/** The rows of one table of a document (an empty list when it has none or they are not a list). */
export function rowsOf(document: AnalysisDocument, table: TableName): readonly JsonValue[] {
  const rows = document[table];
  return Array.isArray(rows) ? (rows as readonly JsonValue[]) : [];
}
