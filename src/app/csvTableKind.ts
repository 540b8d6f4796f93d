/**
 * Which table a CSV file is, read from its header the way `readCsvAnalysis` reads it: the
 * header row is found among the first rows by the columns it names (`csvColumns.ts`, the Value
 * Map's titles included), and the file is the table whose required columns it has. So several
 * files can be opened at once in any order, whatever they are called.
 */
import { inputColumns, outcomeColumns } from '../csv/csvColumns.js';
import { matchColumns } from '../csv/matchColumns.js';
import { normaliseHeader } from '../csv/normaliseHeader.js';
import { headerScorer, readCsvTable } from '../csv/readCsvTable.js';
import type { CsvColumn } from '../csv/csvColumns.js';
import type { TableName } from './AnalysisDocument.js';

/** How well a file's header fits one table. */
interface Fit {
  readonly table: TableName;
  /** Required columns the header lacks. */
  readonly missing: number;
  /** Different columns the header names. */
  readonly named: number;
}

/** The header scorer of one table: how many of its columns a row's cells name. */
export function tableScorer(columns: readonly CsvColumn[]): (cells: readonly string[]) => number {
  const known = new Map<string, string>();
  for (const column of columns) {
    for (const name of [column.name, ...column.aliases])
      known.set(normaliseHeader(name), column.name);
  }
  return headerScorer(known);
}

const scorers = { outcomes: tableScorer(outcomeColumns), inputs: tableScorer(inputColumns) };

function fit(text: string, file: string, table: TableName): Fit | undefined {
  const columns = table === 'outcomes' ? outcomeColumns : inputColumns;
  const read = readCsvTable(text, { file, scoreHeader: scorers[table] });
  if (!read.ok) return undefined;
  return {
    table,
    missing: matchColumns(read.table, columns).missing.length,
    named: scorers[table](read.table.headers),
  };
}

/**
 * The table a CSV file holds: the one whose required columns its header has (then the one whose
 * columns it names more of; then, on a tie, `inputs` when the file is called so). `outcomes`
 * when neither header can be read, so that the outcomes reader reports what is wrong.
 *
 * @example
 * [csvTableKind('stakeholder,description,kind,value,year\nCouncil,Grant,cash,100,0\n', 'a.csv'),
 *  csvTableKind('Stakeholders;Outcome;Quantity;Value £;Duration\nA;B;1;2;3\n', 'b.csv')];
 * //=> ['inputs', 'outcomes']
 */
export function csvTableKind(text: string, file: string): TableName {
  const fits = [fit(text, file, 'outcomes'), fit(text, file, 'inputs')].filter(
    (f): f is Fit => f !== undefined,
  );
  fits.sort((a, b) => a.missing - b.missing || b.named - a.named);
  const [best, next] = fits;
  if (best === undefined) return 'outcomes';
  if (next !== undefined && next.missing === best.missing && next.named === best.named) {
    return /input/i.test(file) ? 'inputs' : 'outcomes';
  }
  return best.table;
}
