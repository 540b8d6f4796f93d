import { scenarioArgument } from './Scenario.js';
import { analysisArgument, textArgument } from '../model/_arguments.js';
import { SroiError } from '../model/SroiError.js';
import { safeParseAnalysis } from '../schema/parseAnalysis.js';
import type { InputOverride, OutcomeOverride, Scenario } from './Scenario.js';
import type { Analysis, Discount, Input, Outcome } from '../model/analysis.js';
import type { Issue } from '../model/SroiError.js';

/**
 * The analysis with a scenario's overrides applied (see `Scenario`): outcomes and inputs the
 * scenario excludes are left out, the rest changed field by field. The analysis itself is not
 * changed. Throws `SroiError` `INVALID_ANALYSIS`, with every problem in `issues` (the message
 * names the first few), when the scenario names an outcome or input that does not exist, leaves
 * out every outcome, or leaves an outcome inconsistent (`quantityByYear` that no longer gives one
 * quantity for each of the ⌈duration⌉ valued years); `safeParseScenarios` reports the same
 * problems with their paths in the analysis file. An analysis or a scenario of the wrong shape
 * (a field of the wrong type) is a `SroiError` `INVALID_ARGUMENT`.
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
  const fn = 'applyScenario';
  analysisArgument(fn, analysis);
  scenarioArgument(fn, scenario);
  textArgument(fn, name, 'name');
  const issues = scenarioIssues(analysis, scenario, ['scenarios', name]);
  if (issues.length > 0) {
    const lines = issues.slice(0, LISTED).map((issue) => `  ${issue.message}`);
    if (issues.length > LISTED) lines.push(`  and ${issues.length - LISTED} more (in issues)`);
    throw new SroiError(
      'INVALID_ANALYSIS',
      `scenario "${name}" has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${lines.join('\n')}`,
      issues,
    );
  }
  return apply(analysis, scenario);
}

/** How many of a scenario's problems the message of `applyScenario` lists. */
const LISTED = 5;

function apply(analysis: Analysis, scenario: Scenario): Analysis {
  const outcomes = analysis.outcomes.flatMap((outcome): Outcome[] => {
    if (outcomeExcluded(scenario, outcome)) return [];
    const changed = overrideOutcome(outcome, own(scenario.outcomes, '*'));
    return [overrideOutcome(changed, own(scenario.outcomes, outcome.id))];
  });
  const inputs = analysis.inputs.flatMap((input, index): Input[] => {
    const override = inputOverride(scenario, input, index);
    if (override === undefined) return [input];
    if (override.exclude === true) return [];
    return [
      {
        ...input,
        ...(override.value === undefined ? {} : { value: override.value }),
        ...(override.year === undefined ? {} : { year: override.year }),
      },
    ];
  });
  const horizon = scenario.horizon ?? analysis.horizon;
  // An assumption the analysis does not state is stated by a scenario that sets it for every
  // outcome it keeps (docs/method.md); the others stay listed, and the result names the outcomes
  // still at 0.
  const notStated = (analysis.notStated ?? []).filter(
    (assumption) =>
      own(scenario.outcomes, '*')?.[assumption] === undefined &&
      analysis.outcomes.some(
        (o) =>
          !outcomeExcluded(scenario, o) && own(scenario.outcomes, o.id)?.[assumption] === undefined,
      ),
  );
  const changed: Analysis = {
    ...analysis,
    discount: overrideDiscount(analysis.discount, scenario.discount),
    ...(horizon === undefined ? {} : { horizon }),
    inputs,
    outcomes,
  };
  if (analysis.notStated === undefined) return changed;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- replaced by the list below
  const { notStated: given, ...rest } = changed;
  return notStated.length === 0 ? rest : { ...rest, notStated };
}

/** Whether the scenario leaves the outcome out: its own `exclude`, else that of `"*"`. */
function outcomeExcluded(scenario: Scenario, outcome: Outcome): boolean {
  return (
    own(scenario.outcomes, outcome.id)?.exclude ?? own(scenario.outcomes, '*')?.exclude ?? false
  );
}

function overrideOutcome(outcome: Outcome, override: OutcomeOverride | undefined): Outcome {
  if (override === undefined) return outcome;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- exclude is no field of an outcome
  const { proxy, quantityByYear, exclude, ...fields } = override;
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
function inputOverride(scenario: Scenario, input: Input, index: number): InputOverride | undefined {
  return own(scenario.inputs, String(index)) ?? own(scenario.inputs, input.description);
}

/**
 * The entry under `key` if it is the record's own: an outcome may be called `constructor`, and
 * `{}.constructor` is not an override.
 */
function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
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
  const issues = [
    ...scenarioKeyIssues(analysis, scenario, path),
    ...excludeIssues(analysis, scenario, path),
  ];
  if (issues.length > 0) return issues;
  return consistencyIssues(analysis, scenario, path);
}

