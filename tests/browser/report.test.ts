/**
 * The HTML report in a real browser: Debian's Chromium (`/usr/bin/chromium`, installed by
 * `.ci/run`; never a downloaded browser) driven by playwright-core. For every fixture and example
 * the report is written by `sroi report` to tests/.output/, opened from disk, and checked: no
 * console error, no request but the file itself, the headline ratio visible, every chart drawn at
 * a non-zero size, nothing wider than A4 when printed. A full-page PNG is saved beside it.
 *
 * On a machine without Chromium it skips (the run says so in one line); CI sets
 * SROI_REQUIRE_BROWSER=1, so a missing browser fails there (tests/_support/externalTools.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumTool, skipWithout } from '../_support/externalTools.js';
import { run } from '../../src/cli/run.js';
import { calculateSroi } from '../../src/calculateSroi.js';
import { round } from '../../src/report/round.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { sensitivityAnalysis } from '../../src/sensitivity/sensitivityAnalysis.js';
import type { BrowserContext, Page } from 'playwright-core';
import type { CliIo } from '../../src/cli/_io.js';
import type { AnalysisInput } from '../../src/schema/analysisSchema.js';

const root = join(__dirname, '..', '..');
const output = join(root, 'tests', '.output', 'browser');
const CHROMIUM = chromiumTool.path;
const skip = skipWithout(chromiumTool);

/** Every `analysis.json` of `fixtures/*` and `examples/*`. */
function analyses(): string[] {
  return ['fixtures', 'examples'].flatMap((folder) =>
    readdirSync(join(root, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(folder, entry.name, 'analysis.json'))
      .filter((path) => existsSync(join(root, path))),
  );
}

/** The ratio the headline must show: the published one where a fixture gives it to 2 places. */
function expectedRatio(path: string): string {
  const expectedFile = join(root, dirname(path), 'expected.json');
  if (existsSync(expectedFile)) {
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as {
      figures?: { sroiRatio?: { value: string; decimals: number } };
    };
    const published = expected.figures?.sroiRatio;
    if (published?.decimals === 2) return `${published.value} : 1`;
  }
  const result = calculateSroi(JSON.parse(readFileSync(join(root, path), 'utf8')));
  return result.sroiRatio === null ? 'undefined' : `${round(result.sroiRatio, 2)} : 1`;
}

const io: CliIo = {
  stdout: () => undefined,
  stderr: () => undefined,
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  mkdir: async (path) => {
    await mkdir(path, { recursive: true });
  },
  cwd: root,
};

/** What the page did while it loaded: console errors, requests, dialogs. */
interface Visit {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
  readonly dialogs: string[];
}

let context: BrowserContext;
let profile: string;

async function visit(file: string): Promise<Visit> {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, errors, requests, dialogs };
}

/** Width and height of every chart as drawn. */
async function chartSizes(page: Page): Promise<{ width: number; height: number }[]> {
  return page.locator('svg.chart').evaluateAll((svgs) =>
    svgs.map((svg) => {
      const box = svg.getBoundingClientRect();
      return { width: box.width, height: box.height };
    }),
  );
}

describe.skipIf(skip)('HTML report in headless Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} not found: ${chromiumTool.install}`);
    }
    mkdirSync(output, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'sroi-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1100, height: 900 },
    });
  });

  afterAll(async () => {
    await context?.close();
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  });

  it('has fixtures and examples to open', () => {
    expect(analyses().length).toBeGreaterThanOrEqual(2);
  });

  it.each(analyses())('renders the report of %s', async (path) => {
    const name = relative(root, dirname(path)).replace(/[\\/]/g, '-');
    const file = join(output, `${name}.html`);
    expect(await run(['report', path, '--out', file], io)).toBe(0);

    const { page, errors, requests } = await visit(file);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);

    const ratio = page.locator('.ratio-value');
    await expect.poll(() => ratio.isVisible()).toBe(true);
    expect(await ratio.textContent()).toBe(expectedRatio(path));

    const sizes = await chartSizes(page);
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    for (const size of sizes) {
      expect(size.width).toBeGreaterThan(0);
      expect(size.height).toBeGreaterThan(0);
    }
    await page.screenshot({ path: join(output, `${name}.png`), fullPage: true });

    // A4 portrait less the 14 mm margins is 182 mm ≈ 688 CSS pixels: nothing may be wider.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 688, height: 1000 });
    const widest = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(widest).toBeLessThanOrEqual(688);
    await page.close();
  });

  it('draws the tornado and the histogram when sensitivity and simulation are given', async () => {
    const befriending = JSON.parse(
      readFileSync(join(root, 'examples', 'befriending', 'analysis.json'), 'utf8'),
    ) as unknown;
    const result = calculateSroi(befriending as AnalysisInput);
    const html = renderHtml(result, {
      // the library's own sensitivity analysis of the example (src/sensitivity)
      sensitivity: sensitivityAnalysis(parseAnalysis(befriending)),
      // a hand-written simulation in the shape of `sroi simulate --format json`
      simulation: {
        draws: 1000,
        seed: 1,
        sroiRatio: { mean: 2, p5: 1.5, p50: 2, p95: 2.5 },
        probabilityRatioAtLeastOne: 1,
        histogram: [
          { from: 1.25, to: 1.75, count: 100 },
          { from: 1.75, to: 2.25, count: 800 },
          { from: 2.25, to: 2.75, count: 100 },
        ],
      },
    });
    const file = join(output, 'with-sensitivity.html');
    await writeFile(file, html, 'utf8');
    const { page, errors, requests } = await visit(file);
    expect(errors).toEqual([]);
    expect(requests).toHaveLength(1);
    const sizes = await chartSizes(page);
    expect(sizes).toHaveLength(6);
    for (const size of sizes) expect(size.width * size.height).toBeGreaterThan(0);
    await page.screenshot({ path: join(output, 'with-sensitivity.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 688, height: 1000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      688,
    );
    await page.close();
  });

  it('shows hostile names as text and runs nothing', async () => {
    const hostile = {
      name: '<script>alert(1)</script>',
      discount: { rate: '0' },
      inputs: [{ description: '<img src=x onerror=alert(2)>', value: '100' }],
      outcomes: [
        {
          stakeholder: '"><svg onload=alert(3)>',
          outcome: '[x](javascript:alert(4))',
          quantity: '1',
          proxy: { value: '250', source: '<iframe src="https://example.com"></iframe>' },
          duration: 1,
        },
      ],
    };
    const file = join(output, 'hostile.html');
    await writeFile(file, renderHtml(calculateSroi(hostile)), 'utf8');
    const { page, errors, requests, dialogs } = await visit(file);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(await page.locator('script, img, iframe, [onload], [onerror]').count()).toBe(0);
    await expect.poll(() => page.locator('h1').textContent()).toBe('<script>alert(1)</script>');
    expect(await page.locator('#stakeholders td').first().textContent()).toBe(
      '"><svg onload=alert(3)>',
    );
    await page.close();
  });
});
