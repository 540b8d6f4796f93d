/**
 * The web app (src/app, docs/app.md) in Debian's headless Chromium, as a person uses it: the page
 * that `npm run build` writes (built here by `buildApp`, the same function), opened from disk.
 * Every request that would leave the page is refused by routing and listed, and each test ends by
 * checking that there was none and that the console had no error. The figures the page shows are
 * checked against the CLI's for the same files (`sroi calculate --format json`), and rounded as
 * `src/report/round.ts` rounds them.
 *
 * Screenshots go to tests/.output/app/; with SROI_UPDATE_SCREENSHOTS=1 they are also written to
 * docs/images/ for docs/app.md. Skips without Chromium; CI requires it (externalTools.ts).
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeApp } from '../../scripts/build-app.js';
import { syntheticAnalysis } from '../../bench/synthetic.js';
import { chromiumTool, skipWithout } from '../_support/externalTools.js';
import { cliResult } from '../app/_cli.js';
import { launchChromium } from '../_support/chromium.js';
import { fakeIo } from '../cli/_fakeIo.js';
import { calculateSroi } from '../../src/calculateSroi.js';
import { serveApp } from '../../src/cli/appCommand.js';
import { run } from '../../src/cli/run.js';
import { readCsvAnalysis } from '../../src/csv/readCsvAnalysis.js';
import { checkAnalysis } from '../../src/review/checkAnalysis.js';
import { renderCsv } from '../../src/csv/renderCsv.js';
import { formatMoney, formatNumber, round } from '../../src/report/round.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { parseUncertainty } from '../../src/sensitivity/parseUncertainty.js';
import { simulate } from '../../src/sensitivity/simulate.js';
import { readWorkbook } from '../../src/workbook/readWorkbook.js';
import { valueMapFigures } from '../workbook/_valueMapFigures.js';
import type { WorkbookSheet } from '../../src/workbook/Workbook.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { SroiResult } from '../../src/model/result.js';
import type { CheckResult } from '../../src/review/checkAnalysis.js';
import type { AnalysisDiff } from '../../src/review/diffAnalyses.js';
import type { AnalysisInput } from '../../src/schema/analysisSchema.js';

const root = join(__dirname, '..', '..');
const output = join(root, 'tests', '.output', 'app');
const appFile = join(output, 'index.html');
const appUrl = pathToFileURL(appFile).href;
const skip = skipWithout(chromiumTool);
const examplePath = 'examples/befriending/analysis.json';
const example = JSON.parse(readFileSync(join(root, examplePath), 'utf8')) as AnalysisInput;

/** The ratio as the headline shows it: `2.01 : 1` (half-up to 2 places, as in the reports). */
const shownRatio = (result: SroiResult) =>
  result.sroiRatio === null ? 'undefined' : `${round(result.sroiRatio, 2)} : 1`;

interface Visit {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  /** Requests for anything but the app's own file and the page's own Blob URLs. */
  readonly outside: string[];
  /** Of those, the ones that got past the page's policy to the network (refused by routing). */
  readonly routed: string[];
  /** Requests that failed, with Chromium's reason. */
  readonly failed: string[];
}

let browser: Browser;
const visits: Visit[] = [];
const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Opens the app in a fresh profile (its own storage) at `width` CSS pixels. */
async function visit(width = 1280, url = appUrl): Promise<Visit> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    acceptDownloads: true,
  });
  const errors: string[] = [];
  const outside: string[] = [];
  const routed: string[] = [];
  const failed: string[] = [];
  const own = (address: string) => address === url || address.startsWith('blob:');
  await context.route('**/*', async (route) => {
    const address = route.request().url();
    if (own(address)) await route.continue();
    else {
      routed.push(address);
      await route.abort('blockedbyclient');
    }
  });
  context.on('request', (request) => {
    if (!own(request.url())) outside.push(request.url());
  });
  context.on('requestfailed', (request) => {
    failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  const opened = { page, context, errors, outside, routed, failed };
  visits.push(opened);
  return opened;
}

/** Checks what every visit must satisfy, and closes it. */
async function leave(v: Visit): Promise<void> {
  expect(v.errors).toEqual([]);
  expect(v.outside).toEqual([]);
  expect(v.routed).toEqual([]);
  await v.context.close();
}

async function openExample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open the included example' }).click();
  await expect.poll(() => page.locator('[data-figure="sroiRatio"]').textContent()).toMatch(/ : 1$/);
}

const ratio = (page: Page) => page.locator('[data-figure="sroiRatio"]').textContent();

/** Serious and critical axe-core violations on the page as it is. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's own policy rightly refuses a script tag.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            c: unknown,
            o: unknown,
          ) => Promise<{
            violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

/** A screenshot (of the page, or of one element) for tests/.output/app/ and, when asked, docs/images/. */
async function screenshot(page: Page, name: string, element?: string): Promise<void> {
  const path = join(output, `${name}.png`);
  if (element === undefined) await page.screenshot({ path });
  else {
    // Scrolled to first, and two frames later: panels out of view are laid out as they come
    // into it (content-visibility), which moves what is below them.
    await page.locator(element).scrollIntoViewIfNeeded();
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await page.locator(element).screenshot({ path });
  }
  if (process.env['SROI_UPDATE_SCREENSHOTS'] === '1') {
    copyFileSync(path, join(root, 'docs', 'images', `${name}.png`));
  }
}

