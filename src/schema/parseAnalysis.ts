import { analysisReaders } from './_analysisReaders.js';
import { capIssues } from './_capIssues.js';
import { crossFieldIssues } from './_crossFieldIssues.js';
import { normaliseAnalysis } from './_normaliseAnalysis.js';
import { INVALID, unreadable } from './_readerRuntime.js';
import { invalidAnalysisError } from '../model/invalidAnalysisError.js';
import type { CrossFieldOptions } from './_crossFieldIssues.js';
import type { AnalysisReaders, ReadFields, ReportIssue } from './_readerRuntime.js';
import type { Analysis } from '../model/analysis.js';
import type { DeflatorSeries } from '../model/DeflatorSeries.js';
import type { Issue } from '../model/SroiError.js';

/** Options of `parseAnalysis` and `safeParseAnalysis`. */
export interface ParseAnalysisOptions {
  /** The deflator series that proxies' price years are checked against (as in `calculateSroi`). */
  readonly deflators?: DeflatorSeries;
}

/** What `safeParseAnalysis` returns: the analysis, or every issue found. */
export type SafeParseAnalysisResult =
  | { readonly success: true; readonly analysis: Analysis; readonly issues: readonly [] }
  | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * Validates an analysis written as JSON (docs/model.md) and returns it normalised — every money
 * amount and fraction a decimal string, every default filled in — or every problem found, each
 * with its JSON path (the first 1,000, then one issue that counts the rest). It never throws,
 * whatever it is given, and never stops at the first problem.
 *
 * @example
 * const parsed = safeParseAnalysis({
 *   name: 'x',
 *   outcomes: [{ stakeholder: 'a', outcome: 'b', quantity: 1, proxy: { value: 1 },
 *                duration: 1, deadweight: 25 }],
 * });
 * parsed.success ? [] : parsed.issues.map((issue) => issue.message);
 * //=> ['deadweight must be a fraction from 0 to 1, got 25 (write 25% or 0.25)']
 */
export function safeParseAnalysis(
  input: unknown,
  options: ParseAnalysisOptions = {},
): SafeParseAnalysisResult {
  return safeParseAnalysisWith(analysisReaders, input, options);
}

/**
 * Validates an analysis and returns it normalised, or throws one `SroiError` with code
 * `INVALID_ANALYSIS` that lists every issue (see `safeParseAnalysis`).
 *
 * @example
 * parseAnalysis({
 *   name: 'Befriending',
 *   outcomes: [{ stakeholder: 'Older people', outcome: 'Less isolated', quantity: '40',
 *                proxy: { value: '£1,000' }, duration: 3, deadweight: '20%' }],
 * }).outcomes[0];
 * //=> { id: 'o1', stakeholder: 'Older people', outcome: 'Less isolated', quantity: '40', proxy: { value: '1000' }, duration: 3, start: 1, deadweight: '0.2', displacement: '0', attribution: '0', leakage: '0', dropOff: '0' }
 */
export function parseAnalysis(input: unknown, options: ParseAnalysisOptions = {}): Analysis {
  const result = safeParseAnalysis(input, options);
  if (result.success) return result.analysis;
  throw invalidAnalysisError('the analysis', result.issues);
}

/** `safeParseAnalysis` by the readers of a given field table. @internal */
export function safeParseAnalysisWith(
  readers: AnalysisReaders,
  input: unknown,
  options: ParseAnalysisOptions,
): SafeParseAnalysisResult {
  const issues: Issue[] = [];
  const report: ReportIssue = (issue) => {
    issues.push(issue);
  };
  let analysis: Analysis | undefined;
  try {
    const root = readers.analysis(input, [], report);
    if (root !== INVALID) {
      const outcomes = root['outcomes'];
      const inputs = root['inputs'];
      analysis = completeAnalysis(
        root,
        Array.isArray(outcomes) ? outcomes : [],
        Array.isArray(inputs) ? inputs : undefined,
        options,
        report,
      );
    }
  } catch (error) {
    // A getter or Proxy trap outside any list item threw: an issue, never an exception.
    report(unreadable([], error));
  }
  if (issues.length === 0 && analysis !== undefined) return { success: true, analysis, issues: [] };
  return { success: false, issues: capIssues(issues) };
}

/**
 * The end of every reading of an analysis, from JSON or from CSV tables: the read records put
 * together as the model holds them (defaults, ids, stakeholder references), then the checks that
 * span records, each issue reported. The analysis is valid only when nothing was reported.
 * @internal
 */
export function completeAnalysis(
  root: ReadFields,
  outcomes: readonly unknown[],
  inputs: readonly unknown[] | undefined,
  options: ParseAnalysisOptions & Pick<CrossFieldOptions, 'placeOf'>,
  report: ReportIssue,
): Analysis {
  const draft = normaliseAnalysis(root, outcomes, inputs);
  crossFieldIssues(draft, options, report);
  return draft.analysis as unknown as Analysis;
}
