import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastOutcomesAndInputs } from '../../src/schema/_fastPath.js';
import { analysisInputSchema } from '../../src/schema/analysisSchema.js';

/** Values a field may receive: valid ones of every written form, and every kind of wrong one. */
const anyNumberish = fc.oneof(
  fc.constantFrom(
    '0',
    '1',
    '0.25',
    '25%',
    '120%',
    '25',
    '-5',
    '£1,200',
    '(1,200)',
    '#DIV/0!',
    '',
    ' ',
    'abc',
    '1,2',
    '3.0',
    '2023-24',
    '2023',
    '1e3',
  ),
  fc.integer({ min: -5, max: 2000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(null, true, [], {}, undefined),
);
const text = fc.oneof(
  fc.constantFrom('Residents', ' padded ', '', '  '),
  fc.constantFrom(null, 3, undefined),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const outcomeArb = fc.record(
  {
    id: maybe(text),
    stakeholder: text,
    outcome: text,
    indicator: maybe(text),
    category: maybe(text),
    quantity: maybe(anyNumberish),
    proxy: fc.oneof(
      fc.record(
        { value: anyNumberish, description: maybe(text), priceYear: maybe(anyNumberish) },
        { requiredKeys: [] },
      ),
      fc.constantFrom(null, 'x'),
    ),
    duration: anyNumberish,
    start: maybe(anyNumberish),
    deadweight: maybe(anyNumberish),
    dropOff: maybe(anyNumberish),
    leakage: maybe(anyNumberish),
    quantityByYear: maybe(fc.array(anyNumberish, { maxLength: 3 })),
    deadwieght: maybe(fc.constant('5%')),
  },
  { requiredKeys: [] },
);
const inputArb = fc.record(
  {
    description: text,
    value: anyNumberish,
    year: maybe(anyNumberish),
    kind: maybe(text),
    extra: maybe(fc.constant(1)),
  },
  { requiredKeys: [] },
);

/** Drops keys whose value is undefined, so that "absent" and "undefined" compare equal. */
const defined = (value: unknown): unknown =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);

describe('fastOutcomesAndInputs', () => {
  it('accepts only what the schema accepts, and reads it exactly as the schema does', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(outcomeArb, { maxLength: 3 }),
        maybe(fc.array(inputArb, { maxLength: 2 })),
        (outcomes, inputs) => {
          const analysis = { name: 'x', outcomes, ...(inputs === undefined ? {} : { inputs }) };
          const fast = fastOutcomesAndInputs(analysis);
          const schema = analysisInputSchema.safeParse(analysis);
          if (fast === undefined) return; // the fast path may always decline
          accepted += 1;
          expect(schema.success).toBe(true);
          if (!schema.success) return;
          expect(defined(fast.outcomes)).toEqual(defined(schema.data.outcomes));
          expect(defined(fast.inputs)).toEqual(defined(schema.data.inputs));
        },
      ),
      { numRuns: 3000 },
    );
    // The property is not vacuous: a fair share of the generated analyses took the fast path.
    expect(accepted).toBeGreaterThan(100);
  });

  it('takes the fast path for an ordinary valid analysis', () => {
    const analysis = {
      name: 'x',
      inputs: [{ description: 'Grant', value: '£1,000' }],
      outcomes: [
        {
          stakeholder: 'A',
          outcome: 'B',
          quantity: '10',
          proxy: { value: '12.50' },
          duration: 2,
          deadweight: '25%',
        },
      ],
    };
    expect(fastOutcomesAndInputs(analysis)?.outcomes[0]).toMatchObject({
      quantity: '10',
      deadweight: '0.25',
      duration: 2,
    });
  });
});
