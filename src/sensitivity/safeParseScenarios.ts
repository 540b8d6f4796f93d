import { scenarioIssues, scenarioKeyIssues } from './applyScenario.js';
import { analysisArgument } from '../model/_arguments.js';
import { readScenarios } from '../schema/scenariosSchema.js';
import type { Scenario, Scenarios } from './Scenario.js';
import type { Analysis } from '../model/analysis.js';
import type { Issue } from '../model/SroiError.js';

/** What `safeParseScenarios` returns: the scenarios, or every issue found. */
export type SafeParseScenariosResult =
  | { readonly success: true; readonly scenarios: Scenarios; readonly issues: readonly [] }
  | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * Validates the `scenarios` section of an analysis file against the analysis it belongs to:
 * field rules (fractions 0–1, money, whole years), unknown fields, outcome ids and input names
 * that exist, an `exclude` that leaves at least one outcome and changes nothing it leaves out,
 * and outcomes left consistent. Every issue has its path from the analysis root. Names are data:
 * a scenario called `__proto__`, an outcome called `constructor`, are kept or reported like any
 * other. Never throws for bad input.
 *
 * @example
 * const analysis = parseAnalysis({
 *   name: 'x',
 *   outcomes: [{ id: 'a', stakeholder: 's', outcome: 'o', quantity: 1, proxy: { value: 1 }, duration: 1 }],
 * });
 * safeParseScenarios({ low: { outcomes: { b: { deadweight: 25 } } } }, analysis).issues.map((i) => i.message);
 * //=> ['deadweight must be a fraction from 0 to 1, got 25 (write 25% or 0.25)', 'no outcome has the id "b" (ids: "a"; "*" means every outcome)']
 */
export function safeParseScenarios(input: unknown, analysis: Analysis): SafeParseScenariosResult {
  analysisArgument('safeParseScenarios', analysis);
  const read = readScenarios(input);
  if (read.data === undefined) {
    // Report unknown outcome ids and input names too, not only the first kind of problem.
    const keyIssues = Object.entries(isRecord(input) ? input : {}).flatMap(([name, raw]) =>
      isRecord(raw) ? scenarioKeyIssues(analysis, raw, ['scenarios', name]) : [],
    );
    return { success: false, issues: [...read.issues, ...keyIssues] };
  }
  const entries: [string, Scenario][] = [];
  const issues: Issue[] = [];
  for (const [name, raw] of Object.entries(read.data)) {
    const scenario = withoutUndefined(raw) as Scenario;
    entries.push([name, scenario]);
    for (const issue of scenarioIssues(analysis, scenario, ['scenarios', name])) issues.push(issue);
  }
  if (issues.length > 0) return { success: false, issues };
  // Object.fromEntries defines each name, so a scenario called "__proto__" is kept like any other.
  return { success: true, scenarios: Object.fromEntries(entries), issues: [] };
}

/** Drops keys whose value is `undefined` (optional fields left empty), at every depth. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefined(v)]),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
