/**
 * APP: the web app in Debian's headless Chromium (docs/app.md), the page `npm run build` writes,
 * opened from disk. Three measurements, each timed inside the page with `performance.now()` (so
 * the time is the page's own, not the driver's) and reported as the median of the timed runs
 * after one untimed warm-up run:
 *
 * - one edit of a 100-outcome map (a deadweight typed into its cell) until the figures and the
 *   charts show the new result, layout included: target ≤ 16 ms (one frame at 60 Hz);
 * - 10,000 Monte Carlo draws of a 20-outcome map with five uncertain assumptions per outcome
 *   (bench/sensitivity.ts's), from the Run button to the histogram, in the worker: target ≤ 1 s;
 * - opening a 200-outcome analysis JSON file, the same map as a Value Map workbook (.xlsx), and a map as outcomes and inputs CSV files,
 *   from the file picker's change event to the figures: target ≤ 300 ms; and the JSON file again
 *   with the page scrolled to the outcomes table, so that every row the screen holds is drawn
 *   (the table draws only the rows near the screen: src/app/RowsTable.ts).
 *
 * Each run is checked: the figure it waits for is the one the engine gives in Node. Prints
 * figures only; asserts nothing about time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../../scripts/build-app.js';
import { chromiumTool, available } from '../../tests/_support/externalTools.js';
import { median } from './_measure.js';
import { launchChromium } from '../../tests/_support/chromium.js';
import { atMost, formatMs } from './_report.js';
import { outcomesCsv } from './outcomesCsv.js';
import { FIVE_ASSUMPTIONS } from '../sensitivity.js';
import { syntheticAnalysis } from '../synthetic.js';
import { calculateSroi } from '../../src/calculateSroi.js';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { readCsvAnalysis } from '../../src/csv/readCsvAnalysis.js';
import { round } from '../../src/report/round.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { writeValueMap } from '../../src/workbook/writeValueMap.js';
import type { Page } from 'playwright-core';
import type { BenchConfig } from './_config.js';
import type { BenchLine } from './_report.js';
import type { AnalysisInput } from '../../src/schema/analysisSchema.js';

/** The headline ratio as the app shows it. */
function shown(ratio: string | null): string {
  return ratio === null ? 'undefined (no inputs)' : `${round(ratio, 2)} : 1`;
}

/** How many timed runs: the config's minimum, more up to its maximum (each run is short). */
function runsOf(config: BenchConfig, wanted: number): number {
  return Math.max(config.runs.minRuns, Math.min(config.runs.maxRuns * 5, wanted));
}

/** Opens a file in the page and waits for its figures; in-page times in ms, warm-up first. */
async function timeOpening(
  page: Page,
  files: readonly (readonly { name: string; text?: string; bytes?: number[] }[])[],
  ratios: readonly string[],
  runs: number,
): Promise<number[]> {
  return page.evaluate(
    async ({ files, ratios, runs }) => {
      const input = document.getElementById('open-files') as HTMLInputElement;
      const ratio = () => document.querySelector('[data-figure="sroiRatio"]')?.textContent;
      const times: number[] = [];
      for (let run = 0; run <= runs; run++) {
        const which = run % files.length;
        const transfer = new DataTransfer();
        for (const f of files[which] ?? []) {
          const content = f.bytes === undefined ? (f.text ?? '') : new Uint8Array(f.bytes);
          transfer.items.add(new File([content], f.name));
        }
        const start = performance.now();
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise<void>((resolve, reject) => {
          const check = () => {
            if (ratio() === ratios[which]) {
              void document.body.offsetHeight; // layout included
              resolve();
            } else if (performance.now() - start > 30_000)
              reject(new Error(`no figures: ${ratio()}`));
            else setTimeout(check, 0);
          };
          check();
        });
        times.push(performance.now() - start);
      }
      return times.slice(1);
    },
    { files: files.map((f) => [...f]), ratios: [...ratios], runs },
  );
}

