import { SroiError } from '../model/SroiError.js';
import { safeParseAnalysis } from '../schema/parseAnalysis.js';
import type { OutcomeOverride, Scenario } from './Scenario.js';
import type { Analysis, Discount, Input, Outcome } from '../model/analysis.js';
import type { Issue } from '../model/SroiError.js';

/**
 * The analysis with a scenario's overrides applied (see `Scenario`). The analysis itself is not
 * changed. Throws `SroiError` `INVALID_ANALYSIS`, listing every problem, when the scenario names
 * an outcome or input that does not exist or leaves an outcome inconsistent (`quantityByYear`
 * that no longer matches `duration`); `safeParseScenarios` reports the same problems with their
 * paths in the analysis file.
 *
 * @example
 * applyScenario(
 *   parseAnalysis({
 *     name: 'x',
 *     inputs: [{ description: 'Grant', value: '100' }],
 *     outcomes: [{ id: 'a', stakeholder: 's', outcome: 'o', quantity: '10',
 *                  proxy: { value: '5' }, duration: 1, deadweight: '10%' }],
 *   }),
 *   { outcomes: { '*': { deadweight: '0.3' } }, inputs: { Grant: { value: '120' } } },
 * ).outcomes[0].deadweight;
 * //=> '0.3'
 */
export function applyScenario(analysis: Analysis, scenario: Scenario, name = 'scenario'): Analysis {
  const issues = scenarioIssues(analysis, scenario, ['scenarios', name]);
  if (issues.length > 0) {
    const lines = issues.map((issue) => `  ${issue.message}`).join('\n');
    throw new SroiError(
      'INVALID_ANALYSIS',
      `scenario "${name}" has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${lines}`,
      issues,
    );
  }
  return apply(analysis, scenario);
}

function apply(analysis: Analysis, scenario: Scenario): Analysis {
  const outcomes = analysis.outcomes.map((outcome) => {
    let changed = overrideOutcome(outcome, scenario.outcomes?.['*']);
    changed = overrideOutcome(changed, scenario.outcomes?.[outcome.id]);
    return changed;
  });
  const inputs = analysis.inputs.map((input, index): Input => {
    const override = inputOverride(analysis, scenario, index);
    if (override === undefined) return input;
    return {
      ...input,
      ...(override.value === undefined ? {} : { value: override.value }),
      ...(override.year === undefined ? {} : { year: override.year }),
    };
  });
  const horizon = scenario.horizon ?? analysis.horizon;
  return {
    ...analysis,
    discount: overrideDiscount(analysis.discount, scenario.discount),
    ...(horizon === undefined ? {} : { horizon }),
    inputs,
    outcomes,
  };
}

function overrideOutcome(outcome: Outcome, override: OutcomeOverride | undefined): Outcome {
  if (override === undefined) return outcome;
  const { proxy, quantityByYear, ...fields } = override;
  const quantity = fields.quantity ?? quantityByYear?.[0] ?? outcome.quantity;
  return {
    ...outcome,
    ...fields,
    quantity,
    proxy: { ...outcome.proxy, ...(proxy ?? {}) },
    ...(quantityByYear === undefined && outcome.quantityByYear === undefined
      ? {}
      : { quantityByYear: quantityByYear ?? outcome.quantityByYear ?? [] }),
  };
}

function overrideDiscount(discount: Discount, override: Scenario['discount']): Discount {
  if (override === undefined) return discount;
  const timing = override.timing ?? discount.timing;
  if (override.rate !== undefined) return { timing, rate: override.rate };
  if (override.rates !== undefined) return { timing, rates: override.rates };
  if (override.schedule !== undefined) return { timing, schedule: override.schedule };
  return { ...discount, timing };
}

/** The override of the input at `index`: by its position, or by its description. */
function inputOverride(analysis: Analysis, scenario: Scenario, index: number) {
  const overrides = scenario.inputs;
  if (overrides === undefined) return undefined;
  const input = analysis.inputs[index];
  return (
    overrides[String(index)] ?? (input === undefined ? undefined : overrides[input.description])
  );
}

