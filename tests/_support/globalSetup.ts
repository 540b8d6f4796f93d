/**
 * Runs once before the test files: says, in one line per program, which tests skip because a
 * program they drive is not on this machine, and stops the run when CI requires a program that
 * is missing (see `externalTools.ts`).
 */
import { available, chromiumTool, libreofficeTool, required, skipLine } from './externalTools.js';

export default function setup(): void {
  for (const tool of [chromiumTool, libreofficeTool]) {
    if (available(tool)) continue;
    if (required(tool)) {
      throw new Error(
        `${tool.requiredBy}=1 but ${tool.path} is not installed: ${tool.install} (the ${tool.purpose} must run here)`,
      );
    }
    process.stderr.write(`\n${skipLine(tool)}\n\n`);
  }
}
