import { columnName, mappingKey, resolveColumn, unresolvedMessage } from './columnMapping.js';
import { normaliseHeader } from './normaliseHeader.js';
import { shown } from '../schema/_shown.js';
import type { ColumnMappingInput, MappingTable } from './columnMapping.js';
import type { CsvColumn } from './csvColumns.js';
import type { CsvNote } from './CsvNote.js';
import type { CsvTable } from './readCsvTable.js';
import type { Issue } from '../model/SroiError.js';

/** Which column each header of a table fills, and what is wrong with the header row. */
export interface ColumnMatch {
  /** For each header position, the column it fills, or `undefined` when it is ignored. */
  readonly columns: readonly (CsvColumn | undefined)[];
  /** Required columns that no header names. */
  readonly missing: readonly CsvColumn[];
  /** Duplicate columns, missing required columns, unknown headers that look like a field. */
  readonly issues: readonly Issue[];
  /** Headers that are ignored, each named. */
  readonly notes: readonly CsvNote[];
  /** Keys of the mapping, for both tables, that name no column of this one. */
  readonly unresolved: readonly string[];
}

/** Options of `matchColumns`. */
export interface MatchColumnsOptions {
  /** Which table this is, for the mapping's keys that name one (`outcomes:proxy_source`). */
  readonly table?: MappingTable;
}

/**
 * Matches a table's headers to its columns. A header names a column when, after
 * `normaliseHeader`, it equals the column's canonical name or one of its aliases, or when the
 * explicit `mapping` (`{ outcome: 'Result', 'outcomes:proxy_source': 14 }`: field → header,
 * letter or position, see `columnMapping.ts`) says so; a mapped field is read only from its
 * mapped column. Two headers for one column are an issue (which would win is not guessed). A
 * header that names no column is ignored and reported as a note — unless it looks like a field
 * whose column is missing (`Deadwieght`, `Attribution to others`), which is an issue, because
 * ignoring it would silently leave that field at its default. A mapping for this table alone
 * that names no column of it is an issue; one for both tables that this table cannot place is
 * listed in `unresolved` (the caller says so when no table can).
 *
 * @example
 * const table = { file: 'o.csv', delimiter: ',', headers: ['Stakeholders', 'Notes'],
 *   headerLine: 1, titleRows: 0, commentRows: 0, commentLines: [], blankRows: 0, rows: [] } as const;
 * matchColumns(table, outcomeColumns).columns.map((column) => column?.name);
 * //=> ['stakeholder', undefined]
 */
