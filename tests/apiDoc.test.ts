/**
 * docs/api.md is made from the code (scripts/_apiDoc.ts, `npm run api`): it must be what the
 * generator writes now, so it cannot go stale, and every export of both entries must have
 * something to show — a summary, and for a function or a constant an example that
 * tests/docExamples.test.ts runs.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as sroi from '../src/index.js';
import * as xlsx from '../src/xlsx.js';
import { apiDoc, apiDocOnDisk, apiEntryPoints, headingOf } from '../scripts/_apiDoc.js';
import type { ApiEntry, ApiEntryPoint } from '../scripts/_apiDoc.js';
import { examplesOf } from './_docExamples.js';

const root = join(__dirname, '..');

let points: ApiEntryPoint[] = [];
let entries: (ApiEntry & { readonly entry: string })[] = [];

beforeAll(() => {
  // One TypeScript program over both entries (a few seconds); every test reads it.
  points = apiEntryPoints();
  entries = points.flatMap((point) =>
    point.groups.flatMap((group) => group.entries.map((e) => ({ ...e, entry: point.entry }))),
  );
}, 60_000);

describe('docs/api.md', () => {
  it('is what `npm run api` writes from the code now', async () => {
    expect(apiDocOnDisk(), 'docs/api.md is stale: run `npm run api`').toBe(await apiDoc(points));
  }, 60_000);

  it('lists every runtime export of each entry, and nothing else', () => {
    const listed = (entry: string) =>
      entries
        .filter((e) => e.entry === entry && e.kind !== 'type' && e.kind !== 'interface')
        .map((e) => e.name)
        .sort();
    expect(listed('sroi')).toEqual(Object.keys(sroi).sort());
    expect(listed('sroi/xlsx')).toEqual(Object.keys(xlsx).sort());
  });

  it('gives every export of both entries a summary', () => {
    expect(entries.filter((e) => e.summary === '').map((e) => `${e.entry}: ${e.name}`)).toEqual([]);
  });

  it('gives every function and constant an example', () => {
    const missing = entries.filter(
      (e) => (e.kind === 'function' || e.kind === 'constant') && e.example === '',
    );
    expect(missing.map((e) => `${e.entry}: ${e.name} (${e.file})`)).toEqual([]);
  });

  it('shows only examples that tests/docExamples.test.ts runs', () => {
    const notRun = entries.filter(
      (e) => e.example !== '' && !examplesOf(join(root, e.file)).some((x) => x.text === e.example),
    );
    expect(notRun.map((e) => `${e.entry}: ${e.name} (${e.file})`)).toEqual([]);
  });

  it('gives every export a signature or a type', () => {
    expect(entries.filter((e) => e.declaration === '').map((e) => e.name)).toEqual([]);
    const readWorkbook = entries.find((e) => e.name === 'readWorkbook');
    // as src/workbook/readWorkbook.ts declares it
    expect(readWorkbook?.declaration).toBe(
      'declare function readWorkbook(bytes: Uint8Array, options?: ReadWorkbookOptions): ReadWorkbookResult;',
    );
  });

  it('groups each entry under its own comments, in its order', () => {
    // the `//` comments of src/xlsx.ts, each to its first colon
    expect(
      points.find((p) => p.entry === 'sroi/xlsx')?.groups.map((g) => headingOf(g.comment)),
    ).toEqual([
      'Reading a workbook',
      'The bytes of a text file',
      'The SROI Value Map',
      "A charity's Value Map as it is",
    ]);
  });
});

describe('headingOf', () => {
  it.each([
    ['Model: the analysis as validated.', 'Model'],
    ['Reference data.', 'Reference data'],
    [
      'Sensitivity and uncertainty (docs/sensitivity.md): one-way tests.',
      'Sensitivity and uncertainty',
    ],
    [
      'Building blocks the engine itself calls, in the order (docs/method.md).',
      'Building blocks the engine itself calls',
    ],
    ['Errors', 'Errors'],
  ])('takes %j to %j', (comment, heading) => {
    expect(headingOf(comment)).toBe(heading);
  });
});
