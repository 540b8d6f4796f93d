import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'tests/.output/', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
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