export function matchColumns(
  table: CsvTable,
  columns: readonly CsvColumn[],
  mapping: ColumnMappingInput = {},
  options: MatchColumnsOptions = {},
): ColumnMatch {
  const where = { file: table.file, line: table.headerLine };
  const issues: Issue[] = [];
  const notes: CsvNote[] = [];
  const unresolved: string[] = [];
  // The mapped columns first: each at its position, and the key that put it there.
  const mappedAt = new Map<number, CsvColumn>();
  const mappedBy = new Map<CsvColumn, { key: string; value: string | number }>();
  for (const [key, value] of Object.entries(mapping)) {
    const read = mappingKey(key);
    if (read === undefined || (read.table !== undefined && read.table !== options.table)) continue;
    const column = findColumn(columns, read.field);
    if (column === undefined || (typeof value !== 'string' && typeof value !== 'number')) continue;
    const resolved = resolveColumn(value, table.headers);
    if ('problem' in resolved) {
      if (read.table === undefined) unresolved.push(key);
      else {
        issues.push({
          code: 'csv_header',
          message: unresolvedMessage(key, value, table.file, resolved),
          path: ['columns', key],
          received: value,
        });
      }
      continue;
    }
    const other = mappedAt.get(resolved.position);
    if (other !== undefined && other !== column) {
      issues.push({
        code: 'csv_header',
        message: `the column mapping puts both ${other.name} and ${column.name} in column ${columnName(resolved.position)}; map each to a column of its own`,
        path: ['columns', key],
        received: value,
      });
      continue;
    }
    mappedAt.set(resolved.position, column);
    mappedBy.set(column, { key, value });
  }
  const byHeader = new Map<string, CsvColumn>();
  const namesOf = normalisedNames(columns);
  for (const column of columns) {
    if (mappedBy.has(column)) continue;
    for (const name of namesOf.get(column) ?? []) byHeader.set(name, column);
  }

  const found: (CsvColumn | undefined)[] = [];
  const firstAt = new Map<CsvColumn, number>();
  for (const [position, column] of mappedAt) firstAt.set(column, position);
  const unknown: number[] = [];
  table.headers.forEach((header, index) => {
    const mapped = mappedAt.get(index);
    found.push(mapped);
    if (mapped !== undefined) return;
    const key = normaliseHeader(header);
    const column = key === '' ? undefined : byHeader.get(key);
    if (key === '') return;
    if (column === undefined) {
      unknown.push(index);
      return;
    }
    const first = firstAt.get(column);
    if (first !== undefined) {
      issues.push({
        code: 'csv_header',
        message: `columns ${shown(table.headers[first] ?? '')} (column ${first + 1}) and ${shown(header)} (column ${index + 1}) both give ${column.name}; keep one, or rename the other`,
        path: [],
        ...where,
        column: header,
        received: header,
      });
      return;
    }
    firstAt.set(column, index);
    found[index] = column;
  });
  // A mapped column beyond the header row's cells (mapped by letter or position).
  for (const [position, column] of mappedAt) {
    while (found.length <= position) found.push(undefined);
    found[position] = column;
  }

  for (const index of unknown) {
    const header = table.headers[index] ?? '';
    const key = normaliseHeader(header);
    const mappedAway = columns.find((c) => mappedBy.has(c) && (namesOf.get(c) ?? []).includes(key));
    const lookalike =
      mappedAway === undefined ? resembles(key, columns, namesOf, firstAt) : undefined;
    // The header is repeated in the hint only when it is short enough to be typed.
    const mapHint = header.length <= 60 ? header : 'Your header';
    if (lookalike !== undefined) {
      issues.push({
        code: 'csv_header',
        message: `unknown column ${shown(header)}: did you mean ${lookalike.name}? Rename the header, or map it (--map "${lookalike.name}=${mapHint}")`,
        path: [],
        ...where,
        column: header,
        received: header,
      });
    } else {
      const by = mappedAway === undefined ? undefined : mappedBy.get(mappedAway);
      const why =
        mappedAway === undefined || by === undefined
          ? 'it is not a column sroi reads'
          : `${mappedAway.name} is read from ${shown(String(by.value))} (column mapping)`;
      notes.push({
        code: 'ignored_column',
        message: `column ${shown(header)} (column ${index + 1}) is ignored: ${why}`,
        ...where,
        column: header,
      });
    }
  }

  const present = (name: string | undefined) =>
    [...firstAt.keys()].some((column) => column.name === name);
  const missing = columns.filter(
    (c) =>
      c.required && !firstAt.has(c) && !(c.alternative !== undefined && present(c.alternative)),
  );
  for (const column of missing) {
    const also = column.aliases.map((a) => JSON.stringify(a)).join(', ');
    issues.push({
      code: 'csv_header',
      message: `required column ${column.name} is missing (${column.alternative === undefined ? '' : `or give ${column.alternative}; `}also accepted as: ${also}; or map your own header with --map "${column.name}=Your header")`,
      path: [],
      ...where,
      column: column.name,
    });
  }
  return { columns: found, missing, issues, notes, unresolved };
}

/** Finds a column by a field name as a user may write it: `proxy_value`, `proxyValue`, `Proxy value`. */
export function findColumn(columns: readonly CsvColumn[], field: string): CsvColumn | undefined {
  const key = normaliseHeader(field);
  return columns.find(
    (c) => normaliseHeader(c.name) === key || normaliseHeader(c.path.join('')) === key,
  );
}

/** Each column's canonical name and aliases, normalised once. */
function normalisedNames(columns: readonly CsvColumn[]): Map<CsvColumn, string[]> {
  const names = new Map<CsvColumn, string[]>();
  for (const column of columns) {
    names.set(column, [column.name, ...column.aliases].map(normaliseHeader));
  }
  return names;
}

function resembles(
  key: string,
  columns: readonly CsvColumn[],
  namesOf: ReadonlyMap<CsvColumn, readonly string[]>,
  present: ReadonlyMap<CsvColumn, number>,
): CsvColumn | undefined {
  for (const column of columns) {
    // Numeric fields default silently when their column is missing: those are guarded.
    if (column.numeric === undefined || present.has(column)) continue;
    for (const name of namesOf.get(column) ?? []) {
      if (name.length >= 5 && key.includes(name)) return column;
      const allowed = name.length >= 8 ? 2 : name.length >= 5 ? 1 : 0;
      if (allowed > 0 && distance(key, name, allowed) <= allowed) return column;
    }
  }
  return undefined;
}

/** Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
