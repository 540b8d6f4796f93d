/**
 * Where in the editor each part of a document is shown, so that a problem found at a JSON path
 * (`outcomes[3].deadweight`) is shown at its cell, and its entry in the list of problems can take
 * the keyboard there. Element ids are made here and only here.
 */
import { inputFields, outcomeFields, settingsFields } from './fields.js';
import type { DocumentPath, TableName } from './AnalysisDocument.js';
import type { Field } from './fields.js';
import type { Issue } from '../model/SroiError.js';

/** The part of the editor that shows a path. */
export type Place =
  | {
      readonly kind: 'cell';
      readonly table: TableName;
      readonly row: number;
      readonly field: Field;
    }
  | { readonly kind: 'row'; readonly table: TableName; readonly row: number }
  /** A setting (every part of `discount` is the discount's control). */
  | { readonly kind: 'setting'; readonly setting: string }
  /** A section edited as JSON: `scenarios`, `uncertainty`. */
  | { readonly kind: 'section'; readonly section: string };

const tableFields: Readonly<Record<TableName, readonly Field[]>> = {
  outcomes: outcomeFields,
  inputs: inputFields,
};

const SECTIONS: ReadonlySet<string> = new Set(['scenarios', 'uncertainty']);

/** The id of a table's cell. */
export function cellId(table: TableName, row: number, field: Field): string {
  return `cell-${table}-${row}-${field.path.join('-')}`;
}

/** The id of a table row's header cell. */
export function rowId(table: TableName, row: number): string {
  return `row-${table}-${row}`;
}

/** The id of a setting's control. */
export function settingId(setting: string): string {
  return `setting-${setting}`;
}

/** The id of a section's JSON editor. */
export function sectionEditorId(section: string): string {
  return `section-${section}`;
}

/** The id of the element that shows a place. */
export function placeId(place: Place): string {
  switch (place.kind) {
    case 'cell':
      return cellId(place.table, place.row, place.field);
    case 'row':
      return rowId(place.table, place.row);
    case 'setting':
      return settingId(place.setting);
    case 'section':
      return sectionEditorId(place.section);
  }
}

/**
 * The part of the editor that shows the document at `path`; `undefined` for a path it does not
 * show (an unknown field at the top level is shown in the list of problems only).
 *
 * @example
 * [['outcomes', 3, 'proxy', 'value'], ['outcomes', 0, 'quantityByYear', 2], ['discount', 'rate'], ['inputs', 1, 'colour'], ['colour']]
 *   .map((path) => { const place = placeOf(path); return place === undefined ? undefined : placeId(place); });
 * //=> ['cell-outcomes-3-proxy-value', 'cell-outcomes-0-quantityByYear', 'setting-discount', 'row-inputs-1', undefined]
 */
export function placeOf(path: DocumentPath): Place | undefined {
  const [head, row, ...rest] = path;
  if (head === 'outcomes' || head === 'inputs') {
    if (typeof row !== 'number') return undefined;
    const field = tableFields[head].find((f) => f.path.every((part, i) => rest[i] === part));
    return field === undefined
      ? { kind: 'row', table: head, row }
      : { kind: 'cell', table: head, row, field };
  }
  if (typeof head !== 'string') return undefined;
  if (SECTIONS.has(head)) return { kind: 'section', section: head };
  return head === 'discount' || settingsFields.some((field) => field.path[0] === head)
    ? { kind: 'setting', setting: head }
    : undefined;
}

/** A document's problems, by the place that shows each (`elsewhere`: shown in the list only). */
export interface PlacedIssues {
  /** Table → row → the field's key (`proxy.value`; `''` for the row itself) → problems. */
  readonly tables: Readonly<
    Record<TableName, ReadonlyMap<number, ReadonlyMap<string, readonly Issue[]>>>
  >;
  /** Setting or section name → problems. */
  readonly settings: ReadonlyMap<string, readonly Issue[]>;
  readonly elsewhere: readonly Issue[];
}

/** The key of a field within a row's problems. */
export function fieldKey(field: Field): string {
  return field.path.join('.');
}

/** Sorts problems by the place that shows them. */
export function placeIssues(issues: readonly Issue[]): PlacedIssues {
  const tables = {
    outcomes: new Map<number, Map<string, Issue[]>>(),
    inputs: new Map<number, Map<string, Issue[]>>(),
  };
  const settings = new Map<string, Issue[]>();
  const elsewhere: Issue[] = [];
  const add = <K>(map: Map<K, Issue[]>, key: K, issue: Issue) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [issue]);
    else list.push(issue);
  };
  for (const issue of issues) {
    const place = placeOf(issue.path);
    if (place === undefined) elsewhere.push(issue);
    else if (place.kind === 'setting') add(settings, place.setting, issue);
    else if (place.kind === 'section') add(settings, place.section, issue);
    else {
      const rows = tables[place.table];
      let row = rows.get(place.row);
      if (row === undefined) {
        row = new Map();
        rows.set(place.row, row);
      }
      add(row, place.kind === 'cell' ? fieldKey(place.field) : '', issue);
    }
  }
  return { tables, settings, elsewhere };
}
