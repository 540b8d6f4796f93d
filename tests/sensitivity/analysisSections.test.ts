import { describe, expect, it } from 'vitest';
import { analysisJsonSchema } from '../../src/schema/analysisJsonSchema.js';
import { safeParseAnalysis } from '../../src/schema/parseAnalysis.js';

const base = {
  name: 'x',
  outcomes: [
    { id: 'a', stakeholder: 's', outcome: 'o', quantity: 1, proxy: { value: 1 }, duration: 1 },
  ],
};

describe('safeParseAnalysis (scenarios and uncertainty sections)', () => {
  it('accepts an analysis that carries scenarios and uncertainty', () => {
    const parsed = safeParseAnalysis({
      ...base,
      scenarios: { low: { outcomes: { a: { deadweight: '30%' } } } },
      uncertainty: {
        seed: 1,
        parameters: [{ outcome: 'a', parameter: 'proxy', distribution: 'uniform', min: 0, max: 2 }],
      },
    });
    expect(parsed.success).toBe(true);
  });

  it('reports a bad field in either section with its path', () => {
    const parsed = safeParseAnalysis({
      ...base,
      scenarios: { low: { outcomes: { a: { deadweight: 30 } } } },
      uncertainty: {
        parameters: [{ outcome: 'a', parameter: 'proxy', distribution: 'lognormal' }],
      },
    });
    expect(parsed.issues.map((i) => i.path.join('.'))).toEqual([
      'scenarios.low.outcomes.a.deadweight',
      'uncertainty.parameters.0.distribution',
    ]);
  });
});

describe('analysisJsonSchema (scenarios and uncertainty sections)', () => {
  it('describes both sections', () => {
    const properties = analysisJsonSchema()['properties'] as Record<string, { type?: string }>;
    expect(properties['scenarios']?.type).toBe('object');
    expect(properties['uncertainty']?.type).toBe('object');
  });
});
