import { issueArgument, pathArgument } from './_arguments.js';
import type { Issue } from './SroiError.js';

/**
 * Formats a path as people read it.
 *
 * @example
 * formatPath(['outcomes', 3, 'deadweight']);
 * //=> 'outcomes[3].deadweight'
 */
export function formatPath(path: readonly (string | number)[]): string {
  pathArgument('formatPath', path);
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * Formats one issue on one line: `file:line [column]: message` for CSV, `path: message` for JSON
 * (the issue that counts the issues not listed is its message alone).
 *
 * @example
 * formatIssue({ code: 'out_of_range', message: 'deadweight must be a fraction from 0 to 1, got 25 (write 25% or 0.25)',
 *   path: ['outcomes', 0, 'deadweight'], file: 'outcomes.csv', line: 2, column: 'Deadweight %' });
 * //=> 'outcomes.csv:2 [Deadweight %]: deadweight must be a fraction from 0 to 1, got 25 (write 25% or 0.25)'
 */
export function formatIssue(issue: Issue): string {
  issueArgument('formatIssue', issue);
  // The count of the issues not listed belongs to no place.
  if (issue.code === 'too_many_issues') return issue.message;
  if (issue.file !== undefined) {
    const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
    const column = issue.column === undefined ? '' : ` [${issue.column}]`;
    return `${where}${column}: ${issue.message}`;
  }
  return `${formatPath(issue.path)}: ${issue.message}`;
}
