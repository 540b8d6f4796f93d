/**
 * The measurements behind docs/decisions/0005-xlsx-workbooks.md: the browser bundle size
 * (esbuild, minified, gzip -9) of each candidate's read and write entry points, and the time to
 * read one 1,000-outcome Value Map workbook (written by sroi, then saved again by LibreOffice so
 * that it is a spreadsheet's own file) with each, medians of alternating runs.
 *
 * The candidates are not dependencies of sroi; install them in a scratch folder first:
 *   npm install --prefix /tmp/xlsx-eval xlsx@0.18.5 exceljs read-excel-file write-excel-file fflate
 *   npx tsx scripts/compare-xlsx-libraries.ts /tmp/xlsx-eval
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { evaluateAnalysis } from '../src/calc/evaluateAnalysis.js';
import { parseAnalysis } from '../src/schema/parseAnalysis.js';
import { readWorkbook } from '../src/workbook/readWorkbook.js';
import { writeValueMap } from '../src/workbook/writeValueMap.js';
import { convertWithLibreOffice } from '../tests/_support/libreoffice.js';

const candidates = process.argv[2] ?? '/tmp/xlsx-eval';
const require = createRequire(join(candidates, 'package.json'));
const work = mkdtempSync(join(tmpdir(), 'sroi-xlsx-compare-'));
const root = join(import.meta.dirname, '..');

/** Minified and gzipped size of a browser bundle of `code` (an ES module). */
async function bundleSize(name: string, code: string, resolveDir: string): Promise<string> {
  const result = await build({
    stdin: { contents: code, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return `${name.padEnd(44)} ${kb(bytes.length).padStart(9)} min  ${kb(gzipSync(bytes, { level: 9 }).length).padStart(8)} gzip`;
}

console.log('Browser bundle (esbuild --minify, gzip -9):');
const sizes: [string, string, string][] = [
  [
    'SheetJS CE xlsx@0.18.5 (read, write, utils)',
    "import { read, write, utils } from 'xlsx'; globalThis.x = { read, write, utils };",
    candidates,
  ],
  [
    'exceljs (dist/exceljs.min.js)',
    "import E from 'exceljs/dist/exceljs.min.js'; globalThis.x = E;",
    candidates,
  ],
  [
    'read-excel-file/browser',
    "import r from 'read-excel-file/browser'; globalThis.x = r;",
    candidates,
  ],
  [
    'write-excel-file/browser',
    "import w from 'write-excel-file/browser'; globalThis.x = w;",
    candidates,
  ],
  [
    'fflate (unzipSync, zipSync)',
    "import { unzipSync, zipSync } from 'fflate'; globalThis.x = { unzipSync, zipSync };",
    candidates,
  ],
  [
    'sroi/xlsx: readWorkbook + decodeText',
    `import { readWorkbook, decodeText } from '${join(root, 'src', 'xlsx.ts')}'; globalThis.x = { readWorkbook, decodeText };`,
    root,
  ],
  [
    'sroi/xlsx: writeValueMap + valueMapTemplate',
    `import { writeValueMap, valueMapTemplate } from '${join(root, 'src', 'xlsx.ts')}'; globalThis.x = { writeValueMap, valueMapTemplate };`,
    root,
  ],
  ['sroi/xlsx: the whole entry', `export * from '${join(root, 'src', 'xlsx.ts')}';`, root],
  [
    'sroi core (src/index.ts), for comparison',
    `export * from '${join(root, 'src', 'index.ts')}';`,
    root,
  ],
  [
    'sroi core + sroi/xlsx, one bundle',
    `export * from '${join(root, 'src', 'index.ts')}'; export * from '${join(root, 'src', 'xlsx.ts')}';`,
    root,
  ],
];
for (const [name, code, dir] of sizes) console.log(`  ${await bundleSize(name, code, dir)}`);

// One 1,000-outcome Value Map, saved again by LibreOffice.
const outcomes = Array.from({ length: 1000 }, (_, i) => ({
  id: `o${i + 1}`,
  stakeholder: `Group ${(i % 40) + 1}`,
  outcome: `Outcome ${i + 1}`,
  indicator: 'Survey',
  quantity: String(10 + (i % 90)),
  proxy: { value: String(100 + ((i * 37) % 900)), source: 'Unit cost database' },
  duration: 1 + (i % 5),
  deadweight: '20%',
  attribution: '10%',
  dropOff: '25%',
}));
const analysis = parseAnalysis({
  name: '1,000 outcomes',
  discount: { rate: '3.5%' },
  inputs: [{ description: 'Grant', value: '1000000' }],
  outcomes,
});
const written = join(work, 'in', 'value-map-1000.xlsx');
mkdirSync(join(work, 'in'), { recursive: true });
writeFileSync(written, writeValueMap(analysis, evaluateAnalysis(analysis)));
const [saved = ''] = convertWithLibreOffice([written], join(work, 'out'));
const bytes = new Uint8Array(readFileSync(saved));
console.log(
  `\nRead one 1,000-outcome Value Map saved by LibreOffice (${(bytes.length / 1024).toFixed(0)} KB):`,
);

const XLSX = require('xlsx');
const ExcelJS = require('exceljs');
const readExcelFile = require('read-excel-file/node');
const readers: [string, () => unknown][] = [
  ['sroi readWorkbook', () => readWorkbook(bytes)],
  [
    'SheetJS read (cellFormula, cellNF)',
    () => XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true }),
  ],
  ['exceljs xlsx.load', () => new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes))],
  ['read-excel-file (node)', () => readExcelFile.default(Buffer.from(bytes))],
];
const times = new Map<string, number[]>(readers.map(([name]) => [name, []]));
for (let round = 0; round < 7; round++) {
  for (const [name, read] of readers) {
    const start = performance.now();
    await read();
    times.get(name)?.push(performance.now() - start);
  }
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const base = median(times.get('sroi readWorkbook') ?? []);
for (const [name, values] of times) {
  const m = median(values);
  console.log(
    `  ${name.padEnd(36)} ${m.toFixed(0).padStart(6)} ms   ${(m / base).toFixed(2)}× sroi`,
  );
}
console.log(
  `\n(node ${process.version}; ${execFileSync('nproc').toString().trim()} cores; medians of 7 alternating runs; work in ${work})`,
);
