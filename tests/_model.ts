/**
 * The validated model (`Analysis`) built directly in tests, for what the readers may not accept
 * (fractional durations): every field the model requires, at a neutral default.
 */
import type { Analysis, Outcome } from '../src/model/analysis.js';

/** An outcome of 10 units × £100 for one year from year 1, no deductions, unless `fields` say. */
export function modelOutcome(fields: Partial<Outcome> = {}): Outcome {
  return {
    id: 'a',
    stakeholder: 'Residents',
    outcome: 'Change',
    quantity: '10',
    proxy: { value: '100' },
    duration: 1,
    start: 1,
    deadweight: '0',
    displacement: '0',
    attribution: '0',
    leakage: '0',
    dropOff: '0',
    ...fields,
  };
}

/** An analysis of `outcomes` at a rate of 0, with a £1,000 grant in year 0, unless `fields` say. */
export function modelAnalysis(outcomes: Outcome[], fields: Partial<Analysis> = {}): Analysis {
  return {
    name: 'Model',
    currency: 'GBP',
    discount: { timing: 'end', rate: '0' },
    stakeholders: [],
    inputs: [{ description: 'Grant', value: '1000', year: 0 }],
    outcomes,
    ...fields,
  };
}
