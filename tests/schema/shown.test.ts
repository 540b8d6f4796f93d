import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counted, shown, SHOWN_LENGTH } from '../../src/schema/_shown.js';

/** An object nested `depth` levels deep: { a: { a: … } }. */
function deep(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

describe('shown', () => {
  it.each<[unknown, string]>([
    ['25', '"25"'],
    [25, '25'],
    [undefined, 'nothing'],
    [null, 'null'],
    [true, 'true'],
    [12n, '12n'],
    [[1, '2'], '[1,"2"]'],
    [{ value: '£5' }, '{"value":"£5"}'],
    [Symbol('x'), 'a symbol'],
    [() => 1, 'a function'],
  ])('shows %s as %s', (value, text) => {
    expect(shown(value)).toBe(text);
  });

  it('shows a long string by its start and its length', () => {
    const text = shown(`1${' '.repeat(300_000)}x`);
    // 57 characters of the value, then the length: 1 + 300,000 + 1 = 300,002.
    expect(text).toBe(`"1${' '.repeat(56)}…" (300,002 characters)`);
  });

  it('shows at most about 60 characters of any value, and never throws', () => {
    const cycle: Record<string, unknown> = { name: 'loop' };
    cycle['self'] = cycle;
    const throwing = Object.defineProperty({}, 'value', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    const trap = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys');
        },
      },
    );
    const values: unknown[] = [
      deep(10_000),
      cycle,
      Array.from({ length: 1_000_000 }, (_, i) => i),
      Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}`, i])),
      'x'.repeat(1_000_000),
      throwing,
      trap,
    ];
    for (const value of values) {
      const text = shown(value);
      expect(text.length).toBeLessThanOrEqual(SHOWN_LENGTH + 30);
    }
    expect(shown(throwing)).toBe('a value that cannot be shown');
    // Cut at 60 characters: two levels of `{"name":"loop","self":` (22 each), `{"name":"loop",`
    // (15) and the first `"` of the next key (1), then the ellipsis.
    expect(shown(cycle)).toBe('{"name":"loop","self":{"name":"loop","self":{"name":"loop","…');
  });

  it('is short and never throws, whatever it is given (property)', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true }), (value) => {
        expect(shown(value).length).toBeLessThanOrEqual(SHOWN_LENGTH + 30);
      }),
    );
  });
});

describe('counted', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1234567, '1,234,567'],
    [-10000, '-10,000'],
  ])('writes %d as %s', (n, text) => {
    expect(counted(n)).toBe(text);
  });
});
