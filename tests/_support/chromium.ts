/**
 * Debian's Chromium as every browser test and the app benchmark start it: headless, no sandbox,
 * nothing of its own reaching the network (no updates, sync or background requests), never a
 * downloaded browser (`externalTools.ts` says where it is and when its tests skip).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumTool } from './externalTools.js';
import type { Browser, BrowserContext } from 'playwright-core';

/** The flags Chromium runs with here (a closed network refuses anything else it would send). */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser to open pages in (each test its own context). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumTool.path, headless: true, args: ARGS });
}

/** A browser context with a new, empty profile of its own; `close` also removes the profile. */
export async function launchChromiumProfile(viewport?: {
  readonly width: number;
  readonly height: number;
}): Promise<{ readonly context: BrowserContext; readonly close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'sroi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumTool.path,
    headless: true,
    args: ARGS,
    ...(viewport === undefined ? {} : { viewport }),
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
