import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { oneWaySensitivity } from '../../src/sensitivity/oneWaySensitivity.js';
import { sensitivityAnalysis } from '../../src/sensitivity/sensitivityAnalysis.js';
import { D } from '../_decimal.js';
import { smallAnalysis } from './_smallAnalysis.js';

/** As in solveFor.test.ts: PV_a = 800, PV_b = 100 + 50 = 150, inputs 400, ratio 2.375. */
const small = parseAnalysis(smallAnalysis);

const row = (rows: ReturnType<typeof oneWaySensitivity>, parameter: string, outcome?: string) =>
  rows.find((r) => r.parameter === parameter && r.outcome === outcome);

describe('oneWaySensitivity', () => {
  it('moves money and quantities by ±step of their value', () => {
    const rows = oneWaySensitivity(small);
    // quantity of a: 90 → 720 + 150 = 870 / 400; 110 → 880 + 150 = 1030 / 400
    expect(row(rows, 'quantity', 'a')).toEqual({
      parameter: 'quantity',
      outcome: 'a',
      low: { value: '90', sroiRatio: '2.175' },
      high: { value: '110', sroiRatio: '2.575' },
    });
    // input: 360 → 950 / 360 = 2.638…; 440 → 950 / 440 = 2.159… (Python decimal, 34 digits)
    expect(row(rows, 'inputValue')).toEqual({
      parameter: 'inputValue',
      input: 0,
      low: { value: '360', sroiRatio: '2.638888888888888888888888888888889' },
      high: { value: '440', sroiRatio: '2.159090909090909090909090909090909' },
    });
  });

  it('moves fractions by points and clamps them to 0–1', () => {
    const rows = oneWaySensitivity(small, { fractionStep: '0.6' });
    // deadweight of a: 0.2 − 0.6 → clamped to 0: 1000 + 150 = 1150 / 400; 0.8: 200 + 150 = 350 / 400
    expect(row(rows, 'deadweight', 'a')).toEqual({
      parameter: 'deadweight',
      outcome: 'a',
      low: { value: '0', sroiRatio: '2.875' },
      high: { value: '0.8', sroiRatio: '0.875' },
    });
    // attribution of b: 0.5 ± 0.6 → clamped to 0 and 1: 800 + 300 = 1100 / 400; 800 / 400
    expect(row(rows, 'attribution', 'b')).toEqual({
      parameter: 'attribution',
      outcome: 'b',
      low: { value: '0', sroiRatio: '2.75' },
      high: { value: '1', sroiRatio: '2' },
    });
  });

  it('clamps a quantity at zero and a duration at one year', () => {
    const rows = oneWaySensitivity(small, { step: '1.5', fractionStep: '0.1', durationStep: 2 });
    // 100 × (1 − 1.5) = −50 → clamped to 0: 150 / 400; 100 × 2.5 = 250: 2000 + 150 = 2150 / 400
    expect(row(rows, 'quantity', 'a')).toMatchObject({
      low: { value: '0', sroiRatio: '0.375' },
      high: { value: '250', sroiRatio: '5.375' },
    });
    // duration of b: 2 − 2 = 0 → clamped to 1: 900 / 400; 4 years: 100 + 50 + 25 + 12.5 = 187.5
    expect(row(rows, 'duration', 'b')).toMatchObject({
      low: { value: '1', sroiRatio: '2.25' },
      high: { value: '4', sroiRatio: '2.46875' },
    });
  });

  it('sorts by swing, largest first, with ties in parameter order', () => {
    const rows = oneWaySensitivity(small);
    const swings = rows.map((r) =>
      new D(r.high.sroiRatio ?? '0').minus(r.low.sroiRatio ?? '0').abs(),
    );
    for (let i = 1; i < swings.length; i++) {
      expect(swings[i - 1]?.gte(swings[i] ?? 0)).toBe(true);
    }
    // duration of a, 1 → 2 years (1 is clamped): (1600 + 150) / 400 − 2.375 = 2;
    // deadweight of a, 0.1 / 0.3: (900 − 700) / 400 = 0.5; input 360 / 440: 2.6388… − 2.1590… = 0.4797…;
    // proxyScale 0.9 / 1.1: (1045 − 855) / 400 = 0.475; then quantity and proxy of a, each
    // 2.575 − 2.175 = 0.4, a tie kept in parameter order
    expect(rows.slice(0, 6).map((r) => r.parameter)).toEqual([
      'duration',
      'deadweight',
      'inputValue',
      'proxyScale',
      'quantity',
      'proxy',
    ]);
  });

  it('values long durations at a flat rate as the engine does (closed-form sum)', () => {
    const long = (duration: number) =>
      parseAnalysis({
        name: 'Long',
        discount: { rate: '3.5%', timing: 'mid' },
        inputs: [{ description: 'Grant', value: '5000' }],
        outcomes: [
          {
            id: 'x',
            stakeholder: 's',
            outcome: 'o',
            quantity: '3',
            proxy: { value: '250' },
            duration,
            dropOff: '10%',
            start: 2,
          },
        ],
      });
    const rowOf = oneWaySensitivity(long(60)).find((r) => r.parameter === 'duration');
    // the engine, year by year, at 59 and 61 years
    const engine = (duration: number) => evaluateAnalysis(long(duration)).sroiRatio ?? 'NaN';
    expect(new D(rowOf?.low.sroiRatio ?? 'NaN').div(engine(59)).minus(1).abs().lt('1e-30')).toBe(
      true,
    );
    expect(new D(rowOf?.high.sroiRatio ?? 'NaN').div(engine(61)).minus(1).abs().lt('1e-30')).toBe(
      true,
    );
  });

  it('does not change the analysis it is given', () => {
    const copy = structuredClone(small);
    oneWaySensitivity(small);
    expect(small).toEqual(copy);
  });
});

describe('sensitivityAnalysis', () => {
  it('has the documented shape: base, target, switchingValues, oneWay', () => {
    const result = sensitivityAnalysis(small, { target: '2' });
    expect(Object.keys(result)).toEqual(['base', 'target', 'switchingValues', 'oneWay']);
    expect(result.base).toEqual({ sroiRatio: '2.375' }); // 950 / 400
    expect(result.target).toBe('2');
    // 2 outcomes × 8 assumptions + discountRate + 1 input + proxyScale
    expect(result.switchingValues).toHaveLength(19);
    expect(result.oneWay).toHaveLength(19);
  });
});
