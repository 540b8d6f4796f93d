/**
 * The dependency rule of ARCHITECTURE.md: a pure core (`model`, `calc`, `data`), adapters around
 * it, and only the CLI touching files or the process. ESLint enforces part of this too; this test
 * covers every folder. Only the web app (`src/app`) touches the page (`document`, `window`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(__dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );
}

const folderOf = (path: string): string => relative(src, path).split(sep)[0] ?? '';

/** Which folders each folder may import from (besides itself and npm packages it is allowed). */
const allowed: Record<string, readonly string[]> = {
  model: [],
  data: ['model'],
  calc: ['model', 'data'],
  schema: ['model', 'calc', 'data'],
  sensitivity: ['model', 'calc', 'data', 'schema'],
  csv: ['model', 'calc', 'data', 'schema'],
  report: ['model', 'calc', 'data', 'schema', 'sensitivity', 'review'],
  review: ['model', 'calc', 'data', 'schema', 'sensitivity'],
  workbook: ['model', 'calc', 'data', 'schema'],
  valuemap: ['model', 'calc', 'data', 'schema', 'csv', 'workbook'],
  json: ['model', 'schema'],
  cli: [
    'model',
    'calc',
    'data',
    'schema',
    'sensitivity',
    'csv',
    'report',
    'review',
    'workbook',
    'valuemap',
    'json',
  ],
  app: [
    'model',
    'calc',
    'data',
    'schema',
    'sensitivity',
    'csv',
    'report',
    'review',
    'workbook',
    'valuemap',
    'json',
  ],
};
const packagesAllowed: Record<string, readonly string[]> = {
  model: [],
  data: [],
  calc: ['decimal.js'],
  schema: ['decimal.js', 'zod'],
  sensitivity: ['decimal.js'],
  csv: ['decimal.js', 'csv-parse/sync'],
  report: ['decimal.js'],
  workbook: ['fflate'],
  valuemap: [],
  json: [],
  app: ['preact', 'preact/hooks'],
  review: ['decimal.js'],
};

describe('architecture', () => {
  const all = files(src).filter((path) => relative(src, path).includes(sep));

  it.each(all.map((path) => [relative(src, path), path] as const))(
    '%s respects the dependency rule',
    (_name, path) => {
      const folder = folderOf(path);
      for (const specifier of importsOf(path)) {
        if (specifier.endsWith('package.json')) continue; // the version, read at build time
        if (folder === 'app' && /^(\.\.\/)+examples\/[^/]+\/[^/]+\.json$/.test(specifier)) continue; // the bundled example
        if (specifier.startsWith('.')) {
          const target = folderOf(join(path, '..', specifier));
          if (target === folder) continue;
          expect(allowed[folder] ?? [], `${folder} imports ${specifier}`).toContain(target);
        } else if (folder !== 'cli') {
          expect(specifier.startsWith('node:'), `${folder} must not import ${specifier}`).toBe(
            false,
          );
          expect(packagesAllowed[folder] ?? [], `${folder} imports package ${specifier}`).toContain(
            specifier,
          );
        }
      }
      if (folder !== 'cli') {
        expect(readFileSync(path, 'utf8')).not.toMatch(
          /\bprocess\.|\bDate\.now\(|new Date\(|Math\.random\(/,
        );
      }
      if (folder !== 'app') {
        // Only the web app touches the page (src/app).
        expect(readFileSync(path, 'utf8')).not.toMatch(
          /\b(?:document|window|navigator|localStorage)\.|\bglobalThis\.(?:document|window)\b/,
        );
      }
    },
  );
});
