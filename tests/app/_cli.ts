/** What the CLI says about files, for comparing the app with it: `sroi calculate --format json`. */
import { fakeIo } from '../cli/_fakeIo.js';
import { run } from '../../src/cli/run.js';
import type { SroiResult } from '../../src/model/result.js';

/** The result `sroi calculate ARGS --format json` prints (files relative to the repository). */
export async function cliResult(
  args: readonly string[],
  files: Record<string, string> = {},
): Promise<SroiResult> {
  const { io, out } = fakeIo(files);
  const code = await run(['calculate', ...args, '--format', 'json'], io);
  if (code !== 0) throw new Error(`sroi calculate ${args.join(' ')} exited ${code}: ${out.stderr}`);
  return JSON.parse(out.stdout) as SroiResult;
}
