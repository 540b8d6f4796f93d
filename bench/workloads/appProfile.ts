/**
 * A CPU profile of the web app in Debian's headless Chromium, for finding where an edit or an
 * opening spends its time (the APP benchmark's workloads, `appChromium.ts`, run many times in a
 * row under Chrome's own profiler, through the debugging protocol). The page is built without
 * minifying, so that the profile names the app's and the library's functions.
 *
 *   npx tsx bench/workloads/appProfile.ts edit [runs] [file.cpuprofile]
 *   npx tsx bench/workloads/appProfile.ts open [runs] [file.cpuprofile]
 *   npx tsx bench/workloads/summariseProfile.ts file.cpuprofile
 *
 * `edit`: a deadweight typed into a 100-outcome map, alternately 10% and 90%; `open`: two
 * 200-outcome analysis JSON files opened in turn by the file picker. Prints the median time of
 * the runs (in the page, `performance.now()`, profiler on, so slower than the benchmark's).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../../scripts/build-app.js';
import { launchChromium } from '../../tests/_support/chromium.js';
import { syntheticAnalysis } from '../synthetic.js';
import { median } from './_measure.js';

const [which = 'edit', runsText = '100', out = '/tmp/sroi-app.cpuprofile'] = process.argv.slice(2);
const runs = Number(runsText);
const scratch = mkdtempSync(join(tmpdir(), 'sroi-app-profile-'));
const browser = await launchChromium();
try {
  const app = join(scratch, 'index.html');
  writeFileSync(app, (await buildApp({ minify: false })).html);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await context.newPage();
  await page.goto(pathToFileURL(app).href);
  const cdp = await context.newCDPSession(page);
  let times: number[];
  if (which === 'edit') {
    const map = syntheticAnalysis({ outcomes: 100, years: 5, schedule: 'flat' });
    await page.setInputFiles('#open-files', {
      name: 'map100.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(map)),
    });
    await page.waitForSelector('#cell-outcomes-0-deadweight');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    times = await page.evaluate(async (runs) => {
      const cell = document.getElementById('cell-outcomes-0-deadweight') as HTMLInputElement;
      const out: number[] = [];
      for (let run = 0; run < runs; run++) {
        const start = performance.now();
        cell.value = run % 2 === 0 ? '10%' : '90%';
        cell.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise<void>((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(0);
        });
        void document.body.offsetHeight;
        out.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return out;
    }, runs);
  } else {
    const files = [1, 2].map((seed) =>
      JSON.stringify(syntheticAnalysis({ outcomes: 200, years: 5, seed, schedule: 'flat' })),
    );
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    times = await page.evaluate(
      async ({ files, runs }) => {
        const input = document.getElementById('open-files') as HTMLInputElement;
        const out: number[] = [];
        for (let run = 0; run < runs; run++) {
          const name = `map200-${run % 2}.json`;
          const transfer = new DataTransfer();
          transfer.items.add(new File([files[run % 2] ?? ''], name));
          const start = performance.now();
          input.files = transfer.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
          await new Promise<void>((resolve) => {
            const check = () => {
              const source = document.querySelector('.status-source')?.textContent ?? '';
              if (source === name && document.querySelector('[data-figure="sroiRatio"]') !== null) {
                void document.body.offsetHeight;
                resolve();
              } else setTimeout(check, 0);
            };
            check();
          });
          out.push(performance.now() - start);
        }
        return out;
      },
      { files, runs },
    );
  }
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(out, JSON.stringify(profile));
  const sorted = [...times].sort((a, b) => a - b);
  process.stdout.write(
    `${which}: median ${median(sorted).toFixed(1)} ms over ${times.length} runs (profiler on); profile in ${out}\n`,
  );
  await context.close();
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}
