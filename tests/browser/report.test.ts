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
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumProfile } from '../_support/chromium.js';
import { chromiumTool, skipWithout } from '../_support/externalTools.js';
import { run } from '../../src/cli/run.js';
import { calculateSroi } from '../../src/calculateSroi.js';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { round } from '../../src/report/round.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { checkAnalysis } from '../../src/review/checkAnalysis.js';
import { diffAnalyses } from '../../src/review/diffAnalyses.js';
import { evaluateScenarios } from '../../src/sensitivity/evaluateScenarios.js';
import { parseScenarios } from '../../src/sensitivity/parseScenarios.js';
import { parseUncertainty } from '../../src/sensitivity/parseUncertainty.js';
import { sensitivityAnalysis } from '../../src/sensitivity/sensitivityAnalysis.js';
import { simulate } from '../../src/sensitivity/simulate.js';
import type { Analysis } from '../../src/model/analysis.js';
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
let close: (() => Promise<void>) | undefined;

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
    ({ context, close } = await launchChromiumProfile({ width: 1100, height: 900 }));
  });

  afterAll(async () => {
    await close?.();
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

    // stakeholders, years, waterfall; and categories when the outcomes have them
    const sizes = await chartSizes(page);
    expect(sizes.length).toBeGreaterThanOrEqual(3);
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

  it('reads as a board paper: cover, sources, summary on the first page, appendix behind', async () => {
    // The example with the metadata and evidence of the model (the validated type, built
    // directly), one outcome renamed to 120 characters, and every section a report can have.
    const json = JSON.parse(
      readFileSync(join(root, 'examples', 'befriending', 'analysis.json'), 'utf8'),
    ) as Record<string, unknown>;
    const parsed = parseAnalysis(json);
    const long =
      'Older people who live alone in the Northfield and Southgate estates feel less isolated and more a part of community life';
    expect(long).toHaveLength(120);
    const analysis: Analysis = {
      ...parsed,
      organisation: 'Anytown Befriending Trust',
      author: 'A. Evaluator, Social Value Associates',
      period: 'April 2023 – March 2024',
      kind: 'forecast',
      date: '30 June 2024',
      description:
        'Weekly visits and phone calls by trained volunteers for 120 older people living alone.',
      outcomes: parsed.outcomes.map((o) =>
        o.id === 'less-isolated'
          ? {
              ...o,
              outcome: long,
              output: '120 people visited weekly',
              evidence: {
                quantity: 'UCLA loneliness scale at entry and after six months (n = 96)',
                deadweight: 'Age UK survey of older people living alone, 2022',
              },
            }
          : o,
      ),
    };
    const previous = parseAnalysis(
      JSON.parse(readFileSync(join(root, 'tests', 'review', 'befriending-2023.json'), 'utf8')),
    );
    const html = renderHtml(evaluateAnalysis(analysis), {
      analysis,
      sensitivity: sensitivityAnalysis(analysis),
      simulation: simulate(analysis, parseUncertainty(json['uncertainty'], analysis)),
      scenarios: evaluateScenarios(analysis, parseScenarios(json['scenarios'], analysis)),
      check: checkAnalysis(analysis),
      diff: diffAnalyses(previous, analysis),
    });
    const file = join(output, 'board-paper.html');
    await writeFile(file, html, 'utf8');
    const { page, errors, requests } = await visit(file);
    expect(errors).toEqual([]);
    expect(requests).toHaveLength(1);

    // The cover, the headline and the summary are the first page, visible at once.
    for (const text of [
      'Anytown Befriending Trust',
      'April 2023 – March 2024',
      'Forecast',
      '30 June 2024',
    ]) {
      await expect.poll(() => page.locator('.facts').getByText(text).isVisible()).toBe(true);
    }
    const summary = page.locator('#summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.textContent()).toContain(
      'would fall to 1.00 : 1 if every financial proxy were',
    );
    expect(await summary.locator('li').count()).toBe(3);
    // The sources behind the figures, in the impact map.
    const sources = page.locator('#impact-map table').last();
    expect(await sources.locator('caption').textContent()).toBe('Sources and evidence');
    expect(await sources.textContent()).toContain(
      'Age UK survey of older people living alone, 2022',
    );
    expect(await sources.isVisible()).toBe(true);
    // The appendix, after the body, with its four sections.
    const appendix = await page.locator('.appendix > section h2').allTextContents();
    expect(appendix).toEqual([
      'Appendix A. Sensitivity of every assumption',
      'Appendix B. Uncertainty (Monte Carlo)',
      'Appendix C. Assurance readiness',
      'Appendix D. Changes since “Befriending service 2023 (illustrative example)”',
    ]);
    expect(await page.locator('#check table').isVisible()).toBe(true);
    expect(await page.locator('#diff table').isVisible()).toBe(true);

    // Tornado labels are whole and inside the chart: every line of text lies within the SVG.
    const tornado = page.locator('#tornado-chart-title').locator('..');
    const inside = await tornado.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return Array.from(svg.querySelectorAll('text'), (text) => {
        const r = text.getBoundingClientRect();
        return r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5;
      });
    });
    expect(inside.length).toBeGreaterThan(12);
    expect(inside.every(Boolean)).toBe(true);
    const labels = await tornado.locator('tspan').allTextContents();
    expect(labels.join(' ')).toContain(long);

    await page.screenshot({ path: join(output, 'board-paper.png'), fullPage: true });
    // In print the first page ends after the summary, and nothing is wider than A4.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 688, height: 1000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      688,
    );
    expect(
      await page.locator('.front').evaluate((front) => getComputedStyle(front).breakAfter),
    ).toBe('page');
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
