/**
 * LibreOffice headless as the tests and scripts drive it: `soffice --convert-to` with a fresh user
 * profile whose settings make Calc recalculate every formula when it loads a file (the profile's
 * `OOXMLRecalcMode` and `ODFRecalcMode` set to 0, "always"; LibreOffice's default is to trust the
 * results a file holds). A converted workbook therefore holds LibreOffice's own results.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { libreofficeTool } from './externalTools.js';

const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Converts each file to `format` into `outDir` (same base name), recalculating on load, and
 * returns the paths written. `infilter` reads a CSV with LibreOffice's CSV filter options.
 */
export function convertWithLibreOffice(
  files: readonly string[],
  outDir: string,
  format = 'xlsx',
  infilter?: string,
): string[] {
  const profile = mkdtempSync(join(tmpdir(), 'sroi-libreoffice-'));
  try {
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALCULATE_ON_LOAD);
    mkdirSync(outDir, { recursive: true });
    execFileSync(
      libreofficeTool.path,
      [
        '--headless',
        '--norestore',
        '--nolockcheck',
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        ...(infilter === undefined ? [] : [`--infilter=${infilter}`]),
        '--convert-to',
        format,
        '--outdir',
        outDir,
        ...files,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const written = files.map((file) =>
    join(outDir, `${basename(file, extname(file))}.${format.split(':')[0] ?? format}`),
  );
  const missing = written.filter((path) => !existsSync(path));
  if (missing.length > 0) throw new Error(`LibreOffice did not write ${missing.join(', ')}`);
  return written;
}
