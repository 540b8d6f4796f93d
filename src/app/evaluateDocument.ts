/**
 * A document's figures, the way `sroi calculate` works them out: validated by
 * `safeParseAnalysis`, then evaluated by `evaluateAnalysis`. A document with problems has no
 * figures, only its problems, each with its JSON path so that the editor shows it at its cell.
 */
import { evaluateAnalysis } from '../calc/evaluateAnalysis.js';
import { SroiError } from '../model/SroiError.js';
import { safeParseAnalysis } from '../schema/parseAnalysis.js';
import type { AnalysisDocument } from './AnalysisDocument.js';
import type { Analysis } from '../model/analysis.js';
import type { SroiResult } from '../model/result.js';
import type { Issue } from '../model/SroiError.js';

/** A document's validated analysis and its result, or its problems. */
export type Evaluation =
  | { readonly ok: true; readonly analysis: Analysis; readonly result: SroiResult }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Validates and evaluates a document. A rule the engine itself enforces (a proxy's price year
 * outside the deflator series) comes back as a problem, like a validation issue, never as an
 * exception.
 *
 * @example
 * const evaluation = evaluateDocument({ name: 'x', discount: { rate: '0' },
 *   inputs: [{ description: 'Grant', value: '100' }],
 *   outcomes: [{ stakeholder: 'a', outcome: 'b', quantity: '1', proxy: { value: '250' }, duration: 1 }] });
 * evaluation.ok ? evaluation.result.sroiRatio : evaluation.issues;
 * //=> '2.5'
 */
export function evaluateDocument(document: AnalysisDocument): Evaluation {
  const parsed = safeParseAnalysis(document);
  if (!parsed.success) return { ok: false, issues: parsed.issues };
  try {
    return { ok: true, analysis: parsed.analysis, result: evaluateAnalysis(parsed.analysis) };
  } catch (error) {
    if (!(error instanceof SroiError)) throw error;
    const issues: readonly Issue[] =
      error.issues.length > 0
        ? error.issues
        : [{ code: 'invalid_value', message: error.message, path: [] }];
    return { ok: false, issues };
  }
}
