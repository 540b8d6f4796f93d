/**
 * The library in a browser: the public API bundled for the browser (esbuild, platform "browser",
 * no Node built-ins available) and run in Debian's headless Chromium, where it must give the
 * same figures as in Node. This is what "the core has no I/O" buys an application.
 * It skips on a machine without Chromium; CI requires it (tests/_support/externalTools.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumProfile } from '../_support/chromium.js';
import { chromiumTool, skipWithout } from '../_support/externalTools.js';
import { calculateSroi } from '../../src/calculateSroi.js';
import type { BrowserContext } from 'playwright-core';

const root = join(__dirname, '..', '..');
const output = join(root, 'tests', '.output', 'browser-library');
const skip = skipWithout(chromiumTool);
const analysis = JSON.parse(
  readFileSync(join(root, 'fixtures', 'changing-minds', 'analysis.json'), 'utf8'),
) as Parameters<typeof calculateSroi>[0];

let context: BrowserContext;
let close: (() => Promise<void>) | undefined;

describe.skipIf(skip)('the library in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(output, { recursive: true });
    await build({
      entryPoints: [join(root, 'src', 'index.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'sroi',
      platform: 'browser',
      target: 'es2022',
      outfile: join(output, 'sroi.js'),
      logLevel: 'silent',
    });
    writeFileSync(
      join(output, 'index.html'),
      `<!DOCTYPE html><meta charset="utf-8"><title>sroi</title><body><script src="sroi.js"></script>
<script>
  const result = sroi.calculateSroi(${JSON.stringify(analysis)});
  let invalid;
  try { sroi.parseAnalysis({ name: 'x', outcomes: [{ deadweight: 25 }] }); } catch (error) { invalid = error.issues.length; }
  const csv = sroi.readCsvAnalysis({
    outcomes: { file: 'outcomes.csv', text: 'stakeholder;outcome;quantity;proxy_value;duration\\r\\nA;B;10;£250;1\\r\\n' },
    settings: { name: 'csv', discount: { rate: '0' }, inputs: [{ description: 'Grant', value: '1000' }] },
  });
  const csvRatio = csv.success ? sroi.calculateSroi({ ...csv.analysis }).sroiRatio : csv.issues;
  document.body.dataset.result = JSON.stringify({ result, invalid, html: sroi.renderHtml(result).length, csvRatio });
</script>`,
    );
    ({ context, close } = await launchChromiumProfile());
  });

  afterAll(async () => {
    await close?.();
  });

  it('calculates, validates and renders exactly as in Node, with no error', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(pathToFileURL(join(output, 'index.html')).href);
    const data = await page.locator('body').getAttribute('data-result');
    expect(errors).toEqual([]);
    const browser = JSON.parse(data ?? '{}') as {
      result: unknown;
      invalid: number;
      html: number;
      csvRatio: unknown;
    };
    // The same figures, to every digit, as the engine gives in Node on the same fixture.
    expect(browser.result).toEqual(JSON.parse(JSON.stringify(calculateSroi(analysis))));
    expect(browser.invalid).toBeGreaterThan(3);
    expect(browser.html).toBeGreaterThan(1000);
    // CSV reading works too (csv-parse's browser build, by package.json's browser field):
    // hand-computed 10 × 250 / 1000 = 2.5
    expect(browser.csvRatio).toBe('2.5');
    await page.close();
  });
});
