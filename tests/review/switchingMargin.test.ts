import { describe, expect, it } from 'vitest';
import { switchingMargin } from '../../src/review/switchingMargin.js';

describe('switchingMargin', () => {
  it.each([
    // hand-computed: (10 − 40) / 40 = −0.75, 0.75 / 0.1 = 7.5 small moves
    ['quantity', '40', '10', { unit: 'relative', move: '-0.75', steps: '7.5' }],
    // (1.5 − 1) / 1 = 0.5 of the input's value: 5 moves of 10%
    ['inputValue', '1000', '1500', { unit: 'relative', move: '0.5', steps: '5' }],
    // a negative base: the move is a share of its size, (−30 − −20) / 20 = −0.5
    ['proxy', '-20', '-30', { unit: 'relative', move: '-0.5', steps: '5' }],
    // points: 0.25 − 0.2 = 0.05, half of a 10-point move
    ['deadweight', '0.2', '0.25', { unit: 'points', move: '0.05', steps: '0.5' }],
    ['discountRate', '0.035', '0.0', { unit: 'points', move: '-0.035', steps: '0.35' }],
    // years: 3 → 1 is two years, two moves of one year
    ['duration', '3', '1', { unit: 'years', move: '-2', steps: '2' }],
    // up, a fractional move: 2.5 → 3.1 is 0.6 of a one-year move
    ['duration', '2.5', '3.1', { unit: 'years', move: '0.6', steps: '0.6' }],
    // down from 1.5 the one-way test can go 0.5 of a year (to one year): 0.25 / 0.5 = 0.5
    ['duration', '1.5', '1.25', { unit: 'years', move: '-0.25', steps: '0.5' }],
  ])('measures %s from %s to %s', (parameter, base, switchingValue, expected) => {
    expect(switchingMargin({ parameter, base, switchingValue, reachable: true })).toEqual(expected);
  });

  it('reads figures written as numbers (the float path)', () => {
    expect(
      switchingMargin({ parameter: 'proxyScale', base: 1, switchingValue: 0.5, reachable: true }),
    ).toEqual({ unit: 'relative', move: '-0.5', steps: '5' });
  });

  it('takes the small moves given', () => {
    // 0.05 of a 2-point move is 2.5 moves
    expect(
      switchingMargin(
        { parameter: 'leakage', base: '0', switchingValue: '0.05', reachable: true },
        { relative: '0.1', points: '0.02', years: '1' },
      ),
    ).toEqual({ unit: 'points', move: '0.05', steps: '2.5' });
  });

  it.each([
    [
      'an unreachable switching value',
      { parameter: 'quantity', base: '4', switchingValue: null, reachable: false },
    ],
    [
      'a relative move from zero',
      { parameter: 'quantity', base: '0', switchingValue: '3', reachable: true },
    ],
    [
      'a parameter sensitivity does not move',
      { parameter: 'colour', base: '1', switchingValue: '2', reachable: true },
    ],
    [
      // the one-way test never shortens a one-year outcome: there is no small move down
      'a one-year duration whose switching value is under a year',
      { parameter: 'duration', base: '1', switchingValue: '0.25875', reachable: true },
    ],
  ])('has no margin for %s', (_what, value) => {
    expect(switchingMargin(value)).toBeNull();
  });

  it('throws SroiError for a figure that is not a decimal, never a margin of NaN', () => {
    expect(() =>
      switchingMargin({
        parameter: 'proxy',
        base: '1',
        switchingValue: Number.NaN,
        reachable: true,
      }),
    ).toThrow(
      'switchingMargin: value.switchingValue must be a decimal string such as "1234.5", got the number NaN',
    );
  });
});
