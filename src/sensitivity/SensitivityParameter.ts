import { fixedBecause } from '../calc/outcomeTerms.js';
import {
  analysisArgument,
  invalid,
  objectArgument,
  oneOf,
  textArgument,
} from '../model/_arguments.js';
import { globalParameters, outcomeParameters } from '../model/vocabulary.js';
import type { Analysis } from '../model/analysis.js';
import type { OutcomeParameter } from '../model/vocabulary.js';

// The lists of assumptions are the model's vocabulary (src/model/vocabulary.ts); they are
// exported here too, where the public index has always found them.
export { globalParameters, outcomeParameters } from '../model/vocabulary.js';
export type { SensitivityParameter } from '../model/vocabulary.js';

/** Names one assumption: the parameter, and the outcome id or input index it belongs to. */
export type ParameterRef =
  | { readonly parameter: OutcomeParameter; readonly outcome: string }
  | { readonly parameter: 'inputValue'; readonly input: number }
  | { readonly parameter: 'discountRate' | 'proxyScale' };

/**
 * Every assumption of an analysis that sensitivity analysis can move, in a stable order: each
 * outcome's assumptions in row order, then the discount rate, each input's value and the scale
 * of all proxies. An outcome's assumption that is not one of its calculation is left out
 * (`fixedBecause`): `dropOff` and `duration` of an outcome with `quantityByYear` (the profile
 * already says how much of the outcome lasts, and how many years it is valued), and `quantity`
 * of such an outcome when its first year's quantity is zero (the profile is scaled through its
 * first year).
 *
 * @example
 * parameterRefs(parseAnalysis({
 *   name: 'x',
 *   inputs: [{ description: 'Grant', value: '100' }],
 *   outcomes: [{ id: 'a', stakeholder: 's', outcome: 'o', quantityByYear: ['2', '1'],
 *                proxy: { value: '10' }, duration: 2 }],
 * })).map((ref) => ref.parameter);
 * //=> ['quantity', 'proxy', 'deadweight', 'displacement', 'attribution', 'leakage', 'discountRate', 'inputValue', 'proxyScale']
 */
export function parameterRefs(analysis: Analysis): ParameterRef[] {
  return refsOf(analysisArgument('parameterRefs', analysis));
}

/** The same, for an analysis already checked. @internal */
export function refsOf(analysis: Analysis): ParameterRef[] {
  const refs: ParameterRef[] = [];
  for (const outcome of analysis.outcomes) {
    for (const parameter of outcomeParameters) {
      if (fixedBecause(outcome, parameter) === undefined) {
        refs.push({ parameter, outcome: outcome.id });
      }
    }
  }
  refs.push({ parameter: 'discountRate' });
  analysis.inputs.forEach((_input, input) => refs.push({ parameter: 'inputValue', input }));
  refs.push({ parameter: 'proxyScale' });
  return refs;
}

const PARAMETERS = new Map<string, string>(
  [...outcomeParameters, ...globalParameters].map((name) => [name, name]),
);

/**
 * Checks a `ParameterRef`: a parameter sensitivity analysis moves, with the outcome id of an
 * outcome's assumption or the position of an input (from 0). Whether the outcome or the input
 * exists is checked against the analysis. @internal
 */
export function parameterRefArgument(fn: string, value: unknown, name = 'parameter'): ParameterRef {
  const ref = objectArgument(fn, name, value);
  const parameter = oneOf(fn, `${name}.parameter`, PARAMETERS, ref.parameter);
  if ((outcomeParameters as readonly string[]).includes(parameter)) {
    textArgument(fn, ref.outcome, `${name}.outcome`);
  } else if (parameter === 'inputValue') {
    const input = ref.input;
    if (typeof input !== 'number' || !Number.isSafeInteger(input) || input < 0) {
      throw invalid(fn, `${name}.input must be an input's position, a whole number from 0`, input);
    }
  }
  return value as ParameterRef;
}
