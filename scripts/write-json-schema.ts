/**
 * Writes schema/analysis.schema.json, the JSON Schema of an analysis file, from the zod schema.
 * Run: npm run schema. tests/schema/analysisJsonSchema.test.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analysisJsonSchema } from '../src/schema/analysisJsonSchema.js';

const path = join(import.meta.dirname, '..', 'schema', 'analysis.schema.json');
writeFileSync(path, `${JSON.stringify(analysisJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path}`);
