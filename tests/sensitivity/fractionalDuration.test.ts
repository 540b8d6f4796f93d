/**
 * Fractional durations in sensitivity analysis, switching values, Monte Carlo and scenarios
 * (docs/method.md, docs/sensitivity.md). The analyses are built as the validated model directly.
 * Unless said otherwise: one outcome of 1 unit × £100 a year, rate 0, inputs £250, so a duration
 * of d years (d ≤ ⌈d⌉ whole and fractional) is worth 100d and the ratio is 100d / 250 = 0.4d.
 */
import { describe, expect, it } from 'vitest';
import { SroiError } from '../../src/model/SroiError.js';
import { applyScenario } from '../../src/sensitivity/applyScenario.js';
import { evaluateScenarios } from '../../src/sensitivity/evaluateScenarios.js';
import { safeParseScenarios } from '../../src/sensitivity/safeParseScenarios.js';
import { oneWaySensitivity } from '../../src/sensitivity/oneWaySensitivity.js';
import { simulate } from '../../src/sensitivity/simulate.js';
import { solveFor } from '../../src/sensitivity/solveFor.js';
import { near } from '../_decimal.js';
import { modelAnalysis, modelOutcome } from '../_model.js';
import type { Analysis, Outcome } from '../../src/model/analysis.js';
import type { UncertainAssumption } from '../../src/sensitivity/Uncertainty.js';

const outcome = (fields: Partial<Outcome> = {}): Outcome =>
  modelOutcome({ stakeholder: 's', outcome: 'o', quantity: '1', duration: 2.5, ...fields });
const analysis = (outcomes: Outcome[], fields: Partial<Analysis> = {}): Analysis =>
  modelAnalysis(outcomes, { inputs: [{ description: 'Grant', value: '250', year: 0 }], ...fields });

const durationRow = (a: Analysis, durationStep?: number) =>
  oneWaySensitivity(a, durationStep === undefined ? {} : { durationStep }).find(
    (r) => r.parameter === 'duration',
  );

describe('oneWaySensitivity (fractional durations)', () => {
  it('moves a duration by ±durationStep years, fractions of a year too', () => {
    // hand-computed: 1.5 and 3.5 years → 0.6 and 1.4; 2.25 and 2.75 years → 0.9 and 1.1
    expect(durationRow(analysis([outcome()]))).toMatchObject({
      low: { value: '1.5', sroiRatio: '0.6' },
      high: { value: '3.5', sroiRatio: '1.4' },
    });
    expect(durationRow(analysis([outcome()]), 0.25)).toMatchObject({
      low: { value: '2.25', sroiRatio: '0.9' },
      high: { value: '2.75', sroiRatio: '1.1' },
    });
  });

  it('goes down to one year, or stays at a base under a year', () => {
    // hand-computed: 1 − 1 = 0 is clamped to 1 year (0.4); 0.5 − 1 stays at 0.5 (0.2), 1.5 → 0.6
    expect(durationRow(analysis([outcome({ duration: 1 })]))).toMatchObject({
      low: { value: '1', sroiRatio: '0.4' },
      high: { value: '2', sroiRatio: '0.8' },
    });
    expect(durationRow(analysis([outcome({ duration: 0.5 })]))).toMatchObject({
      low: { value: '0.5', sroiRatio: '0.2' },
      high: { value: '1.5', sroiRatio: '0.6' },
    });
  });

  it('rejects a negative or infinite durationStep', () => {
    expect(() => durationRow(analysis([outcome()]), -1)).toThrow(
      'oneWaySensitivity: durationStep must be a number of years from 0 to 1000, got the number -1',
    );
    expect(() => durationRow(analysis([outcome()]), Infinity)).toThrow(/durationStep/);
  });
});

describe('solveFor (fractional durations)', () => {
  const duration = (a: Analysis, target: string) =>
    solveFor(a, { parameter: 'duration', outcome: 'a' }, { sroiRatio: target });

  it('solves up from a base under a year, across whole years', () => {
    // hand-computed: 0.4d = 1 → d = 2.5
    expect(duration(analysis([outcome({ duration: 0.5 })]), '1')).toEqual({
      parameter: 'duration',
      outcome: 'a',
      base: '0.5',
      switchingValue: '2.5',
      reachable: true,
    });
  });

  it('is unreachable beyond a horizon, at the ratio the horizon allows', () => {
    // hand-computed: horizon 2 caps the value at 200: 200 / 250 = 0.8 even at 1000 years
    expect(duration(analysis([outcome({ duration: 0.5 })], { horizon: 2 }), '1')).toMatchObject({
      reachable: false,
      ratioAtLimit: '0.8',
    });
  });

  it('shortens a disbenefit to raise the ratio', () => {
    // a: 1000 once; b: −100 a year for 3 years; inputs 500: (1000 − 100d) / 500
    const a = analysis(
      [
        outcome({ proxy: { value: '1000' }, duration: 1 }),
        outcome({ id: 'b', proxy: { value: '-100' }, duration: 3 }),
      ],
      { inputs: [{ description: 'Grant', value: '500', year: 0 }] },
    );
    const of = (target: string) =>
      solveFor(a, { parameter: 'duration', outcome: 'b' }, { sroiRatio: target });
    expect(of('1.6').switchingValue).toBe('2'); // hand-computed: 1000 − 100d = 800
    expect(of('1.9').switchingValue).toBe('0.5'); // 1000 − 100d = 950
    // 2.5 would need −250 of b: not even a duration tending to 0 (1000 / 500 = 2) reaches it
    expect(of('2.5')).toMatchObject({ reachable: false, ratioAtLimit: '2' });
  });

  it('finds drop-off and quantity on an outcome whose last year counts half', () => {
    // hand-computed: 1.5 years with drop-off x: 100 + 0.5 × 100(1 − x) = 150 − 50x; inputs 100:
    // target 1.2 → x = 0.6; and q × 100 × 1.5 = 300 at target 3 → q = 2
    const a = analysis([outcome({ duration: 1.5 })], {
      inputs: [{ description: 'Grant', value: '100', year: 0 }],
    });
    const dropOff = solveFor(a, { parameter: 'dropOff', outcome: 'a' }, { sroiRatio: '1.2' });
    expect(near(dropOff.switchingValue ?? 'NaN', '0.6', '1e-11')).toBe(true);
    expect(
      solveFor(a, { parameter: 'quantity', outcome: 'a' }, { sroiRatio: '3' }).switchingValue,
    ).toBe('2');
  });
});

