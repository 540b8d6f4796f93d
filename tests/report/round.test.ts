import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SroiError } from '../../src/model/SroiError.js';
import { formatMoney, formatNumber, formatPercent, round } from '../../src/report/round.js';

/** The error a call throws, as code and message. */
function thrown(call: () => unknown): { code?: string; message: string; sroi: boolean } {
  try {
    call();
  } catch (error) {
    const e = error as SroiError;
    return { code: e.code, message: e.message, sroi: error instanceof SroiError };
  }
  throw new Error('expected the call to throw');
}

describe('round', () => {
  it.each([
    // Half-up is away from zero on a tie, as spreadsheets round: ROUND(8.775; 2) = 8.78.
    ['8.775', 2, 'half-up', '8.78'],
    ['-8.775', 2, 'half-up', '-8.78'],
    ['8.765', 2, 'half-even', '8.76'],
    ['8.779', 2, 'down', '8.77'],
    ['8.771', 2, 'up', '8.78'],
    ['-0.004', 2, 'half-up', '0.00'],
    ['1e-60', 2, 'half-up', '0.00'],
    ['12', 0, 'half-up', '12'],
    ['0.1', 20, 'half-up', '0.10000000000000000000'],
  ] as const)('rounds %s to %i places (%s) as %s', (value, places, mode, expected) => {
    expect(round(value, places, mode)).toBe(expected);
  });

  it.each([
    [
      () => round('1.5', 1e9),
      'round: decimals must be a whole number from 0 to 20, got the number 1000000000',
    ],
    [
      () => round('1.5', -1),
      'round: decimals must be a whole number from 0 to 20, got the number -1',
    ],
    [
      () => round('1.5', 2.5),
      'round: decimals must be a whole number from 0 to 20, got the number 2.5',
    ],
    [
      () => round('1.5', Number.NaN),
      'round: decimals must be a whole number from 0 to 20, got the number NaN',
    ],
    [
      () => round('1.5', '2' as never),
      'round: decimals must be a whole number from 0 to 20, got "2"',
    ],
    [
      () => round(1.5 as never, 2),
      'round: value must be a decimal string such as "1234.5", got the number 1.5',
    ],
    [
      () => round('Infinity', 2),
      'round: value must be a decimal string such as "1234.5", got "Infinity"',
    ],
    [() => round('NaN', 2), 'round: value must be a decimal string such as "1234.5", got "NaN"'],
    [() => round('0x1f', 2), 'round: value must be a decimal string such as "1234.5", got "0x1f"'],
    [() => round('', 2), 'round: value must be a decimal string such as "1234.5", got ""'],
    [
      () => round(null as never, 2),
      'round: value must be a decimal string such as "1234.5", got null',
    ],
    [
      () => round({} as never, 2),
      'round: value must be a decimal string such as "1234.5", got an object',
    ],
    [() => round('1e1000', 2), 'round: value must be below 10^1000, got "1e1000"'],
    [
      () => round('1', 2, '__proto__' as never),
      'round: mode must be one of "half-up", "half-even", "down", "up", got "__proto__"',
    ],
    [
      () => round('1', 2, 'toString' as never),
      'round: mode must be one of "half-up", "half-even", "down", "up", got "toString"',
    ],
  ])('throws SroiError INVALID_ARGUMENT for a wrong argument (%#)', (call, message) => {
    expect(thrown(call)).toEqual({ code: 'INVALID_ARGUMENT', message, sroi: true });
  });

  it('shows a long value received in a message as an excerpt', () => {
    const message = thrown(() => round('x'.repeat(1_000_000), 2)).message;
    expect(message).toBe(
      `round: value must be a decimal string such as "1234.5", got "${'x'.repeat(40)}… (1000000 characters)"`,
    );
  });

  it('checks a million-digit value in time proportional to its length', () => {
    expect(round(`0.${'0'.repeat(1_000_000)}1`, 2)).toBe('0.00');
    expect(thrown(() => round(`${'1'.repeat(1_000_000)}x`, 2)).code).toBe('INVALID_ARGUMENT');
  });
});

