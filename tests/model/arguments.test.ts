/**
 * The library's argument checks (src/model/_arguments.ts) as the exported functions show them:
 * the message names the function, the argument (with its path), the rule and a short excerpt;
 * sizes are bounded before any work is done (docs/security.md).
 */
import { describe, expect, it } from 'vitest';
import { discountFactors } from '../../src/calc/discountFactors.js';
import { discountRate } from '../../src/calc/discountRate.js';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { formatIssue } from '../../src/model/formatIssue.js';
import { SroiError } from '../../src/model/SroiError.js';
import { decimalText, excerpt } from '../../src/model/_arguments.js';
import { round } from '../../src/report/round.js';
import { simulate } from '../../src/sensitivity/simulate.js';
import { solveFor } from '../../src/sensitivity/solveFor.js';
import { columnLetters } from '../../src/workbook/cellAddress.js';
import { readWorkbook } from '../../src/workbook/readWorkbook.js';
import { valueMapTemplate } from '../../src/workbook/valueMapTemplate.js';
import { modelAnalysis, modelOutcome } from '../_model.js';

function thrown(call: () => unknown): SroiError {
  try {
    call();
  } catch (error) {
    if (error instanceof SroiError) return error;
    throw error;
  }
  throw new Error('expected a SroiError');
}

const analysis = modelAnalysis([modelOutcome()]);

describe('argument checks', () => {
  it.each([
    [
      () => discountRate({ timing: 'end' } as never, 1),
      'discountRate: discount must have exactly one of rate, rates and schedule, got an object',
    ],
    [
      () => discountRate({ timing: 'end', schedule: '__proto__' } as never, 1),
      'discountRate: discount.schedule must be one of "green-book", "green-book-health", "green-book-reduced", "green-book-health-reduced", got "__proto__"',
    ],
    [
      () =>
        evaluateAnalysis({
          ...analysis,
          outcomes: [{ ...modelOutcome(), deadweight: 0.2 }],
        } as never),
      'evaluateAnalysis: analysis.outcomes[0].deadweight must be a decimal string such as "1234.5", got the number 0.2 (an Analysis is what parseAnalysis returns)',
    ],
    [
      () => solveFor(analysis, { parameter: 'toString' } as never, { sroiRatio: '1' }),
      'solveFor: parameter.parameter must be one of "quantity", "proxy", "deadweight", "displacement", "attribution", "leakage", "dropOff", "duration", "discountRate", "inputValue", "proxyScale", got "toString"',
    ],
    [
      () => formatIssue({ message: 'm', path: ['a', -1] } as never),
      'formatIssue: issue.path[1] must be a key (text) or an index (a whole number ≥ 0), got the number -1',
    ],
  ])('names the function, the argument, the rule and what was received (%#)', (call, message) => {
    const error = thrown(call);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toBe(message);
  });

  it('quotes at most 40 characters of a long text, with its length', () => {
    expect(excerpt('x'.repeat(1_000_000))).toBe(`"${'x'.repeat(40)}… (1000000 characters)"`);
    expect(
      thrown(() => decimalText('f', 'x'.repeat(1_000_000), 'quantity')).message.length,
    ).toBeLessThan(200);
  });

  it('reads the size of a figure from its text, however long its exponent', () => {
    expect(thrown(() => decimalText('f', '1e99999999999999999999', 'quantity')).message).toBe(
      'f: quantity must be below 10^1000, got "1e99999999999999999999"',
    );
    // hand-computed: 0.5 × 10^999 is 5 × 10^998, below the bound; 10 × 10^999 is not
    expect(decimalText('f', '0.5e999', 'quantity')).toBe('0.5e999');
    expect(thrown(() => round('10e999', 2)).message).toBe(
      'round: value must be below 10^1000, got "10e999"',
    );
    // tiny figures are not bounded: they round to zero for display
    expect(round('1e-99999999999999', 2)).toBe('0.00');
  });
});

describe('bounds on sizes', () => {
  it.each([
    [
      () => discountFactors({ timing: 'end', rate: '0.035' }, 200_000),
      'discountFactors: lastYear must be a whole number from 0 to 10000, got the number 200000',
    ],
    [
      () => discountRate({ timing: 'end', rate: '0.035' }, 1e9),
      'discountRate: year must be a whole number from 1 to 10000, got the number 1000000000',
    ],
    [
      () => round('1', 1e9),
      'round: decimals must be a whole number from 0 to 20, got the number 1000000000',
    ],
    [
      () => valueMapTemplate({ rows: 1e9 }),
      'valueMapTemplate: options.rows must be a whole number from 1 to 10000, got the number 1000000000',
    ],
    [
      () => valueMapTemplate({ years: 2.5 }),
      'valueMapTemplate: options.years must be a whole number from 1 to 1000, got the number 2.5',
    ],
    [
      () => columnLetters(Infinity),
      'columnLetters: column must be a whole number from 1 to 16384, got the number Infinity',
    ],
    [
      () => readWorkbook(new Uint8Array(4), { limits: { maxCells: 0 } }),
      'readWorkbook: options.limits.maxCells must be a whole number ≥ 1, got the number 0',
    ],
    [
      () => simulate(analysis, { seed: 1, draws: 1e9, bins: 1, parameters: [] }),
      'simulate: draws must be a whole number from 1 to 10000000, got the number 1000000000',
    ],
    [
      () =>
        simulate(analysis, {
          seed: 1,
          draws: 10,
          bins: 1,
          parameters: [
            { parameter: 'proxy', outcome: 'a', distribution: 'beta', alpha: '0', beta: '1' },
          ],
        }),
      'simulate: uncertainty.parameters[0]: beta needs alpha > 0, got 0',
    ],
  ])('refuses a size out of bounds before doing the work (%#)', (call, message) => {
    expect(thrown(call).message).toBe(message);
  });
});
