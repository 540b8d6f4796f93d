import { readJson } from './readJson.js';
import { optionsArgument, textArgument } from '../model/_arguments.js';
import { safeParseAnalysis } from '../schema/parseAnalysis.js';
import type { JsonIssue } from './readJson.js';
import type { Analysis } from '../model/analysis.js';
import type { ParseAnalysisOptions } from '../schema/parseAnalysis.js';

/** Options of `safeParseAnalysisJson`. */
export interface SafeParseAnalysisJsonOptions extends ParseAnalysisOptions {
  /** The file name every issue's location carries. */
  readonly file?: string;
}

/** What `safeParseAnalysisJson` returns: the analysis, or every issue found, located. */
export type SafeParseAnalysisJsonResult =
  | { readonly success: true; readonly analysis: Analysis; readonly issues: readonly [] }
  | { readonly success: false; readonly issues: readonly JsonIssue[] };

/**
 * Validates an analysis given as JSON text: `readJson`, then `safeParseAnalysis`. Every issue
 * carries its JSON path and its location (`file`, `line`, `column`) in the text; a syntax error,
 * a key given twice, a number out of range or nesting too deep is an issue like any other.
 * Never throws for any text.
 *
 * @example
 * const parsed = safeParseAnalysisJson(
 *   '{ "name": "x",\n  "outcomes": [{ "stakeholder": "a", "outcome": "b", "quantity": 1,\n    "proxy": { "value": 1 }, "duration": 1, "deadweight": 25 }] }',
 *   { file: 'analysis.json' },
 * );
 * parsed.success ? [] : parsed.issues.map((i) => [i.location?.line, i.location?.column, i.message]);
 * //=> [[3, 59, 'deadweight must be a fraction from 0 to 1, got 25 (write 25% or 0.25)']]
 */
export function safeParseAnalysisJson(
  text: string,
  options: SafeParseAnalysisJsonOptions = {},
): SafeParseAnalysisJsonResult {
  textArgument('safeParseAnalysisJson', text);
  optionsArgument('safeParseAnalysisJson', options);
  const { file, ...parseOptions } = options;
  const read = readJson(text, file === undefined ? {} : { file });
  if (!read.ok) return { success: false, issues: read.issues };
  const parsed = safeParseAnalysis(read.value, parseOptions);
  if (parsed.success && read.issues.length === 0) return parsed;
  return { success: false, issues: read.withIssues(parsed.issues) };
}
