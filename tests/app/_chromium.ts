/**
 * Debian's Chromium as the web app's tests and its benchmark start it: headless, no sandbox,
 * nothing of its own reaching the network (no updates, sync or background requests).
 */
import { chromium } from 'playwright-core';
import { chromiumTool } from '../_support/externalTools.js';
import type { Browser } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumTool.path,
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
  });
}
