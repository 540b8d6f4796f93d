/**
 * The small analysis the sensitivity tests derive their expected values from, by hand.
 * Discount rate 0, so present values are plain sums:
 *   a: 100 × 10 × (1 − 0.2) = 800 in year 1.                            PV_a = 800
 *   b: 10 × 20 × (1 − 0.5) = 100 in year 1, × (1 − 0.5) = 50 in year 2. PV_b = 150
 *   inputs: 400 in year 0.                      PV = 950, sroiRatio = 950 / 400 = 2.375
 */
export const outcomeA = {
  id: 'a',
  stakeholder: 'People',
  outcome: 'A',
  quantity: '100',
  proxy: { value: '10' },
  duration: 1,
  deadweight: '20%',
};

export const outcomeB = {
  id: 'b',
  stakeholder: 'People',
  outcome: 'B',
  quantity: '10',
  proxy: { value: '20' },
  duration: 2,
  attribution: '50%',
  dropOff: '50%',
};

export const smallAnalysis = {
  name: 'Small',
  discount: { rate: '0' },
  inputs: [{ description: 'Grant', value: '400' }],
  outcomes: [outcomeA, outcomeB],
};
