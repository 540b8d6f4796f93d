/**
 * `sroi/xlsx` in a browser: the entry bundled for the browser (esbuild, platform "browser", no
 * Node built-ins) and run in Debian's headless Chromium, where writing a Value Map, reading it
 * back and decoding Windows-1252 bytes must give what they give in Node. Skips where Chromium is
 * absent; CI requires it (tests/_support/externalTools.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumProfile } from '../_support/chromium.js';
import { chromiumTool, skipWithout } from '../_support/externalTools.js';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { readWorkbook } from '../../src/workbook/readWorkbook.js';
import { writeValueMap } from '../../src/workbook/writeValueMap.js';
import type { BrowserContext } from 'playwright-core';

const root = join(__dirname, '..', '..');
const output = join(root, 'tests', '.output', 'browser-xlsx');
const skip = skipWithout(chromiumTool);
const analysis = parseAnalysis(
  JSON.parse(readFileSync(join(root, 'examples', 'befriending', 'analysis.json'), 'utf8')),
);

let context: BrowserContext;
let close: (() => Promise<void>) | undefined;

describe.skipIf(skip)('sroi/xlsx in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(output, { recursive: true });
    writeFileSync(
      join(output, 'entry.ts'),
      `export * from '${join(root, 'src', 'xlsx.ts')}';\nexport { evaluateAnalysis, parseAnalysis } from '${join(root, 'src', 'index.ts')}';\n`,
    );
    await build({
      entryPoints: [join(output, 'entry.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'sroiXlsx',
      platform: 'browser',
      target: 'es2022',
      outfile: join(output, 'sroi-xlsx.js'),
      logLevel: 'silent',
    });
    writeFileSync(
      join(output, 'index.html'),
      `<!DOCTYPE html><meta charset="utf-8"><title>sroi/xlsx</title><body><script src="sroi-xlsx.js"></script>
<script>
  const x = sroiXlsx;
  const analysis = x.parseAnalysis(${JSON.stringify(analysis)});
  const bytes = x.writeValueMap(analysis, x.evaluateAnalysis(analysis));
  const read = x.readWorkbook(bytes);
  const text = x.decodeText(new Uint8Array([0x80, 0x35, 0x20, 0xa3, 0x31, 0x30]));
  const notZip = x.readWorkbook(new Uint8Array([1, 2, 3]));
  document.body.dataset.result = JSON.stringify({ length: bytes.length, read, text, notZip });
</script>`,
    );
    ({ context, close } = await launchChromiumProfile());
  });

  afterAll(async () => {
    await close?.();
  });

  it('writes and reads a Value Map, and decodes text, exactly as in Node', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(join(output, 'index.html')).href);
    const data = await page.locator('body').getAttribute('data-result');
    expect(errors).toEqual([]);
    const browser = JSON.parse(data ?? '{}') as {
      length: number;
      read: unknown;
      text: unknown;
      notZip: unknown;
    };
    const bytes = writeValueMap(analysis, evaluateAnalysis(analysis));
    expect(browser.length).toBe(bytes.length);
    expect(browser.read).toEqual(JSON.parse(JSON.stringify(readWorkbook(bytes))));
    // Windows-1252: 0x80 is €, 0xA3 is £ (the browser's decoder and ours agree)
    expect(browser.text).toMatchObject({ text: '€5 £10', encoding: 'windows-1252' });
    expect(browser.notZip).toEqual(
      JSON.parse(JSON.stringify(readWorkbook(new Uint8Array([1, 2, 3])))),
    );
    await page.close();
  });
});
