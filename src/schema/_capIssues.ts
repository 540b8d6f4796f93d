/**
 * The issues of one reading, capped: a file with a million bad cells gets the first 1,000 issues
 * and one more that counts the rest exactly, so that what sroi prints stays proportional to what
 * anyone can act on, and never to the size of a hostile input.
 */
import { counted } from './_shown.js';
import type { Issue } from '../model/SroiError.js';

/** The most issues one reading lists; the rest are counted. */
export const MAX_ISSUES = 1000;

/**
 * The first `limit` issues and, when there were more, one `too_many_issues` issue counting them.
 *
 * @example
 * const issue = { code: 'required', message: 'name is required', path: ['name'] } as const;
 * capIssues([issue, issue, issue], 2).map((i) => i.message);
 * //=> ['name is required', 'name is required', 'and 1 more problem, not listed (3 in all); fix these and read the file again to see the rest']
 */
export function capIssues(issues: readonly Issue[], limit = MAX_ISSUES): readonly Issue[] {
  if (issues.length <= limit) return issues;
  const more = issues.length - limit;
  const kept = issues.slice(0, limit);
  kept.push({
    code: 'too_many_issues',
    message: `and ${counted(more)} more problem${more === 1 ? '' : 's'}, not listed (${counted(issues.length)} in all); fix these and read the file again to see the rest`,
    path: [],
    received: more,
  });
  return kept;
}
