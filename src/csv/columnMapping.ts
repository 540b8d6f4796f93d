/**
 * The column mapping: which column of a table a field is read from, for tables whose headers are
 * their own (docs/csv-format.md). A key names a field — `proxy_value`, `proxyValue` — for both
 * tables, or for one (`outcomes:proxy_source`, `inputs:value`); a value names the column by its
 * header (`"Unit cost"`), its letter (`"C"`) or its position from 1 (`14` or `"14"`). A header
 * of the table spelt as the value wins over a letter or a position, so a column headed `ID` or
 * `2024` is still found by its header.
 */
import { findColumn } from './matchColumns.js';
import { lastFilled } from './_tableRows.js';
import { normaliseHeader } from './normaliseHeader.js';
import { alternatives } from '../model/_alternatives.js';
import { columnOfLetters, lettersOfColumn } from '../model/_columnLetters.js';
import { shown } from '../schema/_shown.js';
import type { CsvColumn } from './csvColumns.js';
import type { Issue } from '../model/SroiError.js';

/** The two tables a mapping key may name. */
export const MAPPING_TABLES = ['outcomes', 'inputs'] as const;

/** A table a mapping key may name. */
export type MappingTable = (typeof MAPPING_TABLES)[number];

/** A column mapping as written: key → header, letter or position. */
export type ColumnMappingInput = Readonly<Record<string, string | number>>;

/** A mapping key read: the table it is for (both when absent) and the field as written. */
export interface MappingKey {
  readonly table?: MappingTable;
  readonly field: string;
}

/**
 * Reads a mapping key: `field` or `table:field`; `undefined` when the part before the colon is
 * not a table.
 *
 * @example
 * [mappingKey('outcomes:proxy_source'), mappingKey('value'), mappingKey('outcome:value')];
 * //=> [{ table: 'outcomes', field: 'proxy_source' }, { field: 'value' }, undefined]
 */
export function mappingKey(key: string): MappingKey | undefined {
  const colon = key.indexOf(':');
  if (colon === -1) return { field: key.trim() };
  const table = key.slice(0, colon).trim().toLowerCase();
  const field = key.slice(colon + 1).trim();
  return MAPPING_TABLES.find((t) => t === table) === undefined
    ? undefined
    : { table: table as MappingTable, field };
}

/** The tables' columns, which the mapping's fields must name. */
export interface MappingColumns {
  readonly outcomes: readonly CsvColumn[];
  readonly inputs: readonly CsvColumn[];
}

/**
 * The problems of a mapping that need no table to be found: a key naming no table or no field
 * (or a field the named table does not have), a value that is neither text nor a whole number.
 * Each issue is at `['columns', key]` and names the alternatives, a few at most.
 *
 * @example
 * columnMappingIssues({ 'inputs:proxy_value': 'C' }, { outcomes: outcomeColumns, inputs: inputColumns })
 *   .map((issue) => issue.message);
 * //=> ['the column mapping names the field "proxy_value" for the inputs table, which has no such field (fields: "stakeholder", "description", "kind", "value", "year")']
 */
export function columnMappingIssues(mapping: ColumnMappingInput, tables: MappingColumns): Issue[] {
  const issues: Issue[] = [];
  for (const [key, value] of Object.entries(mapping)) {
    const problem = keyProblem(key, tables) ?? valueProblem(value);
    if (problem !== undefined) {
      issues.push({ code: 'csv_header', message: problem, path: ['columns', key], received: key });
    }
  }
  return issues;
}

