/**
 * Writes docs/api.md from the TSDoc of every export of `sroi` and `sroi/xlsx`
 * (scripts/_apiDoc.ts). Run: npm run api, after changing an export or its documentation.
 * tests/apiDoc.test.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiDoc } from './_apiDoc.js';

const path = join(import.meta.dirname, '..', 'docs', 'api.md');
writeFileSync(path, await apiDoc());
console.log(`wrote ${path}`);
