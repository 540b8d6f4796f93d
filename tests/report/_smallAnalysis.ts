/**
 * A small analysis whose every figure can be worked out on paper, shared by the report tests.
 *
 * Discount 10% a year, end of year: DF(1) = 1/1.1 = 0.90909…, DF(2) = 1/1.21 = 0.82644…
 * Inputs: a £500 grant in year 0 (undiscounted).
 * Outcome "warmer": 10 × £100 = £1,000 gross a year; × (1 − 0.2) × (1 − 0.5) = £400 in year 1;
 *   drop-off 50% → £200 in year 2.
 * Outcome "repairs": 5 × £44 = £220 in year 1, no deductions, one year.
 * Years: V(1) = 620, V(2) = 200. PV(1) = 620/1.1 = 563.6363…, PV(2) = 200/1.21 = 165.2892…
 * Total PV = 882/1.21 = 728.925619…; ratio = 728.925619…/500 = 1.457851…; NPV = 228.925619…
 * Payback = 500 / (620/12) = 9.677… months; break-even in year 1 (563.64 ≥ 500).
 * Tenants PV = 400/1.1 + 200/1.21 = 640/1.21 = 528.925619…, share 640/882 = 72.56…%,
 *   ratio 1.057851…; Council PV = 220/1.1 = 200, share 242/882 = 27.44…%, ratio 0.4.
 * Waterfall: gross = 100 × 10 × 2 + 44 × 5 = 2,220; deadweight 2,000 × 0.2 = 400;
 *   attribution 1,600 × 0.5 = 800; drop-off 800 − 600 = 200; discounting 820 − 728.925619… = 91.07…
 * (Checked with Python's decimal module at 40 digits.)
 */
import { calculateSroi } from '../../src/calculateSroi.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import type { AnalysisInput } from '../../src/schema/analysisSchema.js';

export const smallInput: AnalysisInput = {
  name: 'Warm Homes 2024',
  currency: 'GBP',
  discount: { rate: '10%' },
  stakeholders: [
    { id: 'tenants', name: 'Tenants' },
    { id: 'council', name: 'Council' },
  ],
  inputs: [{ stakeholder: 'council', description: 'Grant', value: '500', kind: 'cash' }],
  outcomes: [
    {
      id: 'warmer',
      stakeholder: 'tenants',
      outcome: 'Warmer homes',
      indicator: 'Homes above 18°C',
      category: 'social',
      quantity: '10',
      proxy: { description: 'Heating cost saved', value: '100', source: 'Survey 2024' },
      duration: 2,
      deadweight: '20%',
      attribution: '50%',
      dropOff: '50%',
    },
    {
      id: 'repairs',
      stakeholder: 'council',
      outcome: 'Fewer repairs',
      category: 'fiscal',
      quantity: '5',
      proxy: { description: 'Repair visit', value: '44' },
      duration: 1,
    },
  ],
};

export const smallAnalysis = parseAnalysis(smallInput);
export const smallResult = calculateSroi(smallInput);
