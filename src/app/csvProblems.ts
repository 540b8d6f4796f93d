/**
 * The cells of a CSV table that its problems are about, so that the app can show each problem
 * where it is in the file: the header row and each row with a problem, as the file has them,
 * with the problem cells marked. The problems are `readCsvAnalysis`'s; this only places them,
 * by the file, line and column each one already carries.
 */
import { inputColumns, outcomeColumns } from '../csv/csvColumns.js';
import { readCsvTable } from '../csv/readCsvTable.js';
import { tableScorer } from './csvTableKind.js';
import type { TableName } from './AnalysisDocument.js';
import type { Issue } from '../model/SroiError.js';

/** A row of the file and the problems at each of its cells. */
export interface ProblemRow {
  /** The physical line the row starts on. */
  readonly line: number;
  readonly cells: readonly string[];
  /** Cell position → the problems there; position -1 for problems with the whole row. */
  readonly marks: ReadonlyMap<number, readonly Issue[]>;
}

/** A table's header and its rows that have problems. */
export interface TableProblems {
  readonly file: string;
  readonly header: ProblemRow;
  readonly rows: readonly ProblemRow[];
}

const scorers = { outcomes: tableScorer(outcomeColumns), inputs: tableScorer(inputColumns) };

/**
 * Places the problems of one file at its rows and cells; `undefined` when the file has no
 * problem or no header row to place them against (its problems are then listed only).
 *
 * @example
 * const text = 'stakeholder,outcome,quantity,proxy_value,duration,deadweight\nA,B,10,250,1,25\n';
 * const issue = { code: 'out_of_range', message: 'deadweight …', path: [], file: 'o.csv', line: 2, column: 'deadweight' };
 * const placed = csvProblems(text, 'o.csv', 'outcomes', [issue]);
 * [placed?.rows[0]?.line, [...(placed?.rows[0]?.marks.keys() ?? [])]];
 * //=> [2, [5]]
 */
export function csvProblems(
  text: string,
  file: string,
  table: TableName,
  issues: readonly Issue[],
): TableProblems | undefined {
  const own = issues.filter((issue) => issue.file === file && issue.line !== undefined);
  if (own.length === 0) return undefined;
  const read = readCsvTable(text, { file, scoreHeader: scorers[table] });
  if (!read.ok) return undefined;
  const { headers, headerLine, rows } = read.table;
  const marksOf = new Map<number, Map<number, Issue[]>>();
  const place = (line: number, position: number, issue: Issue) => {
    const marks = marksOf.get(line) ?? new Map<number, Issue[]>();
    marks.set(position, [...(marks.get(position) ?? []), issue]);
    marksOf.set(line, marks);
  };
  const starts = rows.map((row) => row.line);
  for (const issue of own) {
    const line = issue.line ?? 0;
    const position = issue.column === undefined ? -1 : headers.indexOf(issue.column);
    if (line <= headerLine) {
      place(headerLine, position, issue);
      continue;
    }
    // The row the line belongs to: the last row starting on or before it (cells may hold newlines).
    let low = 0;
    let high = starts.length - 1;
    let at = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((starts[middle] ?? 0) <= line) {
        at = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    place(at === -1 ? headerLine : (rows[at]?.line ?? headerLine), position, issue);
  }
  const rowAt = new Map(rows.map((row) => [row.line, row]));
  const problemRows: ProblemRow[] = [];
  for (const [line, marks] of [...marksOf].sort((a, b) => a[0] - b[0])) {
    if (line === headerLine) continue;
    problemRows.push({ line, cells: rowAt.get(line)?.cells ?? [], marks });
  }
  return {
    file,
    header: { line: headerLine, cells: headers, marks: marksOf.get(headerLine) ?? new Map() },
    rows: problemRows,
  };
}