export async function runApp(config: BenchConfig, emit: (line: BenchLine) => void): Promise<void> {
  if (!available(chromiumTool)) {
    emit({ id: 'APP', label: `skipped: ${chromiumTool.path} not found (${chromiumTool.install})` });
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'sroi-bench-app-'));
  const browser = await launchChromium();
  try {
    const app = join(scratch, 'index.html');
    writeFileSync(app, (await buildApp()).html);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // tsx compiles the functions evaluated in the page with esbuild's name helper; define it there.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const page = await context.newPage();
    await page.goto(pathToFileURL(app).href);

    // 1. One edit of a 100-outcome map, to figures and charts updated.
    const map100 = syntheticAnalysis({ outcomes: 100, years: 5, schedule: 'flat' });
    const edited = (deadweight: string): string => {
      const copy: AnalysisInput = {
        ...map100,
        outcomes: map100.outcomes.map((o, i) => (i === 0 ? { ...o, deadweight } : o)),
      };
      return shown(calculateSroi(copy).sroiRatio);
    };
    const values = ['10%', '90%'];
    const expected = values.map(edited);
    if (expected[0] === expected[1]) throw new Error('the two edits give the same ratio');
    await page.setInputFiles('#open-files', {
      name: 'map100.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(map100)),
    });
    await page.waitForSelector('#cell-outcomes-0-deadweight');
    const editRuns = runsOf(config, config.quick ? 20 : 60);
    const editTimes = await page.evaluate(
      async ({ values, expected, runs }) => {
        const cell = document.getElementById('cell-outcomes-0-deadweight') as HTMLInputElement;
        const ratio = document.querySelector('[data-figure="sroiRatio"]');
        const times: number[] = [];
        // After every microtask (Preact renders in one), before the next task: a message.
        const afterRender = () =>
          new Promise<void>((resolve) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve();
            channel.port2.postMessage(0);
          });
        for (let run = 0; run <= runs; run++) {
          const which = run % 2;
          const start = performance.now();
          cell.value = values[which] ?? '';
          cell.dispatchEvent(new Event('input', { bubbles: true }));
          await afterRender();
          void document.body.offsetHeight; // style and layout of the new figures and charts
          const end = performance.now();
          if (ratio?.textContent !== expected[which]) {
            throw new Error(
              `after the edit the ratio reads ${ratio?.textContent}, not ${expected[which]}`,
            );
          }
          times.push(end - start);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return times.slice(1);
      },
      { values, expected, runs: editRuns },
    );
    const editMedian = median([...editTimes].sort((a, b) => a - b));
    emit({
      id: 'APP',
      label: 'one edit, 100 outcomes × 5 years: figures, charts',
      median: formatMs(editMedian),
      runs: editTimes.length,
      target: '≤ 16 ms',
      verdict: atMost(editMedian, 16),
    });

    // 2. 10,000 Monte Carlo draws of a 20-outcome map, in the worker.
    const map20 = {
      ...syntheticAnalysis({ outcomes: 20, years: 5, schedule: 'flat' }),
      uncertainty: { seed: 42, draws: 10_000, parameters: FIVE_ASSUMPTIONS },
    };
    await page.setInputFiles('#open-files', {
      name: 'map20.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(map20)),
    });
    await page.waitForFunction(() =>
      document.querySelector('.status-source')?.textContent?.includes('map20.json'),
    );
    const drawRuns = runsOf(config, config.quick ? 3 : 7);
    const drawTimes = await page.evaluate(async (runs) => {
      const button = Array.from(document.querySelectorAll('#simulation button')).find(
        (b) => b.textContent === 'Run Monte Carlo',
      ) as HTMLButtonElement;
      const panel = document.getElementById('simulation') as HTMLElement;
      const times: number[] = [];
      for (let run = 0; run <= runs; run++) {
        const start = performance.now();
        button.click();
        await new Promise<void>((resolve) => {
          let seenRunning = false;
          const observer = new MutationObserver(() => {
            const running = panel.querySelector('progress') !== null;
            seenRunning ||= running;
            if (seenRunning && !running && panel.querySelector('.report-simulation') !== null) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(panel, { subtree: true, childList: true, characterData: true });
        });
        times.push(performance.now() - start);
      }
      return times;
    }, drawRuns);
    const [firstDraw = 0, ...laterDraws] = drawTimes;
    const drawMedian = median([...laterDraws].sort((a, b) => a - b));
    const histogramDraws = await page
      .locator('#simulation .report-simulation p')
      .first()
      .textContent();
    if (!histogramDraws?.includes('10,000 times (seed 42)')) {
      throw new Error(`the simulation did not draw 10,000 times: ${histogramDraws}`);
    }
    emit({
      id: 'APP',
      label: '10,000 draws × 20 outcomes × 5 years, in the worker',
      median: formatMs(drawMedian),
      runs: laterDraws.length,
      target: '≤ 1,000 ms',
      verdict: atMost(drawMedian, 1000),
    });
    emit({
      id: 'APP',
      label: '  the first run (starts the worker)',
      median: formatMs(firstDraw),
      runs: 1,
    });

    // 3. Opening a 200-outcome map: an analysis JSON file, and CSV tables.
    const json = [1, 2].map((seed) =>
      syntheticAnalysis({ outcomes: 200, years: 5, seed, schedule: 'flat' }),
    );
    const jsonRatios = json.map((a) => shown(calculateSroi(a).sroiRatio));
    const openRuns = runsOf(config, config.quick ? 10 : 30);
    const jsonTimes = await timeOpening(
      page,
      json.map((a, i) => [{ name: `map200-${i}.json`, text: JSON.stringify(a) }]),
      jsonRatios,
      openRuns,
    );
    // Two different maps in turn (every outcome's text differs), as with the JSON files, so that
    // each opening puts new values in every cell.
    const csvTexts = [outcomesCsv(200), outcomesCsv(200).replaceAll('Outcome ', 'Change ')];
    const csvFiles = ['150000', '250000'].map((value, i) => [
      { name: 'inputs.csv', text: `description,value\r\nGrant,${value}\r\n` },
      { name: 'outcomes.csv', text: csvTexts[i] ?? '' },
    ]);
    const csvRatios = csvFiles.map((files) => {
      const read = readCsvAnalysis({
        outcomes: { file: 'outcomes.csv', text: files[1]?.text ?? '' },
        inputs: { file: 'inputs.csv', text: files[0]?.text ?? '' },
        settings: { name: 'outcomes' },
      });
      if (!read.success) throw new Error('the bench CSV does not read');
      return shown(evaluateAnalysis(read.analysis).sroiRatio);
    });
    const csvTimes = await timeOpening(page, csvFiles, csvRatios, openRuns);
    // The same two JSON maps as Value Map workbooks, as writeValueMap (the app's own Save) writes
    // them: read back by readWorkbook and readValueMap in the page, figures compared.
    const xlsxFiles = json.map((a, i) => {
      const analysis = parseAnalysis(a);
      const bytes = writeValueMap(analysis, evaluateAnalysis(analysis));
      return [{ name: `map200-${i}.xlsx`, bytes: [...bytes] }];
    });
    const xlsxTimes = await timeOpening(page, xlsxFiles, jsonRatios, openRuns);
    // The table draws the rows on the screen: with the page scrolled to the outcomes, every row
    // the screen holds is drawn on each opening (above, the table starts below the screen).
    await page.locator('#outcomes').evaluate((table) => table.scrollIntoView({ block: 'start' }));
    const inViewTimes = await timeOpening(
      page,
      json.map((a, i) => [{ name: `map200-${i}.json`, text: JSON.stringify(a) }]),
      jsonRatios,
      openRuns,
    );
    const drawn = await page.locator('#outcomes tbody tr[data-row]').count();
    for (const [label, times] of [
      ['open a 200-outcome analysis JSON file', jsonTimes],
      ['open 200-outcome outcomes.csv + inputs.csv', csvTimes],
      ['open a 200-outcome Value Map workbook (.xlsx)', xlsxTimes],
      [`  the JSON file, the outcomes on screen (${drawn} rows drawn)`, inViewTimes],
    ] as const) {
      const middle = median([...times].sort((a, b) => a - b));
      emit({
        id: 'APP',
        label,
        median: formatMs(middle),
        runs: times.length,
        target: '≤ 300 ms',
        verdict: atMost(middle, 300),
      });
    }
    emit({ id: 'APP', label: `  Chromium ${browser.version()}` });
    await context.close();
  } finally {
    await browser.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
