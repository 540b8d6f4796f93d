/**
 * The assumptions an outcomes table states no value for at all: a deduction or drop-off with no
 * column, or with a column blank in every row (a blank cell alone is 0, as the method says, but
 * a whole column left blank is a column nobody filled in). Left out, each would be 0 for every outcome without a word, so a reader of a table
 * records them in the analysis (`notStated`), which the result then warns of (docs/method.md).
 * Both table readers — `readCsvAnalysis` and the Value Map reader — say it here, once.
 */
import { notStatedAssumptions } from '../schema/analysisFields.js';
import { INVALID } from '../schema/_readerRuntime.js';
import { parameterLabels } from '../model/vocabulary.js';
import type { CsvColumn } from './csvColumns.js';
import type { NotStatedAssumption } from '../model/analysis.js';
import type { ReadFields } from '../schema/_readerRuntime.js';
import type { TableRows } from './_tableRows.js';

/**
 * The assumptions no column of a table fills, in the method's order.
 *
 * @example
 * missingAssumptions([{ name: 'deadweight', path: ['deadweight'], required: false, aliases: [] }]);
 * //=> ['displacement', 'attribution', 'dropOff']
 */
export function missingAssumptions(
  columns: readonly (CsvColumn | undefined)[],
): NotStatedAssumption[] {
  return notStatedAssumptions
    .filter(({ column }) => !columns.some((c) => c?.name === column))
    .map(({ assumption }) => assumption);
}

/**
 * The assumptions a table gives a column for but leaves blank in every row, in the method's
 * order; none when the table has no rows.
 */
function blankAssumptions(rows: Pick<TableRows, 'filled' | 'records'>): NotStatedAssumption[] {
  if (rows.records.length === 0) return [];
  return notStatedAssumptions
    .filter(({ assumption }) => !rows.filled(assumption))
    .map(({ assumption }) => assumption);
}

/**
 * The assumptions an outcomes table does not state: no column fills them, or their column is
 * blank in every row (`missingAssumptions` and the blank ones together, in the method's order).
 */
export function unstatedAssumptions(
  columns: readonly (CsvColumn | undefined)[],
  rows: Pick<TableRows, 'filled' | 'records'> | undefined,
): NotStatedAssumption[] {
  const missing = missingAssumptions(columns);
  const blank = rows === undefined ? [] : blankAssumptions(rows);
  return notStatedAssumptions
    .map(({ assumption }) => assumption)
    .filter((a) => missing.includes(a) || blank.includes(a));
}

/**
 * Sets the `notStated` of a read analysis root to the assumptions its outcomes table has no
 * column for, or a column blank in every row: the table decides, whatever the settings list (a
 * table with a value in the column states the assumption, blank cells elsewhere being 0).
 */
export function setNotStated(root: ReadFields, missing: readonly NotStatedAssumption[]): void {
  if (root['notStated'] === INVALID) return;
  if (missing.length === 0) delete root['notStated'];
  else root['notStated'] = [...missing];
}

/** The words of the note a reader gives for the assumptions not stated: what the result will assume. */
export function notStatedMessage(missing: readonly NotStatedAssumption[]): string {
  const names = missing.map((a) => parameterLabels[a].toLowerCase());
  const list =
    names.length === 1
      ? (names[0] ?? '')
      : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
  return `no value for ${list} (no column, or a column blank in every row): ${names.length === 1 ? 'it is' : 'each is'} 0 for every outcome, and the result warns of it; fill in the column, with 0% where that is meant, to state it`;
}
