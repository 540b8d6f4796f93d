import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as xlsx from '../../src/xlsx.js';

const root = join(__dirname, '..', '..');

/** The files a browser bundle of an entry holds. */
async function bundled(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

describe('src/xlsx.ts (sroi/xlsx)', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(xlsx).sort()).toMatchSnapshot();
  });

  it('keeps the zip library and the workbook code out of the core bundle', async () => {
    const core = await bundled('src/index.ts');
    expect(
      core.filter((path) => path.includes('fflate') || path.includes('src/workbook/')),
    ).toEqual([]);
    const entry = await bundled('src/xlsx.ts');
    expect(entry.some((path) => path.includes('node_modules/fflate/'))).toBe(true);
  });
});
