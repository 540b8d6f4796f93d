import { describe, expect, it } from 'vitest';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { safeParseUncertainty } from '../../src/sensitivity/safeParseUncertainty.js';
import { modelAnalysis, modelOutcome } from '../_model.js';

const analysis = parseAnalysis({
  name: 'x',
  discount: { rates: ['3%', '2%'] },
  inputs: [{ description: 'Grant', value: '100' }],
  outcomes: [
    { id: 'a', stakeholder: 's', outcome: 'o', quantity: 1, proxy: { value: 1 }, duration: 3 },
    {
      id: 'p',
      stakeholder: 's',
      outcome: 'o',
      quantityByYear: [0, 1],
      proxy: { value: 1 },
      duration: 2,
    },
  ],
});

describe('safeParseUncertainty', () => {
  it('fills the defaults and reads percentages', () => {
    expect(
      safeParseUncertainty(
        {
          parameters: [
            {
              outcome: '*',
              parameter: 'attribution',
              distribution: 'uniform',
              min: '10%',
              max: '30%',
            },
          ],
        },
        analysis,
      ),
    ).toEqual({
      success: true,
      uncertainty: {
        seed: 42,
        draws: 10000,
        bins: 20,
        parameters: [
          {
            outcome: '*',
            parameter: 'attribution',
            distribution: 'uniform',
            min: '0.1',
            max: '0.3',
          },
        ],
      },
      issues: [],
    });
  });

  it('reports every problem with its path', () => {
    const badParameters = [
      { outcome: 'a', parameter: 'deadweight', distribution: 'uniform', min: '-10%', max: '20%' },
      { outcome: 'zz', parameter: 'proxy', distribution: 'normal', mean: 1, sd: -1 },
      { parameter: 'quantity', distribution: 'beta', alpha: 0, beta: 2 },
      { outcome: 'p', parameter: 'dropOff', distribution: 'pert', min: 0, mode: 0.5, max: 0.4 },
      {
        outcome: 'a',
        parameter: 'deadweight',
        distribution: 'triangular',
        min: 0,
        mode: 0,
        max: 0,
      },
      // rates 3% then 2% move together: the year-1 rate can fall to 1% (year 2 at 0) and rise
      // to 100% (year 2 at 99%)
      { parameter: 'discountRate', distribution: 'uniform', min: '0', max: '2%' },
    ];
    // With a bad seed, the seed is reported alone; without it, every parameter's problem is.
    const parsed = safeParseUncertainty(
      {
        seed: 1.5,
        parameters: badParameters,
      },
      analysis,
    );
    expect(parsed.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'uncertainty.seed: seed must be a whole number from -2147483648 to 2147483647, got 1.5',
    ]);
    const second = safeParseUncertainty(
      {
        parameters: badParameters,
      },
      analysis,
    );
    expect(second.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'uncertainty.parameters.0.min: min of deadweight must be a fraction from 0 to 1 (0% to 100%), got "-10%"',
      'uncertainty.parameters.1.outcome: no outcome has the id "zz" (ids: "a", "p"; "*" means every outcome)',
      'uncertainty.parameters.1: normal needs sd ≥ 0, got -1',
      'uncertainty.parameters.2.outcome: quantity belongs to an outcome: give "outcome" (an outcome id, or "*" for every outcome)',
      'uncertainty.parameters.2: beta needs alpha > 0, got 0',
      'uncertainty.parameters.3.parameter: outcome "p" gives quantityByYear, so its dropOff is not an assumption of the calculation',
      'uncertainty.parameters.3: pert needs min ≤ mode ≤ max, got min 0, mode 0.5, max 0.4',
      'uncertainty.parameters.4: deadweight of "a" already has a distribution at uncertainty.parameters[0]',
      'uncertainty.parameters.5.min: min 0 is outside the valid range of discountRate (0.01 to 1)',
    ]);
  });

  it('names a few ids, not all of them, when an outcome id is unknown', () => {
    const many = modelAnalysis(
      Array.from({ length: 1000 }, (_, i) => modelOutcome({ id: `o${i + 1}` })),
    );
    const parsed = safeParseUncertainty(
      {
        parameters: [{ outcome: 'z', parameter: 'proxy', distribution: 'uniform', min: 1, max: 2 }],
      },
      many,
    );
    expect(parsed.issues.map((i) => i.message)).toEqual([
      'no outcome has the id "z" (one of 1,000 ids, e.g. "o1", "o2", "o3"; "*" means every outcome)',
    ]);
  });

  describe('the fraction rule, for every distribution of a fraction', () => {
    const one = (figures: Record<string, unknown>, parameter = 'deadweight') =>
      safeParseUncertainty(
        {
          parameters: [
            {
              ...(parameter === 'discountRate' ? {} : { outcome: 'a' }),
              parameter,
              ...figures,
            },
          ],
        },
        analysis,
      ).issues.map((i) => `${i.path.join('.')}: ${i.message}`);

    // The same typo — 20 meaning 20% — in each distribution: the same message, with its hint,
    // at the figure; never a normal truncated to 0–1 around a mean of 20.
    it.each([
      [{ distribution: 'normal', mean: '20', sd: '5%' }, 'mean'],
      [{ distribution: 'normal', mean: 20, sd: '5%' }, 'mean'],
      [{ distribution: 'uniform', min: '10%', max: '20' }, 'max'],
      [{ distribution: 'triangular', min: '10%', mode: '20', max: '30%' }, 'mode'],
      [{ distribution: 'pert', min: '10%', mode: '20', max: '30%' }, 'mode'],
      [{ distribution: 'beta', alpha: 2, beta: 3, max: '20' }, 'max'],
    ])('refuses a bare 20 in %j with the hint', (figures, field) => {
      expect(one(figures)).toEqual([
        `uncertainty.parameters.0.${field}: ${field} of deadweight must be a fraction from 0 to 1, got ${typeof (figures as Record<string, unknown>)[field] === 'number' ? '20' : '"20"'} (write 20% or 0.2)`,
      ]);
    });

    it("refuses a normal's sd above 1 for a fraction, with the same hint", () => {
      expect(one({ distribution: 'normal', mean: '20%', sd: '5' })).toEqual([
        'uncertainty.parameters.0.sd: sd of deadweight must be a fraction from 0 to 1, got "5" (write 5% or 0.05)',
      ]);
    });

    it('applies to drop-off and the discount rate too', () => {
      expect(one({ distribution: 'normal', mean: '30', sd: '0.1' }, 'dropOff')).toEqual([
        'uncertainty.parameters.0.mean: mean of dropOff must be a fraction from 0 to 1, got "30" (write 30% or 0.3)',
      ]);
      expect(one({ distribution: 'normal', mean: '3.5', sd: '0.01' }, 'discountRate')).toEqual([
        'uncertainty.parameters.0.mean: mean of discountRate must be a fraction from 0 to 1, got "3.5" (write 3.5% or 0.035)',
      ]);
    });

    it('accepts 20% and 0.2 alike, and a normal of a fraction whose mean is in 0–1', () => {
      expect(one({ distribution: 'normal', mean: '20%', sd: '5%' })).toEqual([]);
      expect(one({ distribution: 'normal', mean: 0.2, sd: 0.05 })).toEqual([]);
      expect(one({ distribution: 'uniform', min: '100%', max: 1 })).toEqual([]);
    });

    it('leaves quantities, proxies and the shapes of a beta to their own rules', () => {
      expect(one({ distribution: 'normal', mean: '20', sd: '5' }, 'quantity')).toEqual([]);
      expect(one({ distribution: 'beta', alpha: 20, beta: 30 })).toEqual([]);
    });
  });
});
