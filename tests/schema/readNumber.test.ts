import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNumber } from '../../src/schema/readNumber.js';
import { D } from '../_decimal.js';

describe('readNumber', () => {
  it.each<[string | number, string, boolean]>([
    ['1200', '1200', false],
    [1200, '1200', false],
    [0.1, '0.1', false], // a JSON number is read by its shortest decimal form, not its binary value
    ['12,500.50', '12500.5', false],
    ['£1,200', '1200', false],
    ['-£5', '-5', false],
    ['£-5', '-5', false],
    ['(1,200)', '-1200', false], // accounting negative
    ['(£1,200.50)', '-1200.5', false],
    ['GBP 3,000', '3000', false],
    ['3000 EUR', '3000', false],
    ['25%', '0.25', true],
    ['3.5 %', '0.035', true],
    ['1.2E+05', '120000', false], // how spreadsheets write large numbers in CSV
    ['1 200', '1200', false],
    ['1\u00a0200,5'.replace(',5', ''), '1200', false],
    ['.5', '0.5', false],
    ['  42  ', '42', false],
    ['\u22127', '-7', false], // Unicode minus sign
  ])('reads %j as %s', (raw, value, percent) => {
    expect(readNumber(raw)).toEqual({ ok: true, value, percent });
  });

  it.each(['#DIV/0!', '#VALUE!', '#REF!', '#N/A', '#NAME?', '#num!'])(
    'reports %s as a spreadsheet error',
    (raw) => {
      expect(readNumber(raw)).toMatchObject({ ok: false, code: 'spreadsheet_error' });
    },
  );

  it.each(['', 'abc', '1,2', '12,34,567', '1.2.3', '£', '--5', '5-', NaN, Infinity, '0x10'])(
    'rejects %j as not a number',
    (raw) => {
      expect(readNumber(raw)).toMatchObject({ ok: false, code: 'invalid_number' });
    },
  );
});

describe('readNumber (limits)', () => {
  it.each([
    ['1e9000000000000001', 'invalid_number'], // would be Infinity in decimal.js
    ['1e20000000', 'invalid_number'], // would be a 20-million-digit string
    ['1e15', 'out_of_range'],
    ['1,000,000,000,000,000', 'out_of_range'],
    [1e300, 'out_of_range'],
    ['(-5)', 'invalid_number'], // a sign inside brackets is refused, never flipped
    ['(−£5)', 'invalid_number'],
    ['-(5)', 'invalid_number'],
  ] as const)('refuses %j (%s)', (raw, code) => {
    expect(readNumber(raw)).toMatchObject({ ok: false, code });
  });

  it('reads the largest number below 10^15 and tiny ones', () => {
    expect(readNumber('999,999,999,999,999.99')).toEqual({
      ok: true,
      value: '999999999999999.99',
      percent: false,
    });
    expect(readNumber('1e-30')).toEqual({
      ok: true,
      value: '0.000000000000000000000000000001',
      percent: false,
    });
  });
});

describe('readNumber (canonical form)', () => {
  it('writes exactly what a 60-digit decimal writes, for plain, grouped and percent text', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }),
        fc.integer({ min: 0, max: 12 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        (units, places, percent, zeros) => {
          const value = new D(units.toString()).div(new D(10).pow(places));
          const text = value.toFixed(places) + '0'.repeat(places > 0 ? zeros : 0);
          const written = percent ? `${text}%` : text;
          const expected = percent ? value.div(100) : value;
          expect(readNumber(written)).toEqual({
            ok: true,
            value: expected.isZero() ? '0' : expected.toString(),
            percent,
          });
          const grouped = readNumber(
            `£${new D(text)
              .abs()
              .toFixed(places)
              .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`,
          );
          // the thousands separator regexp above only groups the whole part when there is no fraction
          if (places === 0)
            expect(grouped).toEqual({ ok: true, value: value.abs().toString(), percent: false });
        },
      ),
    );
  });
});

describe('readNumber (grouping)', () => {
  it.each(['0,125', '0,125.5', '£0,125', '012,000'])(
    'refuses %j: a thousands group never starts with 0, so it is not 125',
    (raw) => {
      expect(readNumber(raw)).toMatchObject({ ok: false, code: 'invalid_number' });
    },
  );
});

describe('readNumber (long input)', () => {
  // Each of these once made a regular expression try every position (quadratic time, a hang at
  // 300,000 characters); read by loops and linear patterns they take time linear in the text.
  const million = 1_000_000;
  it.each([
    ['"1", a million spaces, "x"', `1${' '.repeat(million)}x`, 'invalid_number'],
    ['a million digits', '9'.repeat(million), 'out_of_range'],
    ['a million digits after a point', `0.${'1'.repeat(million)}x`, 'invalid_number'],
    ['a million commas', `1${',000'.repeat(million / 4)}x`, 'invalid_number'],
    ['brackets around a million spaces', `(${' '.repeat(million)}`, 'invalid_number'],
    ['a million "#"', '#'.repeat(million), 'invalid_number'],
  ])('reads %s in linear time', (_name, raw, code) => {
    expect(readNumber(raw)).toMatchObject({ ok: false, code });
  });

  it('reads a currency code after a million spaces as "5 GBP" is read', () => {
    expect(readNumber(`${' '.repeat(million)}5${' '.repeat(million)}GBP`)).toEqual({
      ok: true,
      value: '5',
      percent: false,
    });
  });
});
