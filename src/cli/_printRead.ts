import { formatIssue } from '../model/formatIssue.js';
import type { LoadedAnalysis } from './_loadAnalysis.js';
import type { Issue } from '../model/SroiError.js';

/** The row accounting and notes of a read, one line each: `outcomes.csv: 12 rows read, …`. */
export function readSummary(loaded: LoadedAnalysis): string {
  let out = '';
  for (const t of loaded.tables) {
    const where =
      t.headerLine === null
        ? ''
        : ` (header on line ${t.headerLine}, delimiter ${t.delimiter === '\t' ? 'tab' : `"${t.delimiter}"`})`;
    out += `${t.file}: ${t.rowsRead} row${t.rowsRead === 1 ? '' : 's'} read, ${t.rowsUsed} used, ${t.rowsRejected} rejected${where}\n`;
  }
  for (const note of loaded.notes) {
    const line = note.line === undefined ? note.file : `${note.file}:${note.line}`;
    out += `note: ${line}${note.column === undefined ? '' : ` [${note.column}]`}: ${note.message}\n`;
  }
  return out;
}

/** Every issue, one per line, under a count. */
export function issueList(label: string, issues: readonly Issue[]): string {
  const count = issues.length;
  let out = `${label}: ${count} problem${count === 1 ? '' : 's'} found\n`;
  for (const issue of issues) out += `  ${formatIssue(issue)}\n`;
  return out;
}
