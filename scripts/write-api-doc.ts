/** `npm run api`: writes docs/api.md from the TSDoc of every export (scripts/_apiDoc.ts). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiDoc } from './_apiDoc.js';

const path = join(__dirname, '..', 'docs', 'api.md');
writeFileSync(path, apiDoc());
process.stdout.write(`wrote ${path}\n`);