/** How many ids or names a message lists at most. */
const EXAMPLES = 5;

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
  const ids = analysis.outcomes.map((o) => o.id);
  const known = new Set(ids);
  for (const key of keysOf(scenario.outcomes)) {
    if (key === '*' || known.has(key)) continue;
    issues.push({
      code: 'invalid_value',
      message: `no outcome has the id "${key}" (${someOf(ids, key, 'id')}; "*" means every outcome)`,
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

/**
 * The ids a message offers in place of an unknown one: all of them when there are few, else a
 * bounded number, those equal to `key` but for case first — `ids: "a", "b"` or
 * `one of 15 ids, e.g. "a", "b", "c", "d", "e"`.
 */
function someOf(ids: readonly string[], key: string, noun: string): string {
  const quoted = (list: readonly string[]) => list.map((id) => `"${id}"`).join(', ');
  if (ids.length <= EXAMPLES) return `${noun}s: ${quoted(ids)}`;
  const lower = key.toLowerCase();
  const near = ids.filter((id) => id.toLowerCase() === lower);
  const rest = ids.filter((id) => id.toLowerCase() !== lower);
  const shown = [...near, ...rest].slice(0, EXAMPLES);
  return `one of ${ids.length} ${noun}s, e.g. ${quoted(shown)}`;
}

/**
 * An outcome's or input's own override that leaves it out and changes it too (a contradiction),
 * and a scenario that leaves out every outcome.
 */
function excludeIssues(
  analysis: Analysis,
  scenario: Scenario,
  path: readonly (string | number)[],
): Issue[] {
  const issues: Issue[] = [];
  const overrides: [
    string,
    Readonly<Record<string, OutcomeOverride | InputOverride>> | undefined,
  ][] = [
    ['outcomes', scenario.outcomes],
    ['inputs', scenario.inputs],
  ];
  for (const [section, record] of overrides) {
    for (const [key, override] of Object.entries(record ?? {})) {
      const others = Object.keys(override).filter((field) => field !== 'exclude');
      // "*" may exclude and change at once: its fields reach the outcomes kept by their own entry.
      if (override.exclude !== true || others.length === 0 || key === '*') continue;
      const what = section === 'inputs' ? `input "${key}"` : `outcome "${key}"`;
      const fields = others.map((field) => `"${field}"`).join(', ');
      issues.push({
        code: 'invalid_value',
        message: `exclude: true leaves ${what} out, so ${fields} would change nothing; remove ${others.length === 1 ? 'it' : 'them'} or the exclude`,
        path: [...path, section, key, 'exclude'],
        received: true,
      });
    }
  }
  if (analysis.outcomes.every((outcome) => outcomeExcluded(scenario, outcome))) {
    issues.push({
      code: 'invalid_value',
      message:
        'this scenario leaves out every outcome, and an analysis needs at least one (keep one with { "exclude": false })',
      path: [...path, 'outcomes'],
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
  const kept = analysis.outcomes.filter((outcome) => !outcomeExcluded(scenario, outcome));
  changed.outcomes.forEach((outcome, index) => {
    const original = kept[index];
    const key = keyOf(scenario, outcome.id);
    // A profile gives one quantity for each valued year, ⌈duration⌉ of them (docs/method.md).
    const valued = Math.ceil(outcome.duration);
    if (outcome.quantityByYear !== undefined && outcome.quantityByYear.length !== valued) {
      issues.push({
        code: 'length_mismatch',
        message: `in this scenario outcome "${outcome.id}" has duration ${outcome.duration} (${valued} valued year${valued === 1 ? '' : 's'}) but quantityByYear gives ${outcome.quantityByYear.length} quantities; override both together`,
        path: [...path, 'outcomes', key],
      });
    }
    const override = own(scenario.outcomes, outcome.id) ?? own(scenario.outcomes, '*');
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
      issues.push({ ...issue, path: [...path, 'outcomes', keyOf(scenario, outcome.id), ...rest] });
    }
  }
  return issues;
}

/** The key of the entry that changes outcome `id`: its own, or `"*"`. */
function keyOf(scenario: Scenario, id: string): string {
  return own(scenario.outcomes, id) === undefined ? '*' : id;
}

function keysOf(value: unknown): string[] {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.keys(value)
    : [];
}
