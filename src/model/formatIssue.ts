import type { Issue } from './SroiError.js';

/** Formats a path as people read it: `outcomes[3].deadweight`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? '(root)' : out;
}

/** Formats one issue on one line: `file:line column: message` or `path: message`. */
export function formatIssue(issue: Issue): string {
  if (issue.file !== undefined) {
    const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
    const column = issue.column === undefined ? '' : ` [${issue.column}]`;
    return `${where}${column}: ${issue.message}`;
  }
  return `${formatPath(issue.path)}: ${issue.message}`;
}