describe('formatNumber', () => {
  it.each([
    ['12345.678', 2, '12,345.68'],
    ['-1234567.891', 2, '-1,234,567.89'],
    ['999', 0, '999'],
    ['1000', 0, '1,000'],
    ['0', 2, '0.00'],
    ['-0.000', 2, '0.00'],
    // Not zero, but rounds to zero: the step it is below, never a zero that hides it.
    ['0.004', 2, '< 0.01'],
    ['1e-60', 2, '< 0.01'],
    ['-1e-60', 2, '> -0.01'],
    ['0.4', 0, '< 1'],
    ['0.00004', 4, '< 0.0001'],
    // A figure that rounds up to the step is shown as the step.
    ['0.005', 2, '0.01'],
    // From 10^15 on, powers of ten: 4.2718 × 10^103 to 2 places.
    ['4.2718e103', 2, '4.27 × 10^103'],
    ['-4.2718e103', 2, '-4.27 × 10^103'],
    ['1000000000000000', 2, '1.00 × 10^15'],
    ['999999999999999', 0, '999,999,999,999,999'],
    ['9.999e20', 2, '1.00 × 10^21'],
  ] as const)('writes %s to %i places as %s', (value, places, expected) => {
    expect(formatNumber(value, places)).toBe(expected);
  });

  it('groups any whole number of up to 15 digits by three (a loop, checked on every length)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), (n) => {
        const grouped = formatNumber(String(n), 0);
        expect(grouped.replaceAll(',', '')).toBe(String(n));
        expect(grouped).toMatch(/^\d{1,3}(?:,\d{3})*$/);
      }),
    );
  });

  it('throws SroiError with the function name for a wrong argument', () => {
    expect(thrown(() => formatNumber('1', 21))).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'formatNumber: decimals must be a whole number from 0 to 20, got the number 21',
      sroi: true,
    });
  });
});

describe('formatMoney', () => {
  it.each([
    ['-39802.19043', 'GBP', '-£39,802.19'],
    ['1e-100', 'GBP', '< £0.01'],
    ['-0.001', 'GBP', '> -£0.01'],
    ['12', 'CHF', 'CHF 12.00'],
    ['1.2e18', 'GBP', '£1.20 × 10^18'],
    ['-1.2e18', 'EUR', '-€1.20 × 10^18'],
    // A currency code that is also a name on Object.prototype is an ordinary code.
    ['5', 'constructor', 'constructor 5.00'],
    ['5', '__proto__', '__proto__ 5.00'],
  ])('writes %s %s as %s', (value, currency, expected) => {
    expect(formatMoney(value, currency)).toBe(expected);
  });

  it.each([
    [
      () => formatMoney('1', undefined as never),
      'formatMoney: currency must be a string, got undefined',
    ],
    [
      () => formatMoney('1', 'GBP', 99),
      'formatMoney: decimals must be a whole number from 0 to 20, got the number 99',
    ],
    [
      () => formatMoney(Number.NaN as never, 'GBP'),
      'formatMoney: value must be a decimal string such as "1234.5", got the number NaN',
    ],
  ])('throws SroiError for a wrong argument (%#)', (call, message) => {
    expect(thrown(call)).toEqual({ code: 'INVALID_ARGUMENT', message, sroi: true });
  });
});

describe('formatPercent', () => {
  it.each([
    ['0.125', undefined, '12.5%'],
    ['0.6605238', 1, '66.1%'],
    ['0', undefined, '0%'],
    ['0.00001', 1, '< 0.1%'],
    // Exactly as given: 1e-60 is 1e-58 %, 58 places.
    ['1e-60', undefined, `0.${'0'.repeat(57)}1%`],
  ] as const)('writes %s (%s places) as %s', (value, places, expected) => {
    expect(formatPercent(value, places)).toBe(expected);
  });

  it('throws SroiError for a wrong argument', () => {
    expect(thrown(() => formatPercent('0.1', -2)).message).toBe(
      'formatPercent: decimals must be a whole number from 0 to 20, got the number -2',
    );
  });
});

describe('the report helpers never give NaN or Infinity', () => {
  it('for any argument at all: a string, or a SroiError', () => {
    const helpers = [
      (v: unknown, d: unknown) => round(v as string, d as number),
      (v: unknown, d: unknown) => formatNumber(v as string, d as number),
      (v: unknown, d: unknown) => formatMoney(v as string, 'GBP', d as number),
      (v: unknown, d: unknown) => formatPercent(v as string, d as number),
    ];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.double().map(String),
          fc.constantFrom('Infinity', '-0', '1e999'),
        ),
        fc.oneof(fc.anything(), fc.integer({ min: -5, max: 25 })),
        fc.nat(helpers.length - 1),
        (value, decimals, which) => {
          try {
            const text = helpers[which]?.(value, decimals);
            expect(text).not.toMatch(/NaN|Infinity/);
          } catch (error) {
            expect(error).toBeInstanceOf(SroiError);
          }
        },
      ),
    );
  });
});
