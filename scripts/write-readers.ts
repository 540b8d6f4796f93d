/**
 * Writes src/schema/_analysisReaders.ts, the readers generated from the field table
 * (src/schema/analysisFields.ts). Run: npm run readers, after changing the table.
 * tests/schema/analysisReaders.test.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { analysisFields } from '../src/schema/analysisFields.js';
import { readersModule } from '../src/schema/_generateReaders.js';

const path = join(import.meta.dirname, '..', 'src', 'schema', '_analysisReaders.ts');
const options = (await resolveConfig(path)) ?? {};
writeFileSync(path, await format(readersModule(analysisFields), { ...options, filepath: path }));
console.log(`wrote ${path}`);
