/**
 * The programs some tests drive: Debian's Chromium (browser tests) and LibreOffice (workbook
 * recalculation). On a machine without one of them its tests skip, and the test run prints one
 * line saying so and how to run them (`globalSetup.ts`). CI installs both and sets the variable
 * that makes them required, so that CI never skips them: there, a missing program fails the run.
 */
import { existsSync } from 'node:fs';

export interface ExternalTool {
  /** What the tests use it for, for the skip line. */
  readonly purpose: string;
  /** The executable the tests start. */
  readonly path: string;
  /** How to install it on Debian. */
  readonly install: string;
  /** Set to `1` to make its tests required (CI sets it). */
  readonly requiredBy: string;
}

/** Debian's Chromium; `SROI_CHROMIUM_PATH` names another build (or a missing one, to see the skip). */
export const chromiumTool: ExternalTool = {
  purpose: 'browser tests (tests/browser/)',
  path: process.env['SROI_CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  install: 'apt-get install -y chromium',
  requiredBy: 'SROI_REQUIRE_BROWSER',
};

/**
 * LibreOffice, headless (Debian's `libreoffice-calc-nogui`), which recalculates the Value Map
 * workbooks sroi writes; `SROI_LIBREOFFICE_PATH` names another `soffice`.
 */
export const libreofficeTool: ExternalTool = {
  purpose: 'LibreOffice recalculation tests (tests/workbook/libreoffice.test.ts)',
  path: process.env['SROI_LIBREOFFICE_PATH'] ?? '/usr/bin/soffice',
  install: 'apt-get install -y libreoffice-calc-nogui',
  requiredBy: 'SROI_REQUIRE_LIBREOFFICE',
};

/** Whether the tool's executable is on this machine. */
export function available(tool: ExternalTool): boolean {
  return existsSync(tool.path);
}

/** Whether the tool's tests must run: CI sets `requiredBy=1`. */
export function required(tool: ExternalTool): boolean {
  return process.env[tool.requiredBy] === '1';
}

/**
 * Whether a test file that needs `tool` skips: only when the tool is absent and not required.
 * When it is required and absent, the file runs and fails at its first launch, which is what CI
 * must see.
 */
export function skipWithout(tool: ExternalTool): boolean {
  return !available(tool) && !required(tool);
}

/** The one line a test run prints for a tool that is absent. */
export function skipLine(tool: ExternalTool): string {
  return `sroi tests: ${tool.path} not found, so the ${tool.purpose} are SKIPPED. To run them: ${tool.install}; set ${tool.requiredBy}=1 to make them required.`;
}