/**
 * Problems with a scenario that only the analysis can reveal, each with its path in the
 * analysis file. @internal
 */
export function scenarioIssues(
  analysis: Analysis,
  scenario: Scenario,
  path: readonly (string | number)[],
): Issue[] {
  const issues = scenarioKeyIssues(analysis, scenario, path);
  if (issues.length > 0) return issues;
  return consistencyIssues(analysis, scenario, path);
}

/**
 * Outcome ids and input names in a scenario that match nothing in the analysis. Reads the
 * scenario defensively, so it also runs on a scenario whose fields are not yet valid. @internal
 */
export function scenarioKeyIssues(
  analysis: Analysis,
  scenario: { readonly outcomes?: object; readonly inputs?: object },
  path: readonly (string | number)[],
): Issue[] {
  const issues: Issue[] = [];
  const ids = new Set(analysis.outcomes.map((o) => o.id));
  for (const key of keysOf(scenario.outcomes)) {
    if (key === '*' || ids.has(key)) continue;
    issues.push({
      code: 'invalid_value',
      message: `no outcome has the id "${key}" (ids: ${[...ids].map((id) => `"${id}"`).join(', ')}; "*" means every outcome)`,
      path: [...path, 'outcomes', key],
      received: key,
    });
  }
  for (const key of keysOf(scenario.inputs)) {
    const byIndex = /^\d+$/.test(key) && Number(key) < analysis.inputs.length;
    const matches = analysis.inputs.filter((input) => input.description === key).length;
    if (byIndex) continue;
    if (matches === 1) continue;
    issues.push({
      code: 'invalid_value',
      message:
        matches > 1
          ? `${matches} inputs have the description "${key}"; name the input by its position instead (from 0)`
          : `no input has the description or position "${key}" (the analysis has ${analysis.inputs.length} inputs, numbered from 0)`,
      path: [...path, 'inputs', key],
      received: key,
    });
  }
  return issues;
}

function consistencyIssues(
  analysis: Analysis,
  scenario: Scenario,
  path: readonly (string | number)[],
): Issue[] {
  const issues: Issue[] = [];
  const changed = apply(analysis, scenario);
  changed.outcomes.forEach((outcome, index) => {
    const original = analysis.outcomes[index];
    const key = scenario.outcomes?.[outcome.id] === undefined ? '*' : outcome.id;
    if (
      outcome.quantityByYear !== undefined &&
      outcome.quantityByYear.length !== outcome.duration
    ) {
      issues.push({
        code: 'length_mismatch',
        message: `in this scenario outcome "${outcome.id}" has duration ${outcome.duration} but quantityByYear gives ${outcome.quantityByYear.length} quantities; override both together`,
        path: [...path, 'outcomes', key],
      });
    }
    const override = scenario.outcomes?.[outcome.id] ?? scenario.outcomes?.['*'];
    if (
      original?.quantityByYear !== undefined &&
      override?.quantity !== undefined &&
      override.quantityByYear === undefined
    ) {
      issues.push({
        code: 'invalid_value',
        message: `outcome "${outcome.id}" gives quantityByYear, which replaces quantity; override quantityByYear instead`,
        path: [...path, 'outcomes', key, 'quantity'],
        received: override.quantity,
      });
    }
  });
  // Price years the scenario gives must lie in the deflator series, like the analysis's own:
  // checked by the analysis rules, and reported at the scenario's path.
  const checked = safeParseAnalysis(changed);
  if (!checked.success) {
    for (const issue of checked.issues) {
      const [, index, ...rest] = issue.path;
      const outcome = typeof index === 'number' ? changed.outcomes[index] : undefined;
      if (issue.code !== 'price_year' || issue.path[0] !== 'outcomes' || outcome === undefined)
        continue;
      const key = scenario.outcomes?.[outcome.id] === undefined ? '*' : outcome.id;
      issues.push({ ...issue, path: [...path, 'outcomes', key, ...rest] });
    }
  }
  return issues;
}

function keysOf(value: unknown): string[] {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.keys(value)
    : [];
}
