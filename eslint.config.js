import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'tests/.output/', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    // No spread into the arguments of a call in src/: `f(...xs)`, `push(...xs)`,
    // `Math.max(...xs)`, `new F(...xs)`. The engine passes each element as an argument, and a list
    // from data (rows, outcomes, lines of a report) can be longer than a call has room for (about
    // 65,000 to 125,000 arguments: a RangeError). Append in a loop, or reduce. A spread into an
    // array or object literal (`[...a, b]`, `{ ...o }`) is fine: it is no call. A call spread over
    // a list whose length is fixed and small is written with
    // `// eslint-disable-next-line no-restricted-syntax -- bounded: <why>` (tests/spreads.test.ts
    // checks each says why).
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement',
          message:
            'No spread into a call: a list from data can hold more elements than a call takes arguments. Append in a loop; a spread of a small fixed list says "-- bounded: <why>".',
        },
      ],
    },
  },
  {
    files: ['src/model/**/*.ts', 'src/calc/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'process'], message: 'The core does no I/O.' },
            {
              group: ['zod', 'csv-parse', 'csv-parse/*'],
              message: 'The core does not parse untrusted input.',
            },
            {
              group: ['../schema/*', '../csv/*', '../report/*', '../cli/*', '../sensitivity/*'],
              message: 'The core depends on nothing above it.',
            },
          ],
        },
      ],
    },
  },
);
