/**
 * Writes a fixture's Value Map workbook, `value-map.xlsx`, from its analysis.json: the analysis
 * and sroi's result as `writeValueMap` lays them out (docs/value-map.md), formulas with their
 * saved results. `tests/fixtures.test.ts` reads it back (`sroi calculate value-map.xlsx`) and
 * checks every published figure and the figures of analysis.json to the last digit.
 *
 *   npx tsx scripts/write-fixture-value-map.ts fixtures/living-well-taking-control …
 *   npx tsx scripts/write-fixture-value-map.ts --check fixtures/…   # exit 1 if a file would change
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateAnalysis } from '../src/calc/evaluateAnalysis.js';
import { parseAnalysis } from '../src/schema/parseAnalysis.js';
import { writeValueMap } from '../src/workbook/writeValueMap.js';

const check = process.argv.includes('--check');
const folders = process.argv.slice(2).filter((arg) => arg !== '--check');
if (folders.length === 0) {
  console.error('usage: npx tsx scripts/write-fixture-value-map.ts [--check] fixtures/<name> …');
  process.exit(2);
}
let stale = 0;
for (const folder of folders) {
  const json = JSON.parse(readFileSync(join(folder, 'analysis.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  // The workbook holds the analysis, not its scenarios or distributions.
  delete json['scenarios'];
  delete json['uncertainty'];
  const analysis = parseAnalysis(json);
  const bytes = writeValueMap(analysis, evaluateAnalysis(analysis));
  const path = join(folder, 'value-map.xlsx');
  const same = existsSync(path) && Buffer.from(readFileSync(path)).equals(Buffer.from(bytes));
  if (check) {
    if (!same) {
      stale += 1;
      console.error(`${path} differs from what analysis.json gives`);
    }
  } else if (!same) {
    writeFileSync(path, bytes);
    console.log(`wrote ${path}`);
  }
}
if (stale > 0) process.exit(1);
