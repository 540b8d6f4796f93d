import { formatIssue } from './formatIssue.js';
import { SroiError } from './SroiError.js';
import type { Issue } from './SroiError.js';

/**
 * The one error a `parse…` function throws: code `INVALID_ANALYSIS`, every issue listed in the
 * message (one per line) and in `issues`. `subject` names what was parsed: "the analysis".
 *
 * @example
 * invalidAnalysisError('the analysis', [{ code: 'required', message: 'name is required', path: ['name'] }]).message;
 * //=> 'the analysis has 1 problem:\n  name: name is required'
 */
export function invalidAnalysisError(subject: string, issues: readonly Issue[]): SroiError {
  const count = issues.length;
  const lines = issues.map((issue) => `  ${formatIssue(issue)}`).join('\n');
  return new SroiError(
    'INVALID_ANALYSIS',
    `${subject} has ${count} problem${count === 1 ? '' : 's'}:\n${lines}`,
    issues,
  );
}
