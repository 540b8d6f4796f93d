import { formatJsonIssue } from '../json/formatJsonIssue.js';
import { formatNumber } from '../report/round.js';
import type { LoadedAnalysis } from './_loadAnalysis.js';
import type { JsonIssue } from '../json/readJson.js';

/** The most of an issue's message the CLI prints, and of the value it received. */
const MESSAGE_LIMIT = 1000;
const RECEIVED_LIMIT = 200;

/** Text shortened to `limit` characters, saying how long it was: `abc… (1,234,567 characters)`. */
export function excerpt(text: string, limit: number): string {
  if (text.length <= limit) return text;
  // Not between the two halves of a surrogate pair.
  const end = /[\ud800-\udbff]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
  return `${text.slice(0, end)}… (${formatNumber(String(text.length), 0)} characters)`;
}

/**
 * An issue as the CLI prints it: its message and the value it received cut to an excerpt, so
 * that no issue echoes more than a short piece of a file (an analysis naming `/proc/self/environ`
 * as its outcomes table does not print the environment).
 */
export function boundedIssue(issue: JsonIssue): JsonIssue {
  const { received, ...rest } = issue;
  const message = excerpt(issue.message, MESSAGE_LIMIT);
  if (received === undefined) return { ...rest, message };
  if (typeof received === 'number' || typeof received === 'boolean' || received === null) {
    return { ...rest, message, received };
  }
  if (typeof received === 'string')
    return { ...rest, message, received: excerpt(received, RECEIVED_LIMIT) };
  // A list or an object stays one while short; a long one becomes an excerpt of its JSON.
  const json = JSON.stringify(received) ?? '';
  return {
    ...rest,
    message,
    received: json.length <= RECEIVED_LIMIT ? received : excerpt(json, RECEIVED_LIMIT),
  };
}

/**
 * The row accounting and notes of a read, one line each: `outcomes.csv: 12 rows read, …`. A
 * figure of a Value Map that differs from sroi's is a warning, not a note.
 */
export function readSummary(loaded: LoadedAnalysis): string {
  let out = '';
  // One sheet holds both tables: each line says which rows it counts.
  const oneFile = loaded.tables.length === 2 && loaded.tables[0]?.file === loaded.tables[1]?.file;
  loaded.tables.forEach((t, i) => {
    const file = oneFile ? `${t.file} (${i === 0 ? 'outcome' : 'input'} rows)` : t.file;
    const where =
      t.headerLine === null
        ? ''
        : t.delimiter === null
          ? ` (header on row ${t.headerLine})`
          : ` (header on line ${t.headerLine}, delimiter ${t.delimiter === '\t' ? 'tab' : `"${t.delimiter}"`})`;
    const totals =
      t.totalRows > 0 ? `, ${t.totalRows} Total row${t.totalRows === 1 ? '' : 's'} left out` : '';
    out += `${file}: ${t.rowsRead} row${t.rowsRead === 1 ? '' : 's'} read, ${t.rowsUsed} used, ${t.rowsRejected} rejected${totals}${where}\n`;
  });
  for (const note of loaded.notes) {
    const line = note.line === undefined ? note.file : `${note.file}:${note.line}`;
    const kind = note.code === 'sheet_figure_differs' ? 'warning' : 'note';
    out += `${kind}: ${line}${note.column === undefined ? '' : ` [${note.column}]`}: ${excerpt(note.message, MESSAGE_LIMIT)}\n`;
  }
  return out;
}

/**
 * Every issue, one per line, under a count: `file:line [column]: message` for a CSV cell,
 * `file:line:column: path: message` for a JSON value.
 */
export function issueList(label: string, issues: readonly JsonIssue[]): string {
  const count = issues.length;
  let out = `${label}: ${count} problem${count === 1 ? '' : 's'} found\n`;
  for (const issue of issues) out += `  ${formatJsonIssue(boundedIssue(issue))}\n`;
  return out;
}
