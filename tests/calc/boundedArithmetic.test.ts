/**
 * The screening arithmetic's promise: the exact (34-digit decimal) result of the same operations
 * lies within the bound it gives, and a comparison it decides goes the way the exact one does.
 * Checked against decimal.js at 60 digits, with each float64 converted to decimal exactly (its
 * mantissa times a power of two), on random expressions over random decimal texts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalArithmetic } from '../../src/calc/_arithmetic.js';
import { BoundedArithmetic } from '../../src/calc/_boundedArithmetic.js';
import { D } from '../_decimal.js';
import type { Arithmetic } from '../../src/calc/_arithmetic.js';
import type { Bounded } from '../../src/calc/_boundedArithmetic.js';

/** The exact value of a float64, to 60 digits: mantissa × 2^exponent. */
function exactly(v: number): D {
  if (v === 0) return new D(0);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  if (exponent !== 0) mantissa |= 1n << 52n;
  const power = (exponent === 0 ? 1 : exponent) - 1075;
  const magnitude = new D(mantissa.toString()).times(new D(2).pow(power));
  return v < 0 ? magnitude.negated() : magnitude;
}

type Expression =
  | { readonly leaf: string }
  | {
      readonly op: 'plus' | 'minus' | 'times' | 'div' | 'max' | 'min';
      readonly x: Expression;
      readonly y: Expression;
    }
  | { readonly op: 'sqrt' | 'abs' | 'negate'; readonly x: Expression }
  | { readonly op: 'pow'; readonly x: Expression; readonly n: number };

/** A decimal text: up to 20 significant digits, exponents from -30 to 30, often a whole number. */
const text = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc
    .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: -30, max: 30 }))
    .map(([m, e]) => `${m}e${e}`),
  fc.constantFrom('0.1', '0.2', '0.3', '0.035', '1', '0'),
);

const expression: fc.Arbitrary<Expression> = fc.letrec<{ e: Expression }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map((leaf) => ({ leaf })),
    fc.record({
      op: fc.constantFrom('plus', 'minus', 'times', 'div', 'max', 'min'),
      x: tie('e'),
      y: tie('e'),
    }),
    fc.record({ op: fc.constantFrom('sqrt', 'abs', 'negate'), x: tie('e') }),
    fc.record({ op: fc.constant('pow'), x: tie('e'), n: fc.integer({ min: 0, max: 12 }) }),
  ),
})).e as fc.Arbitrary<Expression>;

function evaluate<N>(a: Arithmetic<N>, e: Expression): N {
  if ('leaf' in e) return a.read(e.leaf);
  switch (e.op) {
    case 'sqrt':
    case 'abs':
    case 'negate':
      return a[e.op](evaluate(a, e.x));
    case 'pow':
      return a.pow(evaluate(a, e.x), e.n);
    default:
      return a[e.op](evaluate(a, e.x), evaluate(a, e.y));
  }
}

/** Whether the exact result is within the bound of the screened one. */
function within(exact: { toString(): string }, screened: Bounded): boolean {
  if (!Number.isFinite(screened.e) || !Number.isFinite(screened.v)) return true;
  return new D(exact.toString()).minus(exactly(screened.v)).abs().lte(exactly(screened.e));
}

describe('BoundedArithmetic', () => {
  it('bounds the exact result of every operation, over random expressions', () => {
    fc.assert(
      fc.property(expression, (e) => {
        const b = new BoundedArithmetic();
        let exact;
        try {
          exact = evaluate(decimalArithmetic, e);
        } catch {
          return; // the exact arithmetic refuses it (a root of a negative number, say)
        }
        if (!exact.isFinite()) return;
        expect(within(exact, evaluate(b, e))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('decides a comparison only the way the exact one goes', () => {
    fc.assert(
      fc.property(expression, expression, (x, y) => {
        const b = new BoundedArithmetic();
        let ex;
        let ey;
        try {
          ex = evaluate(decimalArithmetic, x);
          ey = evaluate(decimalArithmetic, y);
        } catch {
          return;
        }
        if (!ex.isFinite() || !ey.isFinite()) return;
        const bx = evaluate(b, x);
        const by = evaluate(b, y);
        b.reset();
        const less = b.lessThan(bx, by);
        if (!b.undecided) expect(less).toBe(ex.lt(ey));
        b.reset();
        const zero = b.isZero(bx);
        if (!b.undecided) expect(zero).toBe(ex.isZero());
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves undecided what float64 cannot tell, and decides what it can', () => {
    const b = new BoundedArithmetic();
    // 0.3 − 0.2 is exactly 0.1 in decimal, 0.09999999999999998 in float64
    const difference = b.minus(b.read('0.3'), b.read('0.2'));
    expect(b.lessThan(difference, b.read('0.1'))).toBe(true);
    expect(b.undecided).toBe(true);
    b.reset();
    expect(b.lessThan(difference, b.read('0.2'))).toBe(true);
    expect(b.undecided).toBe(false);
    // whole numbers float64 holds are exact: 2 + 3 is 5, not near it
    const five = b.plus(b.read('2'), b.read(3));
    expect(five).toEqual({ v: 5, e: 0 });
    expect(b.lessThan(five, b.read('5')) || b.lessThan(b.read('5'), five)).toBe(false);
    expect(b.undecided).toBe(false);
    // a divisor whose bound reaches zero: 0.1 − 0.1 is 0, but the bound cannot say so exactly
    expect(b.div(b.one, b.minus(b.read('0.1'), b.read('0.1'))).e).toBe(Number.POSITIVE_INFINITY);
    expect(b.undecided).toBe(true);
    // a value found by Brent's method
    b.reset();
    b.iterated(b.read('0.5'));
    expect(b.undecided).toBe(true);
  });

  it('keeps a bound for a result lost below float64', () => {
    const b = new BoundedArithmetic();
    const tiny = b.times(b.read('1e-200'), b.read('1e-200'));
    expect(tiny.v).toBe(0);
    expect(tiny.e).toBeGreaterThan(0);
    // 1e-400 is not zero, but float64 cannot tell it from zero: undecided
    b.isZero(tiny);
    expect(b.undecided).toBe(true);
  });
});
