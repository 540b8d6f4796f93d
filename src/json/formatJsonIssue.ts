import { formatIssue, formatPath } from '../model/formatIssue.js';
import { issueArgument, objectArgument, wholeNumber } from '../model/_arguments.js';
import type { JsonIssue } from './readJson.js';

/**
 * Formats one issue on one line, with its location when it has one:
 * `file:line:column: path: message` for an issue located in JSON text, otherwise as `formatIssue`
 * does (`file:line [column]: message` for CSV, `path: message`).
 *
 * @example
 * formatJsonIssue({ code: 'out_of_range', message: 'deadweight must be a fraction from 0 to 1, got 25 (write 25% or 0.25)',
 *   path: ['outcomes', 0, 'deadweight'], location: { file: 'analysis.json', line: 14, column: 21 } });
 * //=> 'analysis.json:14:21: outcomes[0].deadweight: deadweight must be a fraction from 0 to 1, got 25 (write 25% or 0.25)'
 */
export function formatJsonIssue(issue: JsonIssue): string {
  issueArgument('formatJsonIssue', issue);
  const at = issue.location;
  if (at === undefined) return formatIssue(issue);
  objectArgument('formatJsonIssue', 'issue.location', at);
  wholeNumber('formatJsonIssue', 'issue.location.line', at.line, 1, Number.MAX_SAFE_INTEGER);
  wholeNumber('formatJsonIssue', 'issue.location.column', at.column, 1, Number.MAX_SAFE_INTEGER);
  const file = at.file === undefined ? '' : `${at.file}:`;
  return `${file}${at.line}:${at.column}: ${formatPath(issue.path)}: ${issue.message}`;
}
