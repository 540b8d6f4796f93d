/**
 * The assumptions an outcomes table states no value for at all: a deduction or drop-off with no
 * column. Left out, each would be 0 for every outcome without a word, so a reader of a table
 * records them in the analysis (`notStated`), which the result then warns of (docs/method.md).
 * Both table readers — `readCsvAnalysis` and the Value Map reader — say it here, once.
 */
import { notStatedAssumptions } from '../schema/analysisFields.js';
import { INVALID } from '../schema/_readerRuntime.js';
import { parameterLabels } from '../model/vocabulary.js';
import type { CsvColumn } from './csvColumns.js';
import type { NotStatedAssumption } from '../model/analysis.js';
import type { ReadFields } from '../schema/_readerRuntime.js';

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
 * Sets the `notStated` of a read analysis root to the assumptions its outcomes table has no
 * column for: the table decides, whatever the settings list (a table with the column states
 * the assumption, even as blank cells; one without it states nothing).
 */
export function setNotStated(root: ReadFields, missing: readonly NotStatedAssumption[]): void {
  if (root['notStated'] === INVALID) return;
  if (missing.length === 0) delete root['notStated'];
  else root['notStated'] = [...missing];
}

/** The words of the note a reader gives for the missing columns: what the result will assume. */
export function notStatedMessage(missing: readonly NotStatedAssumption[]): string {
  const names = missing.map((a) => parameterLabels[a].toLowerCase());
  const list =
    names.length === 1
      ? (names[0] ?? '')
      : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
  return `no column for ${list}: ${names.length === 1 ? 'it is' : 'each is'} 0 for every outcome, and the result warns of it; add the column, with 0% where that is meant, to state it`;
}