describe('simulate (fractional durations)', () => {
  // 1000 in year 1, half of 1000 × (1 − dropOff) in year 2; inputs 500
  const a = analysis([outcome({ proxy: { value: '1000' }, duration: 1.5 })], {
    inputs: [{ description: 'Grant', value: '500', year: 0 }],
  });
  const pinnedAt = (dropOff: string, deadweight: string, drawRate: boolean) =>
    simulate(a, {
      seed: 3,
      draws: 5,
      bins: 1,
      parameters: [
        { outcome: 'a', parameter: 'dropOff', distribution: 'uniform', min: dropOff, max: dropOff },
        {
          outcome: 'a',
          parameter: 'deadweight',
          distribution: 'uniform',
          min: deadweight,
          max: deadweight,
        },
        ...(drawRate
          ? ([
              { parameter: 'discountRate', distribution: 'uniform', min: '0', max: '0' },
            ] as UncertainAssumption[])
          : []),
      ],
    });

  it.each([
    ['with the rate fixed', false],
    ['with the rate drawn', true],
  ])('values the share of the last year in every draw, %s', (_name, drawRate) => {
    // hand-computed: (1000 + 0.5 × 500) × (1 − 0.2) = 1000; 1000 / 500 = 2
    const result = pinnedAt('0.5', '0.2', drawRate);
    expect(result.presentValue).toEqual({ mean: '1000', p5: '1000', p50: '1000', p95: '1000' });
    expect(result.sroiRatio.p50).toBe('2');
  });
});

describe('evaluateScenarios (fractional durations)', () => {
  it('evaluates a fractional duration override', () => {
    const { base, scenarios } = evaluateScenarios(analysis([outcome({ duration: 2 })]), {
      longer: { outcomes: { a: { duration: 2.5 } } },
    });
    // hand-computed: 200 / 250 = 0.8 at 2 years; 250 / 250 = 1 at 2.5 years
    expect([base.sroiRatio, scenarios[0]?.result.sroiRatio]).toEqual(['0.8', '1']);
  });
});

describe('applyScenario (fractional durations)', () => {
  // A profile gives one quantity for each of the ⌈duration⌉ valued years (docs/method.md).
  const profiled = analysis([outcome({ duration: 2.5, quantityByYear: ['1', '1', '1'] })]);

  it('keeps a profile of ⌈duration⌉ quantities, which the scenario does not touch', () => {
    const changed = applyScenario(profiled, { outcomes: { a: { deadweight: '0.5' } } }, 'half');
    expect(changed.outcomes[0]).toMatchObject({ deadweight: '0.5', duration: 2.5 });
    expect(
      safeParseScenarios({ half: { outcomes: { a: { deadweight: '50%' } } } }, profiled),
    ).toMatchObject({ success: true });
    // hand-computed: 100 + 100 + 0.5 × 100 = 250, × (1 − 0.5) = 125; 125 / 250 = 0.5
    const { scenarios } = evaluateScenarios(profiled, {
      half: { outcomes: { a: { deadweight: '0.5' } } },
    });
    expect(scenarios[0]?.result.sroiRatio).toBe('0.5');
  });

  it('refuses a duration whose ⌈duration⌉ no longer matches the profile, with the counts', () => {
    try {
      applyScenario(profiled, { outcomes: { a: { duration: 1.5 } } }, 'shorter');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SroiError);
      expect((error as SroiError).issues.map((i) => [i.code, i.path.join('.'), i.message])).toEqual(
        [
          [
            'length_mismatch',
            'scenarios.shorter.outcomes.a',
            'in this scenario outcome "a" has duration 1.5 (2 valued years) but quantityByYear gives 3 quantities; override both together',
          ],
        ],
      );
    }
    // 2.1 years are three valued years, as the profile gives
    expect(
      applyScenario(profiled, { outcomes: { a: { duration: 2.1 } } }).outcomes[0]?.duration,
    ).toBe(2.1);
  });
});
