import { Dec } from '../calc/_decimal.js';
import type { Analysis } from '../model/analysis.js';

/** The assumptions of one outcome that sensitivity analysis moves, named as the model names them. */
export const outcomeParameters = [
  'quantity',
  'proxy',
  'deadweight',
  'displacement',
  'attribution',
  'leakage',
  'dropOff',
  'duration',
] as const;

/** The assumptions that belong to the whole analysis. */
export const globalParameters = ['discountRate', 'inputValue', 'proxyScale'] as const;

/**
 * An assumption that sensitivity analysis can move. Per outcome: `quantity`, `proxy` (the
 * proxy's value as written, before rebasing), the four deductions, `dropOff` and `duration`.
 * For the whole analysis: `discountRate`, `inputValue` (one input's value) and `proxyScale`
 * (every proxy multiplied by the same factor; its base is 1).
 */
export type SensitivityParameter =
  (typeof outcomeParameters)[number] | (typeof globalParameters)[number];

/** Names one assumption: the parameter, and the outcome id or input index it belongs to. */
export type ParameterRef =
  | { readonly parameter: (typeof outcomeParameters)[number]; readonly outcome: string }
  | { readonly parameter: 'inputValue'; readonly input: number }
  | { readonly parameter: 'discountRate' | 'proxyScale' };

/**
 * Every assumption of an analysis that sensitivity analysis can move, in a stable order: each
 * outcome's assumptions in row order, then the discount rate, each input's value and the scale
 * of all proxies. Two are left out where they mean nothing: `dropOff` and `duration` of an
 * outcome with `quantityByYear` (the profile already says how much of the outcome lasts, and
 * its length is the duration), and `quantity` of such an outcome when its first year's quantity
 * is zero (the profile is scaled through its first year).
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
  const refs: ParameterRef[] = [];
  for (const outcome of analysis.outcomes) {
    const profile = outcome.quantityByYear;
    for (const parameter of outcomeParameters) {
      if (profile !== undefined) {
        if (parameter === 'dropOff' || parameter === 'duration') continue;
        if (parameter === 'quantity' && new Dec(profile[0] ?? '0').isZero()) continue;
      }
      refs.push({ parameter, outcome: outcome.id });
    }
  }
  refs.push({ parameter: 'discountRate' });
  analysis.inputs.forEach((_input, input) => refs.push({ parameter: 'inputValue', input }));
  refs.push({ parameter: 'proxyScale' });
  return refs;
}