function keyProblem(key: string, tables: MappingColumns): string | undefined {
  const read = mappingKey(key);
  if (read === undefined) {
    const table = key.slice(0, key.indexOf(':'));
    return `the column mapping names an unknown table ${shown(table)} in ${shown(key)} (${alternatives('tables', MAPPING_TABLES)})`;
  }
  const names = (columns: readonly CsvColumn[]) => [...new Set(columns.map((c) => c.name))];
  if (read.table !== undefined) {
    const columns = tables[read.table];
    if (findColumn(columns, read.field) !== undefined) return undefined;
    const elsewhere = [...tables.outcomes, ...tables.inputs].some(
      (c) => findColumn([c], read.field) !== undefined,
    );
    return elsewhere
      ? `the column mapping names the field ${shown(read.field)} for the ${read.table} table, which has no such field (${alternatives('fields', names(columns))})`
      : `the column mapping names an unknown field ${shown(read.field)} (${alternatives('fields of the ' + read.table + ' table', names(columns))})`;
  }
  if (
    findColumn(tables.outcomes, read.field) !== undefined ||
    findColumn(tables.inputs, read.field) !== undefined
  ) {
    return undefined;
  }
  return `the column mapping names an unknown field ${shown(read.field)} (${alternatives('fields', names([...tables.outcomes, ...tables.inputs]))})`;
}

function valueProblem(value: unknown): string | undefined {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 1
      ? undefined
      : `a column's position must be a whole number from 1, got ${shown(value)}`;
  }
  if (typeof value === 'string' && value.trim() !== '') return undefined;
  return `a column must be named by its header, its letter or its position, got ${shown(value)}`;
}

/** Where a mapping value puts a field in a table: a position (0-based), or why it cannot. */
export type ResolvedColumn =
  { readonly position: number } | { readonly problem: string; readonly headers: readonly string[] };

/**
 * The position (0-based) of the column a mapping value names in a table with these headers: a
 * header spelt so (compared as headers are, docs/csv-format.md), else a letter (`C`, capitals)
 * or a position from 1, within the table's columns.
 *
 * @example
 * const headers = ['Who', 'Result', 'ID', ''];
 * [resolveColumn('result', headers), resolveColumn('ID', headers), resolveColumn('D', headers), resolveColumn(2, headers)];
 * //=> [{ position: 1 }, { position: 2 }, { position: 3 }, { position: 1 }]
 */
export function resolveColumn(value: string | number, headers: readonly string[]): ResolvedColumn {
  const width = Math.max(lastFilled(headers) + 1, headers.length);
  const key = normaliseHeader(String(value));
  const named = key === '' ? [] : positionsOf(headers, key);
  if (named.length === 1) return { position: named[0] ?? 0 };
  const written = String(value).trim();
  if (named.length > 1) {
    return {
      problem: `${named.length} columns are headed ${shown(written)} (${named.map((p) => columnName(p)).join(', ')}): name the one you mean by its letter or its position`,
      headers,
    };
  }
  const position =
    typeof value === 'number' || /^\d{1,7}$/.test(written)
      ? Number(written) - 1
      : /^[A-Z]{1,3}$/.test(written)
        ? columnOfLetters(written) - 1
        : undefined;
  if (position === undefined) {
    return { problem: `no column is headed ${shown(written)}`, headers };
  }
  if (position < 0 || position >= width) {
    return {
      problem: `column ${written} is beyond the table's last column, ${columnName(width - 1)}`,
      headers,
    };
  }
  return { position };
}

/** The message for a mapping value a table does not resolve, with a few of its headers. */
export function unresolvedMessage(
  key: string,
  value: string | number,
  where: string,
  resolved: Extract<ResolvedColumn, { problem: string }>,
): string {
  const headers = resolved.headers.filter((h) => h.trim() !== '');
  return `the column mapping ${key}=${shown(String(value))} names no column of ${where}: ${resolved.problem} (${alternatives('headers', headers)})`;
}

/** A column as a message names it: its letter and its position, `C (3)`. */
export function columnName(position: number): string {
  return `${lettersOfColumn(position + 1)} (${position + 1})`;
}

function positionsOf(headers: readonly string[], key: string): number[] {
  const found: number[] = [];
  headers.forEach((header, index) => {
    if (normaliseHeader(header) === key) found.push(index);
  });
  return found;
}
