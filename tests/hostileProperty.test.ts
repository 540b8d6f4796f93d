/**
 * A property over the whole CLI: random JSON and CSV text, run in-process through `run` with a
 * fake I/O, always ends with exit 0, 1 or 2 (never 3, a bug), prints no stack trace, and prints
 * no more than 50 × its input + 10,000 characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeIo } from './cli/_fakeIo.js';
import { run } from '../src/cli/run.js';

/** Values people and programs put where a figure or a name belongs. */
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '25%',
    '£1,200',
    '(1,200)',
    '1e400',
    '-0',
    '#DIV/0!',
    '__proto__',
    'constructor',
    '\u001b[2J',
    '\u202e',
    '1'.repeat(40),
    '0.1234567890123456789',
  ),
  fc.double(),
  fc.integer(),
);
const anyValue = fc.oneof({ weight: 3, arbitrary: cell }, { weight: 1, arbitrary: fc.jsonValue() });

/** An analysis-shaped object with any field missing and any value possibly wrong. */
const analysisLike = fc.record(
  {
    name: anyValue,
    currency: fc.oneof(fc.constantFrom('GBP', 'EUR', 'toString'), anyValue),
    discount: fc.record({ rate: anyValue, timing: anyValue }, { requiredKeys: [] }),
    inputs: fc.array(fc.record({ description: anyValue, value: anyValue }, { requiredKeys: [] }), {
      maxLength: 3,
    }),
    outcomes: fc.array(
      fc.record(
        {
          id: anyValue,
          stakeholder: anyValue,
          outcome: anyValue,
          quantity: anyValue,
          proxy: fc.record({ value: anyValue }, { requiredKeys: [] }),
          duration: fc.oneof(fc.integer({ min: 1, max: 5 }), anyValue),
          deadweight: anyValue,
          dropOff: anyValue,
        },
        { requiredKeys: ['stakeholder', 'outcome', 'proxy', 'duration'] },
      ),
      { maxLength: 4 },
    ),
  },
  { requiredKeys: [] },
);

/** A valid analysis whose names, categories and descriptions are any text. */
const text = fc.string({ minLength: 1, maxLength: 12 }).filter((t) => t.trim() !== '');
const validAnalysis = fc.record({
  name: text,
  inputs: fc.array(
    fc.record({ description: text, value: fc.integer({ min: 0, max: 10_000 }).map(String) }),
    { maxLength: 3 },
  ),
  outcomes: fc.array(
    fc.record({
      stakeholder: text,
      outcome: text,
      category: text,
      quantity: fc.integer({ min: 0, max: 1000 }).map(String),
      proxy: fc.record({
        value: fc.integer({ min: -1000, max: 1000 }).map(String),
        description: text,
      }),
      duration: fc.integer({ min: 1, max: 5 }),
      deadweight: fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

/** JSON text: an analysis-like object, any JSON, or any text; sometimes cut short. */
const jsonText = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: analysisLike.map((a) => JSON.stringify(a, null, 2)) },
      { weight: 3, arbitrary: validAnalysis.map((a) => JSON.stringify(a)) },
      { weight: 1, arbitrary: fc.json() },
      { weight: 1, arbitrary: fc.string() },
    ),
    fc.option(fc.nat(), { nil: undefined, freq: 4 }),
  )
  .map(([text, cut]) => (cut === undefined ? text : text.slice(0, cut % (text.length + 1))));

const header = fc.shuffledSubarray(
  ['stakeholder', 'outcome', 'quantity', 'proxy_value', 'duration', 'deadweight', 'Notes'],
  { minLength: 1 },
);
const csvCell = fc.oneof(
  cell.map(String),
  fc.string({ maxLength: 8, unit: fc.constantFrom('"', ',', ';', '\n', '\r', 'a', '1', ' ') }),
);

/** CSV text: a header of known and unknown columns, then rows of any cells, any delimiter. */
const csvText = fc
  .tuple(
    header,
    fc.array(fc.array(csvCell, { maxLength: 8 }), { maxLength: 6 }),
    fc.constantFrom(',', ';', '\t'),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([head, rows, delimiter, newline]) =>
    [head, ...rows].map((row) => row.join(delimiter)).join(newline),
  );

const jsonCommands = [
  ['validate'],
  ['validate', '--format', 'json'],
  ['calculate'],
  ['calculate', '--format', 'json'],
  ['calculate', '--format', 'csv'],
  ['calculate', '--format', 'markdown'],
];

/** Every exit code seen, to check that the inputs reach every outcome (valid, invalid, usage). */
const codes: number[] = [];

async function check(args: string[], files: Record<string, string>) {
  const fake = fakeIo(files);
  const code = await run(args, fake.io);
  const out = `${fake.out.stdout}${fake.out.stderr}`;
  let input = args.join(' ').length;
  for (const text of Object.values(files)) input += text.length;
  expect([0, 1, 2], out.slice(0, 2000)).toContain(code);
  codes.push(code);
  expect(out).not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?\n/);
  expect(out.length).toBeLessThanOrEqual(50 * input + 10_000);
}

describe('the CLI on random input', () => {
  it('ends every run of random JSON with exit 0, 1 or 2, no stack trace, output bounded', async () => {
    await fc.assert(
      fc.asyncProperty(jsonText, fc.constantFrom(...jsonCommands), async (text, command) => {
        const [name, ...flags] = command;
        await check([name ?? 'validate', 'random/analysis.json', ...flags], {
          'random/analysis.json': text,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('ends every run of random CSV tables the same way', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvText,
        fc.option(csvText, { nil: undefined }),
        fc.constantFrom('validate', 'calculate'),
        async (outcomes, inputs, command) => {
          const files: Record<string, string> = { 'random/outcomes.csv': outcomes };
          if (inputs !== undefined) files['random/inputs.csv'] = inputs;
          const args = [command, 'random/outcomes.csv'];
          if (inputs !== undefined) args.push('--inputs', 'random/inputs.csv');
          await check(args, files);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reached both valid and invalid input in the runs above', () => {
    expect(codes).toContain(0);
    expect(codes).toContain(1);
  });
});