/** Drops files on the Open panel, as dragging them from a file manager does. */
async function dropFiles(page: Page, paths: readonly string[]): Promise<void> {
  const files = paths.map((path) => ({
    name: path.split('/').pop() ?? path,
    bytes: [...readFileSync(join(root, path))],
  }));
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return data;
  }, files);
  await page.dispatchEvent('#open', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('#open', 'drop', { dataTransfer: transfer });
}

/** Clicks a Save button and returns the downloaded file's name and bytes. */
async function downloadBytes(page: Page, id: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`[data-export="${id}"]`),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** Clicks a Save button and returns the downloaded file's name and text. */
async function download(page: Page, id: string): Promise<{ name: string; text: string }> {
  const { name, bytes } = await downloadBytes(page, id);
  return { name, text: bytes.toString('utf8') };
}

/** Every cell of a workbook's sheets: its address and value (cached results for formulas). */
function cellValues(bytes: Uint8Array): string[] {
  const { workbook, issues } = readWorkbook(bytes);
  expect(issues).toEqual([]);
  return (workbook?.sheets ?? []).flatMap((sheet) =>
    sheet.rows.flatMap((row) =>
      row.cells.map((cell) => `${sheet.name}!${cell.address}=${cell.value}`),
    ),
  );
}

describe.skipIf(skip)('the web app in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(output, { recursive: true });
    await writeApp(appFile);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is one file whose policy forbids every request, and that cannot make one', async () => {
    const html = readFileSync(appFile, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|url\(http/i);
    const v = await visit();
    const policy = await v.page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toMatch(/^default-src 'none'; script-src 'sha256-[^']+'; /);
    expect(policy).toContain('worker-src blob:');
    // The page itself is refused a request before any network: the policy forbids it.
    const attempts = await v.page.evaluate(async () => {
      const fetched = await fetch('https://example.com/x').then(
        () => 'sent',
        () => 'refused',
      );
      const image = await new Promise((resolve) => {
        const img = new Image();
        img.onload = () => resolve('sent');
        img.onerror = () => resolve('refused');
        img.src = 'https://example.com/pixel.png';
      });
      return [fetched, image];
    });
    expect(attempts).toEqual(['refused', 'refused']);
    // Neither reached the network: the image was stopped by the policy, the fetch before it began
    expect(v.routed).toEqual([]);
    expect(v.failed).toEqual(['https://example.com/pixel.png csp']); // Chromium's reason: the policy
    v.outside.splice(0);
    // Chromium reports each refusal on the console; those are the only errors
    const refusals = v.errors.splice(0);
    expect(refusals.length).toBeGreaterThanOrEqual(2);
    for (const message of refusals)
      expect(message).toMatch(/Content Security Policy|Failed to fetch/);
    await screenshot(v.page, 'app-start-1280');
    await leave(v);
  });

  it('opens an analysis JSON from the file picker and shows the CLI’s figures', async () => {
    const v = await visit();
    await v.page.setInputFiles('#open-files', join(root, examplePath));
    const cli = await cliResult([examplePath]);
    await expect.poll(() => ratio(v.page)).toBe(shownRatio(cli));
    const figure = (name: string) => v.page.locator(`[data-figure="${name}"]`).textContent();
    expect(await figure('totalPresentValue')).toBe(formatMoney(cli.totalPresentValue, 'GBP'));
    expect(await figure('totalInputs')).toBe(formatMoney(cli.totalInputs, 'GBP'));
    expect(await figure('netPresentValue')).toBe(formatMoney(cli.netPresentValue, 'GBP'));
    expect(await figure('netSroiRatio')).toBe(formatNumber(cli.netSroiRatio ?? '', 2));
    expect(await figure('paybackMonths')).toBe(
      `${formatNumber(cli.paybackMonths ?? '', 1)} months`,
    );
    expect(await figure('breakEvenYear')).toBe(`year ${cli.breakEvenYear}`);
    // the charts are drawn, each at a size
    const charts = await v.page
      .locator('#charts svg.chart')
      .evaluateAll((svgs) =>
        svgs.map((svg) => svg.getBoundingClientRect().width * svg.getBoundingClientRect().height),
      );
    expect(charts).toHaveLength(4);
    for (const area of charts) expect(area).toBeGreaterThan(0);
    await screenshot(v.page, 'app-example-1280');
    await screenshot(v.page, 'app-charts-1280', '#charts');
    await leave(v);
  });

  it('opens outcomes and inputs CSV tables picked together, told apart by their headers', async () => {
    const dir = 'fixtures/changing-minds';
    const v = await visit();
    await v.page.setInputFiles('#open-files', [
      join(root, dir, 'inputs.csv'),
      join(root, dir, 'outcomes.csv'),
    ]);
    const cli = await cliResult([`${dir}/outcomes.csv`, '--inputs', `${dir}/inputs.csv`]);
    await expect.poll(() => ratio(v.page)).toBe(shownRatio(cli));
    // the row accounting, as sroi validate counts it
    const rows = await v.page.locator('.accounting tbody tr').allTextContents();
    const t = readCsvAnalysis({
      outcomes: {
        file: 'outcomes.csv',
        text: readFileSync(join(root, dir, 'outcomes.csv'), 'utf8'),
      },
    }).tables.outcomes;
    expect(t.rowsRead).toBeGreaterThan(0);
    expect(rows[0]).toBe(`outcomes.csv${t.rowsRead}${t.rowsUsed}0${t.headerLine}${t.delimiter}`);
    await leave(v);
  });

  it('opens a Windows-1252 CSV with £ cells, says how it read it, and gives the CLI’s ratio for the same table in UTF-8', async () => {
    const outcomes = readFileSync(
      join(root, 'fixtures/csv/22-currency-thousands/outcomes.csv'),
      'utf8',
    );
    const inputs = 'description,value\r\nGrant,"£5,000"\r\n';
    // Excel's "CSV (Comma delimited)": the text is ASCII but for £, the byte 0xA3
    const cp1252 = (text: string) =>
      Buffer.from(Uint8Array.from(text, (c) => (c === '£' ? 0xa3 : c.charCodeAt(0))));
    const v = await visit();
    await v.page.setInputFiles('#open-files', [
      { name: 'outcomes.csv', mimeType: 'text/csv', buffer: cp1252(outcomes) },
      { name: 'inputs.csv', mimeType: 'text/csv', buffer: cp1252(inputs) },
    ]);
    const cli = await cliResult(['saved/outcomes.csv', '--inputs', 'saved/inputs.csv'], {
      'saved/outcomes.csv': outcomes,
      'saved/inputs.csv': inputs,
    });
    expect(cli.sroiRatio).not.toBeNull();
    await expect.poll(() => ratio(v.page)).toBe(shownRatio(cli));
    const notes = await v.page.locator('.open-report .notes li').allTextContents();
    // each file's encoding, and the outcomes table's missing displacement, attribution and
    // drop-off columns
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(
      /^note: outcomes\.csv: read as Windows-1252, because the bytes are not valid UTF-8/,
    );
    // the cell's "£1,200.50" (fixtures/csv/22-currency-thousands), as the validated analysis holds it
    expect(await v.page.locator('#cell-outcomes-0-proxy-value').inputValue()).toBe('1200.5');
    await leave(v);
  });

  it('refuses an analysis file with a key given twice, at its line and column as the CLI prints it', async () => {
    const json = readFileSync(join(root, examplePath), 'utf8').replace(
      '"currency": "GBP",',
      '"currency": "GBP",\n  "currency": "EUR",',
    );
    expect(json).toContain('"EUR"');
    const v = await visit();
    await v.page.setInputFiles('#open-files', {
      name: 'analysis.json',
      mimeType: 'application/json',
      buffer: Buffer.from(json),
    });
    await v.page.locator('.open-report .problems').waitFor();
    const { io, out } = fakeIo({ 'analysis.json': json });
    expect(await run(['validate', 'analysis.json'], io)).toBe(1);
    const cliLines = `${out.stdout}${out.stderr}`
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim());
    expect(cliLines[0]).toMatch(
      /^analysis\.json:\d+:3: currency: the field "currency" is given twice/,
    );
    expect(await v.page.locator('.open-report .problems .problem-text').allTextContents()).toEqual(
      cliLines,
    );
    expect(await v.page.locator('[data-figure]').count()).toBe(0); // nothing opened
    await leave(v);
  });

  it('opens files dropped on the page: an analysis file with the CSV tables it names', async () => {
    const dir = 'fixtures/restoration-trust-2016-17';
    const v = await visit();
    await dropFiles(v.page, [
      `${dir}/analysis-csv.json`,
      `${dir}/outcomes.csv`,
      `${dir}/inputs.csv`,
    ]);
    const cli = await cliResult([`${dir}/analysis-csv.json`]);
    await expect.poll(() => ratio(v.page)).toBe(shownRatio(cli));
    await leave(v);
  });

  it('shows a CSV file’s problems with the CLI’s messages, in a list and at their cells', async () => {
    const dir = join(root, 'fixtures', 'csv', '39-many-problems-at-once');
    const v = await visit();
    await v.page.setInputFiles('#open-files', join(dir, 'outcomes.csv'));
    await v.page.locator('.open-report .problems').waitFor();
    // what `sroi validate outcomes.csv` prints, one problem per line
    const { io, out } = fakeIo();
    expect(await run(['validate', 'outcomes.csv'], { ...io, cwd: dir })).toBe(1);
    const cliLines = out.stdout
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim());
    expect(cliLines.length).toBeGreaterThan(3);
    expect(await v.page.locator('.open-report .problems .problem-text').allTextContents()).toEqual(
      cliLines,
    );
    // each problem at its cell of the file (some problems share a cell)
    const marked = await v.page.locator('.file-problems .cell-problem-text').count();
    expect(marked).toBe(cliLines.length);
    expect(await v.page.locator('[data-figure]').count()).toBe(0); // nothing opened
    await screenshot(v.page, 'app-problems-1280', '#open');
    expect(await axeViolations(v.page)).toEqual([]);
    await leave(v);
  });

  it('opens a Value Map workbook as it is and shows the published ratio, with every note the CLI gives', async () => {
    const dir = 'fixtures/living-well-taking-control';
    const published = (
      JSON.parse(readFileSync(join(root, dir, 'expected.json'), 'utf8')) as {
        figures: { sroiRatio: { value: string } };
      }
    ).figures.sroiRatio.value;
    // UWE Bristol's report, p.69: "SROI ratio … = 1 : 5.80"
    expect(published).toBe('5.80');
    const v = await visit();
    await v.page.setInputFiles('#open-files', join(root, dir, 'value-map.xlsx'));
    await expect.poll(() => ratio(v.page)).toBe(`${published} : 1`);
    // what `sroi calculate value-map.xlsx` says on its way, line for line
    const { io, out } = fakeIo();
    expect(await run(['calculate', 'value-map.xlsx'], { ...io, cwd: join(root, dir) })).toBe(0);
    const cliNotes = out.stderr.split('\n').filter((line) => line.startsWith('note: '));
    expect(cliNotes).toContainEqual(
      expect.stringMatching(/^note: 'Value Map'!B4 \[Discount rate\]/),
    );
    expect(await v.page.locator('.open-report .notes li').allTextContents()).toEqual(cliNotes);
    // one sheet, both tables: each line of the accounting says which rows it counts
    const rows = await v.page.locator('.accounting tbody tr td:first-child').allTextContents();
    expect(rows).toEqual(["'Value Map' (outcome rows)", "'Value Map' (input rows)"]);
    await leave(v);
  });

  it('shows a Value Map CSV’s problem at its cell, in the CLI’s words, and opens nothing', async () => {
    const dir = join(root, 'fixtures/valuemap/excel-csv-utf8');
    const lines = readFileSync(join(dir, 'value-map.csv'), 'utf8').split('\r\n');
    // line 11 is the first outcome, with a deadweight of 20.0%: make it 120%
    expect(lines[10]).toContain(',20.0%,');
    lines[10] = (lines[10] ?? '').replace(',20.0%,', ',120.0%,');
    const text = lines.join('\r\n');
    const v = await visit();
    await v.page.setInputFiles('#open-files', {
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(text),
    });
    await v.page.locator('.open-report .problems').waitFor();
    const { io, out } = fakeIo({ 'fixtures/valuemap/excel-csv-utf8/broken.csv': text });
    expect(await run(['validate', 'broken.csv'], { ...io, cwd: dir })).toBe(1);
    const cliLines = `${out.stdout}${out.stderr}`
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim());
    expect(cliLines).toEqual([
      'broken.csv:11 [Deadweight %]: deadweight must be a fraction from 0 to 1 (0% to 100%), got "120.0%"',
    ]);
    expect(await v.page.locator('.open-report .problems .problem-text').allTextContents()).toEqual(
      cliLines,
    );
    expect(await v.page.locator('[data-figure]').count()).toBe(0); // nothing opened
    await leave(v);
  });

  it('warns while a Value Map CSV is as opened that its own figures differ, and edits its metadata and evidence', async () => {
    const v = await visit();
    await v.page.setInputFiles(
      '#open-files',
      join(root, 'fixtures/valuemap/rounded-percentage/value-map.csv'),
    );
    // what `sroi calculate value-map.csv --format json` gives, run in the file's folder so
    // that the cells it names are named as the app names them
    const { io, out } = fakeIo();
    const cwd = join(root, 'fixtures/valuemap/rounded-percentage');
    expect(await run(['calculate', 'value-map.csv', '--format', 'json'], { ...io, cwd })).toBe(0);
    const cli = JSON.parse(out.stdout) as SroiResult;
    await expect.poll(() => ratio(v.page)).toBe(shownRatio(cli));
    const sheetWarning = v.page.locator('.warnings [data-warning="SHEET_FIGURES_DISAGREE"]');
    expect(await sheetWarning.textContent()).toBe(
      cli.warnings.find((w) => w.code === 'SHEET_FIGURES_DISAGREE')?.message,
    );
    // the title rows, as settings to edit
    expect(await v.page.locator('#setting-organisation').inputValue()).toBe(
      'Oakfield Community Garden Trust',
    );
    expect(await v.page.locator('#setting-kind').inputValue()).toBe('evaluative');
    // the sheet's Outputs and evidence columns, in the row
    expect(await v.page.locator('#cell-outcomes-0-output').inputValue()).toBe('52 weekly sessions');
    expect(await v.page.locator('#cell-outcomes-0-evidence-quantity').inputValue()).toBe(
      'Entry and exit survey',
    );
    await v.page.locator('#setting-author').fill('A. Evaluator');
    await v.page.locator('#cell-outcomes-0-evidence-deadweight').fill('Survey of 40 members, 2023');
    // edited, the map is no longer the file's: the sheet's figures no longer apply
    await expect.poll(() => sheetWarning.count()).toBe(0);
    await v.page.locator('#cell-outcomes-0-outcome').focus();
    const saved = JSON.parse((await download(v.page, 'analysis-json')).text) as AnalysisInput;
    expect(saved).toMatchObject({
      organisation: 'Oakfield Community Garden Trust',
      author: 'A. Evaluator',
    });
    // the sheet's own evidence of the quantity kept, the deadweight's added
    expect(saved.outcomes[0]?.evidence).toEqual({
      quantity: 'Entry and exit survey',
      deadweight: 'Survey of 40 members, 2023',
    });
    await leave(v);
  });

  it('edits a deadweight in place and shows the ratio the engine gives; undo and redo', async () => {
    const v = await visit();
    await openExample(v.page);
    const before = await ratio(v.page);
    const cell = v.page.locator('#cell-outcomes-0-deadweight');
    await cell.fill('35%');
    const edited: AnalysisInput = {
      ...example,
      outcomes: example.outcomes.map((o, i) => (i === 0 ? { ...o, deadweight: '35%' } : o)),
    };
    const after = shownRatio(calculateSroi(edited));
    expect(after).not.toBe(before);
    await expect.poll(() => ratio(v.page)).toBe(after);
    // a bare 35 is refused at the cell, with the library's message, and there are no figures
    await cell.fill('35');
    await expect.poll(() => cell.getAttribute('aria-invalid')).toBe('true');
    expect(await v.page.locator('#cell-outcomes-0-deadweight-problems').textContent()).toBe(
      'deadweight must be a fraction from 0 to 1, got "35" (write 35% or 0.35)',
    );
    expect(await ratio(v.page)).toBe('—');
    expect(await axeViolations(v.page)).toEqual([]);
    await v.page.locator('#outcomes .table-scroll').evaluate((box) => {
      box.scrollLeft = box.scrollWidth; // the deduction columns, at the right
    });
    await screenshot(v.page, 'app-problem-cell-1280', '#outcomes');
    // Ctrl+Z takes back the whole typing in that cell: to the example's own figures
    await cell.press('Control+z');
    await expect.poll(() => ratio(v.page)).toBe(before);
    expect(await cell.inputValue()).toBe('20%');
    await cell.press('Control+Shift+z');
    await expect.poll(() => cell.inputValue()).toBe('35');
    await v.page.getByRole('button', { name: 'Undo', exact: true }).click();
    // removing a row, by its button, then undoing it
    await v.page.getByRole('button', { name: /^Remove outcome 3 / }).click();
    const fewer: AnalysisInput = { ...example, outcomes: example.outcomes.slice(0, -1) };
    await expect.poll(() => ratio(v.page)).toBe(shownRatio(calculateSroi(fewer)));
    await v.page.keyboard.press('Control+z');
    await expect.poll(() => ratio(v.page)).toBe(before);
    // moving a row with Alt+↓ changes no figure but the order
    await v.page.locator('#cell-outcomes-0-outcome').focus();
    await v.page.keyboard.press('Alt+ArrowDown');
    await expect
      .poll(() => v.page.locator('#cell-outcomes-1-outcome').inputValue())
      .toBe('Feel less isolated');
    await expect
      .poll(() => v.page.evaluate(() => document.activeElement?.id))
      .toBe('cell-outcomes-1-outcome');
    expect(await ratio(v.page)).toBe(before);
    await leave(v);
  });

  it('draws only the rows of a long map near the screen, and still reaches every row by scrolling, keyboard and its problems', async () => {
    const map = syntheticAnalysis({ outcomes: 200, years: 5, schedule: 'flat' });
    const withDeadweight = (deadweight: unknown) => ({
      ...map,
      outcomes: map.outcomes.map((o, i) => (i === 150 ? { ...o, deadweight } : o)),
    });
    const broken = withDeadweight(25); // a bare 25: a problem at row 151's cell
    const v = await visit();
    await v.page.setInputFiles('#open-files', {
      name: 'map200.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await v.page.locator('#problems .problems').waitFor();
    const drawn = () => v.page.locator('#outcomes tbody tr[data-row]').count();
    expect(await v.page.locator('#outcomes table').getAttribute('aria-rowcount')).toBe('201');
    expect(await drawn()).toBeLessThan(60);
    // the problem's "Go to cell" draws its row and puts the keyboard in the cell
    await v.page
      .locator('#problems')
      .getByRole('button', { name: /^Go to cell/ })
      .first()
      .click();
    await expect
      .poll(() => v.page.evaluate(() => document.activeElement?.id))
      .toBe('cell-outcomes-150-deadweight');
    expect(await v.page.locator('#cell-outcomes-150-deadweight').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await v.page.locator('tr[data-row="150"]').getAttribute('aria-rowindex')).toBe('152');
    // the focused row stays drawn when the page scrolls far from it, and typing there works
    await v.page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => v.page.locator('#cell-outcomes-10-deadweight').count()).toBe(1);
    await v.page.keyboard.type('%');
    const fixed = withDeadweight('25%') as AnalysisInput;
    await expect.poll(() => ratio(v.page)).toBe(shownRatio(calculateSroi(fixed)));
    // (typing brought the focused row back into view)
    // ↓ from row 1 walks down past the rows first drawn, each drawn as the keyboard reaches it
    await v.page.evaluate(() => window.scrollTo(0, 0));
    await v.page.locator('#cell-outcomes-0-quantity').focus();
    for (let i = 0; i < 40; i++) await v.page.keyboard.press('ArrowDown');
    await expect
      .poll(() => v.page.evaluate(() => document.activeElement?.id))
      .toBe('cell-outcomes-40-quantity');
    // scrolled to the end of the table, its last rows are drawn, the focused row stays, and the
    // rows drawn stay few
    await v.page.locator('#outcomes .table-actions button').scrollIntoViewIfNeeded();
    await expect.poll(() => v.page.locator('#cell-outcomes-199-outcome').count()).toBe(1);
    expect(await v.page.evaluate(() => document.activeElement?.id)).toBe(
      'cell-outcomes-40-quantity',
    );
    expect(await drawn()).toBeLessThan(80);
    expect(await axeViolations(v.page)).toEqual([]);
    await leave(v);
  });

  it('saves every export, each as the CLI writes or reads it', async () => {
    const v = await visit();
    await openExample(v.page);
    const exportIds = await v.page
      .locator('[data-export]')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-export')));
    expect(exportIds).toEqual([
      'analysis-json',
      'report-html',
      'value-map-xlsx',
      'outcomes-csv',
      'inputs-csv',
      'settings-json',
      'figures-csv',
    ]);
    const cli = await cliResult([examplePath]);
    const json = await download(v.page, 'analysis-json');
    expect(json.name).toBe('befriending-service-2024-illustrative-example.json');
    expect(JSON.parse(json.text)).toEqual(example);
    expect(await cliResult(['saved.json'], { 'saved.json': json.text })).toEqual(cli);
    const tables = {
      'saved/outcomes.csv': (await download(v.page, 'outcomes-csv')).text,
      'saved/inputs.csv': (await download(v.page, 'inputs-csv')).text,
      'saved/analysis-csv.json': (await download(v.page, 'settings-json')).text,
    };
    expect(await cliResult(['saved/analysis-csv.json'], tables)).toEqual(cli);
    const result = calculateSroi(example);
    const report = fakeIo();
    expect(await run(['report', examplePath], report.io)).toBe(0);
    expect((await download(v.page, 'report-html')).text).toBe(report.out.stdout);
    expect((await download(v.page, 'figures-csv')).text).toBe(renderCsv(result));
    // the workbook reads back to the CLI's figures, with every cell as sroi export writes it
    const workbook = await downloadBytes(v.page, 'value-map-xlsx');
    expect(workbook.name).toBe('befriending-service-2024-illustrative-example.xlsx');
    const read = readWorkbook(new Uint8Array(workbook.bytes));
    const figures = valueMapFigures(read.workbook?.sheets[0] as WorkbookSheet);
    expect(figures.result('sroiRatio')?.value).toBe(cli.sroiRatio);
    expect(figures.result('totalPresentValue')?.value).toBe(cli.totalPresentValue);
    const exported = fakeIo();
    expect(
      await run(['export', examplePath, '--out', 'tests/.output/app/cli.xlsx'], exported.io),
    ).toBe(0);
    const cliBytes = Buffer.from(exported.file('tests/.output/app/cli.xlsx') ?? '', 'latin1');
    const cells = cellValues(new Uint8Array(workbook.bytes));
    expect(cells.length).toBeGreaterThan(100);
    expect(cells).toEqual(cellValues(new Uint8Array(cliBytes)));
    await leave(v);
  });

  it('runs Monte Carlo in the worker with simulate’s figures for the same seed, and cancels a run', async () => {
    const v = await visit();
    await openExample(v.page);
    await v.page.fill('#simulation-draws', '4000');
    await v.page.fill('#simulation-seed', '7');
    await v.page.getByRole('button', { name: 'Run Monte Carlo' }).click();
    // the figures are folded under the histogram, drawn once unfolded
    await v.page.locator('#simulation .report-simulation summary').click();
    const table = v.page.locator('#simulation .report-simulation table').first();
    await table.waitFor({ state: 'attached' });
    const analysis = parseAnalysis(example);
    const simulated = simulate(analysis, parseUncertainty(example.uncertainty, analysis), {
      draws: 4000,
      seed: 7,
    });
    const cells = await table.locator('tbody tr').first().locator('td').allTextContents();
    const r = simulated.sroiRatio;
    expect(cells).toEqual([
      'SROI ratio',
      ...[r.mean, r.p5, r.p50, r.p95].map((x) => formatNumber(x, 2)),
    ]);
    // Cancel stops a long run at once, and the next run works
    await v.page.fill('#simulation-draws', '9000000');
    await v.page.getByRole('button', { name: 'Run Monte Carlo' }).click();
    await v.page.locator('#simulation').getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => v.page.locator('#simulation .task-status').textContent())
      .toBe('Cancelled.');
    await v.page.fill('#simulation-draws', '');
    await v.page.fill('#simulation-seed', '');
    // the section's JSON is read as an analysis file is: a key given twice, at its line and column
    await v.page.locator('#section-uncertainty').fill('{\n  "seed": 1,\n  "seed": 2\n}');
    await v.page.getByRole('button', { name: 'Apply the uncertainty section' }).click();
    expect(await v.page.locator('#section-uncertainty-problems li').first().textContent()).toBe(
      'line 3, column 3: the field "seed" is given twice in one object; give it once (sroi reads the first and reports the second)',
    );
    await leave(v);
  });

  it('saves the report with sensitivity and Monte Carlo exactly as sroi report --sensitivity writes it', async () => {
    const v = await visit();
    await openExample(v.page);
    await v.page.getByRole('button', { name: 'Run sensitivity' }).click();
    await v.page.locator('#sensitivity .report-sensitivity').waitFor({ state: 'attached' });
    await v.page.getByRole('button', { name: 'Run Monte Carlo' }).click();
    await v.page.locator('#simulation .report-simulation').waitFor({ state: 'attached' });
    await v.page.getByRole('button', { name: 'Compare scenarios' }).click();
    await v.page.locator('table.scenarios').waitFor();
    const { io, out } = fakeIo();
    expect(await run(['report', examplePath, '--sensitivity'], io)).toBe(0);
    expect((await download(v.page, 'report-html')).text).toBe(out.stdout);
    // scenarios side by side: the base case and the two scenarios of the example
    expect(await v.page.locator('table.scenarios thead th').allTextContents()).toEqual([
      'Figure',
      'Base case',
      'conservativeMore would have happened anyway, and the loneliness benefit fades faster',
      'optimisticLess deadweight; the loneliness benefit lasts longer',
    ]);
    expect(await axeViolations(v.page)).toEqual([]);
    expect(await v.page.locator('#sensitivity h3').first().textContent()).toBe(
      'Sensitivity of every assumption', // the report's appendix heading, without its letter
    );
    // tall enough for the whole panel, so that the bar at the top does not cover it
    await v.page.setViewportSize({ width: 1280, height: 1400 });
    await screenshot(v.page, 'app-sensitivity-1280', '#sensitivity');
    await screenshot(v.page, 'app-montecarlo-1280', '#simulation .report-simulation');
    await screenshot(v.page, 'app-save-1280', '#save');
    await leave(v);
  });

  it('shows the findings of sroi check, following the map, each about an outcome linking to its row', async () => {
    const v = await visit();
    await openExample(v.page);
    /** The findings table as the page shows it: severity, outcome, finding (its code under it), principle. */
    const shown = () =>
      v.page
        .locator('#findings table.findings tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => Array.from(row.querySelectorAll('td'), (td) => td.textContent)),
        );
    const expected = (findings: CheckResult['findings'], names: Map<string, string>) =>
      findings.map((f) => [
        { high: 'High', medium: 'Medium', low: 'Low' }[f.severity],
        f.outcome === undefined
          ? 'the whole analysis'
          : `1. ${names.get(f.outcome) ?? ''} (go to its row)`,
        `${f.message.charAt(0).toUpperCase()}${f.message.slice(1)}.${f.code}`,
        f.principle,
      ]);
    const names = new Map(parseAnalysis(example).outcomes.map((o) => [o.id, o.outcome]));
    const cli = fakeIo();
    expect(await run(['check', examplePath, '--format', 'json'], cli.io)).toBe(0);
    const check = JSON.parse(cli.out.stdout) as CheckResult;
    expect(check.findings.map((f) => f.code)).toEqual([
      'PROXY_WITHOUT_SOURCE',
      'PROXY_WITHOUT_PRICE_YEAR',
      'VALUE_CONCENTRATED',
    ]); // docs/check.md: what sroi check prints for the example
    await expect.poll(shown).toEqual(expected(check.findings, names));
    await screenshot(v.page, 'app-findings-1280', '#findings');
    // a source for the first outcome's proxy: its finding goes, as checkAnalysis says of the edited map
    await v.page.locator('#cell-outcomes-0-proxy-source').fill('A published study');
    const edited: AnalysisInput = {
      ...example,
      outcomes: example.outcomes.map((o, i) =>
        i === 0 ? { ...o, proxy: { ...o.proxy, source: 'A published study' } } : o,
      ),
    };
    const analysis = parseAnalysis(edited);
    const again = checkAnalysis(analysis, {
      uncertainty: parseUncertainty(example.uncertainty, analysis),
    });
    expect(again.findings).toHaveLength(check.findings.length - 1);
    await expect.poll(shown).toEqual(expected(again.findings, names));
    // the outcome's link takes the keyboard to its row
    await v.page.locator('#findings table.findings tbody button').first().click();
    await expect
      .poll(() => v.page.evaluate(() => document.activeElement?.id))
      .toBe('row-outcomes-0');
    expect(await axeViolations(v.page)).toEqual([]);
    await leave(v);
  });

  it('compares with a previous version as sroi diff does, and saves the report of sroi report --diff --check', async () => {
    const v = await visit();
    await openExample(v.page);
    await v.page.setInputFiles('#compare-files', join(root, examplePath));
    await v.page.locator('#setting-name').fill('Befriending service 2025');
    await v.page.locator('#cell-outcomes-0-deadweight').fill('35%');
    const saved = (await download(v.page, 'analysis-json')).text;
    // what sroi diff says of the same two files
    const diff = fakeIo({ 'edited.json': saved });
    expect(await run(['diff', examplePath, 'edited.json', '--format', 'json'], diff.io)).toBe(0);
    const changes = (JSON.parse(diff.out.stdout) as AnalysisDiff).changes;
    expect(changes.map((c) => c.path)).toEqual(['name', 'outcomes["less-isolated"].deadweight']);
    const rows = v.page.locator('#compare table tbody tr');
    await expect.poll(() => rows.count()).toBe(changes.length);
    expect(await rows.nth(1).locator('td').nth(3).textContent()).toBe(
      `−${formatNumber((changes[1]?.ratioEffect ?? '').replace('-', ''), 2)}`,
    );
    expect(await v.page.locator('#compare table tfoot td').nth(3).textContent()).toBe(
      `−${formatNumber((JSON.parse(diff.out.stdout) as AnalysisDiff).ratioChange?.replace('-', '') ?? '', 2)}`,
    );
    await screenshot(v.page, 'app-compare-1280', '#compare');
    // the report, as sroi report --diff writes it, and with the findings as --check adds them
    const report = fakeIo({ 'edited.json': saved });
    expect(await run(['report', 'edited.json', '--diff', examplePath], report.io)).toBe(0);
    expect((await download(v.page, 'report-html')).text).toBe(report.out.stdout);
    await v.page.getByLabel('Add the findings to the report (as sroi report --check)').check();
    const checked = fakeIo({ 'edited.json': saved });
    expect(await run(['report', 'edited.json', '--diff', examplePath, '--check'], checked.io)).toBe(
      0,
    );
    expect((await download(v.page, 'report-html')).text).toBe(checked.out.stdout);
    expect(await axeViolations(v.page)).toEqual([]);
    // a previous version with problems is not compared; its problems are listed
    await v.page.setInputFiles('#compare-files', {
      name: 'old.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ "name": "old",\n  "outcomes": [ }'),
    });
    // the "}" is the 17th character of line 2
    await expect
      .poll(() => v.page.locator('#compare .problems .problem-text').allTextContents())
      .toEqual([
        'old.json:2:17: outcomes[0]: expected a value (text in double quotes, a number, true, false, null, { or [), got "}"',
      ]);
    await v.page.getByRole('button', { name: 'Stop comparing' }).click();
    expect(await v.page.locator('#compare table').count()).toBe(0);
    await leave(v);
  });

  it('keeps a copy in the browser’s storage that a reload restores, until it is cleared', async () => {
    const v = await visit();
    await openExample(v.page);
    await v.page.locator('#setting-name').fill('Kept here');
    // kept a moment after the edit (the opening may have been kept already, with the old name)
    await expect
      .poll(() =>
        v.page.evaluate(() => localStorage.getItem('sroi-app/autosave')?.includes('Kept here')),
      )
      .toBe(true);
    expect(await v.page.locator('.privacy [role=status]').textContent()).toBe(
      'A copy is kept in this browser.',
    );
    await v.page.reload();
    await v.page.locator('#setting-name').waitFor();
    expect(await v.page.locator('#setting-name').inputValue()).toBe('Kept here');
    await v.page.getByRole('button', { name: 'Clear the copy kept in this browser' }).click();
    await v.page.reload();
    await v.page.getByRole('button', { name: 'Open the included example' }).waitFor();
    expect(await v.page.locator('#setting-name').count()).toBe(0);
    await leave(v);
  });

  it('is usable 390 px wide, with no serious accessibility violation', async () => {
    const v = await visit(390);
    expect(await axeViolations(v.page)).toEqual([]);
    await openExample(v.page);
    expect(await v.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    expect(await axeViolations(v.page)).toEqual([]);
    await screenshot(v.page, 'app-example-390');
    await screenshot(v.page, 'app-outcomes-390', '#outcomes');
    await leave(v);
  });

  it('works from a static web server too (sroi app --serve)', async () => {
    const server = await serveApp(readFileSync(appFile, 'utf8'), 0);
    try {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      const v = await visit(1280, `http://127.0.0.1:${port}/`);
      await openExample(v.page);
      await v.page.getByRole('button', { name: 'Run Monte Carlo' }).click();
      await v.page.locator('#simulation .report-simulation').waitFor({ state: 'attached' });
      await leave(v);
    } finally {
      server.close();
    }
  });
});
