/** The assurance-readiness findings of `checkAnalysis` as a report section. */
import { capitalise } from './_reportFormat.js';
import { left, note } from './_sectionModel.js';
import type { Section } from './_sectionModel.js';
import type { CheckResult } from '../review/checkAnalysis.js';

const SEVERITY: Readonly<Record<string, string>> = { high: 'High', medium: 'Medium', low: 'Low' };

/**
 * The findings in a table, most serious first, each with the outcome it concerns, the finding
 * in words (its code beneath) and the principle it serves.
 */
export function checkSection(
  id: string,
  heading: string,
  check: CheckResult,
  outcomeName: (id: string) => string,
): Section {
  const lead =
    'What an assurer working to the principles of social value would question in this analysis, most serious first. The findings are advice: none changes a figure.';
  if (check.findings.length === 0) {
    return { id, heading, paragraphs: [lead, 'Nothing was found to question.'], tables: [] };
  }
  return {
    id,
    heading,
    paragraphs: [lead],
    tables: [
      {
        caption: 'Findings',
        columns: [left('Severity'), left('Outcome'), left('Finding'), left('Principle')],
        rows: check.findings.map((finding) => [
          SEVERITY[finding.severity] ?? finding.severity,
          finding.outcome === undefined ? 'the whole analysis' : outcomeName(finding.outcome),
          note(capitalise(finding.message), finding.code),
          finding.principle,
        ]),
      },
    ],
  };
}
